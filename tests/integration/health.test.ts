import { describe, expect, it, vi } from "vitest";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkHealth } from "@/lib/health";
import { GET } from "@/app/api/health/route";

describe("/api/health", () => {
  it("answers 200 with the database's state", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { reachable: true, journalMode: "wal" } });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports an unreachable database without leaking the error", async () => {
    const broken = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: "file:/nonexistent-dir/for/sure/app.db" }) });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const report = await checkHealth(broken);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    expect(report).toEqual({ status: "degraded", database: { reachable: false, error: "数据库不可用 / database unreachable" } });
  });
});
