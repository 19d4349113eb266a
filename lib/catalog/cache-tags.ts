import { revalidateTag } from "next/cache";

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

/** Categories changed (names, order, tree): every listing and the category tree of the brand. */
export function invalidateCatalog(brandId: string): void {
  revalidateTag(TAGS.catalog(brandId), "max");
}

/** Store settings changed (hours, switches, safety stock, active): store pages and every stock read of the brand. */
export function invalidateStoreSettings(brandId: string): void {
  revalidateTag(TAGS.stores(brandId), "max");
  revalidateTag(TAGS.brandStock(brandId), "max");
}
