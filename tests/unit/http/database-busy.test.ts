import { describe, expect, it } from "vitest";
import { isDatabaseBusy, withErrors } from "@/lib/http/errors";
import { expectConsoleError } from "../../setup/console-error";

// The shapes SQLITE_BUSY arrives in: Prisma's wrapping of a driver adapter error, and better-sqlite3's own.
const prismaBusy = Object.assign(new Error("Raw query failed. Code: `SQLITE_BUSY`. Message: `database is locked`"), {
  code: "P2010",
  meta: { driverAdapterError: Object.assign(new Error("SocketTimeout"), { cause: { originalCode: "SQLITE_BUSY", originalMessage: "database is locked", kind: "SocketTimeout" } }) },
});

describe("a busy database", () => {
  it("is recognised through Prisma's wrapping and on a raw driver error, and nothing else is", () => {
    expect(isDatabaseBusy(prismaBusy)).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("x"), { code: "SQLITE_BUSY_SNAPSHOT" }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("x"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });

  it("becomes a 503 with Retry-After; any other failure stays a 500; neither shows a stack", async () => {
    const consoleError = expectConsoleError();
    const busy = await withErrors(async () => Promise.reject(prismaBusy));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    const other = await withErrors(async () => Promise.reject(new Error("boom")));
    expect(other.status).toBe(500);
    for (const body of [await busy.text(), await other.text()]) expect(body).not.toMatch(/SQLITE|boom|at /);
    expect(consoleError).toHaveBeenCalledTimes(2);
  });
});
