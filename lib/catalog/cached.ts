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

export const getBrands = unstable_cache(loadBrands, ["brands"], { tags: [TAGS.brands], revalidate });

export function getBrand(slug: string) {
  return unstable_cache(() => loadBrand(slug), ["brand", slug], { tags: [TAGS.brands, TAGS.brand(slug)], revalidate })();
}

export function getNewArrivals(brandId: string, limit = 12) {
  return unstable_cache(() => loadNewArrivals(brandId, limit), ["new-arrivals", brandId, String(limit)], {
    tags: [TAGS.catalog(brandId)],
    revalidate,
  })();
}

export function getCategoryTree(brandId: string) {
  return unstable_cache(() => loadCategoryTree(brandId), ["category-tree", brandId], { tags: [TAGS.catalog(brandId)], revalidate })();
}

export function getProductDetail(brandId: string, styleCode: string) {
  return unstable_cache(() => loadProductDetail(brandId, styleCode), ["product", brandId, styleCode], {
    tags: [TAGS.catalog(brandId), TAGS.product(brandId, styleCode), TAGS.brandStock(brandId)],
    revalidate,
  })();
}

export function getCategoryListing(brandId: string, slug: string, filters: ListingFilters) {
  const key = listingFiltersToQuery(filters);
  // Stock-dependent only when filtering by "near me"; price and product changes always matter.
  const tags = [TAGS.catalog(brandId), ...(filters.near ? [TAGS.brandStock(brandId)] : [])];
  return unstable_cache(() => loadCategoryListing(brandId, slug, filters), ["listing", brandId, slug, key], { tags, revalidate })();
}

export function getSearchResult(brandId: string, q: string) {
  return unstable_cache(() => searchCatalog(brandId, q), ["search", brandId, q], { tags: [TAGS.catalog(brandId)], revalidate: 600 })();
}

export function getShopperStores(brandId: string) {
  return unstable_cache(() => loadShopperStores(brandId), ["stores", brandId], { tags: [TAGS.stores(brandId)], revalidate })();
}

export function getStore(brandId: string, code: string) {
  return unstable_cache(() => loadStore(brandId, code), ["store", brandId, code], { tags: [TAGS.stores(brandId)], revalidate })();
}

export function getProductStock(brandId: string, productId: string) {
  return unstable_cache(() => loadProductStock(productId), ["product-stock", productId], {
    tags: [TAGS.stock(productId), TAGS.brandStock(brandId)],
    revalidate: 60,
  })();
}
