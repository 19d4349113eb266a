import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSandboxProvider } from "@/lib/payments";
import { placeOrder, ONLINE_PAY_MINUTES, CASHIER_WAIT_HOURS } from "@/lib/orders/placement";
import { confirmSandboxPayment } from "@/lib/orders/payment";
import { sweepExpired } from "@/lib/orders/sweeper";
import { cancelTryOnHold, createTryOnHold, HOLD_HOURS, MAX_ACTIVE_HOLDS } from "@/lib/holds/try-on";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "./fixtures";

const sandbox = createSandboxProvider();
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

async function setup(onHand = 5) {
  const brand = await brandOf();
  const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT", active: true, pickupEnabled: true, mallName: { not: "" } }, orderBy: { code: "desc" } });
  const sku = await newSku(brand.id, 19900);
  await stock(store.id, sku.id, onHand);
  return { brand, store, sku, member: await newMember() };
}

describe("reservations that run out", () => {
  it(`an unpaid order gives its stock back after ${ONLINE_PAY_MINUTES} minutes, not before; a paid one keeps it`, async () => {
    const { brand, store, sku, member } = await setup();
    const t0 = new Date();
    const base = { brandId: brand.id, fulfilment: "PICKUP" as const, storeId: store.id, lines: [{ skuId: sku.id, quantity: 2 }] };
    const unpaid = await placeOrder(member.id, { ...base, idempotencyKey: key() }, t0);
    const paid = await placeOrder(member.id, { ...base, idempotencyKey: key() }, t0);
    await db.payment.create({ data: { orderId: paid.orderId, provider: "SANDBOX", outTradeNo: paid.number, amountFen: paid.totalFen } });
    await confirmSandboxPayment(paid.number, member.id, minutes(t0, 1));
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(4);

    await sweepExpired(minutes(t0, ONLINE_PAY_MINUTES - 1), sandbox);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(4);
    const swept = await sweepExpired(minutes(t0, ONLINE_PAY_MINUTES + 1), sandbox);
    expect(swept.cancelled).toBeGreaterThanOrEqual(1);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(2);
    const order = await db.order.findUniqueOrThrow({ where: { id: unpaid.orderId }, include: { events: true, lines: true } });
    expect(order.status).toBe("CANCELLED");
    expect(order.lines[0]!.releasedQty).toBe(2);
    expect(order.events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([[null, "PLACED", `member:${member.id}`], ["PLACED", "CANCELLED", "system:sweeper"]]);
    // Two sweepers at once (start-up + timer, or two processes) release once.
    await Promise.all([sweepExpired(minutes(t0, 30), sandbox), sweepExpired(minutes(t0, 30), sandbox)]);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(2);
    expect(await db.stockLedger.count({ where: { reference: `order:${unpaid.number}`, reason: "RELEASE" } })).toBe(1);
  });

  it(`a pay-at-the-mall order waits ${CASHIER_WAIT_HOURS.PICKUP} hours for the cashier`, async () => {
    const { brand, store, sku, member } = await setup();
    const t0 = new Date();
    const placed = await placeOrder(member.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", paymentMethod: "MALL_CASHIER", storeId: store.id, lines: [{ skuId: sku.id, quantity: 1 }] }, t0);
    expect(placed.status).toBe("AWAITING_CASHIER");
    await sweepExpired(minutes(t0, 60), sandbox);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("AWAITING_CASHIER");
    await sweepExpired(minutes(t0, CASHIER_WAIT_HOURS.PICKUP * 60 + 1), sandbox);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("CANCELLED");
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(0);
  });

  it(`a try-on hold reserves one unit for ${HOLD_HOURS} hours, then gives it back by itself`, async () => {
    const { brand, store, sku, member } = await setup(1);
    const t0 = new Date();
    const hold = await createTryOnHold(member.id, { brandId: brand.id, storeId: store.id, skuId: sku.id }, t0);
    expect(hold.expiresAt.getTime() - t0.getTime()).toBe(HOLD_HOURS * 3600_000);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(1);
    // The last unit is held: nobody can order it online meanwhile.
    const other = await newMember();
    await expect(placeOrder(other.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines: [{ skuId: sku.id, quantity: 1 }] })).rejects.toMatchObject({ code: "sold_out" });
    await expect(createTryOnHold(other.id, { brandId: brand.id, storeId: store.id, skuId: sku.id })).rejects.toMatchObject({ code: "sold_out" });
    await sweepExpired(minutes(t0, HOLD_HOURS * 60 + 1), sandbox);
    expect((await db.tryOnHold.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("EXPIRED");
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(0);
    // Cancelling an expired hold changes nothing.
    await cancelTryOnHold(member.id, hold.id);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(0);
  });

  it(`at most ${MAX_ACTIVE_HOLDS} holds at a time; another member cannot cancel mine`, async () => {
    const { brand, store, member } = await setup();
    const skus = await Promise.all(Array.from({ length: MAX_ACTIVE_HOLDS + 1 }, () => newSku(brand.id)));
    for (const s of skus) await stock(store.id, s.id, 2);
    const holds = [];
    for (const s of skus.slice(0, MAX_ACTIVE_HOLDS)) holds.push(await createTryOnHold(member.id, { brandId: brand.id, storeId: store.id, skuId: s.id }));
    await expect(createTryOnHold(member.id, { brandId: brand.id, storeId: store.id, skuId: skus[MAX_ACTIVE_HOLDS]!.id })).rejects.toMatchObject({ code: "too_many_holds" });
    const stranger = await newMember();
    await expect(cancelTryOnHold(stranger.id, holds[0]!.id)).rejects.toMatchObject({ status: 404 });
    expect((await db.tryOnHold.findUniqueOrThrow({ where: { id: holds[0]!.id } })).status).toBe("ACTIVE");
    expect(await ledgerMismatches()).toEqual([]);
  });
});
