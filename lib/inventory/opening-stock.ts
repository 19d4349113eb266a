import { db } from "@/lib/db";

export type OpeningStockLine = { storeId: string; skuId: string; quantity: number };

const BATCH = 500;

/**
 * Loads a store's first stock count (开账): inventory rows and their SEED/RECEIVE ledger rows,
 * written together in one batch transaction per chunk so a crash never leaves stock without its ledger.
 * Only for stores/SKUs that have no inventory row yet; later changes go through reserve/adjust functions.
 */
export async function recordOpeningStock(
  lines: OpeningStockLine[],
  actor: string,
  reason: "SEED" | "RECEIVE" = "SEED",
  at: Date = new Date(),
): Promise<number> {
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      throw new Error(`库存数量无效 / invalid opening quantity ${line.quantity} for ${line.storeId}/${line.skuId}`);
    }
  }
  for (let i = 0; i < lines.length; i += BATCH) {
    const chunk = lines.slice(i, i + BATCH);
    await db.$transaction([
      db.inventory.createMany({
        data: chunk.map((l) => ({ id: `inv_${l.storeId}_${l.skuId}`, storeId: l.storeId, skuId: l.skuId, onHand: l.quantity, reserved: 0, updatedAt: at })),
      }),
      db.stockLedger.createMany({
        // Opening stock happens once per store and SKU, so its ids can be derived: the same seed gives the same rows.
        data: chunk.map((l) => ({
          id: `open_${l.storeId}_${l.skuId}`,
          storeId: l.storeId,
          skuId: l.skuId,
          reason,
          onHandDelta: l.quantity,
          reservedDelta: 0,
          onHandAfter: l.quantity,
          reservedAfter: 0,
          actor,
          note: "opening stock",
          createdAt: at,
        })),
      }),
    ]);
  }
  return lines.length;
}
