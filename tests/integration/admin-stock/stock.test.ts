import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AccessDenied } from "@/lib/auth/policy";
import { stockStatements } from "@/lib/inventory/movements";
import { adjustStoreStock, StockAdjustRefused } from "@/lib/inventory/adjustments";
import { brandSkuStock, STOCK_SORTS, stockLedgerPage, storeStockPage } from "@/lib/inventory/admin-queries";
import { brandOf, inventoryOf, ledgerMismatches, newSku, stock } from "../orders/fixtures";
import { listParams, staffPrincipal } from "../admin-people/helpers";

// Manual stock adjustments from the console: one ledger row each (who, why), refused below reserved or zero with
// nothing changed; the store's stock list and a SKU's ledger page as the console reads them. Each test owns a new
// SKU so the seeded figures stay as they were.

async function lumiSkuAt(code: string, onHand: number, reserved = 0) {
  const lumi = await brandOf("lumi");
  const store = await db.store.findUniqueOrThrow({ where: { brandId_code: { brandId: lumi.id, code } } });
  const sku = await newSku(lumi.id);
  await stock(store.id, sku.id, onHand);
  if (reserved) await db.$transaction(stockStatements("RESERVE", [{ storeId: store.id, skuId: sku.id, quantity: reserved }], { actor: "system:test", reference: "fixture", now: new Date(), safetyStock: false }));
  return { lumi, store, sku };
}

describe("manual stock adjustment", () => {
  it("by a delta: one ADJUST ledger row with the admin, the reason as note, and an adjust reference; audited", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const { lumi, store, sku } = await lumiSkuAt("SH01", 5, 2);
    const before = await db.stockLedger.count({ where: { storeId: store.id, skuId: sku.id } });
    const after = await adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "delta", value: "-3", reason: "盘点损耗" });
    expect(after).toEqual({ onHand: 2, reserved: 2 });
    const rows = await db.stockLedger.findMany({ where: { storeId: store.id, skuId: sku.id }, orderBy: { createdAt: "desc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ reason: "ADJUST", onHandDelta: -3, onHandAfter: 2, reservedAfter: 2, actor: `staff:${admin.staffId}`, note: "盘点损耗" });
    expect(rows[0]!.reference).toMatch(/^adjust:[0-9a-f]{8}$/);
    expect(await db.auditLog.count({ where: { action: "stock.adjusted", brandId: lumi.id, target: `store:${store.id}/sku:${sku.id}` } })).toBe(1);
  });

  it("to a counted figure: one row with the difference", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const { lumi, store, sku } = await lumiSkuAt("SH01", 5);
    await adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "count", value: "9", reason: "月末盘点" });
    expect(await inventoryOf(store.id, sku.id)).toMatchObject({ onHand: 9 });
    expect(await db.stockLedger.findFirst({ where: { storeId: store.id, skuId: sku.id, reason: "ADJUST" } })).toMatchObject({ onHandDelta: 4, onHandAfter: 9, note: "月末盘点" });
    await expect(adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "count", value: "9", reason: "月末盘点" })).rejects.toThrow("盘点数与现有库存相同，无需调整 / The count equals the stock on hand: nothing to change");
  });

  it("refuses below reserved (delta or count) and below zero with the figures, changing nothing", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const { lumi, store, sku } = await lumiSkuAt("SH01", 5, 2);
    const ledger = () => db.stockLedger.count({ where: { storeId: store.id, skuId: sku.id } });
    const rows = await ledger();
    const message = "库存不能低于已预留数量或小于零（现有 5，已预留 2）/ Stock on hand cannot go below what is reserved or below zero (on hand 5, reserved 2)";
    await expect(adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "delta", value: "-4", reason: "损耗" })).rejects.toThrow(message);
    await expect(adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "count", value: "1", reason: "盘点" })).rejects.toThrow(message);
    await expect(adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "count", value: "-1", reason: "盘点" })).rejects.toThrow("盘点数不能为负数 / A counted figure cannot be negative");
    await expect(adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "delta", value: "-1", reason: "" })).rejects.toThrow("请填写调整原因 / Enter the reason for the adjustment");
    expect(await inventoryOf(store.id, sku.id)).toMatchObject({ onHand: 5, reserved: 2 });
    expect(await ledger()).toBe(rows);
  });

  it("a store that never held the SKU: a negative delta is refused and leaves no row behind", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const { lumi, sku } = await lumiSkuAt("SH01", 1);
    const bj01 = await db.store.findUniqueOrThrow({ where: { brandId_code: { brandId: lumi.id, code: "BJ01" } } });
    await expect(adjustStoreStock(admin, lumi.id, bj01.id, sku.id, { mode: "delta", value: "-1", reason: "损耗" })).rejects.toBeInstanceOf(StockAdjustRefused);
    expect(await db.inventory.findUnique({ where: { storeId_skuId: { storeId: bj01.id, skuId: sku.id } } })).toBeNull();
  });

  it("another brand's admin reaches neither LUMI's stores nor its SKUs", async () => {
    const nord = await staffPrincipal("nord.admin");
    const nordBrand = await brandOf("nord");
    const { lumi, store, sku } = await lumiSkuAt("SH01", 5);
    await expect(adjustStoreStock(nord, lumi.id, store.id, sku.id, { mode: "delta", value: "1", reason: "越权" })).rejects.toBeInstanceOf(AccessDenied);
    await expect(adjustStoreStock(nord, nordBrand.id, store.id, sku.id, { mode: "delta", value: "1", reason: "越权" })).rejects.toThrow("门店或商品不存在 / No such store or SKU");
    expect(await brandSkuStock(nordBrand.id, store.id, sku.gtin)).toBeNull();
    expect(await inventoryOf(store.id, sku.id)).toMatchObject({ onHand: 5 });
  });

  it("leaves every ledger matching its stock row", async () => {
    expect(await ledgerMismatches()).toEqual([]);
  });
});

