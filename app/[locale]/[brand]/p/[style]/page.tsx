import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getProductDetail, getShopperStores } from "@/lib/catalog/cached";
import { citiesOf } from "@/lib/stores/queries";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { ProductExperience } from "@/components/shop/product-experience";

type Params = Promise<{ locale: string; brand: string; style: string }>;

// Cached per style and invalidated by tag on price, product or stock changes; the shopper-specific parts
// (position, favourite, preselected size) live in the client island and never make the page dynamic.
export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const { brand: slug, style } = await params;
  const brand = await getBrand(slug);
  const product = brand ? await getProductDetail(brand.id, decodeURIComponent(style)) : null;
  return brand && product ? { brand, product } : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const data = await load(params);
  if (!data) return {};
  const { brand, product } = data;
  const en = locale === "en";
  const name = en ? product.nameEn : product.name;
  const title = `${name} · ${en ? brand.nameEn : brand.name}`;
  const image = product.colors[0]?.images[0]?.url;
  return {
    title,
    description: `${formatYuan(product.priceFen)} · ${product.description}`,
    openGraph: { title, description: product.description, type: "website", ...(image ? { images: [image] } : {}) },
  };
}

export default async function ProductPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const data = await load(params);
  if (!data) notFound();
  const { brand, product } = data;
  const [stores, t, ts, tc] = await Promise.all([getShopperStores(brand.id), getTranslations("product"), getTranslations("stores"), getTranslations("cart")]);
  const en = locale === "en";
  const labelKeys = [
    "color", "size", "soldOut", "nearbyStock", "nearbyStockHint", "locate", "locating", "locationDenied", "inStock", "low", "none",
    "onlyInStock", "noStoreHasIt", "favourite", "favourited", "favouriteError", "openNow", "closed", "navigate", "fullGrid",
    "loadFailed", "pickSizeFirst",
  ] as const;
  const labels = {
    ...Object.fromEntries(labelKeys.map((k) => [k, t(k)])),
    fromStore: t.raw("fromStore") as string,
    tencentMap: ts("tencentMap"),
    amap: ts("amap"),
  } as Parameters<typeof ProductExperience>[0]["labels"];
  const buyLabels = {
    ...Object.fromEntries((["addToBag", "buyNow", "added", "viewBag", "pickSizeToBuy", "sizeSoldOut"] as const).map((k) => [k, tc(k)])),
    bagCount: tc.raw("bagCount") as string,
  } as Parameters<typeof ProductExperience>[0]["buyLabels"];

  return (
    <article>
      <ProductExperience
        brand={brand.slug}
        styleCode={product.styleCode}
        colors={product.colors}
        sizes={product.sizes}
        skus={product.skus.map(({ id, colorCode, size, soldOut }) => ({ id, colorCode, size, soldOut }))}
        cities={citiesOf(stores).map((c) => c.city)}
        labels={labels}
        buyLabels={buyLabels}
      >
        <div className="px-4 pt-4">
          {/* Links at least 24 px tall: a thumb can hit them (Lighthouse target-size). */}
          <nav className="text-xs text-muted" aria-label="breadcrumb">
            {product.category.parent ? (
              <Link href={`/${brand.slug}/c/${product.category.parent.slug}`} className="inline-block min-w-6 py-1">{en ? product.category.parent.nameEn : product.category.parent.name} › </Link>
            ) : null}
            <Link href={`/${brand.slug}/c/${product.category.slug}`} className="inline-block min-w-6 py-1">{en ? product.category.nameEn : product.category.name}</Link>
          </nav>
          <h1 className="mt-1 text-lg font-semibold leading-snug">{en ? product.nameEn : product.name}</h1>
          <p className="mt-1 flex items-baseline gap-2">
            <span className="text-xl font-semibold text-brand" data-testid="price">{formatYuan(product.priceFen)}</span>
            {product.listPriceFen ? <s className="text-sm text-muted">{t("markdown", { price: formatYuan(product.listPriceFen) })}</s> : null}
          </p>
          <p className="mt-1 text-xs text-muted">
            {t("styleCode")} {product.styleCode} · {product.season}
          </p>
        </div>
      </ProductExperience>
      <section aria-labelledby="desc-title" className="mt-6 border-t-8 border-gray-50 px-4 py-4">
        <h2 id="desc-title" className="text-base font-semibold">{t("description")}</h2>
        <p className="mt-2 text-sm leading-relaxed text-gray-700">{product.description}</p>
      </section>
    </article>
  );
}
