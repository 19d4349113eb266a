import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CatalogFeedError, commitFeed, inChunks, schemaErrors, type RowError } from "./catalog";

// Price rows from outside (CSV imports and the ERP API). A row without a GTIN sets its style's price (and list
// price when given: null clears it); a row with a GTIN sets that SKU's own price. One batch, all rows or none.

export const priceRow = z.object({
  styleCode: z.string().trim().min(1).max(64),
  gtin: z.string().trim().regex(/^\d{13}$/, "GTIN 须为 13 位数字 / GTIN must be 13 digits").optional() /* a SKU's own price when given */,
  priceFen: z.number().int().min(0).max(100_000_000),
  listPriceFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export type PriceRow = z.infer<typeof priceRow>;

async function checkWithContext(brandId: string, rows: PriceRow[], firstRowNo: number) {
  const { errors, good } = schemaErrors(priceRow, rows, firstRowNo);
  const [products, skus] = await Promise.all([
    inChunks(
      good.map((g) => g.r.styleCode),
      (codes) => db.product.findMany({ where: { brandId, styleCode: { in: codes } }, select: { id: true, styleCode: true, listPriceFen: true } }),
    ),
    inChunks(
      good.flatMap((g) => (g.r.gtin ? [g.r.gtin] : [])),
      (gtins) => db.sku.findMany({ where: { gtin: { in: gtins } }, select: { id: true, gtin: true, productId: true } }),
    ),
  ]);
  const productByCode = new Map(products.map((p) => [p.styleCode, p]));
  const skuByGtin = new Map(skus.map((s) => [s.gtin, s]));
  const seen = new Map<string, number>();
  for (const { r, rowNo } of good) {
    const fail = (field: string, message: string) => errors.push({ row: rowNo, field, message });
    const key = r.gtin ?? `style:${r.styleCode}`;
    const dup = seen.get(key);
    if (dup !== undefined) fail(r.gtin ? "gtin" : "styleCode", `与第 ${dup} 行重复 / Same price target as row ${dup}`);
    else seen.set(key, rowNo);
    const product = productByCode.get(r.styleCode);
    if (!product) {
      fail("styleCode", `款号不存在 / Unknown style: ${r.styleCode}`);
      continue;
    }
    if (r.gtin) {
      const sku = skuByGtin.get(r.gtin);
      if (!sku || sku.productId !== product.id) fail("gtin", `该款没有此 GTIN / Style ${r.styleCode} has no SKU ${r.gtin}`);
      if (r.listPriceFen != null) fail("listPriceFen", "SKU 没有原价，原价按款设置 / A SKU has no list price of its own: set it on the style row");
    } else {
      const list = r.listPriceFen === undefined ? product.listPriceFen : r.listPriceFen;
      if (list != null && list < r.priceFen) fail(r.listPriceFen === undefined ? "priceFen" : "listPriceFen", "原价不能低于售价 / The list price cannot be below the price");
    }
  }
  return { errors: errors.sort((a, b) => a.row - b.row), productByCode, skuByGtin };
}

export async function checkPriceRows(brandId: string, rows: PriceRow[], firstRowNo = 1): Promise<RowError[]> {
  return (await checkWithContext(brandId, rows, firstRowNo)).errors;
}

/** The checked price changes as statements, for a caller that adds its own (the ERP receipt) to the batch. */
export async function planPrices(brandId: string, raw: PriceRow[]) {
  const { errors, skuByGtin } = await checkWithContext(brandId, raw, 1);
  if (errors.length) throw new CatalogFeedError(errors);
  const rows = raw.map((r) => priceRow.parse(r));
  const statements: Prisma.PrismaPromise<unknown>[] = rows.map((r) =>
    r.gtin
      ? db.sku.update({ where: { id: skuByGtin.get(r.gtin)!.id }, data: { priceFen: r.priceFen } })
      : db.product.update({
          where: { brandId_styleCode: { brandId, styleCode: r.styleCode } },
          data: { priceFen: r.priceFen, ...(r.listPriceFen !== undefined && { listPriceFen: r.listPriceFen }) },
        }),
  );
  return { statements, updated: rows.length, styleCodes: [...new Set(rows.map((r) => r.styleCode))] };
}

export async function applyPrices(brandId: string, rows: PriceRow[], actor: string): Promise<{ updated: number }> {
  const plan = await planPrices(brandId, rows);
  await commitFeed(brandId, plan, actor);
  return { updated: plan.updated };
}
