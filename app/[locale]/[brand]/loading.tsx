import { ProductGridSkeleton } from "@/components/shop/product-card";

// Shown while a shop page renders for the first time (later visits are served from the cache).
export default function Loading() {
  return (
    <div className="py-4" aria-busy="true">
      <div className="skeleton mx-4 h-5 w-32" />
      <div className="mt-4">
        <ProductGridSkeleton />
      </div>
    </div>
  );
}
