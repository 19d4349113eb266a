import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { confirmSandboxPayment, startPayment } from "@/lib/orders/payment";
import { shipStoreLines } from "@/lib/orders/fulfilment";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "./fixtures";

// A delivery split across two stores: each ships its own lines, at the same moment, and the order is
// SHIPPED exactly when the last of them has shipped; stock leaves each store once.
describe("shipping a split delivery", () => {
  it("two stores shipping at once: each line sold once, the order SHIPPED once", async () => {
    const brand = await brandOf("lumi");
    const [a, b] = await db.store.findMany({ where: { brandId: brand.id, kind: "DIRECT", active: true, deliveryEnabled: true, city: "上海" }, orderBy: { code: "asc" }, take: 2 });
    const skuA = await newSku(brand.id, 30000);
    const skuB = await newSku(brand.id, 30000);
    await stock(a!.id, skuA.id, 1);
    await stock(b!.id, skuB.id, 1);
    const member = await newMember();
    const placed = await placeOrder(member.id, {
      brandId: brand.id, idempotencyKey: key(), fulfilment: "DELIVERY", address: "上海市徐汇区淮海中路 999 号", contactPhone: "13900001111",
      deliveryPoint: { lat: a!.lat, lng: a!.lng }, lines: [{ skuId: skuA.id, quantity: 1 }, { skuId: skuB.id, quantity: 1 }],
    });
    await startPayment(placed.number, member.id, { notifyUrl: "http://localhost/notify" });
    await confirmSandboxPayment(placed.number, member.id);
    const staffA = { staffId: "s-a", brandId: brand.id, storeId: a!.id };
    const staffB = { staffId: "s-b", brandId: brand.id, storeId: b!.id };
    // Store A's two staff both press "ship" and store B ships at the same moment.
    const results = await Promise.allSettled([
      shipStoreLines(staffA, placed.orderId, "SF1"),
      shipStoreLines(staffA, placed.orderId, "SF1"),
      shipStoreLines(staffB, placed.orderId, "YT2"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(2);
    expect(await inventoryOf(a!.id, skuA.id)).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await inventoryOf(b!.id, skuB.id)).toMatchObject({ onHand: 0, reserved: 0 });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: true, events: true } });
    expect(order.status).toBe("SHIPPED");
    expect(order.lines.every((l) => l.soldQty === 1)).toBe(true);
    expect(order.events.filter((e) => e.toStatus === "SHIPPED")).toHaveLength(1);
    expect(await db.stockLedger.count({ where: { reference: `order:${placed.number}`, reason: "SELL" } })).toBe(2);
    expect(await ledgerMismatches()).toEqual([]);
  });
});
