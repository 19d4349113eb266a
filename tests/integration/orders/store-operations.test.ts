import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { confirmSandboxPayment, startPayment } from "@/lib/orders/payment";
import { confirmCashierPayment, handOver, lookupPickupCode, markReadyForPickup, shipStoreLines } from "@/lib/orders/fulfilment";
import { returnOrderLines } from "@/lib/orders/refunds";
import { pickupCodeFor, PICKUP_QR_PREFIX } from "@/lib/orders/pickup-code";
import { storeQueue } from "@/lib/orders/queries";
import type { StaffActor } from "@/lib/orders/staff-actor";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "./fixtures";

// The store's side of an order on a real database: prepared, paid at the mall's cashier, handed over
// against the code (whole or in part), shipped by several stores, returned at another store.

async function pickupStores(brandId: string) {
  return db.store.findMany({ where: { brandId, kind: "DIRECT", active: true, pickupEnabled: true, mallName: { not: "" } }, orderBy: { code: "asc" }, take: 3 });
}

let staffN = 0;
/** The actor string is all the domain keeps of who acted; a made-up id per test keeps events attributable. */
const staffAt = (store: { id: string; brandId: string }): StaffActor => ({ staffId: `test-staff-${process.pid}-${++staffN}`, brandId: store.brandId, storeId: store.id });

/** A paid pickup order at `store` for the given SKUs (quantity each), sandbox-paid as the shopper would. */
async function paidPickup(store: { id: string; brandId: string }, lines: { skuId: string; quantity: number }[], now = new Date()) {
  const member = await newMember();
  const placed = await placeOrder(member.id, { brandId: store.brandId, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines }, now);
  await startPayment(placed.number, member.id, { notifyUrl: "https://shop.example.com/api/payments/wechatpay/notify", now });
  expect(await confirmSandboxPayment(placed.number, member.id, now)).toBe("applied");
  return { ...placed, memberId: member.id, code: pickupCodeFor(placed.orderId) };
}

const orderOf = (number: string) => db.order.findUniqueOrThrow({ where: { number }, include: { lines: true, events: { orderBy: { createdAt: "asc" } }, refunds: true } });
const ledgerOf = (reference: string, reason: "SELL" | "RELEASE" | "RETURN") => db.stockLedger.findMany({ where: { reference, reason } });

