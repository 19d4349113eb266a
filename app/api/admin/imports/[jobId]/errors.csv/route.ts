import { NextResponse } from "next/server";
import { currentPrincipal } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/errors";
import { importErrorsCsv } from "@/lib/imports/service";

// Every bad row of an import as a CSV (row, field, message), for files with more bad rows than the page shows:
// brand.manage of the job's brand; another brand's job id is answered like an unknown one (404).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  return withErrors(async () => {
    const out = await importErrorsCsv(await currentPrincipal(), (await params).jobId);
    if ("code" in out) return NextResponse.json({ error: { code: out.code, message: out.message } }, { status: out.status });
    return new Response(out.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${out.fileName}"`,
        "cache-control": "no-store",
      },
    });
  });
}
