import { NextResponse } from "next/server";
import { currentPrincipal } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/errors";
import { importStatus } from "@/lib/imports/service";

// An import's progress and result (polled every second by the import page): brand.manage of the job's brand;
// another brand's job id is answered like an unknown one (404).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  return withErrors(async () => {
    const view = await importStatus(await currentPrincipal(), (await params).jobId);
    if ("code" in view) return NextResponse.json({ error: { code: view.code, message: view.message } }, { status: view.status });
    return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
  });
}
