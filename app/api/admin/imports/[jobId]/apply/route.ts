import { after, NextResponse, type NextRequest } from "next/server";
import { currentPrincipal } from "@/lib/auth/session";
import { apiError, withErrors } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { startImportApply } from "@/lib/imports/service";

// Apply a checked import (or resume an interrupted one): brand.manage of the job's brand. 202 at once; the
// batches run after the response and the page polls the job's status.
export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ jobId: string }> }) {
  return withErrors(async () => {
    if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
    const started = await startImportApply(await currentPrincipal(), (await params).jobId);
    if ("status" in started) return NextResponse.json({ error: { code: started.code, message: started.message } }, { status: started.status });
    after(started.run);
    return NextResponse.json({ jobId: started.jobId }, { status: 202 });
  });
}
