import { z } from "zod";
import { db } from "@/lib/db";
import { isValidGtin13 } from "@/lib/catalog/gtin";

// Stock counts from outside (CSV imports, the ERP API): store code + GTIN + counted quantity. The resolver
// loads the brand's store codes and GTINs ONCE into maps, so 100,000 rows resolve without a query per row.

export const stockRow = z.object({ storeCode: z.string(), gtin: z.string(), quantity: z.number().int().min(0) });
export type StockRow = z.infer<typeof stockRow>;

import type { RowError } from "./catalog";
export type { RowError };

export type ResolvedCount = { storeId: string; skuId: string; onHand: number; row: number };

export const stockMessages = {
  badGtin: (gtin: string) => `GTIN 校验位错误或不是 13 位数字 / not a valid EAN-13 (13 digits, check digit): ${gtin}`,
  unknownGtin: (gtin: string) => `本品牌没有此 GTIN 的 SKU / no SKU of this brand has GTIN ${gtin}`,
  unknownStore: (code: string) => `本品牌没有此门店代码 / no store of this brand has code ${code}`,
  duplicate: (first: number) => `同一门店和 GTIN 重复（首次出现在第 ${first} 行）/ the same store and GTIN again (first on row ${first})`,
  badQuantity: "数量必须是 0 或正整数 / quantity must be a whole number, 0 or more",
} as const;

export type StockResolver = {
  resolve(rows: StockRow[], firstRowNo?: number): { counts: ResolvedCount[]; errors: RowError[] };
};

/**
 * Loads the brand's stores (by code) and SKUs (by GTIN) once. `resolve` is synchronous and remembers the
 * (store, GTIN) pairs it has seen across calls, so a file resolved batch by batch still reports duplicates.
 */
export async function stockResolver(brandId: string): Promise<StockResolver> {
  const [stores, skus] = await Promise.all([
    db.store.findMany({ where: { brandId }, select: { id: true, code: true } }),
    db.sku.findMany({ where: { product: { brandId } }, select: { id: true, gtin: true } }),
  ]);
  const storeByCode = new Map(stores.map((s) => [s.code, s.id]));
  const skuByGtin = new Map(skus.map((s) => [s.gtin, s.id]));
  const seen = new Map<string, number>();

  return {
    resolve(rows, firstRowNo = 1) {
      const counts: ResolvedCount[] = [];
      const errors: RowError[] = [];
      rows.forEach((r, i) => {
        const row = firstRowNo + i;
        const code = r.storeCode.trim();
        const gtin = r.gtin.trim();
        let bad = false;
        const storeId = storeByCode.get(code);
        if (!storeId) {
          errors.push({ row, field: "storeCode", message: stockMessages.unknownStore(code) });
          bad = true;
        }
        let skuId: string | undefined;
        if (!isValidGtin13(gtin)) {
          errors.push({ row, field: "gtin", message: stockMessages.badGtin(gtin) });
          bad = true;
        } else {
          skuId = skuByGtin.get(gtin);
          if (!skuId) {
            errors.push({ row, field: "gtin", message: stockMessages.unknownGtin(gtin) });
            bad = true;
          }
        }
        if (!Number.isInteger(r.quantity) || r.quantity < 0) {
          errors.push({ row, field: "quantity", message: stockMessages.badQuantity });
          bad = true;
        }
        if (bad || !storeId || !skuId) return;
        const key = `${storeId}\u0000${skuId}`;
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push({ row, field: "gtin", message: stockMessages.duplicate(first) });
          return;
        }
        seen.set(key, row);
        counts.push({ storeId, skuId, onHand: r.quantity, row });
      });
      return { counts, errors };
    },
  };
}
