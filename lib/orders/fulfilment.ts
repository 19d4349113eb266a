import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { stockChanged, stockStatements } from "@/lib/inventory/movements";
import { OrderRefused } from "./errors";
import { guardedEvent, OrderChangedMeanwhile, runOrderBatch, transitionStatements } from "./transitions";
import { guardedUpdate } from "@/lib/db/guard";
import { normalisePickupCode, pickupCodeHash } from "./pickup-code";
import { requestRefund } from "./refunds";
import { orderCompleted, orderPaid, refundRecorded } from "./completion";
import { bindShopperToGuide } from "@/lib/attribution/binding";
import type { PaymentProvider } from "@/lib/payments";
import { HOLDS_STOCK } from "./state-machine";
import type { StaffActor } from "./staff-actor";

// What happens to an order after payment, in the store: prepared, paid at the mall's cashier, handed over
// against the pickup code, shipped; and the member's own cancel and "received". Reserved units become sold
// (SELL: on hand and reserved both drop) when they leave the store, never before.

const orderSelect = {
  id: true, number: true, brandId: true, memberId: true, storeId: true, status: true, fulfilment: true, paymentMethod: true, totalFen: true,
  refundedFen: true, deliveryFen: true, pickupExpiresAt: true, completedAt: true, mallReceiptNo: true,
  store: { select: { code: true, name: true, mallName: true } },
  lines: { select: { id: true, skuId: true, storeId: true, quantity: true, soldQty: true, releasedQty: true, refundedQty: true, unitPriceFen: true, styleCode: true, productName: true, colorName: true, size: true } },
  _count: { select: { refunds: true } },
} as const;

async function loadOrder(where: { id: string } | { number: string } | { pickupCodeHash: string }) {
  return db.order.findUnique({ where: where as { id: string }, select: orderSelect });
}
type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

