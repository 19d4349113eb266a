import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { InsufficientStockError, releaseReservation, reserveStock } from "@/lib/inventory/reservations";

async function freshStock(onHand: number, safetyStock = 0) {
  // A SKU/store pair of its own, set up through the same opening-stock door the seed uses.
  const store = await db.store.findFirstOrThrow({ where: { brand: { slug: "nord" }, kind: "DIRECT" }, orderBy: { code: "desc" } });
  await db.store.update({ where: { id: store.id }, data: { safetyStock } });
  const sku = await db.sku.findFirstOrThrow({ where: { product: { brandId: store.brandId }, inventory: { none: { storeId: store.id } } } });
  const { recordOpeningStock } = await import("@/lib/inventory/opening-stock");
  await recordOpeningStock([{ storeId: store.id, skuId: sku.id, quantity: onHand }], "test");
  return { storeId: store.id, skuId: sku.id };
}

const inv = (k: { storeId: string; skuId: string }) => db.inventory.findUniqueOrThrow({ where: { storeId_skuId: k } });

describe("reserving stock", () => {
  it("100 concurrent buyers, 10 units: exactly 10 reservations, never oversold, one ledger row each", async () => {
    const k = await freshStock(10);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => reserveStock([{ ...k, quantity: 1 }], { actor: `member:${i}`, reference: `order-${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientStockError)).toBe(true);
    expect(await inv(k)).toMatchObject({ onHand: 10, reserved: 10 });
    const ledger = await db.stockLedger.findMany({ where: { ...k, reason: "RESERVE" } });
    expect(ledger).toHaveLength(10);
    expect(ledger.map((l) => l.reservedAfter).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("all lines or none: one short line reserves nothing and writes no ledger row", async () => {
    const a = await freshStock(5);
    const b = await freshStock(1);
    await expect(
      reserveStock([{ ...a, quantity: 2 }, { ...b, quantity: 2 }], { actor: "member:x", reference: "order-short" }),
    ).rejects.toBeInstanceOf(InsufficientStockError);
    expect((await inv(a)).reserved).toBe(0);
    expect((await inv(b)).reserved).toBe(0);
    expect(await db.stockLedger.count({ where: { reference: "order-short" } })).toBe(0);
  });

  it("keeps the store's safety stock back online, not at the counter; refuses a store without the SKU", async () => {
    const k = await freshStock(3, 2);
    await expect(reserveStock([{ ...k, quantity: 2 }], { actor: "m", reference: "online" })).rejects.toBeInstanceOf(InsufficientStockError);
    await reserveStock([{ ...k, quantity: 1 }], { actor: "m", reference: "online-1" });
    await reserveStock([{ ...k, quantity: 2 }], { actor: "staff:s", reference: "counter", safetyStock: false });
    expect((await inv(k)).reserved).toBe(3);
    await expect(reserveStock([{ storeId: k.storeId, skuId: "no-such-sku", quantity: 1 }], { actor: "m", reference: "x" })).rejects.toBeInstanceOf(InsufficientStockError);
  });

  it("releases what was reserved, never more, with ledger rows", async () => {
    const k = await freshStock(4);
    await reserveStock([{ ...k, quantity: 3 }], { actor: "m", reference: "order-r" });
    await releaseReservation([{ ...k, quantity: 3 }], { actor: "system:sweeper", reference: "order-r" });
    expect((await inv(k)).reserved).toBe(0);
    await expect(releaseReservation([{ ...k, quantity: 1 }], { actor: "system:sweeper", reference: "order-r" })).rejects.toThrow(/释放数量/);
    const rows = await db.stockLedger.findMany({ where: { ...k, reference: "order-r" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.reason, r.reservedDelta, r.reservedAfter])).toEqual([["RESERVE", 3, 3], ["RELEASE", -3, 0]]);
  });

  it("refuses malformed lines before touching anything", async () => {
    const k = await freshStock(2);
    await expect(reserveStock([{ ...k, quantity: 0 }], { actor: "m", reference: "bad" })).rejects.toThrow();
    await expect(reserveStock([{ ...k, quantity: 1.5 }], { actor: "m", reference: "bad" })).rejects.toThrow();
    expect((await inv(k)).reserved).toBe(0);
  });
});
