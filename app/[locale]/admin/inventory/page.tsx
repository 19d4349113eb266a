import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, textFilter } from "@/lib/admin/filters";
import { chooseStore, STOCK_SORTS, storeStockPage } from "@/lib/inventory/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { consoleTime, FilterBar, storeField } from "@/components/admin/people/filter-bar";

export const metadata: Metadata = { title: "库存 · Stock", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

/** One store's stock at a time (?store=CODE, the first store otherwise): search style or GTIN, sort, open a row's ledger. */
export default async function InventoryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/inventory", raw.brand);
  const t = await getTranslations("adminStock");
  const choice = await chooseStore(c.brand.id, textFilter(raw, "store", 20), true);
  const store = choice.store;
  const list = parseListParams(raw, { sorts: STOCK_SORTS, defaultSort: "gtin" });
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  const page = store ? await storeStockPage(store.id, list) : null;
  return (
    <ConsoleShell console={c} section="inventory" title={t("inventory.title")}>
      <FilterBar
        path="/admin/inventory"
        keep={{ brand }}
        applyLabel={t("inventory.choose")}
        clearLabel={t("filter.clear")}
        testId="stock-store-picker"
        fields={[storeField(choice, t("inventory.store"), "—", (s) => `${s.code} ${s.name}${s.kind === "WAREHOUSE" ? ` (${t("inventory.warehouse")})` : ""}`)]}
      />
      {store && page ? (
        <DataTable
          path="/admin/inventory"
          page={page}
          state={list}
          extra={{ brand, store: store.code }}
          searchLabel={t("inventory.search")}
          testId="stock-list"
          rowKey={(r) => r.id}
          columns={[
            { key: "gtin", label: t("inventory.gtin"), sort: "gtin", cell: (r) => <Link href={`/admin/inventory/${store.code}/${r.sku.gtin}${brand ? `?brand=${brand}` : ""}`} className="font-mono underline" data-testid="stock-row-link">{r.sku.gtin}</Link> },
            { key: "style", label: t("inventory.style"), cell: (r) => `${r.sku.product.styleCode} ${r.sku.product.name}` },
            { key: "variant", label: t("inventory.variant"), cell: (r) => `${r.sku.colorName} / ${r.sku.size}` },
            { key: "onHand", label: t("inventory.onHand"), sort: "onHand", align: "right", cell: (r) => r.onHand },
            { key: "reserved", label: t("inventory.reserved"), sort: "reserved", align: "right", cell: (r) => r.reserved },
            { key: "available", label: t("inventory.available"), align: "right", cell: (r) => r.available },
            { key: "updatedAt", label: t("inventory.updatedAt"), sort: "updatedAt", cell: (r) => when(r.updatedAt) },
          ]}
        />
      ) : (
        <p className="text-sm text-gray-500">{t("inventory.noStores")}</p>
      )}
    </ConsoleShell>
  );
}
