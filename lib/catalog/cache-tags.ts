import { revalidateTag as nextRevalidateTag } from "next/cache";
import { db } from "@/lib/db";

// Cache tags of catalog reads. Any write to a brand, product, price, store or stock calls the matching
// invalidate function below, so cached pages stay static-fast and never stale for long.
export const TAGS = {
  brands: "brands",
  brand: (slug: string) => `brand:${slug}`,
  catalog: (brandId: string) => `catalog:${brandId}`,
  product: (brandId: string, styleCode: string) => `product:${brandId}:${styleCode}`,
  stock: (productId: string) => `stock:${productId}`,
  brandStock: (brandId: string) => `stock-brand:${brandId}`,
  stores: (brandId: string) => `stores:${brandId}`,
} as const;

type Profile = "max" | { expire: number };
const YEAR_MS = 365 * 86_400_000; // Next's "max" profile expires a tag after a year

/**
 * Next's revalidateTag; outside a request (the order sweeper's timer, scripts) Next has no cache to reach, so the
 * tag goes straight to the CacheTag table that every instance's cache handler reads within a second (decision 032).
 */
function revalidateTag(tag: string, profile: Profile): void {
  try {
    nextRevalidateTag(tag, profile);
  } catch {
    const now = Date.now();
    const row = { staleAt: BigInt(now), expiredAt: BigInt(profile === "max" ? now + YEAR_MS : now + profile.expire * 1000), updatedAt: BigInt(now) };
    void db.cacheTag.upsert({ where: { tag }, create: { tag, ...row }, update: row }).catch((error) => {
      console.warn(`[cache] tag ${tag} not published:`, error instanceof Error ? error.message : error);
    });
  }
}

/** Seconds a cached catalog read may live without an invalidation (a safety net, not the freshness mechanism). */
export const CATALOG_REVALIDATE_SECONDS = 3600;

/** Price or product data changed: the product page and every listing of the brand. */
export function invalidateProduct(brandId: string, styleCode: string): void {
  revalidateTag(TAGS.product(brandId, styleCode), "max");
  revalidateTag(TAGS.catalog(brandId), "max");
}

/**
 * Stock of one product changed (order, transfer, ERP feed): its stock grid, its page (sold-out sizes) and
 * the "near me" listings, but not every other product page of the brand.
 */
export function invalidateStock(brandId: string, productId: string, styleCode: string): void {
  // The stock grid expires at once: a shopper who just ordered the last unit must not see it still "in stock".
  revalidateTag(TAGS.stock(productId), { expire: 0 });
  revalidateTag(TAGS.product(brandId, styleCode), "max");
  revalidateTag(TAGS.brandStock(brandId), "max");
}

export function invalidateStores(brandId: string): void {
  revalidateTag(TAGS.stores(brandId), "max");
}

// Admin console edits expire their tags at once rather than marking them stale ("max" serves the next visitor
// the old page while it re-renders): the admin who just changed a price looks at the shop next and must see it.
const NOW = { expire: 0 } as const;

/** A style, its SKUs or pictures edited in the console: the product page and the brand's listings, at once. */
export function invalidateProductNow(brandId: string, styleCode: string): void {
  revalidateTag(TAGS.product(brandId, styleCode), NOW);
  revalidateTag(TAGS.catalog(brandId), NOW);
}

/** Categories changed (names, order, tree): every listing and the category tree of the brand, at once. */
export function invalidateCatalog(brandId: string): void {
  revalidateTag(TAGS.catalog(brandId), NOW);
}

/** Store settings changed (hours, switches, safety stock, active): store pages at once, the brand's stock reads. */
export function invalidateStoreSettings(brandId: string): void {
  revalidateTag(TAGS.stores(brandId), NOW);
  revalidateTag(TAGS.brandStock(brandId), "max");
}
