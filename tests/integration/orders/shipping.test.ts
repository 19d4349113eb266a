import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { confirmSandboxPayment, startPayment } from "@/lib/orders/payment";
import { confirmReceived, shipStoreLines } from "@/lib/orders/fulfilment";
import { AUTO_RECEIVE_DAYS, sweepExpired } from "@/lib/orders/sweeper";
import { createSandboxProvider } from "@/lib/payments";
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

  it(`completes when the member confirms receipt, or by itself ${AUTO_RECEIVE_DAYS} days after shipping; never for someone else`, async () => {
    const brand = await brandOf("lumi");
    const [store] = await db.store.findMany({ where: { brandId: brand.id, kind: "DIRECT", active: true, deliveryEnabled: true, city: "北京" }, orderBy: { code: "asc" }, take: 1 });
    const shipped: string[] = [];
    const member = await newMember();
    for (let i = 0; i < 2; i++) {
      const sku = await newSku(brand.id, 40000);
      await stock(store!.id, sku.id, 1);
      const placed = await placeOrder(member.id, {
        brandId: brand.id, idempotencyKey: key(), fulfilment: "DELIVERY", address: "北京市朝阳区建国门外大街 1 号", contactPhone: "13900002222",
        deliveryPoint: { lat: store!.lat, lng: store!.lng }, lines: [{ skuId: sku.id, quantity: 1 }],
      });
      await startPayment(placed.number, member.id, { notifyUrl: "http://localhost/notify" });
      await confirmSandboxPayment(placed.number, member.id);
      await shipStoreLines({ staffId: "s", brandId: brand.id, storeId: store!.id }, placed.orderId, "");
      shipped.push(placed.number);
    }
    const stranger = await newMember();
    await expect(confirmReceived(stranger.id, shipped[0]!)).rejects.toMatchObject({ status: 404 });
    await confirmReceived(member.id, shipped[0]!);
    expect((await db.order.findUniqueOrThrow({ where: { number: shipped[0]! } })).status).toBe("COMPLETED");

    const sandbox = createSandboxProvider();
    await sweepExpired(new Date(Date.now() + (AUTO_RECEIVE_DAYS - 1) * 86_400_000), sandbox);
    expect((await db.order.findUniqueOrThrow({ where: { number: shipped[1]! } })).status).toBe("SHIPPED");
    await sweepExpired(new Date(Date.now() + (AUTO_RECEIVE_DAYS + 1) * 86_400_000), sandbox);
    const auto = await db.order.findUniqueOrThrow({ where: { number: shipped[1]! }, include: { events: true } });
    expect(auto.status).toBe("COMPLETED");
    expect(auto.events.at(-1)).toMatchObject({ fromStatus: "SHIPPED", toStatus: "COMPLETED", actor: "system:sweeper" });
  });
});
