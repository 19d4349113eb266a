import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { openDashboard } from "@/lib/analytics/dashboard";
import type { ChartId } from "@/lib/analytics/queries";
import { toLocale } from "@/lib/i18n/locales";
import { formatYuan } from "@/lib/money";
import { ConsoleShell } from "@/components/admin/console-shell";
import { ChartPanel } from "@/components/admin/dashboards/chart-panel";
import { DayChart } from "@/components/admin/dashboards/day-chart";
import { FiltersForm, type FilterLabels } from "@/components/admin/dashboards/filters-form";
import { HeadlineCard, type HeadlineLabels } from "@/components/admin/dashboards/headline-card";
import { RankChart } from "@/components/admin/dashboards/rank-chart";
import { RankBlock } from "@/components/admin/dashboards/rank-table";

export const metadata: Metadata = { title: "数据看板 · Dashboards", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLORS = { a: "#111827", b: "#2563eb", c: "#16a34a", d: "#f59e0b", e: "#dc2626" };

/**
 * The brand's dashboards: filters (city, a set of stores, period; the brand through the console's switch) in the URL, the
 * pilot's headline card, then one chart per figure, each with its CSV export. The data is aggregated by
 * lib/analytics; the charts are small client islands that only draw it.
 */
export default async function DashboardsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const sp = await searchParams;
  const c = await openBrandConsole("/admin/dashboards", sp.brand);
  const [t, page] = await Promise.all([getTranslations("dashboards"), openDashboard(c.brand.id, sp)]);
  const slug = c.role === "ADMIN" ? c.brand.slug : undefined;
  const { query } = page;
  const form = (
    <FiltersForm
      action="/admin/dashboards"
      brandSlug={slug}
      cities={page.options.cities}
      stores={page.options.stores}
      value={{ city: query.city, store: query.store, from: page.ok ? page.period.from : query.from, to: page.ok ? page.period.to : query.to }}
      labels={t.raw("filters") as FilterLabels}
    />
  );
  if (!page.ok) {
    return (
      <ConsoleShell console={c} section="dashboards" title={t("title")}>
        <div className="flex flex-col gap-4">
          {form}
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="dashboard-refused">{page.message}</p>
        </div>
      </ConsoleShell>
    );
  }

  const { period, dashboard: d } = page;
  const chosen = page.options.stores.filter((s) => query.store?.includes(s.code));
  const where =
    chosen.length === 1 ? `${chosen[0]!.code} · ${chosen[0]!.name}` : chosen.length ? chosen.map((s) => s.code).join(", ") : query.city ? query.city : t("wholeBrand");
  const exportHref = (chart: ChartId) => {
    const q = new URLSearchParams({ brand: c.brand.slug });
    if (query.city) q.set("city", query.city);
    for (const code of query.store ?? []) q.append("store", code);
    q.set("from", period.from);
    q.set("to", period.to);
    return `/api/admin/dashboards/${chart}?${q.toString()}`;
  };
  const panel = (id: ChartId) => ({ id, title: t(`charts.${id}.title`), note: t(`charts.${id}.note`), exportHref: exportHref(id), exportLabel: t("export") });
  const s = (key: string) => t(`series.${key}`);
  const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

  return (
    <ConsoleShell console={c} section="dashboards" title={t("title")}>
      <div className="flex flex-col gap-4">
        {form}
        <HeadlineCard
          figures={d.headline}
          locale={locale}
          labels={{ ...(t.raw("headline") as Omit<HeadlineLabels, "scope">), scope: t("scope", { where, from: period.from, to: period.to }) }}
        />
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <ChartPanel {...panel("followers")}>
            <DayChart data={d.followers} series={[{ key: "newFollowers", label: s("newFollowers"), color: COLORS.b, kind: "bar" }, { key: "followers", label: s("followers"), color: COLORS.a, kind: "line", rightAxis: true }]} />
          </ChartPanel>
          <ChartPanel {...panel("scans")}>
            <DayChart
              data={d.scans}
              series={(["PRODUCT", "STORE", "GUIDE", "CATALOG"] as const).map((k, i) => ({ key: k, label: s(`scene.${k}`), color: [COLORS.b, COLORS.c, COLORS.d, COLORS.e][i]!, kind: "bar" as const, stack: "scans" }))}
            />
          </ChartPanel>
          <ChartPanel {...panel("favourites")}>
            <DayChart data={d.favourites} series={[{ key: "favourites", label: s("favourites"), color: COLORS.e, kind: "bar" }]} />
          </ChartPanel>
          <ChartPanel {...panel("orders")}>
            <DayChart data={d.orders} series={[{ key: "orders", label: s("orders"), color: "#9ca3af", kind: "bar" }, { key: "validOrders", label: s("validOrders"), color: COLORS.c, kind: "bar" }]} />
          </ChartPanel>
          <ChartPanel {...panel("fulfilment")}>
            <DayChart
              data={d.fulfilment}
              series={(["PICKUP", "DELIVERY", "COUNTER"] as const).map((k, i) => ({ key: k, label: s(`fulfilment.${k}`), color: [COLORS.b, COLORS.d, COLORS.c][i]!, kind: "bar" as const, stack: "mix" }))}
            />
          </ChartPanel>
          <ChartPanel {...panel("transfers")}>
            <DayChart
              data={d.transfers}
              series={(["requested", "approved", "received", "refused"] as const).map((k, i) => ({ key: k, label: s(`transfers.${k}`), color: [COLORS.a, COLORS.b, COLORS.c, COLORS.e][i]!, kind: "bar" as const }))}
            />
          </ChartPanel>
          <ChartPanel {...panel("store-conversion")}>
            <RankBlock
              rows={d["store-conversion"]}
              rowKey={(r) => r.storeCode}
              testId="store-conversion-table"
              empty={t("empty")}
              chart={<RankChart data={d["store-conversion"]} labelKey="storeCode" series={[{ key: "scans", label: s("scans"), color: COLORS.b }, { key: "validOrders", label: s("validOrders"), color: COLORS.c }]} />}
              columns={[
                { label: t("columns.store"), cell: (r) => `${r.storeCode} · ${r.storeName}` },
                { label: s("scans"), numeric: true, cell: (r) => r.scans },
                { label: s("validOrders"), numeric: true, cell: (r) => r.validOrders },
                { label: t("columns.conversion"), numeric: true, cell: (r) => pct(r.conversion) },
              ]}
            />
          </ChartPanel>
          <ChartPanel {...panel("guide-conversion")}>
            <RankBlock
              rows={d["guide-conversion"]}
              rowKey={(r) => r.username}
              testId="guide-conversion-table"
              empty={t("empty")}
              chart={<RankChart data={d["guide-conversion"]} labelKey="guideName" series={[{ key: "scans", label: s("guideScans"), color: COLORS.d }, { key: "validOrders", label: s("creditedOrders"), color: COLORS.c }]} />}
              columns={[
                { label: t("columns.guide"), cell: (r) => `${r.guideName} · ${r.storeCode}` },
                { label: s("guideScans"), numeric: true, cell: (r) => r.scans },
                { label: s("creditedOrders"), numeric: true, cell: (r) => r.validOrders },
                { label: t("columns.conversion"), numeric: true, cell: (r) => pct(r.conversion) },
              ]}
            />
          </ChartPanel>
          <ChartPanel {...panel("guide-leaderboard")}>
            <RankBlock
              rows={d["guide-leaderboard"]}
              rowKey={(r) => r.username}
              testId="guide-leaderboard-table"
              empty={t("empty")}
              chart={
                <RankChart
                  data={d["guide-leaderboard"].map((r) => ({ guideName: r.guideName, salesYuan: r.salesFen / 100, commissionYuan: r.commissionFen / 100 }))}
                  labelKey="guideName"
                  series={[{ key: "salesYuan", label: s("salesYuan"), color: COLORS.a }, { key: "commissionYuan", label: s("commissionYuan"), color: COLORS.d }]}
                />
              }
              columns={[
                { label: "#", numeric: true, cell: (r) => r.rank },
                { label: t("columns.guide"), cell: (r) => `${r.guideName} · ${r.storeCode}` },
                { label: s("validOrders"), numeric: true, cell: (r) => r.validOrders },
                { label: t("columns.sales"), numeric: true, cell: (r) => formatYuan(r.salesFen) },
                { label: t("columns.commission"), numeric: true, cell: (r) => formatYuan(r.commissionFen) },
              ]}
            />
          </ChartPanel>
        </div>
      </div>
    </ConsoleShell>
  );
}
