import { describe, expect, it, vi } from "vitest";
import { checkHealth } from "@/lib/health";
import { GET } from "@/app/api/health/route";
import { clientFor } from "../setup/fresh-db";
import { onPostgres } from "../setup/dialect";

describe("/api/health", () => {
  it("answers 200 with the database's state", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    // SQLite must run in WAL mode; PostgreSQL reports its server version.
    expect(body).toMatchObject({ status: "ok", database: onPostgres ? { reachable: true, dialect: "postgresql", serverVersion: expect.stringMatching(/^\d+\.\d+/) } : { reachable: true, dialect: "sqlite", journalMode: "wal" } });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports an unreachable database without leaking the error", async () => {
    // A folder that does not exist, or a loopback port nothing listens on (1).
    const broken = clientFor(onPostgres ? "postgresql://mc@127.0.0.1:1/none" : "file:/nonexistent-dir/for/sure/app.db");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const report = await checkHealth(broken);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    expect(report).toEqual({ status: "degraded", database: { reachable: false, error: "数据库不可用 / database unreachable" } });
  });
});
