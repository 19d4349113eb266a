// What a shopper sees of a store's stock: never exact numbers, three levels.
export type StockLevel = "in" | "low" | "none";

/** Below this many sellable units a size shows as "low" (仅剩少量). */
export const LOW_STOCK_THRESHOLD = 3;

/** Units a shopper may buy: on hand less reserved less the store's safety stock, never negative. */
export function sellableQuantity(onHand: number, reserved: number, safetyStock = 0): number {
  return Math.max(0, onHand - reserved - safetyStock);
}

export function stockLevel(sellable: number): StockLevel {
  if (sellable <= 0) return "none";
  return sellable < LOW_STOCK_THRESHOLD ? "low" : "in";
}
