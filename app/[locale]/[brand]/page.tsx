import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getCategoryTree, getNewArrivals } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { ProductGrid } from "@/components/shop/product-card";
import { DmHomeSection } from "@/components/shop/dm-home-section";

type Params = Promise<{ locale: string; brand: string }>;

export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, brand: slug } = await params;
  const brand = await getBrand(slug);
  if (!brand) return {};
  const t = await getTranslations({ locale: toLocale(locale), namespace: "home" });
  const name = locale === "en" ? brand.nameEn : brand.name;
  return {
    title: t("title", { brand: name }),
    description: brand.tagline || t("description", { brand: name }),
    openGraph: { title: t("title", { brand: name }), description: brand.tagline, images: [brand.logoUrl], type: "website" },
  };
}

export default async function BrandHome({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [arrivals, tree, t, tc] = await Promise.all([
    getNewArrivals(brand.id, 12),
    getCategoryTree(brand.id),
    getTranslations("home"),
    getTranslations("common"),
  ]);
  const en = locale === "en";
  return (
    <>
      <section className="bg-brand px-5 pb-8 pt-7 text-white">
        <h1 className="text-2xl font-semibold tracking-wide">{en ? brand.nameEn : brand.name}</h1>
        {brand.tagline ? <p className="mt-1 text-sm opacity-90">{brand.tagline}</p> : null}
        <Link href={`/${slug}/stores`} className="mt-5 flex items-center justify-between rounded-xl bg-white/15 px-4 py-3 text-sm">
          <span>
            <span className="block font-medium">{t("findStore")}</span>
            <span className="block text-xs">{t("findStoreHint")}</span>
          </span>
          <span aria-hidden="true">›</span>
        </Link>
      </section>

      {/* The signed-in member's DM catalogs: a client island, so this page stays one cached page for everyone. */}
      <DmHomeSection brand={slug} />

      <section aria-labelledby="cat-title" className="mt-6">
        <h2 id="cat-title" className="px-4 text-base font-semibold">{t("shopByCategory")}</h2>
        <ul className="no-scrollbar mt-3 flex gap-2 overflow-x-auto px-4">
          {tree.map((c) => (
            <li key={c.id} className="shrink-0">
              <Link href={`/${slug}/c/${c.slug}`} className="block rounded-full bg-brand-soft px-4 py-2 text-sm">
                {en ? c.nameEn : c.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-title" className="mt-7">
        <div className="flex items-baseline justify-between px-4">
          <h2 id="new-title" className="text-base font-semibold">{tc("newArrivals")}</h2>
          <Link href={`/${slug}/categories`} className="text-xs text-muted">{tc("viewAll")} ›</Link>
        </div>
        <div className="mt-3">
          <ProductGrid brand={slug} products={arrivals} locale={locale} />
        </div>
      </section>
    </>
  );
}
