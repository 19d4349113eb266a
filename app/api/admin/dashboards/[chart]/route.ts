import { currentPrincipal } from "@/lib/auth/session";
import { exportChart } from "@/lib/analytics/export";
import { withErrors } from "@/lib/http/errors";

// One dashboard chart's data as CSV (Excel: UTF-8 with BOM), with the page's filters in the query string:
// ?brand=&city=&store=&store=&from=&to=. brand.manage of the brand; bad filters are a 400 with the reason.

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  return withErrors(async () => {
    const { chart } = await params;
    const searchParams = new URL(request.url).searchParams;
    // store= repeats for a set of stores (?store=SH01&store=BJ01); the other filters are single values.
    const query = { ...Object.fromEntries(searchParams), store: searchParams.getAll("store") };
    const result = await exportChart(await currentPrincipal(), chart, query);
    if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
    return new Response(result.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${result.fileName}"`,
        "cache-control": "no-store",
      },
    });
  });
}
