import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { availabilityNear, loadProductStock } from "@/lib/inventory/availability";
import { loadShopperStores } from "@/lib/stores/queries";
import { sellableQuantity } from "@/lib/inventory/levels";
import { distanceMeters } from "@/lib/stores/geo";

describe("availability by distance on the seeded database", () => {
  it("lists the nearest shopper stores (never the warehouse) with levels matching the stock rows", async () => {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
    const stores = await loadShopperStores(brand.id);
    expect(stores.every((s) => s.kind !== "WAREHOUSE")).toBe(true);
    const anchor = stores.find((s) => s.city === "上海")!;
    const product = await db.product.findFirstOrThrow({ where: { brandId: brand.id }, include: { skus: true }, orderBy: { styleCode: "asc" } });
    const stock = await loadProductStock(product.id);
    const result = availabilityNear(stores, stock, product.skus.map((s) => s.id), anchor, 8);

    expect(result).toHaveLength(8);
    expect(result[0]!.code).toBe(anchor.code);
    for (let i = 1; i < result.length; i++) expect(result[i]!.distanceM).toBeGreaterThanOrEqual(result[i - 1]!.distanceM);
    const eighth = result[7]!.distanceM;
    const closerLeftOut = stores.filter((s) => !result.some((r) => r.code === s.code) && distanceMeters(anchor, s) < eighth);
    expect(closerLeftOut).toEqual([]);

    for (const row of result) {
      const store = stores.find((s) => s.code === row.code)!;
      for (const sku of product.skus) {
        const inv = stock.find((r) => r.storeId === store.id && r.skuId === sku.id);
        const sellable = inv ? sellableQuantity(inv.onHand, inv.reserved, store.safetyStock) : 0;
        expect(row.levels[sku.id]).toBe(sellable <= 0 ? "none" : sellable < 3 ? "low" : "in");
      }
    }
  });

  it("the seed leaves some sizes missing in some stores", async () => {
    const missing = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*) AS n FROM "Store" s CROSS JOIN "Sku" k JOIN "Product" p ON p."id" = k."productId" AND p."brandId" = s."brandId"
      WHERE s."kind" != 'WAREHOUSE' AND NOT EXISTS (SELECT 1 FROM "Inventory" i WHERE i."storeId" = s."id" AND i."skuId" = k."id" AND i."onHand" > 0)`;
    expect(Number(missing[0]!.n)).toBeGreaterThan(0);
  });
});
