import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import type { RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, textFilter } from "@/lib/admin/filters";
import { listHeldFeeds } from "@/lib/stock-feeds/holds";
import { ledgerSources } from "@/lib/inventory/ledger-sources";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { ActionForm } from "@/components/admin/people/action-form";
import { consoleTime, FilterBar } from "@/components/admin/people/filter-bar";
import { ActorText, ReferenceText } from "@/components/admin/stock/ledger-source";
import { confirmHeldFeedAction, rejectHeldFeedAction } from "./actions";

export const metadata: Metadata = { title: "暂扣的库存数据 · Held stock feeds", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };
const STATUSES = ["HELD", "CONFIRMED", "REJECTED"] as const;

/** Stock feeds held because they would empty a store (decision 024): per-store figures, confirm or reject. */
export default async function StockFeedsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/stock-feeds", raw.brand);
  const t = await getTranslations("adminStock");
  const asked = textFilter(raw, "status", 12);
  const status = STATUSES.find((s) => s === asked);
  const holds = await listHeldFeeds(c.brand.id, status);
  const sources = await ledgerSources(holds.flatMap((h) => [{ actor: h.actor, reference: h.reference }, ...(h.decidedBy ? [{ actor: h.decidedBy, reference: "" }] : [])]));
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  return (
    <ConsoleShell console={c} section="stockFeeds" title={t("feeds.title")}>
      <p className="mb-3 max-w-4xl text-sm text-gray-600">{t("feeds.hint")}</p>
      <FilterBar
        path="/admin/stock-feeds"
        keep={{ brand }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        testId="stock-feeds-filter"
        fields={[{ kind: "select", name: "status", label: t("feeds.statusFilter"), value: status, anyLabel: t("filter.any"), options: STATUSES.map((s) => ({ value: s, label: t(`feeds.status.${s}`) })) }]}
      />
      {holds.length === 0 ? <p className="text-sm text-gray-500" data-testid="stock-feeds-empty">{t("feeds.empty")}</p> : null}
      <ul className="space-y-4" data-testid="stock-feeds">
        {holds.map((h) => (
          <li key={h.id} className="rounded-lg border border-gray-200 p-4" data-testid="stock-feed" data-hold={h.id} data-status={h.status}>
            <div className="mb-2 flex flex-wrap items-baseline gap-x-6 gap-y-1 text-sm">
              <span className="font-semibold">{t(`feeds.source.${h.source}`)}</span>
              <span data-testid="stock-feed-status">{t(`feeds.status.${h.status}`)}</span>
              <span>{t("feeds.received")}: {when(h.createdAt)}</span>
              <span data-testid="stock-feed-reference">{t("feeds.feed")}: <ReferenceText label={sources.references.get(h.reference)} raw={h.reference} /></span>
              <span data-testid="stock-feed-sender">{t("feeds.sender")}: <ActorText label={sources.actors.get(h.actor)} raw={h.actor} /></span>
              <span>{t("feeds.rows")}: {h.rows}</span>
              {h.decidedAt && h.decidedBy ? (
                <span data-testid="stock-feed-decided">{t("feeds.decided")}: {when(h.decidedAt)} · <ActorText label={sources.actors.get(h.decidedBy)} raw={h.decidedBy} /></span>
              ) : null}
            </div>
            <table className="mb-3 w-full max-w-3xl text-left text-sm" data-testid="stock-feed-stores">
              <caption className="mb-1 text-left text-xs text-gray-500">{t("feeds.stores")}</caption>
              <thead className="bg-gray-50 text-xs text-gray-600">
                <tr>
                  <th className="px-3 py-1.5">{t("feeds.store")}</th>
                  <th className="px-3 py-1.5 text-right">{t("feeds.unitsBefore")}</th>
                  <th className="px-3 py-1.5 text-right">{t("feeds.unitsAfter")}</th>
                  <th className="px-3 py-1.5 text-right">{t("feeds.unitsNow")}</th>
                  <th className="px-3 py-1.5 text-right">{t("feeds.skus")}</th>
                </tr>
              </thead>
              <tbody>
                {h.stores.map((s) => (
                  <tr key={s.storeId} className="border-t border-gray-100" data-testid="stock-feed-store">
                    <td className="px-3 py-1.5">
                      <Link className="underline" href={`/admin/inventory?store=${encodeURIComponent(s.code)}${brand ? `&brand=${brand}` : ""}`}>{s.code}</Link> {s.name}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums" data-testid="units-before">{s.unitsBefore}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums" data-testid="units-after">{s.unitsAfter}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums" data-testid="units-now">{s.unitsNow}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{s.skusBefore} → {s.skusAfter}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {h.status === "HELD" ? (
              <div className="flex flex-wrap gap-6">
                <ActionForm action={confirmHeldFeedAction} submitLabel={t("feeds.confirm")} workingLabel={t("feeds.working")} savedText={t("feeds.done")} confirmText={t("feeds.confirmText")} testId="stock-feed-confirm">
                  <input type="hidden" name="brandId" value={c.brand.id} />
                  <input type="hidden" name="holdId" value={h.id} />
                </ActionForm>
                <ActionForm action={rejectHeldFeedAction} submitLabel={t("feeds.reject")} workingLabel={t("feeds.working")} savedText={t("feeds.done")} confirmText={t("feeds.rejectText")} testId="stock-feed-reject">
                  <input type="hidden" name="brandId" value={c.brand.id} />
                  <input type="hidden" name="holdId" value={h.id} />
                </ActionForm>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </ConsoleShell>
  );
}
