import { describe, expect, it } from "vitest";
import { isDatabaseBusy, withErrors } from "@/lib/http/errors";
import { expectConsoleError } from "../../setup/console-error";

// The shapes SQLITE_BUSY arrives in: Prisma's wrapping of a driver adapter error, and better-sqlite3's own.
const prismaBusy = Object.assign(new Error("Raw query failed. Code: `SQLITE_BUSY`. Message: `database is locked`"), {
  code: "P2010",
  meta: { driverAdapterError: Object.assign(new Error("SocketTimeout"), { cause: { originalCode: "SQLITE_BUSY", originalMessage: "database is locked", kind: "SocketTimeout" } }) },
});

// PostgreSQL's, as Prisma wraps them (the shape logged by tests/integration/ops/busy.test.ts on PostgreSQL 15).
const pgBusy = (code: string, message: string) =>
  Object.assign(new Error(`Raw query failed. Code: \`${code}\`. Message: \`${message}\``), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: code, originalMessage: message, kind: "postgres", code, severity: "ERROR", message } } },
  });

describe("a busy database", () => {
  it("on PostgreSQL: a lock wait past lock_timeout, no free connection, deadlock or serialization give-way", () => {
    expect(isDatabaseBusy(pgBusy("55P03", "canceling statement due to lock timeout"))).toBe(true);
    expect(isDatabaseBusy(pgBusy("53300", "sorry, too many clients already"))).toBe(true);
    expect(isDatabaseBusy(pgBusy("40P01", "deadlock detected"))).toBe(true);
    expect(isDatabaseBusy(pgBusy("40001", "could not serialize access due to concurrent update"))).toBe(true);
    expect(isDatabaseBusy(new Error("timeout exceeded when trying to connect"))).toBe(true);
    // A broken rule is not "busy": retrying would not help.
    expect(isDatabaseBusy(pgBusy("23514", 'new row for relation "Inventory" violates check constraint "Inventory_1_check"'))).toBe(false);
    expect(isDatabaseBusy(pgBusy("42601", "syntax error at or near \"PRAGMA\""))).toBe(false);
  });

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
