import "server-only";
import { DashboardRefused, parseDashboardQuery, periodOf, type DashboardQuery, type Period } from "./filters";
import { dashboardScope, dashboardStoreOptions, headline, loadDashboard, type Dashboard, type Headline, type StoreOption } from "./queries";

// What the dashboards page and the console overview ask for: one call each.

export type DashboardPage = {
  options: { stores: StoreOption[]; cities: string[] };
  /** The filters as understood (empty when they were refused). */
  query: DashboardQuery;
} & ({ ok: true; period: Period; dashboard: Dashboard } | { ok: false; message: string });

/** The brand's dashboard for the URL's filters, or the reason the filters are refused (nothing else shown then). */
export async function openDashboard(brandId: string, params: Record<string, unknown>, now = new Date()): Promise<DashboardPage> {
  const options = await dashboardStoreOptions(brandId);
  const parsed = parseDashboardQuery(params, now);
  if (!parsed.ok) return { ok: false, message: parsed.message, options, query: {} };
  try {
    const scope = await dashboardScope(brandId, parsed.query, parsed.period);
    return { ok: true, options, query: parsed.query, period: parsed.period, dashboard: await loadDashboard(scope) };
  } catch (error) {
    if (error instanceof DashboardRefused) return { ok: false, message: error.message, options, query: parsed.query };
    throw error;
  }
}

/** The headline card of the console overview: the whole brand over the default period (the last 30 days). */
export async function overviewHeadline(brandId: string, now = new Date()): Promise<{ period: Period; headline: Headline }> {
  const period = periodOf({}, now);
  return { period, headline: await headline({ brandId, storeIds: null, period }) };
}