function staffOrder(order: LoadedOrder | null, staff: StaffActor): LoadedOrder {
  if (!order || order.brandId !== staff.brandId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  return order;
}

/** Only the collecting store acts on a pickup or counter order; others learn where it belongs. */
function atOwnStore(order: LoadedOrder, staff: StaffActor): void {
  if (order.storeId !== staff.storeId) {
    const where = order.store ? `${order.store.name}（${order.store.code}）` : "";
    throw new OrderRefused("other_store", `该订单属于${where}，请在该门店取货 / This order belongs to ${order.store?.name ?? "another store"} (${order.store?.code ?? ""}): collect it there`, 403, { store: order.store });
  }
}

const open = (l: LoadedOrder["lines"][number]) => l.quantity - l.soldQty - l.releasedQty;

/** Staff have the goods ready at the counter: PAID → READY_FOR_PICKUP (the shopper is told in their order page). */
export async function markReadyForPickup(staff: StaffActor, orderId: string, now = new Date()) {
  const order = staffOrder(await loadOrder({ id: orderId }), staff);
  atOwnStore(order, staff);
  await runOrderBatch(transitionStatements(order, "READY_FOR_PICKUP", `staff:${staff.staffId}`, now));
}

export const mallReceipt = z.string().trim().regex(/^[A-Za-z0-9-]{4,32}$/, "请输入商场小票号（4–32 位字母数字） / Enter the mall receipt number (4–32 letters or digits)");

/** The shopper paid at the mall's cashier: staff enter the receipt number; AWAITING_CASHIER → PAID. */
export async function confirmCashierPayment(staff: StaffActor, orderId: string, receiptNo: string, now = new Date()) {
  const receipt = mallReceipt.parse(receiptNo);
  const order = staffOrder(await loadOrder({ id: orderId }), staff);
  atOwnStore(order, staff);
  await runOrderBatch([
    ...transitionStatements(order, "PAID", `staff:${staff.staffId}`, now, `mall receipt ${receipt}`, { paidAt: now, mallReceiptNo: receipt }),
    db.payment.create({ data: { orderId: order.id, provider: "MALL_CASHIER", outTradeNo: `MALL-${order.number}`, amountFen: order.totalFen, status: "SUCCEEDED", transactionId: receipt, paidAt: now } }),
  ]);
  await orderPaid(order.id, now).catch((error) => console.error(`[cashier] ${order.number}: commission not recorded yet:`, error instanceof Error ? error.message : error));
}

export type PickupLookup = Omit<LoadedOrder, "_count">;

/**
 * What staff see after scanning or typing a pickup code at their store. Refused with the reason: unknown,
 * another store's order (with where it belongs), not paid yet, already handed over (when), expired, cancelled.
 */
export async function lookupPickupCode(staff: StaffActor, scanned: string, now = new Date()): Promise<PickupLookup> {
  const code = normalisePickupCode(scanned);
  if (!code) throw new OrderRefused("bad_code", "取货码格式不对（8 位字母数字） / A pickup code is 8 letters and digits", 400);
  const order = await loadOrder({ pickupCodeHash: pickupCodeHash(code) });
  if (!order || order.brandId !== staff.brandId) throw new OrderRefused("unknown_code", "取货码无效 / This pickup code is not valid", 404);
  atOwnStore(order, staff);
  switch (order.status) {
    case "COMPLETED":
    case "PARTIALLY_REFUNDED":
    case "REFUNDED": {
      const when = order.completedAt ? order.completedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "";
      throw new OrderRefused("already_used", `该取货码已使用（${when} 已交付） / This code was already used: handed over ${when}`, 409);
    }
    case "CANCELLED":
      throw new OrderRefused("cancelled", "订单已取消 / The order was cancelled", 409);
    case "PLACED":
      throw new OrderRefused("not_paid", "订单尚未支付 / The order is not paid yet", 409);
    case "AWAITING_CASHIER":
      throw new OrderRefused("awaiting_cashier", "请先在商场收银台付款并录入小票号 / Pay at the mall's cashier and enter the receipt number first", 409, { orderId: order.id });
  }
  if (order.pickupExpiresAt && order.pickupExpiresAt <= now) {
    throw new OrderRefused("expired", "取货码已过期，请联系门店办理退款 / This pickup code has expired: the store can refund the order", 410);
  }
  const { _count, ...view } = order;
  void _count;
  return view;
}

/**
 * Hands the order over against its code. `presentLineIds` are the lines on the counter; any other open
 * line (missing in the store) has its reservation released and its money refunded at once. The code is
 * single use: the status guard lets exactly one hand-over through.
 */
export async function handOver(staff: StaffActor, scanned: string, presentLineIds: string[], now = new Date()) {
  const order = await lookupPickupCode(staff, scanned, now);
  const openLines = order.lines.filter((l) => open(l) > 0);
  const present = openLines.filter((l) => presentLineIds.includes(l.id));
  const missing = openLines.filter((l) => !presentLineIds.includes(l.id));
  if (!present.length) throw new OrderRefused("nothing_present", "至少交付一件商品；全部缺货请取消订单 / Hand over at least one item, or cancel the order", 400);
  const missingFen = missing.reduce((sum, l) => sum + open(l) * l.unitPriceFen, 0);
  const to = missing.length ? "PARTIALLY_REFUNDED" : "COMPLETED";
  const actor = `staff:${staff.staffId}`;
  const reference = `order:${order.number}`;
  const refundId = crypto.randomUUID();
  const full = await loadOrder({ id: order.id });
  await runOrderBatch([
    ...transitionStatements(order, to, actor, now, missing.length ? `partial pickup: ${missing.length} line(s) missing` : "handed over", { completedAt: now, refundedFenDelta: missingFen }),
    ...stockStatements("SELL", present.map((l) => ({ storeId: l.storeId, skuId: l.skuId, quantity: open(l) })), { actor, reference, now }),
    ...present.map((l) => db.$executeRaw`UPDATE "OrderLine" SET "soldQty" = "soldQty" + ${open(l)} WHERE "id" = ${l.id}`),
    ...(missing.length
      ? [
          ...stockStatements("RELEASE", missing.map((l) => ({ storeId: l.storeId, skuId: l.skuId, quantity: open(l) })), { actor, reference, now, note: "missing at pickup" }),
          ...missing.map((l) => db.$executeRaw`UPDATE "OrderLine" SET "releasedQty" = "releasedQty" + ${open(l)} WHERE "id" = ${l.id}`),
          db.refund.create({ data: { id: refundId, orderId: order.id, outRefundNo: `${order.number}R${(full?._count.refunds ?? 0) + 1}`, amountFen: missingFen, storeId: staff.storeId, actor, reason: "取货时缺货 / Missing at pickup" } }),
        ]
      : []),
  ]);
  await stockChanged(openLines);
  // The hand-over has happened: what follows must not turn it into an error for the staff member. A failure
  // here is logged and the sweeper writes the missing commission later (lib/orders/completion.ts).
  try {
    await creditCounterGuide(order.id, staff, now);
    await orderCompleted(order.id, now);
  } catch (error) {
    console.error(`[hand-over] ${order.number}: commission not recorded yet:`, error instanceof Error ? error.message : error);
  }
  const refundStatus = missing.length ? await requestRefund(refundId) : null;
  if (missing.length) await refundRecorded(refundId, now);
  return { number: order.number, status: to, handedOver: present.length, missing: missing.length, refundedFen: missingFen, refundStatus };
}

/** A store ships its lines of a delivery order; the order is SHIPPED once no store has anything left to send. */
export async function shipStoreLines(staff: StaffActor, orderId: string, trackingNo: string, now = new Date()) {
  const order = staffOrder(await loadOrder({ id: orderId }), staff);
  if (order.fulfilment !== "DELIVERY") throw new OrderRefused("not_delivery", "这不是送货订单 / This is not a delivery order", 400);
  if (order.status !== "PAID") throw new OrderRefused("not_shippable", "订单未支付或已发货 / The order is not paid or already shipped", 409);
  const mine = order.lines.filter((l) => l.storeId === staff.storeId && open(l) > 0);
  const actor = `staff:${staff.staffId}`;
  const othersOpen = order.lines.some((l) => !mine.includes(l) && open(l) > 0);
  if (!mine.length) {
    // Everything already left (a crash between the last shipment and its status change): finish the move.
    if (!othersOpen) return finishShipping(order, actor, now);
    throw new OrderRefused("nothing_to_ship", "本店没有该订单待发的商品 / This store has nothing of this order to ship", 409);
  }
  const note = `shipped from ${staff.storeId}${trackingNo ? `, tracking ${trackingNo}` : ""}`;
  // Each line moves only from the state read above (two people shipping at once: the second batch fails). The
  // last store's shipment carries the SHIPPED transition in the same batch.
  await runOrderBatch([
    ...(othersOpen
      ? guardedEvent(Prisma.sql`UPDATE "Order" SET "updatedAt" = ${now} WHERE "id" = ${order.id} AND "status" = 'PAID'`, { orderId: order.id, from: "PAID", to: "PAID", actor, now, note })
      : transitionStatements(order, "SHIPPED", actor, now, note)),
    ...mine.flatMap((l) => [
      ...guardedUpdate(Prisma.sql`UPDATE "OrderLine" SET "soldQty" = "soldQty" + ${open(l)} WHERE "id" = ${l.id} AND "soldQty" = ${l.soldQty} AND "releasedQty" = ${l.releasedQty}`, `line ${l.id}`),
    ]),
    ...stockStatements("SELL", mine.map((l) => ({ storeId: l.storeId, skuId: l.skuId, quantity: open(l) })), { actor, reference: `order:${order.number}`, now }),
  ]);
  await stockChanged(mine);
  if (!othersOpen) return { status: "SHIPPED" as const };
  // Another store may have shipped the rest meanwhile, seeing our part still open: re-read and finish.
  const after = await loadOrder({ id: order.id });
  if (after && after.status === "PAID" && after.lines.every((l) => open(l) === 0)) return finishShipping(after, actor, now);
  return { status: after?.status ?? "PAID" };
}

async function finishShipping(order: LoadedOrder, actor: string, now: Date) {
  try {
    await runOrderBatch(transitionStatements(order, "SHIPPED", actor, now, "all lines shipped"));
  } catch (error) {
    if (!(error instanceof OrderChangedMeanwhile)) throw error;
  }
  return { status: "SHIPPED" as const };
}

/** The member has the parcel: SHIPPED → COMPLETED (the sweeper does it after AUTO_RECEIVE_DAYS otherwise). */
export async function confirmReceived(memberId: string, number: string, now = new Date()) {
  const order = await loadOrder({ number });
  if (!order || order.memberId !== memberId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  await runOrderBatch(transitionStatements(order, "COMPLETED", `member:${memberId}`, now, "received", { completedAt: now }));
  await orderCompleted(order.id, now);
}

/**
 * An order nobody was credited for, handed over by a guide at the counter: the customer becomes that guide's
 * (source COUNTER, under the brand's binding rules) and, when the binding holds, the guide is credited.
 */
async function creditCounterGuide(orderId: string, staff: StaffActor, now: Date): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { guideId: true, memberId: true, brandId: true } });
  if (order.guideId) return;
  const touch = await bindShopperToGuide({ brandId: order.brandId, memberId: order.memberId, guideId: staff.staffId, source: "COUNTER" }, now);
  if (touch.outcome === "bound" || touch.outcome === "refreshed" || touch.outcome === "took_over") {
    await db.order.updateMany({ where: { id: orderId, guideId: null }, data: { guideId: staff.staffId } });
  }
}

