import { db } from "@/lib/db";
import type { RoutingStore, StockRow } from "./routing";

export type CandidateStore = RoutingStore & { code: string; name: string; city: string; mallName: string; address: string };

/** Every store of the brand with what routing needs (warehouses included: they ship). */
export async function loadCandidateStores(brandId: string): Promise<CandidateStore[]> {
  return db.store.findMany({
    where: { brandId },
    select: {
      id: true, code: true, name: true, city: true, mallName: true, address: true, kind: true, active: true, lat: true, lng: true,
      pickupEnabled: true, deliveryEnabled: true, safetyStock: true,
    },
  });
}

/** Stock of these SKUs in every store of the brand. */
export async function loadStockOf(brandId: string, skuIds: string[]): Promise<StockRow[]> {
  return db.inventory.findMany({
    where: { skuId: { in: skuIds }, store: { brandId } },
    select: { storeId: true, skuId: true, onHand: true, reserved: true },
  });
}
