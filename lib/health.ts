import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { onPostgres, type Dialect } from "@/lib/db/dialect";

export type HealthReport = {
  status: "ok" | "degraded";
  database: { reachable: boolean; dialect?: Dialect; latencyMs?: number; journalMode?: string; serverVersion?: string; error?: string };
};

/** The database's state for /api/health: one trivial query, with its latency. */
export async function checkHealth(client: PrismaClient = db): Promise<HealthReport> {
  const started = performance.now();
  try {
    // SQLite reports its journal mode (WAL expected), PostgreSQL its version.
    const facts = onPostgres()
      ? { dialect: "postgresql" as const, serverVersion: (await client.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v"))[0]?.v }
      : { dialect: "sqlite" as const, journalMode: (await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode"))[0]?.journal_mode };
    await client.brand.count();
    return { status: "ok", database: { reachable: true, latencyMs: Math.round(performance.now() - started), ...facts } };
  } catch (error) {
    console.error("[health] database unreachable", error);
    return { status: "degraded", database: { reachable: false, error: "数据库不可用 / database unreachable" } };
  }
}