describe("store operations", () => {
  it("pickup life-cycle: paid → ready → looked up → handed over; stock leaves on hand and reserved with SELL rows; events say who", async () => {
    const brand = await brandOf();
    const [store] = await pickupStores(brand.id);
    const sku = await newSku(brand.id, 29900);
    await stock(store!.id, sku.id, 5);
    const order = await paidPickup(store!, [{ skuId: sku.id, quantity: 2 }]);
    expect(await inventoryOf(store!.id, sku.id)).toMatchObject({ onHand: 5, reserved: 2 });

    const staff = staffAt(store!);
    const queued = await storeQueue(store!.id, "prepare");
    expect(queued.orders.map((o) => o.number)).toContain(order.number);
    await markReadyForPickup(staff, order.orderId);
    expect((await storeQueue(store!.id, "ready")).orders.map((o) => o.number)).toContain(order.number);

    // The QR's payload and a typed, dashed, lower-case code both find it.
    const seen = await lookupPickupCode(staff, `${PICKUP_QR_PREFIX}${order.code}`);
    expect(seen).toMatchObject({ number: order.number, status: "READY_FOR_PICKUP" });
    const typed = `${order.code.slice(0, 4)}-${order.code.slice(4)}`.toLowerCase();
    expect((await lookupPickupCode(staff, typed)).number).toBe(order.number);

    const done = await handOver(staff, order.code, seen.lines.map((l) => l.id));
    expect(done).toMatchObject({ status: "COMPLETED", handedOver: 1, missing: 0, refundedFen: 0, refundStatus: null });

    expect(await inventoryOf(store!.id, sku.id)).toMatchObject({ onHand: 3, reserved: 0 });
    const sells = await ledgerOf(`order:${order.number}`, "SELL");
    expect(sells).toEqual([expect.objectContaining({ storeId: store!.id, skuId: sku.id, onHandDelta: -2, reservedDelta: -2, actor: `staff:${staff.staffId}` })]);
    const after = await orderOf(order.number);
    expect(after.status).toBe("COMPLETED");
    expect(after.completedAt).not.toBeNull();
    expect(after.lines[0]).toMatchObject({ soldQty: 2, releasedQty: 0 });
    expect(after.events.map((e) => [e.toStatus, e.actor])).toEqual([
      ["PLACED", `member:${order.memberId}`],
      ["PAID", expect.stringMatching(/^payment:/)],
      ["READY_FOR_PICKUP", `staff:${staff.staffId}`],
      ["COMPLETED", `staff:${staff.staffId}`],
    ]);
    expect((await storeQueue(store!.id, "done")).orders.map((o) => o.number)).toContain(order.number);
  });

  it("refuses a used code, another store's code (naming that store), an expired code and a bad one; nothing changes", async () => {
    const brand = await brandOf();
    const [store, other] = await pickupStores(brand.id);
    const sku = await newSku(brand.id, 10000);
    await stock(store!.id, sku.id, 4);
    const staff = staffAt(store!);
    const elsewhere = staffAt(other!);

    const used = await paidPickup(store!, [{ skuId: sku.id, quantity: 1 }]);
    await handOver(staff, used.code, (await lookupPickupCode(staff, used.code)).lines.map((l) => l.id));
    await expect(lookupPickupCode(staff, used.code)).rejects.toMatchObject({ code: "already_used", status: 409 });
    await expect(handOver(staff, used.code, [])).rejects.toMatchObject({ code: "already_used" });

    const fresh = await paidPickup(store!, [{ skuId: sku.id, quantity: 1 }]);
    const refusal = await lookupPickupCode(elsewhere, fresh.code).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "other_store", status: 403, details: { store: { code: store!.code, name: store!.name } } });
    expect((refusal as Error).message).toContain(store!.name);
    await expect(handOver(elsewhere, fresh.code, (await lookupPickupCode(staff, fresh.code)).lines.map((l) => l.id))).rejects.toMatchObject({ code: "other_store" });

    const { pickupExpiresAt } = await db.order.findUniqueOrThrow({ where: { id: fresh.orderId }, select: { pickupExpiresAt: true } });
    expect(pickupExpiresAt).not.toBeNull();
    const later = new Date(pickupExpiresAt!.getTime() + 60_000);
    await expect(lookupPickupCode(staff, fresh.code, later)).rejects.toMatchObject({ code: "expired", status: 410 });
    await expect(lookupPickupCode(staff, "12345")).rejects.toMatchObject({ code: "bad_code", status: 400 });
    await expect(lookupPickupCode(staff, "ZZZZ-ZZZZ")).rejects.toMatchObject({ code: "unknown_code", status: 404 });

    expect((await orderOf(fresh.number)).status).toBe("PAID");
    expect(await inventoryOf(store!.id, sku.id)).toMatchObject({ onHand: 3, reserved: 1 });
  });

  it("a partial pickup hands over what is there, releases and refunds the rest: PARTIALLY_REFUNDED", async () => {
    const brand = await brandOf();
    const [store] = await pickupStores(brand.id);
    const here = await newSku(brand.id, 19900);
    const missing = await newSku(brand.id, 5900);
    await stock(store!.id, here.id, 2);
    await stock(store!.id, missing.id, 3);
    const order = await paidPickup(store!, [{ skuId: here.id, quantity: 1 }, { skuId: missing.id, quantity: 2 }]);
    const staff = staffAt(store!);
    const seen = await lookupPickupCode(staff, order.code);
    const present = seen.lines.find((l) => l.skuId === here.id)!;

    const done = await handOver(staff, order.code, [present.id]);
    expect(done).toMatchObject({ status: "PARTIALLY_REFUNDED", handedOver: 1, missing: 1, refundedFen: 11800, refundStatus: "SUCCEEDED" });

    expect(await inventoryOf(store!.id, here.id)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await inventoryOf(store!.id, missing.id)).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await ledgerOf(`order:${order.number}`, "RELEASE")).toEqual([expect.objectContaining({ skuId: missing.id, onHandDelta: 0, reservedDelta: -2 })]);
    const after = await orderOf(order.number);
    expect(after).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedFen: 11800 });
    expect(after.refunds).toEqual([expect.objectContaining({ amountFen: 11800, status: "SUCCEEDED", storeId: store!.id })]);
    expect(after.lines.find((l) => l.skuId === missing.id)).toMatchObject({ soldQty: 0, releasedQty: 2 });
    await expect(handOver(staff, order.code, [present.id])).rejects.toMatchObject({ code: "already_used" });
  });

  it("mall cashier: the code waits for the receipt; once entered, the order is paid and handed over", async () => {
    const brand = await brandOf();
    const [store] = await pickupStores(brand.id);
    expect(store!.mallName).not.toBe("");
    const sku = await newSku(brand.id, 39900);
    await stock(store!.id, sku.id, 2);
    const member = await newMember();
    const placed = await placeOrder(member.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store!.id, paymentMethod: "MALL_CASHIER", lines: [{ skuId: sku.id, quantity: 1 }] });
    expect(placed.status).toBe("AWAITING_CASHIER");
    const code = pickupCodeFor(placed.orderId);
    const staff = staffAt(store!);
    expect((await storeQueue(store!.id, "cashier")).orders.map((o) => o.number)).toContain(placed.number);

    await expect(lookupPickupCode(staff, code)).rejects.toMatchObject({ code: "awaiting_cashier", details: { orderId: placed.orderId } });
    await expect(confirmCashierPayment(staff, placed.orderId, "x")).rejects.toMatchObject({ name: "ZodError" });
    await confirmCashierPayment(staff, placed.orderId, "MC-20260301-0042");
    const paid = await orderOf(placed.number);
    expect(paid).toMatchObject({ status: "PAID", mallReceiptNo: "MC-20260301-0042" });
    expect(await db.payment.findMany({ where: { orderId: placed.orderId } })).toEqual([expect.objectContaining({ provider: "MALL_CASHIER", status: "SUCCEEDED", transactionId: "MC-20260301-0042" })]);
    // A second tap on "confirm" is refused by the state machine, not booked twice.
    await expect(confirmCashierPayment(staff, placed.orderId, "MC-20260301-0042")).rejects.toThrow();

    const seen = await lookupPickupCode(staff, code);
    expect(await handOver(staff, code, seen.lines.map((l) => l.id))).toMatchObject({ status: "COMPLETED" });
    expect(await inventoryOf(store!.id, sku.id)).toMatchObject({ onHand: 1, reserved: 0 });
  });

  it("a delivery split over two stores is SHIPPED only when the second store has shipped", async () => {
    const brand = await brandOf();
    const [a, b] = await db.store.findMany({ where: { brandId: brand.id, kind: { not: "WAREHOUSE" }, active: true, deliveryEnabled: true, city: "上海" }, take: 2, orderBy: { code: "asc" } });
    const x = await newSku(brand.id, 12000);
    const y = await newSku(brand.id, 8000);
    // Online orders leave each store's safety stock alone.
    await stock(a!.id, x.id, a!.safetyStock + 1);
    await stock(b!.id, y.id, b!.safetyStock + 1);
    const member = await newMember();
    const placed = await placeOrder(member.id, {
      brandId: brand.id, idempotencyKey: key(), fulfilment: "DELIVERY", address: "上海市黄浦区南京东路 100 号", contactPhone: "13800138000",
      deliveryPoint: { lat: a!.lat, lng: a!.lng }, lines: [{ skuId: x.id, quantity: 1 }, { skuId: y.id, quantity: 1 }],
    });
    await startPayment(placed.number, member.id, { notifyUrl: "https://shop.example.com/notify" });
    await confirmSandboxPayment(placed.number, member.id);
    const lines = await db.orderLine.findMany({ where: { orderId: placed.orderId } });
    expect(new Set(lines.map((l) => l.storeId))).toEqual(new Set([a!.id, b!.id]));
    expect((await storeQueue(a!.id, "ship")).orders.map((o) => o.number)).toContain(placed.number);
    expect((await storeQueue(b!.id, "ship")).orders.map((o) => o.number)).toContain(placed.number);

    expect(await shipStoreLines(staffAt(a!), placed.orderId, "SF1234567890")).toEqual({ status: "PAID" });
    expect((await orderOf(placed.number)).status).toBe("PAID");
    expect((await storeQueue(a!.id, "ship")).orders.map((o) => o.number)).not.toContain(placed.number);
    await expect(shipStoreLines(staffAt(a!), placed.orderId, "")).rejects.toMatchObject({ code: "nothing_to_ship" });
    expect(await inventoryOf(a!.id, x.id)).toMatchObject({ onHand: a!.safetyStock, reserved: 0 });

    expect(await shipStoreLines(staffAt(b!), placed.orderId, "")).toEqual({ status: "SHIPPED" });
    const shipped = await orderOf(placed.number);
    expect(shipped.status).toBe("SHIPPED");
    expect(shipped.events.filter((e) => e.note.includes("tracking SF1234567890"))).toHaveLength(1);
    expect(await inventoryOf(b!.id, y.id)).toMatchObject({ onHand: b!.safetyStock, reserved: 0 });
    // Both stores that sent a parcel list the order among their finished ones.
    expect((await storeQueue(a!.id, "done")).orders.map((o) => o.number)).toContain(placed.number);
    expect((await storeQueue(b!.id, "done")).orders.map((o) => o.number)).toContain(placed.number);
  });

  it("returns at another store of the brand: stock back at THAT store (RETURN row), refund paid, PARTIALLY_REFUNDED then REFUNDED; over-return refused", async () => {
    const brand = await brandOf();
    const [store, other] = await pickupStores(brand.id);
    const sku = await newSku(brand.id, 15000);
    await stock(store!.id, sku.id, 3);
    const order = await paidPickup(store!, [{ skuId: sku.id, quantity: 2 }]);
    const staff = staffAt(store!);
    const line = (await lookupPickupCode(staff, order.code)).lines[0]!;
    await handOver(staff, order.code, [line.id]);
    const returnsDesk = staffAt(other!);

    const first = await returnOrderLines(returnsDesk, { orderId: order.orderId, lines: [{ orderLineId: line.id, quantity: 1 }], reason: "尺码不合适" });
    expect(first).toMatchObject({ amountFen: 15000, status: "PARTIALLY_REFUNDED", refundStatus: "SUCCEEDED" });
    expect(await inventoryOf(other!.id, sku.id)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await inventoryOf(store!.id, sku.id)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await ledgerOf(`order:${order.number}`, "RETURN")).toEqual([
      expect.objectContaining({ storeId: other!.id, skuId: sku.id, onHandDelta: 1, reservedDelta: 0, actor: `staff:${returnsDesk.staffId}` }),
    ]);

    await expect(returnOrderLines(returnsDesk, { orderId: order.orderId, lines: [{ orderLineId: line.id, quantity: 2 }] })).rejects.toMatchObject({ code: "too_many" });
    expect(await inventoryOf(other!.id, sku.id)).toMatchObject({ onHand: 1 });

    const second = await returnOrderLines(returnsDesk, { orderId: order.orderId, lines: [{ orderLineId: line.id, quantity: 1 }], reason: "" });
    expect(second).toMatchObject({ amountFen: 15000, status: "REFUNDED", refundStatus: "SUCCEEDED" });
    const after = await orderOf(order.number);
    expect(after).toMatchObject({ status: "REFUNDED", refundedFen: 30000 });
    expect(after.refunds.map((r) => [r.amountFen, r.status, r.storeId])).toEqual([
      [15000, "SUCCEEDED", other!.id],
      [15000, "SUCCEEDED", other!.id],
    ]);
    await expect(returnOrderLines(returnsDesk, { orderId: order.orderId, lines: [{ orderLineId: line.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_returnable" });
    // Another brand's staff cannot even see the order.
    const [foreign] = await pickupStores((await brandOf("lumi")).id);
    await expect(returnOrderLines(staffAt(foreign!), { orderId: order.orderId, lines: [{ orderLineId: line.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("at the end, the ledger explains every (store, SKU)", async () => {
    expect(await ledgerMismatches()).toEqual([]);
  });
});
