import { db } from "@/lib/db";
import { sellableQuantity, stockLevel, type StockLevel } from "./levels";
import { sortByDistance, type GcjPoint } from "@/lib/stores/geo";
import type { StoreSummary } from "@/lib/stores/queries";

/** Stock rows of one product in every store: the input of the availability grid (cached per product). */
export type ProductStockRow = { storeId: string; skuId: string; onHand: number; reserved: number };

export async function loadProductStock(productId: string): Promise<ProductStockRow[]> {
  return db.inventory.findMany({
    where: { sku: { productId } },
    select: { storeId: true, skuId: true, onHand: true, reserved: true },
  });
}

export type StoreAvailability = {
  code: string;
  name: string;
  mallName: string;
  address: string;
  city: string;
  lat: number;
  lng: number;
  opensAt: number;
  closesAt: number;
  distanceM: number;
  /** Level per SKU id; SKUs the store never stocked are "none". */
  levels: Record<string, StockLevel>;
  /** True when at least one SKU can be sold here. */
  hasAny: boolean;
};

/**
 * The nearest stores to the shopper with a stock level for every SKU of the product, nearest first.
 * Pure over its inputs so the same rule serves the product page, the guide's lookup and tests.
 */
export function availabilityNear(
  stores: StoreSummary[],
  stock: ProductStockRow[],
  skuIds: string[],
  from: GcjPoint,
  limit = 8,
): StoreAvailability[] {
  const byStore = new Map<string, Map<string, ProductStockRow>>();
  for (const row of stock) {
    const m = byStore.get(row.storeId) ?? new Map<string, ProductStockRow>();
    m.set(row.skuId, row);
    byStore.set(row.storeId, m);
  }
  return sortByDistance(stores, from)
    .slice(0, limit)
    .map((store) => {
      const rows = byStore.get(store.id);
      const levels: Record<string, StockLevel> = {};
      let hasAny = false;
      for (const skuId of skuIds) {
        const row = rows?.get(skuId);
        const level = row ? stockLevel(sellableQuantity(row.onHand, row.reserved, store.safetyStock)) : "none";
        levels[skuId] = level;
        hasAny ||= level !== "none";
      }
      return {
        code: store.code,
        name: store.name,
        mallName: store.mallName,
        address: store.address,
        city: store.city,
        lat: store.lat,
        lng: store.lng,
        opensAt: store.opensAt,
        closesAt: store.closesAt,
        distanceM: store.distanceM,
        levels,
        hasAny,
      };
    });
}
