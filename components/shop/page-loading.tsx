import { ProductGridSkeleton } from "@/components/shop/product-card";

/**
 * The skeleton a per-request shop page (cart, orders, favourites…) shows while the server renders it.
 * Cached catalog pages have none: decision 025 (a loading boundary delays their largest paint).
 */
export function ShopPageLoading() {
  return (
    <div className="py-4" aria-busy="true">
      <div className="skeleton mx-4 h-5 w-32" />
      <div className="mt-4">
        <ProductGridSkeleton />
      </div>
    </div>
  );
}