describe("stock lists", () => {
  it("a store's stock searches by GTIN or style, sorts by on hand, pages; the ledger pages newest first", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const { lumi, store, sku } = await lumiSkuAt("GZ01", 7);
    const byGtin = await storeStockPage(store.id, listParams(STOCK_SORTS, { q: sku.gtin }));
    expect(byGtin.rows.map((r) => [r.sku.gtin, r.onHand, r.available])).toEqual([[sku.gtin, 7, 7]]);
    const byStyle = await storeStockPage(store.id, listParams(STOCK_SORTS, { q: sku.product.styleCode.toLowerCase() }));
    expect(byStyle.rows.length).toBeGreaterThan(0);
    expect(byStyle.rows.every((r) => r.sku.product.styleCode === sku.product.styleCode)).toBe(true);
    const top = await storeStockPage(store.id, listParams(STOCK_SORTS, { sort: "onHand", dir: "desc" }, "gtin", 5));
    expect(top.rows.map((r) => r.onHand)).toEqual([...top.rows.map((r) => r.onHand)].sort((a, b) => b - a));
    expect(top.total).toBe(await db.inventory.count({ where: { storeId: store.id } }));

    // A second apart each, so "newest first" has one answer.
    const t0 = Date.now();
    for (const [i, reason] of ["第一次", "第二次", "第三次"].entries()) await adjustStoreStock(admin, lumi.id, store.id, sku.id, { mode: "delta", value: "1", reason }, new Date(t0 + (i + 1) * 1000));
    const first = await stockLedgerPage(store.id, sku.id, { page: 1, pageSize: 2, skip: 0, take: 2 });
    expect(first.total).toBe(4);
    expect(first.rows.map((r) => r.note)).toEqual(["第三次", "第二次"]);
    const second = await stockLedgerPage(store.id, sku.id, { page: 2, pageSize: 2, skip: 2, take: 2 });
    expect(second.rows.map((r) => r.note)).toEqual(["第一次", "opening stock"]);
  });
});
