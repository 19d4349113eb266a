import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { toLocale } from "@/lib/i18n/locales";
import { requireGuidePage } from "@/lib/guides/access";
import { stockLookup, type StoreStock } from "@/lib/guides/stock-lookup";
import { formatDistance } from "@/lib/stores/format";
import { formatYuan } from "@/lib/money";
import { StaffHeader } from "@/components/staff/staff-header";
import { GuideNav } from "@/components/staff/guide-nav";
import { guideMessages } from "@/components/staff/guide-messages";
import { ShareButton } from "@/components/staff/share-button";
import { StockGrid } from "@/components/staff/stock-grid";
import { StockScanner } from "@/components/staff/stock-scanner";

export const metadata: Metadata = { title: "查库存 · Stock lookup", robots: { index: false } };

// ?code= is whatever was scanned or typed (a barcode, a style code, a tag's short link); lib/guides parses it.
const query = z.object({ code: z.string().max(300).optional().catch(undefined) });

export default async function GuideStockPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { guide, profile } = await requireGuidePage("/guide/stock");
  const { code } = query.parse(await searchParams);
  const result = code !== undefined ? await stockLookup(guide, code) : null;
  const { t, nav, share, scanner } = await guideMessages();

  const storeLabel = (s: StoreStock) => (s.mine ? t("stock.myStore") : s.kind === "WAREHOUSE" ? `${t("stock.warehouse")} · ${formatDistance(s.distanceM)}` : formatDistance(s.distanceM));

  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("stock.title")} profile={profile} />
      <div className="space-y-4 p-4">
        <p className="text-sm text-gray-600">{t("stock.hint")}</p>
        <StockScanner labels={scanner()} initial={code} />

        {result?.kind === "invalid" ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-3 text-base text-red-700" data-testid="stock-message">
            {t(`stock.invalid.${result.reason}`)}
          </p>
        ) : null}
        {result?.kind === "unknown" ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-3 text-base text-red-700" data-testid="stock-message">
            {t("stock.unknown", { code: (code ?? "").trim().slice(0, 40) })}
          </p>
        ) : null}

        {result?.kind === "found"
          ? (() => {
              const selected = result.skus.find((s) => s.id === result.selectedSkuId) ?? null;
              const selectedColour = selected ? result.colours.find((c) => c.code === selected.colorCode) : null;
              const grid = { colours: result.colours, sizes: result.sizes, skus: result.skus, selectedSkuId: result.selectedSkuId, notStocked: t("stock.notStocked") };
              return (
                <section aria-labelledby="stock-product" className="space-y-4" data-testid="stock-result">
                  <div>
                    <h2 id="stock-product" className="text-lg font-semibold">
                      {result.product.name}
                    </h2>
                    <p className="text-sm text-gray-600">
                      {result.product.styleCode} · {formatYuan(result.product.priceFen)}
                      {result.product.active ? "" : ` · ${t("stock.inactive")}`}
                    </p>
                    {selected ? (
                      <p className="mt-1 text-sm" data-testid="stock-selected-sku">
                        {t("stock.selected")}: {selectedColour?.name} {selected.size} · <span className="font-mono">{selected.gtin}</span>
                      </p>
                    ) : (
                      <p className="mt-1 text-sm text-gray-600">{t("stock.pickSize")}</p>
                    )}
                  </div>
                  {result.product.active ? (
                    <ShareButton url={result.shareUrl} title={`${result.product.brandName} ${result.product.name}`} desc={result.product.styleCode} imgUrl={result.product.imageUrl ?? ""} label={t("stock.share")} labels={share} />
                  ) : null}

                  <h3 className="text-base font-semibold">{t("stock.allStores")}</h3>
                  <ul className="space-y-2">
                    {result.stores.map((store) => {
                      const figure = selected ? (store.cells[selected.id]?.sellable ?? 0) : store.total;
                      return (
                        <li key={store.code} className={`rounded-2xl border p-3 ${store.mine ? "border-black" : "border-gray-200"}`} data-testid="stock-store" data-store-code={store.code}>
                          <details open={store.mine}>
                            <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-3">
                              <span className="min-w-0">
                                <span className="block truncate font-medium">{store.name}</span>
                                <span className="block text-xs text-gray-500">
                                  {storeLabel(store)}
                                  {store.safetyStock ? ` · ${t("stock.safetyStock", { count: store.safetyStock })}` : ""}
                                </span>
                              </span>
                              <span className="shrink-0 text-right">
                                <span className={`block text-2xl font-semibold ${figure ? "text-green-800" : "text-gray-400"}`} data-testid="stock-figure">
                                  {figure}
                                </span>
                                <span className="block text-xs text-gray-500">{selected ? t("stock.sellable") : t("stock.total")}</span>
                              </span>
                            </summary>
                            <div className="mt-2">
                              <StockGrid {...grid} cells={store.cells} caption={`${store.name} · ${t("stock.details")}`} />
                            </div>
                          </details>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })()
          : null}
      </div>
      <GuideNav current="stock" labels={nav} />
    </main>
  );
}