/**
 * Cancels an order that has not left the store: unpaid → CANCELLED; paid → REFUNDED with the money back.
 * By the member (their own order) or by staff of the collecting store (e.g. never collected).
 */
export async function cancelOrder(
  by: { memberId: string } | StaffActor | "system",
  orderIdOrNumber: { id: string } | { number: string },
  reason: string,
  now = new Date(),
  provider?: PaymentProvider,
) {
  const order = await loadOrder(orderIdOrNumber);
  if (!order) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  let actor = "system:sweeper";
  if (by !== "system" && "staffId" in by) {
    if (order.brandId !== by.brandId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
    // Staff cancel at the collecting store, or (delivery) at a store that was to ship part of it.
    if (order.storeId) atOwnStore(order, by);
    else if (!order.lines.some((l) => l.storeId === by.storeId)) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
    actor = `staff:${by.staffId}`;
  } else if (by !== "system") {
    if (order.memberId !== by.memberId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
    actor = `member:${by.memberId}`;
  }
  if (!HOLDS_STOCK.includes(order.status) || order.lines.some((l) => l.soldQty > 0)) {
    throw new OrderRefused("not_cancellable", "订单已发货或已交付，请办理退货 / Already shipped or handed over: return it instead", 409);
  }
  const paid = order.status === "PAID" || order.status === "READY_FOR_PICKUP";
  const refundId = crypto.randomUUID();
  const openLines = order.lines.filter((l) => open(l) > 0);
  await runOrderBatch([
    ...transitionStatements(order, paid ? "REFUNDED" : "CANCELLED", actor, now, reason, paid ? { refundedFenDelta: order.totalFen - order.refundedFen } : {}),
    ...stockStatements("RELEASE", openLines.map((l) => ({ storeId: l.storeId, skuId: l.skuId, quantity: open(l) })), { actor, reference: `order:${order.number}`, now, note: reason }),
    ...openLines.map((l) => db.$executeRaw`UPDATE "OrderLine" SET "releasedQty" = "releasedQty" + ${open(l)} WHERE "id" = ${l.id}`),
    ...(paid
      ? [db.refund.create({ data: { id: refundId, orderId: order.id, outRefundNo: `${order.number}R${order._count.refunds + 1}`, amountFen: order.totalFen - order.refundedFen, storeId: order.storeId ?? openLines[0]!.storeId, actor, reason } })]
      : [db.$executeRaw`UPDATE "Payment" SET "status" = 'CLOSED', "updatedAt" = ${now} WHERE "orderId" = ${order.id} AND "status" = 'PENDING'`]),
  ]);
  await stockChanged(openLines);
  if (paid) {
    await requestRefund(refundId, provider);
    await refundRecorded(refundId, now);
  }
  return { status: paid ? "REFUNDED" : "CANCELLED" };
}
