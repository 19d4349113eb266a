import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getCategoryListing } from "@/lib/catalog/cached";
import { hasActiveFilters, listingFiltersFromSegment, listingFiltersToQuery, type ListingFilters } from "@/lib/catalog/filters";
import { toLocale } from "@/lib/i18n/locales";
import { ProductGrid } from "@/components/shop/product-card";
import { NearMeToggle } from "@/components/shop/near-me-toggle";
import { EmptyState } from "@/components/ui/empty-state";

// Reached through the proxy, which folds the shopper's query string into the canonical [filters] segment.
type Params = Promise<{ locale: string; brand: string; slug: string; filters: string }>;

export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const { locale, brand: slug, slug: category, filters: segment } = await params;
  const brand = await getBrand(slug);
  if (!brand) return null;
  const filters = listingFiltersFromSegment(segment);
  const listing = await getCategoryListing(brand.id, category, filters);
  return listing ? { locale, brand, filters, listing } : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const data = await load(params);
  if (!data) return {};
  const en = data.locale === "en";
  const title = `${en ? data.listing.category.nameEn : data.listing.category.name} · ${en ? data.brand.nameEn : data.brand.name}`;
  const image = data.listing.products[0]?.imageUrl;
  return { title, openGraph: { title, type: "website", ...(image ? { images: [image] } : {}) } };
}

export default async function CategoryPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const data = await load(params);
  if (!data) notFound();
  const { brand, filters, listing } = data;
  const t = await getTranslations("catalog");
  const en = locale === "en";
  const base = `/${brand.slug}/c/${listing.category.slug}`;
  const href = (f: Partial<ListingFilters>) => {
    const q = listingFiltersToQuery({ ...filters, page: 1, ...f });
    return q ? `${base}?${q}` : base;
  };
  const sorts = [
    { value: "new", label: t("sortNew") },
    { value: "price_asc", label: t("sortPriceAsc") },
    { value: "price_desc", label: t("sortPriceDesc") },
  ] as const;
  const filtered = hasActiveFilters(filters);

  return (
    <div className="pb-6">
      <div className="px-4 pt-4">
        {listing.category.parent ? (
          <Link href={`/${brand.slug}/c/${listing.category.parent.slug}`} className="text-xs text-muted">
            {en ? listing.category.parent.nameEn : listing.category.parent.name} ›
          </Link>
        ) : null}
        <h1 className="text-lg font-semibold">{en ? listing.category.nameEn : listing.category.name}</h1>
      </div>

      {listing.siblings.length > 1 ? (
        <nav aria-label={t("allCategories")} className="no-scrollbar mt-3 flex gap-2 overflow-x-auto px-4">
          {listing.siblings.map((s) => (
            <Link
              key={s.slug}
              href={`/${brand.slug}/c/${s.slug}`}
              aria-current={s.slug === listing.category.slug ? "page" : undefined}
              className={`shrink-0 rounded-full px-3 py-1.5 text-xs ${s.slug === listing.category.slug ? "bg-ink text-white" : "bg-gray-100"}`}
            >
              {en ? s.nameEn : s.name}
            </Link>
          ))}
        </nav>
      ) : null}

      <div className="sticky top-12 z-20 mt-3 flex flex-wrap items-center gap-2 border-y border-line bg-white px-4 py-2">
        <nav aria-label={t("sort")} className="flex gap-3 text-xs">
          {sorts.map((s) => (
            <Link key={s.value} href={href({ sort: s.value })} aria-current={filters.sort === s.value ? "true" : undefined} className={filters.sort === s.value ? "font-semibold text-brand" : "text-muted"}>
              {s.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto">
          <NearMeToggle
            active={filters.near !== null}
            offHref={href({ near: null })}
            onHrefBase={href({ near: null })}
            labels={{ on: t("nearMeOn"), off: t("nearMe"), locating: t("locating"), denied: t("locationDenied") }}
          />
        </div>
      </div>

      <details className="border-b border-line px-4 py-2" open={filtered}>
        <summary className="cursor-pointer py-1 text-sm font-medium">{t("filters")}</summary>
        {/* A plain GET form: filtering works before (and without) any script. */}
        <form action={base} method="get" className="space-y-4 pb-2 pt-3">
          <input type="hidden" name="sort" value={filters.sort} />
          {filters.near ? <input type="hidden" name="near" value={`${filters.near.lat},${filters.near.lng}`} /> : null}
          <fieldset>
            <legend className="text-xs text-muted">{t("size")}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {listing.facets.sizes.map((size) => (
                <label key={size} className="cursor-pointer">
                  <input type="checkbox" name="size" value={size} defaultChecked={filters.sizes.includes(size)} className="peer sr-only" />
                  <span className="chip min-w-11">{size}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-xs text-muted">{t("color")}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {listing.facets.colors.map((c) => (
                <label key={c.name} className="cursor-pointer">
                  <input type="checkbox" name="color" value={c.name} defaultChecked={filters.colors.includes(c.name)} className="peer sr-only" />
                  <span className="chip">
                    <span className="swatch" style={{ backgroundColor: c.hex }} aria-hidden="true" />
                    {c.name}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-xs text-muted">{t("price")} (¥)</legend>
            <div className="mt-2 flex items-center gap-2">
              <input name="min" type="number" inputMode="numeric" min={0} placeholder={String(Math.floor(listing.facets.minPriceFen / 100))} defaultValue={filters.minYuan ?? undefined} aria-label={t("minPrice")} className="h-9 w-24 rounded border border-line px-2 text-sm" />
              <span aria-hidden="true">–</span>
              <input name="max" type="number" inputMode="numeric" min={0} placeholder={String(Math.ceil(listing.facets.maxPriceFen / 100))} defaultValue={filters.maxYuan ?? undefined} aria-label={t("maxPrice")} className="h-9 w-24 rounded border border-line px-2 text-sm" />
            </div>
          </fieldset>
          <div className="flex gap-3">
            <Link href={base} className="flex-1 rounded-full border border-line py-2 text-center text-sm">{t("reset")}</Link>
            <button type="submit" className="flex-1 rounded-full bg-brand py-2 text-sm font-medium text-white">{t("apply")}</button>
          </div>
        </form>
      </details>

      <p className="px-4 py-3 text-xs text-muted" aria-live="polite">{t("results", { count: listing.total })}</p>
      {listing.products.length ? (
        <ProductGrid brand={brand.slug} products={listing.products} locale={locale} />
      ) : (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={filtered ? { href: base, label: t("clearFilters") } : undefined} />
      )}

      {listing.pageCount > 1 ? (
        <nav aria-label={t("pageOf", { page: listing.page, pageCount: listing.pageCount })} className="mt-6 flex items-center justify-center gap-4 text-sm">
          {listing.page > 1 ? <Link href={href({ page: listing.page - 1 })} className="rounded-full border border-line px-4 py-2">{t("prevPage")}</Link> : null}
          <span className="text-xs text-muted">{t("pageOf", { page: listing.page, pageCount: listing.pageCount })}</span>
          {listing.page < listing.pageCount ? <Link href={href({ page: listing.page + 1 })} className="rounded-full border border-line px-4 py-2">{t("loadMore")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
