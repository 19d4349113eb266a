import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getSearchResult } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { ProductGrid } from "@/components/shop/product-card";
import { EmptyState } from "@/components/ui/empty-state";

type Params = Promise<{ locale: string; brand: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "catalog" });
  return { title: t("searchTitle"), robots: { index: false } };
}

export default async function SearchPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 40);
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const t = await getTranslations("catalog");
  if (!q) return <EmptyState title={t("searchTitle")} body={t("searchHint")} />;
  const result = await getSearchResult(brand.id, q);
  // A scanned or typed barcode goes straight to that colour and size.
  if (result.kind === "sku") {
    redirect(`/${slug}/p/${result.styleCode}?color=${encodeURIComponent(result.colorCode)}&size=${encodeURIComponent(result.size)}`);
  }
  return (
    <div className="py-4">
      <h1 className="px-4 pb-3 text-base font-semibold">{t("searchResults", { q })}</h1>
      {result.products.length ? (
        <ProductGrid brand={slug} products={result.products} locale={locale} />
      ) : (
        <EmptyState title={t("searchEmpty", { q })} body={t("searchHint")} />
      )}
    </div>
  );
}
