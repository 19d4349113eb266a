import { db } from "@/lib/db";

export type HealthReport = { status: "ok" | "degraded"; database: { reachable: boolean; latencyMs?: number; journalMode?: string; error?: string } };

/** The database's state for /api/health: one trivial query, with its latency. */
export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  try {
    const rows = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    await db.brand.count();
    return { status: "ok", database: { reachable: true, latencyMs: Math.round(performance.now() - started), journalMode: rows[0]?.journal_mode } };
  } catch (error) {
    console.error("[health] database unreachable", error);
    return { status: "degraded", database: { reachable: false, error: "数据库不可用 / database unreachable" } };
  }
}
