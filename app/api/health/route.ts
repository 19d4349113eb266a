import { NextResponse } from "next/server";
import { ensurePragmas } from "@/lib/db";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  await ensurePragmas().catch(() => undefined);
  const report = await checkHealth();
  return NextResponse.json(report, { status: report.database.reachable ? 200 : 503, headers: { "cache-control": "no-store" } });
}
