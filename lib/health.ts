import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type HealthReport = { status: "ok" | "degraded"; database: { reachable: boolean; latencyMs?: number; journalMode?: string; error?: string } };

/** The database's state for /api/health: one trivial query, with its latency. */
export async function checkHealth(client: PrismaClient = db): Promise<HealthReport> {
  const started = performance.now();
  try {
    const rows = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    await client.brand.count();
    return { status: "ok", database: { reachable: true, latencyMs: Math.round(performance.now() - started), journalMode: rows[0]?.journal_mode } };
  } catch (error) {
    console.error("[health] database unreachable", error);
    return { status: "degraded", database: { reachable: false, error: "数据库不可用 / database unreachable" } };
  }
}
