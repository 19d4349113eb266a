import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { OrderRefused, SoldOut } from "@/lib/orders/errors";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "./fixtures";

async function pickupStores(brandId: string) {
  return db.store.findMany({ where: { brandId, kind: "DIRECT", active: true, pickupEnabled: true, mallName: { not: "" } }, orderBy: { code: "asc" }, take: 3 });
}

describe("placing an order", () => {
  it("100 concurrent orders for the last 10 units at one store: exactly 10 succeed, the rest are told where else it is", async () => {
    const brand = await brandOf();
    const [here, elsewhere] = await pickupStores(brand.id);
    const sku = await newSku(brand.id);
    await stock(here!.id, sku.id, 10);
    await stock(elsewhere!.id, sku.id, 4);
    const members = await Promise.all(Array.from({ length: 100 }, () => newMember()));
    const results = await Promise.allSettled(
      members.map((m) => placeOrder(m.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: here!.id, lines: [{ skuId: sku.id, quantity: 1 }] })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(SoldOut);
      expect((r.reason as SoldOut).alternatives[0]!.stores.map((s) => s.code)).toContain(elsewhere!.code);
    }
    expect(await inventoryOf(here!.id, sku.id)).toMatchObject({ onHand: 10, reserved: 10 });
    expect(await db.order.count({ where: { lines: { some: { skuId: sku.id } } } })).toBe(10);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("a double tap makes one order; the same key with a different cart is refused and changes nothing", async () => {
    const brand = await brandOf();
    const [store] = await pickupStores(brand.id);
    const sku = await newSku(brand.id, 19900);
    await stock(store!.id, sku.id, 5);
    const member = await newMember();
    const k = key();
    const input = { brandId: brand.id, idempotencyKey: k, fulfilment: "PICKUP" as const, storeId: store!.id, lines: [{ skuId: sku.id, quantity: 2 }] };
    const [a, b] = await Promise.all([placeOrder(member.id, input), placeOrder(member.id, input)]);
    expect(a.number).toBe(b.number);
    expect(a.totalFen).toBe(39800);
    expect((await inventoryOf(store!.id, sku.id)).reserved).toBe(2);
    await expect(placeOrder(member.id, { ...input, lines: [{ skuId: sku.id, quantity: 3 }] })).rejects.toMatchObject({ code: "idempotency_conflict", status: 409 });
    expect((await inventoryOf(store!.id, sku.id)).reserved).toBe(2);
    expect(await db.order.count({ where: { memberId: member.id } })).toBe(1);
  });

  it("refuses quantity 0, an unknown SKU and another brand's store with 4xx and no change", async () => {
    const brand = await brandOf();
    const other = await brandOf("lumi");
    const [store] = await pickupStores(brand.id);
    const [foreignStore] = await pickupStores(other.id);
    const sku = await newSku(brand.id);
    await stock(store!.id, sku.id, 3);
    const member = await newMember();
    const base = { brandId: brand.id, fulfilment: "PICKUP" as const, storeId: store!.id };
    await expect(placeOrder(member.id, { ...base, idempotencyKey: key(), lines: [{ skuId: sku.id, quantity: 0 }] })).rejects.toMatchObject({ code: "bad_request", status: 400 });
    await expect(placeOrder(member.id, { ...base, idempotencyKey: key(), lines: [{ skuId: "nope", quantity: 1 }] })).rejects.toMatchObject({ code: "unknown_sku" });
    await expect(placeOrder(member.id, { ...base, storeId: foreignStore!.id, idempotencyKey: key(), lines: [{ skuId: sku.id, quantity: 1 }] })).rejects.toBeInstanceOf(OrderRefused);
    expect(await db.order.count({ where: { memberId: member.id } })).toBe(0);
    expect((await inventoryOf(store!.id, sku.id)).reserved).toBe(0);
  });

  it("delivery is routed to the nearest store holding every line and charged the delivery fee below the free threshold", async () => {
    const brand = await brandOf();
    const stores = await db.store.findMany({ where: { brandId: brand.id, kind: "DIRECT", active: true, deliveryEnabled: true, city: "上海" }, take: 2, orderBy: { code: "asc" } });
    const [near, far] = stores;
    const a = await newSku(brand.id, 10000);
    const b = await newSku(brand.id, 5000);
    await stock(near!.id, a.id, 2); // near has only one of the two lines
    await stock(far!.id, a.id, 2);
    await stock(far!.id, b.id, 2);
    const member = await newMember();
    const placed = await placeOrder(member.id, {
      brandId: brand.id, idempotencyKey: key(), fulfilment: "DELIVERY", address: "上海市静安区南京西路 1 号", contactPhone: "13800138000",
      deliveryPoint: { lat: near!.lat, lng: near!.lng }, lines: [{ skuId: a.id, quantity: 1 }, { skuId: b.id, quantity: 1 }],
    });
    const lines = await db.orderLine.findMany({ where: { order: { number: placed.number } } });
    expect(new Set(lines.map((l) => l.storeId))).toEqual(new Set([far!.id]));
    expect(placed.totalFen).toBe(15000 + brand.deliveryFeeFen);
  });
});
