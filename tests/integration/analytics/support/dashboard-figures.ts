// Child process of seeded-activity.test.ts: prints, as JSON, what lib/analytics shows for each request (brand slug
// + the URL's filters) at a given instant, against the database DATABASE_URL names. Run with
// `tsx --conditions=react-server` (lib/analytics is server-only).
import { overviewHeadline } from "@/lib/analytics/dashboard";
import { parseDashboardQuery } from "@/lib/analytics/filters";
import { dashboardScope, loadDashboard } from "@/lib/analytics/queries";
import { db } from "@/lib/db";

type Request = { brand: string; query: Record<string, string> };

async function main(): Promise<void> {
  const [nowIso, requestsJson] = process.argv.slice(2);
  const now = new Date(nowIso!);
  const requests = JSON.parse(requestsJson!) as Request[];
  const out = [];
  for (const r of requests) {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: r.brand }, select: { id: true } });
    const parsed = parseDashboardQuery(r.query, now);
    if (!parsed.ok) throw new Error(parsed.message);
    const scope = await dashboardScope(brand.id, parsed.query, parsed.period);
    out.push({
      from: parsed.period.from,
      to: parsed.period.to,
      storeIds: scope.storeIds,
      overview: (await overviewHeadline(brand.id, now)).headline,
      dashboard: await loadDashboard(scope),
    });
  }
  process.stdout.write(JSON.stringify(out));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
