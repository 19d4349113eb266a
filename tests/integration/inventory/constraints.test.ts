import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

// The database itself refuses impossible quantities (docs/decisions/003-schema-constraints.md).
describe("CHECK constraints", () => {
  it("refuses negative stock, more reserved than on hand, and bad GTIN shapes", async () => {
    const inv = await db.inventory.findFirstOrThrow({ where: { onHand: { gt: 0 } } });
    await expect(db.inventory.update({ where: { id: inv.id }, data: { onHand: -1 } })).rejects.toThrow();
    await expect(db.inventory.update({ where: { id: inv.id }, data: { reserved: inv.onHand + 1 } })).rejects.toThrow();
    await expect(db.inventory.update({ where: { id: inv.id }, data: { reserved: -1 } })).rejects.toThrow();
    const sku = await db.sku.findFirstOrThrow();
    await expect(db.sku.update({ where: { id: sku.id }, data: { gtin: "12345" } })).rejects.toThrow();
    await expect(db.sku.update({ where: { id: sku.id }, data: { gtin: "69012345678A2" } })).rejects.toThrow();
    const product = await db.product.findFirstOrThrow();
    await expect(db.product.update({ where: { id: product.id }, data: { priceFen: -100 } })).rejects.toThrow();
    // Nothing changed.
    expect(await db.inventory.findUniqueOrThrow({ where: { id: inv.id } })).toEqual(inv);
    expect((await db.sku.findUniqueOrThrow({ where: { id: sku.id } })).gtin).toBe(sku.gtin);
  });

  it("refuses a duplicate GTIN and a second inventory row for the same store and SKU", async () => {
    const [a, b] = await db.sku.findMany({ take: 2 });
    await expect(db.sku.update({ where: { id: b!.id }, data: { gtin: a!.gtin } })).rejects.toThrow();
    const inv = await db.inventory.findFirstOrThrow();
    await expect(db.inventory.create({ data: { storeId: inv.storeId, skuId: inv.skuId, onHand: 1 } })).rejects.toThrow();
  });

  it("every seeded inventory row has its opening ledger row", async () => {
    const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*) AS n FROM "Inventory" i WHERE i."onHand" != (SELECT COALESCE(SUM(l."onHandDelta"), 0) FROM "StockLedger" l WHERE l."storeId" = i."storeId" AND l."skuId" = i."skuId")`;
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
