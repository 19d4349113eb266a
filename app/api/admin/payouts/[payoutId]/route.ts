import { decide } from "@/lib/auth/policy";
import { currentPrincipal } from "@/lib/auth/session";
import { payoutCsv, payoutDetail } from "@/lib/commission/queries";

// A payout as CSV for finance (Excel): brand.manage of the payout's own brand. Another brand's payout id is
// answered like an unknown one (404), so ids cannot be probed across brands.

export const dynamic = "force-dynamic";

const PAYOUT_ID = /^[A-Za-z0-9-]{1,64}$/;

export async function GET(_request: Request, { params }: { params: Promise<{ payoutId: string }> }) {
  const principal = await currentPrincipal();
  const decision = decide(principal, "brand.manage");
  if (decision !== "allow") return Response.json({ error: decision }, { status: decision === "unauthenticated" ? 401 : 403 });
  const { payoutId } = await params;
  const detail = PAYOUT_ID.test(payoutId) ? await payoutDetail(payoutId) : null;
  if (!detail || decide(principal, "brand.manage", { brandId: detail.brandId }) !== "allow") {
    return Response.json({ error: "not_found" }, { status: 404 });
  }
  return new Response(payoutCsv(detail), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${detail.payoutId}.csv"`,
      "cache-control": "no-store",
    },
  });
}
