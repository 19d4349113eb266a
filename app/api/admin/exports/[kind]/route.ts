import { NextResponse, type NextRequest } from "next/server";
import { currentPrincipal } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/errors";
import { startExport } from "@/lib/imports/service";

// CSV download of products, prices or stock (?store=CODE for one store) in the import format, streamed:
// brand.manage of ?brand= (a brand admin's own brand when none is named).
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ kind: string }> }) {
  return withErrors(async () => {
    const q = request.nextUrl.searchParams;
    const out = await startExport(await currentPrincipal(), { brand: q.get("brand") ?? undefined, kind: (await params).kind, store: q.get("store") });
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
