import "server-only";
import { unstable_cache } from "next/cache";
import { CATALOG_REVALIDATE_SECONDS, TAGS } from "./cache-tags";
import { listingFiltersToQuery, type ListingFilters } from "./filters";
import {
  loadBrand,
  loadBrands,
  loadCategoryListing,
  loadCategoryTree,
  loadNewArrivals,
  loadProductDetail,
  searchCatalog,
} from "./queries";
import { loadShopperStores, loadStore } from "@/lib/stores/queries";
import { loadProductStock } from "@/lib/inventory/availability";

// Cached catalog reads for pages and route handlers, each tagged so writes can invalidate them (cache-tags.ts).
const revalidate = CATALOG_REVALIDATE_SECONDS;

/**
 * unstable_cache keyed by the database and the build: the data cache lives in the build folder, which outlives a
 * re-seeded database, is shared by servers on other databases (tests) and is kept by the next `next build`, so
 * entries must cross neither databases nor deploys (a new listing size or card shape must not read old entries).
 */
function cachedRead<T>(keyParts: string[], tags: string[], read: () => Promise<T>, seconds = revalidate): Promise<T> {
  const scope = [process.env.DATABASE_URL ?? "default-db", process.env.CATALOG_CACHE_BUILD ?? "dev"];
  return unstable_cache(read, [...scope, ...keyParts], { tags, revalidate: seconds })();
}

export function getBrands() {
  return cachedRead(["brands"], [TAGS.brands], loadBrands);
}

export function getBrand(slug: string) {
  return cachedRead(["brand", slug], [TAGS.brands, TAGS.brand(slug)], () => loadBrand(slug));
}

export function getNewArrivals(brandId: string, limit = 12) {
  return cachedRead(["new-arrivals", brandId, String(limit)], [TAGS.catalog(brandId)], () => loadNewArrivals(brandId, limit));
}

export function getCategoryTree(brandId: string) {
  return cachedRead(["category-tree", brandId], [TAGS.catalog(brandId)], () => loadCategoryTree(brandId));
}

export function getProductDetail(brandId: string, styleCode: string) {
  return cachedRead(["product", brandId, styleCode], [TAGS.catalog(brandId), TAGS.product(brandId, styleCode)], () => loadProductDetail(brandId, styleCode));
}

export function getCategoryListing(brandId: string, slug: string, filters: ListingFilters) {
  const key = listingFiltersToQuery(filters);
  // Stock-dependent only when filtering by "near me"; price and product changes always matter.
  const tags = [TAGS.catalog(brandId), ...(filters.near ? [TAGS.brandStock(brandId)] : [])];
  return cachedRead(["listing", brandId, slug, key], tags, () => loadCategoryListing(brandId, slug, filters));
}

export function getSearchResult(brandId: string, q: string) {
  return cachedRead(["search", brandId, q], [TAGS.catalog(brandId)], () => searchCatalog(brandId, q), 600);
}

export function getShopperStores(brandId: string) {
  return cachedRead(["stores", brandId], [TAGS.stores(brandId)], () => loadShopperStores(brandId));
}

export function getStore(brandId: string, code: string) {
  return cachedRead(["store", brandId, code], [TAGS.stores(brandId)], () => loadStore(brandId, code));
}

export function getProductStock(brandId: string, productId: string) {
  return cachedRead(["product-stock", productId], [TAGS.stock(productId), TAGS.brandStock(brandId)], () => loadProductStock(productId), 60);
}
