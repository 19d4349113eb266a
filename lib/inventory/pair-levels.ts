import { db } from "@/lib/db";
import { inChunks } from "@/lib/catalog-feed/catalog";

// The figures of many (store, SKU) pairs at once, for the feeds' checks before they write (ERP counts and movements,
// a held feed's confirmation): read in chunks by SKU, never one OR term per pair (SQLite caps expression depth).

export type PairLevel = { onHand: number; reserved: number; lastCountAt: Date | null; lastCountOnHand: number | null };
export const NO_LEVEL: PairLevel = { onHand: 0, reserved: 0, lastCountAt: null, lastCountOnHand: null };
export const pairKey = (p: { storeId: string; skuId: string }) => `${p.storeId}\u0000${p.skuId}`;

/** Each pair's row as it is now (a pair without a row is absent: use NO_LEVEL). */
export async function pairLevels(pairs: { storeId: string; skuId: string }[]): Promise<Map<string, PairLevel>> {
  const storeIds = [...new Set(pairs.map((p) => p.storeId))];
  const rows = await inChunks(
    pairs.map((p) => p.skuId),
    (skuIds) =>
      db.inventory.findMany({
        where: { skuId: { in: skuIds }, storeId: { in: storeIds } },
        select: { storeId: true, skuId: true, onHand: true, reserved: true, lastCountAt: true, lastCountOnHand: true },
      }),
  );
  return new Map(rows.map((r) => [pairKey(r), r]));
}
