import { distanceMeters, type GcjPoint } from "@/lib/stores/geo";
import { sellableQuantity } from "@/lib/inventory/levels";
import type { StoreKind } from "@/lib/generated/prisma/enums";

// Where an order's goods come from. Pure: the caller loads stores and stock (lib/fulfilment/candidates.ts).
// Sellable = onHand - reserved - the store's safety stock, the same figure the reservation guard uses, so a
// route chosen here is one the database will accept unless someone buys the last unit in between.

export type RoutingStore = GcjPoint & {
  id: string;
  kind: StoreKind;
  active: boolean;
  pickupEnabled: boolean;
  deliveryEnabled: boolean;
  safetyStock: number;
};
export type StockRow = { storeId: string; skuId: string; onHand: number; reserved: number };
export type WantedLine = { skuId: string; quantity: number };
export type ShipPolicy = { shipFromDirect: boolean; shipFromFranchise: boolean };
export type Assignment = { storeId: string; skuId: string; quantity: number };

export type DeliveryRoute =
  | { kind: "single"; storeId: string; assignments: Assignment[] }
  | { kind: "split"; storeIds: string[]; assignments: Assignment[] }
  | { kind: "warehouse"; storeId: string; assignments: Assignment[] }
  | { kind: "unavailable"; missing: string[] };

/** Exhaustive search for the fewest stores stops here; beyond it a greedy cover is used (fast, near-minimal). */
const EXACT_SPLIT_MAX_STORES = 3;
const EXACT_SPLIT_CANDIDATES = 30;

function sellableIn(stock: StockRow[], stores: Map<string, RoutingStore>): Map<string, Map<string, number>> {
  const bySku = new Map<string, Map<string, number>>();
  for (const row of stock) {
    const store = stores.get(row.storeId);
    if (!store) continue;
    let m = bySku.get(row.storeId);
    if (!m) bySku.set(row.storeId, (m = new Map()));
    m.set(row.skuId, sellableQuantity(row.onHand, row.reserved, store.safetyStock));
  }
  return bySku;
}

function covers(sellable: Map<string, number> | undefined, line: WantedLine): boolean {
  return (sellable?.get(line.skuId) ?? 0) >= line.quantity;
}

function byDistance<T extends GcjPoint>(items: T[], from: GcjPoint): (T & { distanceM: number })[] {
  return items.map((s) => ({ ...s, distanceM: distanceMeters(from, s) })).sort((a, b) => a.distanceM - b.distanceM);
}

/** Stores where the shopper can collect everything, nearest first (pickup, 网订店取). */
export function pickupStores<S extends RoutingStore>(stores: S[], stock: StockRow[], lines: WantedLine[], from: GcjPoint): (S & { distanceM: number })[] {
  const eligible = stores.filter((s) => s.active && s.pickupEnabled && s.kind !== "WAREHOUSE");
  const sellable = sellableIn(stock, new Map(eligible.map((s) => [s.id, s])));
  return byDistance(eligible.filter((s) => lines.every((l) => covers(sellable.get(s.id), l))), from);
}

function shipsOnline(s: RoutingStore, policy: ShipPolicy): boolean {
  if (!s.active || !s.deliveryEnabled) return false;
  if (s.kind === "DIRECT") return policy.shipFromDirect;
  if (s.kind === "FRANCHISE") return policy.shipFromFranchise;
  return true; // warehouses always ship
}

/** Fewest stores that together hold every line (each line from one store), nearest combination on ties. */
function fewestStores(candidates: (RoutingStore & { distanceM: number })[], sellable: Map<string, Map<string, number>>, lines: WantedLine[]): Assignment[] | null {
  const useful = candidates.filter((s) => lines.some((l) => covers(sellable.get(s.id), l)));
  const pool = useful.slice(0, EXACT_SPLIT_CANDIDATES);
  const assign = (combo: typeof pool): Assignment[] | null => {
    const out: Assignment[] = [];
    for (const l of lines) {
      const from = combo.find((s) => covers(sellable.get(s.id), l)); // combos are nearest-first: nearest that has it
      if (!from) return null;
      out.push({ storeId: from.id, skuId: l.skuId, quantity: l.quantity });
    }
    return out;
  };
  for (let k = 2; k <= Math.min(EXACT_SPLIT_MAX_STORES, lines.length); k++) {
    let best: { total: number; assignments: Assignment[] } | null = null;
    for (const combo of combinations(pool, k)) {
      const assignments = assign(combo);
      if (!assignments) continue;
      const total = combo.reduce((sum, s) => sum + s.distanceM, 0);
      if (!best || total < best.total) best = { total, assignments };
    }
    if (best) return best.assignments;
  }
  // Greedy set cover for carts that need more stores: take the store holding most of what is left.
  const left = [...lines];
  const out: Assignment[] = [];
  while (left.length) {
    let pick: { store: RoutingStore; lines: WantedLine[] } | null = null;
    for (const s of useful) {
      const held = left.filter((l) => covers(sellable.get(s.id), l));
      if (held.length && (!pick || held.length > pick.lines.length)) pick = { store: s, lines: held };
    }
    if (!pick) return null;
    for (const l of pick.lines) {
      out.push({ storeId: pick.store.id, skuId: l.skuId, quantity: l.quantity });
      left.splice(left.indexOf(l), 1);
    }
  }
  return out;
}

function* combinations<T>(items: T[], k: number, start = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i <= items.length - (k - prefix.length); i++) yield* combinations(items, k, i + 1, [...prefix, items[i]!]);
}

/**
 * Delivery routing (网订店送): the nearest store that has every line; else the fewest stores that together
 * have them; else the nearest warehouse that has them; else stores and warehouses together; else unavailable.
 * Stores of a kind the brand excludes, stores not shipping, and each store's safety stock are respected.
 */
export function routeDelivery(stores: RoutingStore[], stock: StockRow[], lines: WantedLine[], to: GcjPoint, policy: ShipPolicy): DeliveryRoute {
  const shipping = stores.filter((s) => shipsOnline(s, policy));
  const sellable = sellableIn(stock, new Map(shipping.map((s) => [s.id, s])));
  const hasAll = (s: RoutingStore) => lines.every((l) => covers(sellable.get(s.id), l));
  const whole = (storeId: string) => lines.map((l) => ({ storeId, skuId: l.skuId, quantity: l.quantity }));
  const retail = byDistance(shipping.filter((s) => s.kind !== "WAREHOUSE"), to);
  const warehouses = byDistance(shipping.filter((s) => s.kind === "WAREHOUSE"), to);

  const single = retail.find(hasAll);
  if (single) return { kind: "single", storeId: single.id, assignments: whole(single.id) };
  const split = lines.length > 1 ? fewestStores(retail, sellable, lines) : null;
  if (split) return { kind: "split", storeIds: [...new Set(split.map((a) => a.storeId))], assignments: split };
  const warehouse = warehouses.find(hasAll);
  if (warehouse) return { kind: "warehouse", storeId: warehouse.id, assignments: whole(warehouse.id) };
  const mixed = lines.length > 1 ? fewestStores([...retail, ...warehouses].sort((a, b) => a.distanceM - b.distanceM), sellable, lines) : null;
  if (mixed) return { kind: "split", storeIds: [...new Set(mixed.map((a) => a.storeId))], assignments: mixed };
  const everywhere = [...retail, ...warehouses];
  return { kind: "unavailable", missing: lines.filter((l) => !everywhere.some((s) => covers(sellable.get(s.id), l))).map((l) => l.skuId) };
}
