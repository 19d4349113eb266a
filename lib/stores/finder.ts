import { z } from "zod";
import { sortByDistance, type GcjPoint } from "./geo";
import type { StoreSummary } from "./queries";

// The store finder asks for stores near the phone or in one city: a chain's 1,800 stores in the page itself
// weighed 2.8 MB of HTML (and rendered at 30 pages/s); the page now carries the cities, this answers the rest.

/** Stores listed around the phone's position. */
export const NEAREST_STORES = 20;
/** Stores listed for a city (the largest city of a chain has a few hundred). */
export const CITY_STORES = 300;

export type FinderStore = Pick<StoreSummary, "code" | "name" | "city" | "district" | "address" | "mallName" | "phone" | "lat" | "lng" | "opensAt" | "closesAt"> & {
  distanceM: number | null;
};

const coordinate = (min: number, max: number) => z.coerce.number().finite().min(min).max(max);

/** ?lat=&lng= (GCJ-02, the phone's position already converted) or ?city=. */
export const finderQuery = z.union([
  z.object({ lat: coordinate(-90, 90), lng: coordinate(-180, 180) }),
  z.object({ city: z.string().trim().min(1).max(40) }),
]);
export type FinderQuery = z.infer<typeof finderQuery>;

const view = (s: StoreSummary, distanceM: number | null): FinderStore => ({
  code: s.code, name: s.name, city: s.city, district: s.district, address: s.address, mallName: s.mallName, phone: s.phone,
  lat: s.lat, lng: s.lng, opensAt: s.opensAt, closesAt: s.closesAt, distanceM,
});

/** The nearest stores to a point (nearest first), or a city's stores by district then code. */
export function findStores(stores: StoreSummary[], query: FinderQuery): FinderStore[] {
  if ("city" in query) {
    return stores
      .filter((s) => s.city === query.city)
      .sort((a, b) => a.district.localeCompare(b.district, "zh-CN") || a.code.localeCompare(b.code))
      .slice(0, CITY_STORES)
      .map((s) => view(s, null));
  }
  const from: GcjPoint = { lat: query.lat, lng: query.lng };
  return sortByDistance(stores, from).slice(0, NEAREST_STORES).map((s) => view(s, s.distanceM));
}
