import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam } from "@/lib/admin/filters";
import { brandSkuStock, brandStoreByCode, stockLedgerPage } from "@/lib/inventory/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { ledgerSources } from "@/lib/inventory/ledger-sources";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { ActionForm, inputClass, labelClass } from "@/components/admin/people/action-form";
import { consoleTime } from "@/components/admin/people/filter-bar";
import { ActorText, ReferenceText } from "@/components/admin/stock/ledger-source";
import { adjustStockAction } from "../../actions";

export const metadata: Metadata = { title: "库存流水 · Stock ledger", robots: { index: false } };

type Props = { params: Promise<{ locale: string; storeCode: string; gtin: string }>; searchParams: Promise<RawSearchParams> };

const storeCode = z.string().regex(/^[A-Za-z0-9-]{1,20}$/);
const gtin = z.string().regex(/^\d{8,14}$/);

/** One SKU in one store: the figures, a manual adjustment (with a reason), and its ledger newest first. */
export default async function StockLedgerPage({ params, searchParams }: Props) {
  const { locale, storeCode: rawCode, gtin: rawGtin } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const path = `/admin/inventory/${encodeURIComponent(rawCode)}/${encodeURIComponent(rawGtin)}`;
  const c = await openBrandConsole(path, raw.brand);
  const code = storeCode.safeParse(rawCode);
  const g = gtin.safeParse(rawGtin);
  const store = code.success && g.success ? await brandStoreByCode(c.brand.id, code.data) : null;
  const stock = store && g.success ? await brandSkuStock(c.brand.id, store.id, g.data) : null;
  if (!store || !stock) notFound();
  const list = parseListParams(raw, { sorts: ["createdAt"], defaultSort: "createdAt", defaultDir: "desc", pageSize: 20 });
  const [t, ledger] = await Promise.all([getTranslations("adminStock"), stockLedgerPage(store.id, stock.sku.id, list)]);
  const sources = await ledgerSources(ledger.rows);
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <ConsoleShell console={c} section="inventory" title={t("inventory.title")}>
      <Link href={`/admin/inventory?store=${store.code}${brand ? `&brand=${brand}` : ""}`} className="text-sm text-gray-600 underline">{t("back")}</Link>
      <h2 className="mt-3 text-base font-semibold">
        {store.code} {store.name} · <span className="font-mono">{stock.sku.gtin}</span> · {stock.sku.product.styleCode} {stock.sku.product.name} · {stock.sku.colorName} / {stock.sku.size}
      </h2>
      <dl className="my-3 flex gap-8 text-sm" data-testid="stock-figures">
        <div><dt className="text-gray-500">{t("inventory.onHand")}</dt><dd className="text-lg tabular-nums" data-testid="stock-onhand">{stock.onHand}</dd></div>
        <div><dt className="text-gray-500">{t("inventory.reserved")}</dt><dd className="text-lg tabular-nums" data-testid="stock-reserved">{stock.reserved}</dd></div>
        <div><dt className="text-gray-500">{t("inventory.available")}</dt><dd className="text-lg tabular-nums" data-testid="stock-available">{stock.onHand - stock.reserved}</dd></div>
        <div><dt className="text-gray-500">{t("inventory.safetyStock")}</dt><dd className="text-lg tabular-nums">{store.safetyStock}</dd></div>
      </dl>
      <section className="mb-6">
        <h3 className="mb-1 text-sm font-semibold">{t("adjust.title")}</h3>
        <p className="mb-2 text-xs text-gray-500">{t("adjust.hint")}</p>
        <ActionForm action={adjustStockAction} submitLabel={t("adjust.submit")} workingLabel={t("working")} savedText={t("saved")} testId="stock-adjust">
          <input type="hidden" name="brandId" value={c.brand.id} />
          <input type="hidden" name="storeId" value={store.id} />
          <input type="hidden" name="skuId" value={stock.sku.id} />
          <label className={labelClass}>
            {t("adjust.mode")}
            <select name="mode" defaultValue="delta" className={inputClass} data-testid="stock-adjust-mode">
              <option value="delta">{t("adjust.delta")}</option>
              <option value="count">{t("adjust.count")}</option>
            </select>
          </label>
          <label className={labelClass}>
            {t("adjust.value")}
            <input name="value" required inputMode="numeric" className={`${inputClass} w-28`} data-testid="stock-adjust-value" />
          </label>
          <label className={labelClass}>
            {t("adjust.reason")}
            <input name="reason" required maxLength={200} className={`${inputClass} w-80`} data-testid="stock-adjust-reason" />
          </label>
        </ActionForm>
      </section>
      <h3 className="mb-2 text-sm font-semibold">{t("ledger.title")}</h3>
      <DataTable
        path={path}
        page={ledger}
        state={list}
        extra={{ brand }}
        testId="stock-ledger"
        searchable={false}
        rowKey={(r) => r.id}
        columns={[
          { key: "createdAt", label: t("ledger.when"), cell: (r) => when(r.createdAt) },
          { key: "reason", label: t("ledger.reason"), cell: (r) => <span data-testid="ledger-reason">{t(`reasons.${r.reason}`)}</span> },
          { key: "onHandDelta", label: t("ledger.onHandDelta"), align: "right", cell: (r) => signed(r.onHandDelta) },
          { key: "reservedDelta", label: t("ledger.reservedDelta"), align: "right", cell: (r) => signed(r.reservedDelta) },
          { key: "onHandAfter", label: t("ledger.onHandAfter"), align: "right", cell: (r) => r.onHandAfter },
          { key: "reservedAfter", label: t("ledger.reservedAfter"), align: "right", cell: (r) => r.reservedAfter },
          { key: "actor", label: t("ledger.actor"), cell: (r) => <span data-testid="ledger-actor"><ActorText label={sources.actors.get(r.actor)} raw={r.actor} /></span> },
          { key: "reference", label: t("ledger.reference"), cell: (r) => <span className="text-xs" data-testid="ledger-reference"><ReferenceText label={sources.references.get(r.reference)} raw={r.reference} /></span> },
          { key: "note", label: t("ledger.note"), cell: (r) => <span data-testid="ledger-note">{r.note || "—"}</span> },
        ]}
      />
    </ConsoleShell>
  );
}
