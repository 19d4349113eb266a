// The two rules of stock feeds (ERP counts, CSV stock imports), pure so they are tested alone (decision 024).
//
// 1. The "all stock shows zero" guard: a feed is HELD when, for any store it touches, the store has stock now and
//    would keep at most a tenth of the SKUs it stocks (on hand > 0) after the feed — in particular when it would
//    have nothing left. Measured on the store's whole stock, not only the feed's rows, so a feed that empties a
//    store in one go is caught and a store selling out of a few SKUs is not. A store with fewer than 10 stocked
//    SKUs is held only when it would be emptied.
// 2. Count conflicts: a count carries the time it was taken (or the time it arrived); a count older than the last
//    count applied to that (store, SKU) is not applied and is reported, so the newer figure wins whatever the order
//    of arrival. The same count again (same time, same figure) is simply already applied.

/** The share of a store's stocked SKUs a feed must leave, or it is held. */
export const KEEP_SHARE = 0.1;

export type StoreTotals = { storeId: string; units: number; skus: number };
/** One count of the feed: the pair's on hand now and what the feed sets it to. */
export type CountChange = { storeId: string; before: number; after: number };
export type StoreEffect = { storeId: string; unitsBefore: number; unitsAfter: number; skusBefore: number; skusAfter: number };

/** Each touched store's units and stocked SKUs before and after the feed (totals = the store's whole stock now). */
export function storeEffects(totals: StoreTotals[], changes: CountChange[]): StoreEffect[] {
  const byStore = new Map<string, StoreEffect>();
  for (const t of totals) byStore.set(t.storeId, { storeId: t.storeId, unitsBefore: t.units, unitsAfter: t.units, skusBefore: t.skus, skusAfter: t.skus });
  for (const c of changes) {
    const e = byStore.get(c.storeId) ?? { storeId: c.storeId, unitsBefore: 0, unitsAfter: 0, skusBefore: 0, skusAfter: 0 };
    e.unitsAfter += c.after - c.before;
    e.skusAfter += (c.after > 0 ? 1 : 0) - (c.before > 0 ? 1 : 0);
    byStore.set(c.storeId, e);
  }
  return [...byStore.values()].filter((e) => changes.some((c) => c.storeId === e.storeId));
}

/** True when the feed would (almost) empty the store: it stocks something now and would keep ≤ 10 % of its stocked SKUs. */
export function emptiesStore(e: StoreEffect): boolean {
  return e.skusBefore > 0 && e.skusAfter <= Math.floor(e.skusBefore * KEEP_SHARE);
}

/** The stores that make a feed held (empty: apply it). */
export function storesToHold(totals: StoreTotals[], changes: CountChange[]): StoreEffect[] {
  return storeEffects(totals, changes).filter(emptiesStore);
}

export type LastCount = { at: Date | null; onHand: number | null };
export type CountVerdict = "apply" | "already_applied" | "stale";

/** A count taken at `at` giving `onHand`, against the last count applied to the same (store, SKU). */
export function countVerdict(at: Date, onHand: number, last: LastCount): CountVerdict {
  if (!last.at || at.getTime() > last.at.getTime()) return "apply";
  if (at.getTime() === last.at.getTime() && onHand === last.onHand) return "already_applied";
  return "stale";
}

/** How far ahead of the server's clock a count's time may be (a wrong clock must not lock a SKU's counts). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
