import { db } from "@/lib/db";
import type { StoreKind } from "@/lib/generated/prisma/enums";

export type StoreSummary = {
  id: string;
  code: string;
  name: string;
  kind: StoreKind;
  city: string;
  district: string;
  address: string;
  mallName: string;
  phone: string;
  lat: number;
  lng: number;
  opensAt: number;
  closesAt: number;
  pickupEnabled: boolean;
  safetyStock: number;
};

const storeSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  city: true,
  district: true,
  address: true,
  mallName: true,
  phone: true,
  lat: true,
  lng: true,
  opensAt: true,
  closesAt: true,
  pickupEnabled: true,
  safetyStock: true,
} as const;

/** Stores a shopper can visit (warehouses ship but are never shown as stores). */
export async function loadShopperStores(brandId: string): Promise<StoreSummary[]> {
  return db.store.findMany({
    where: { brandId, active: true, kind: { not: "WAREHOUSE" } },
    select: storeSelect,
    orderBy: [{ city: "asc" }, { code: "asc" }],
  });
}

export async function loadStore(brandId: string, code: string): Promise<StoreSummary | null> {
  const store = await db.store.findUnique({ where: { brandId_code: { brandId, code } }, select: storeSelect });
  return store && store.kind !== "WAREHOUSE" ? store : null;
}

/** Cities in the order shoppers expect (most stores first), for the "choose a city" fallback. */
export function citiesOf(stores: Pick<StoreSummary, "city" | "lat" | "lng">[]): { city: string; storeCount: number; lat: number; lng: number }[] {
  const byCity = new Map<string, { n: number; lat: number; lng: number }>();
  for (const s of stores) {
    const c = byCity.get(s.city) ?? { n: 0, lat: 0, lng: 0 };
    c.n += 1;
    c.lat += s.lat;
    c.lng += s.lng;
    byCity.set(s.city, c);
  }
  return [...byCity.entries()]
    .map(([city, c]) => ({ city, storeCount: c.n, lat: c.lat / c.n, lng: c.lng / c.n }))
    .sort((a, b) => b.storeCount - a.storeCount || a.city.localeCompare(b.city, "zh-CN"));
}
