import "server-only";
import { z } from "zod";
import { decide, type Principal } from "@/lib/auth/policy";
import { loadBrands } from "@/lib/catalog/queries";
import { chartCsv, chartFileName } from "./csv";
import { parseDashboardQuery, DashboardRefused } from "./filters";
import { CHARTS, chartRows, dashboardScope, type ChartId } from "./queries";

// The CSV export of one dashboard chart: the same filters as the page (brand, city, store, period), the same rows.

const brandSlug = z.string().regex(/^[a-z0-9-]{1,40}$/);

export type ChartExport =
  | { ok: true; csv: string; fileName: string }
  | { ok: false; status: 400 | 401 | 403 | 404; error: string };

/**
 * Who may export: brand.manage of the brand (a brand admin's own, unless ?brand= names another, which is refused;
 * the group admin's ?brand=, else the first brand), as the console pages decide.
 */
export async function exportChart(principal: Principal, chart: string, params: Record<string, unknown>, now = new Date()): Promise<ChartExport> {
  const allowed = decide(principal, "brand.manage");
  if (allowed !== "allow") return { ok: false, status: allowed === "unauthenticated" ? 401 : 403, error: allowed };
  const brands = await loadBrands();
  const asked = brandSlug.safeParse(params.brand);
  const brand = asked.success
    ? brands.find((b) => b.slug === asked.data)
    : principal.kind === "staff" && principal.brandId
      ? brands.find((b) => b.id === principal.brandId)
      : brands[0];
  if (!brand) return { ok: false, status: 404, error: "not_found" };
  if (decide(principal, "brand.manage", { brandId: brand.id }) !== "allow") return { ok: false, status: 403, error: "forbidden" };
  if (!(CHARTS as readonly string[]).includes(chart)) return { ok: false, status: 404, error: "not_found" };
  const parsed = parseDashboardQuery(params, now);
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.message };
  try {
    const scope = await dashboardScope(brand.id, parsed.query, parsed.period);
    const id = chart as ChartId;
    return { ok: true, csv: chartCsv(id, await chartRows(id, scope)), fileName: chartFileName(id, brand.slug, parsed.period.from, parsed.period.to) };
  } catch (error) {
    if (error instanceof DashboardRefused) return { ok: false, status: 400, error: error.message };
    throw error;
  }
}
