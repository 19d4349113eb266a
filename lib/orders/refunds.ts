import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { paymentProvider, PaymentProviderError, type PaymentProvider } from "@/lib/payments";
import { stockChanged, stockStatements } from "@/lib/inventory/movements";
import { OrderRefused } from "./errors";
import { runOrderBatch, transitionStatements } from "./transitions";
import { statusAfterRefund } from "./state-machine";
import type { StaffActor } from "./staff-actor";
import { refundRecorded } from "./completion";

// Returns at any store of the brand, and the money going back through the way it came in. The goods, the
// order line counters, the refund row and the order's status change in one batch; the provider is called
// after it (a network call never sits inside a transaction) and a failed call leaves the refund FAILED,
// visible to staff, to retry (retryRefund). A refund the provider answered PROCESSING stays PENDING until
// the sweeper's reconcileRefund hears how it ended. Every status change is guarded on the status it
// expects (UPDATE … WHERE status = …), so sweepers in several processes and staff taps cannot cross.

export const returnInput = z.object({
  orderId: z.string().min(1),
  lines: z
    .array(z.object({ orderLineId: z.string().min(1), quantity: z.number().int().min(1, "数量至少为 1 / Quantity must be at least 1").max(99) }))
    .min(1, "请选择退货商品 / Choose what is returned"),
  reason: z.string().trim().max(200).default(""),
});

const refundToSend = {
  id: true, outRefundNo: true, amountFen: true, reason: true, status: true,
  order: { select: { brandId: true, paymentMethod: true, payments: { where: { status: "SUCCEEDED" }, select: { outTradeNo: true, amountFen: true, provider: true } } } },
} as const;

type RefundToSend = { id: string; outRefundNo: string; amountFen: number; reason: string; order: { paymentMethod: string; payments: { outTradeNo: string; amountFen: number }[] } };

/** PENDING → `to`, only if it is still PENDING (a sweeper in another process, or a colleague, may have moved it). */
async function settlePending(id: string, to: "SUCCEEDED" | "FAILED", providerRefundId?: string | null): Promise<boolean> {
  const { count } = await db.refund.updateMany({ where: { id, status: "PENDING" }, data: { status: to, ...(providerRefundId !== undefined ? { providerRefundId } : {}) } });
  return count === 1;
}

/**
 * Sends a PENDING refund to the provider and records the answer (guarded on PENDING). WeChat Pay's refund
 * call is idempotent per out_refund_no, so sending the same refund again never pays twice.
 */
async function sendPending(refund: RefundToSend, provider: PaymentProvider): Promise<"SUCCEEDED" | "PENDING" | "FAILED"> {
  const payment = refund.order.payments[0];
  if (refund.amountFen === 0 || refund.order.paymentMethod === "MALL_CASHIER" || !payment) {
    // Cash taken at the mall's till goes back at the mall's till: the staff member hands it over there.
    await settlePending(refund.id, "SUCCEEDED", refund.order.paymentMethod === "MALL_CASHIER" ? "mall-cashier" : null);
    return "SUCCEEDED";
  }
  try {
    const result = await provider.refund({ outTradeNo: payment.outTradeNo, outRefundNo: refund.outRefundNo, refundFen: refund.amountFen, totalFen: payment.amountFen, reason: refund.reason.slice(0, 80) });
    if (result.status === "SUCCESS") {
      await settlePending(refund.id, "SUCCEEDED", result.refundId);
      return "SUCCEEDED";
    }
    // PROCESSING: stays PENDING until reconcileRefund (the sweeper) hears the outcome.
    await db.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { providerRefundId: result.refundId } });
    return "PENDING";
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    console.warn(`[refund] ${refund.outRefundNo} failed: ${error.message}`);
    await settlePending(refund.id, "FAILED");
    return "FAILED";
  }
}

/** Sends a recorded refund to the payment provider (or books it as paid back at the mall's cashier). */
export async function requestRefund(refundId: string, provider: PaymentProvider = paymentProvider()): Promise<"SUCCEEDED" | "PENDING" | "FAILED"> {
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, select: refundToSend });
  if (refund.status === "SUCCEEDED") return "SUCCEEDED";
  if (refund.status === "FAILED") {
    // Sent before and refused: only a staff member's retry (retryRefund) sends it again.
    return "FAILED";
  }
  return sendPending(refund, provider);
}

/**
 * Asks the provider how a PENDING refund (one WeChat Pay answered PROCESSING) ended: SUCCESS → SUCCEEDED;
 * CLOSED / ABNORMAL → FAILED, for staff to retry; a refund the provider has never heard of → FAILED too (no
 * money moved, and a retry with the same out_refund_no is safe). Still PROCESSING → stays PENDING, its
 * updatedAt moved on so the sweeper's oldest-first queue rotates. Provider errors are thrown (the caller
 * isolates them); the refund is then left as it was, for the next sweep.
 */
export async function reconcileRefund(refundId: string, provider: PaymentProvider = paymentProvider()): Promise<"SUCCEEDED" | "PENDING" | "FAILED"> {
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { id: true, outRefundNo: true, status: true } });
  if (refund.status !== "PENDING") return refund.status;
  const state = await provider.queryRefund(refund.outRefundNo);
  if (state?.status === "SUCCESS") {
    return (await settlePending(refund.id, "SUCCEEDED", state.refundId)) ? "SUCCEEDED" : (await currentStatus(refund.id));
  }
  if (!state || state.status === "CLOSED" || state.status === "ABNORMAL") {
    console.warn(`[refund] ${refund.outRefundNo} ${state ? `is ${state.status} at the provider` : "is unknown to the provider"}: marked FAILED for staff to retry`);
    return (await settlePending(refund.id, "FAILED", state ? state.refundId : undefined)) ? "FAILED" : (await currentStatus(refund.id));
  }
  await db.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { providerRefundId: state.refundId } });
  return "PENDING";
}

async function currentStatus(id: string): Promise<"SUCCEEDED" | "PENDING" | "FAILED"> {
  return (await db.refund.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

/**
 * Staff send a FAILED refund of their brand again, with the same out_refund_no (WeChat Pay's refund call is
 * idempotent per out_refund_no, so a refund that did go through meanwhile is answered, not paid twice).
 * FAILED → PENDING is claimed first (guarded), so a double tap sends once; the answer then decides.
 */
export async function retryRefund(staff: StaffActor, refundId: string, provider: PaymentProvider = paymentProvider()): Promise<{ refundId: string; refundStatus: "SUCCEEDED" | "PENDING" | "FAILED" }> {
  const refund = await db.refund.findUnique({ where: { id: refundId }, select: refundToSend });
  if (!refund || refund.order.brandId !== staff.brandId) throw new OrderRefused("not_found", "退款记录不存在 / Refund not found", 404);
  if (refund.status !== "FAILED") {
    throw new OrderRefused("refund_not_failed", "该退款不是失败状态，无需重试 / This refund has not failed: there is nothing to retry", 409, { refundStatus: refund.status });
  }
  const { count } = await db.refund.updateMany({ where: { id: refund.id, status: "FAILED" }, data: { status: "PENDING" } });
  if (count !== 1) throw new OrderRefused("refund_not_failed", "该退款已在重试中 / This refund is already being retried", 409);
  console.info(`[refund] ${refund.outRefundNo} retried by staff:${staff.staffId}`);
  return { refundId: refund.id, refundStatus: await sendPending(refund, provider) };
}

/**
 * Takes goods back at `staff.storeId` (any store of the order's brand): stock returns to that store with a
 * RETURN ledger row, the lines' refunded counts grow (never past what was sold: a CHECK constraint), and the
 * money for those units goes back. The delivery fee is refunded with the last returned unit.
 */
export async function returnOrderLines(staff: StaffActor, raw: z.input<typeof returnInput>, now = new Date(), provider: PaymentProvider = paymentProvider()) {
  const input = returnInput.parse(raw);
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, number: true, brandId: true, status: true, fulfilment: true, totalFen: true, refundedFen: true, deliveryFen: true, lines: true, _count: { select: { refunds: true } } },
  });
  if (!order || order.brandId !== staff.brandId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  if (!["COMPLETED", "PARTIALLY_REFUNDED"].includes(order.status)) {
    throw new OrderRefused("not_returnable", "订单尚未完成交付，请取消订单而非退货 / The order has not been handed over yet", 409);
  }
  let amountFen = 0;
  const byLine = new Map(order.lines.map((l) => [l.id, l]));
  const returning = input.lines.map((r) => {
    const line = byLine.get(r.orderLineId);
    if (!line) throw new OrderRefused("unknown_line", "订单中没有该商品 / That item is not in this order", 400);
    if (r.quantity > line.soldQty - line.refundedQty) {
      throw new OrderRefused("too_many", `「${line.productName}」最多可退 ${line.soldQty - line.refundedQty} 件 / At most ${line.soldQty - line.refundedQty} of "${line.productName}" can be returned`, 400);
    }
    amountFen += line.unitPriceFen * r.quantity;
    return { line, quantity: r.quantity };
  });
  const unitsLeft = order.lines.reduce((n, l) => n + l.soldQty - l.refundedQty, 0) - returning.reduce((n, r) => n + r.quantity, 0);
  if (unitsLeft === 0) amountFen += order.deliveryFen;
  const refundedFen = order.refundedFen + amountFen;
  const to = statusAfterRefund(refundedFen, order.totalFen);
  const refundId = crypto.randomUUID();
  const reference = `order:${order.number}`;
  await runOrderBatch([
    ...transitionStatements(order, to, `staff:${staff.staffId}`, now, input.reason || "return", { refundedFenDelta: amountFen }),
    db.refund.create({
      data: {
        id: refundId, orderId: order.id, outRefundNo: `${order.number}R${order._count.refunds + 1}`, amountFen, storeId: staff.storeId, actor: `staff:${staff.staffId}`, reason: input.reason,
        lines: { create: returning.map((r) => ({ orderLineId: r.line.id, quantity: r.quantity, amountFen: r.line.unitPriceFen * r.quantity })) },
      },
    }),
    ...returning.map((r) => db.$executeRaw`UPDATE "OrderLine" SET "refundedQty" = "refundedQty" + ${r.quantity} WHERE "id" = ${r.line.id}`),
    ...stockStatements("RETURN", returning.map((r) => ({ storeId: staff.storeId, skuId: r.line.skuId, quantity: r.quantity })), { actor: `staff:${staff.staffId}`, reference, now, note: input.reason }),
  ]);
  await stockChanged(returning.map((r) => r.line));
  const refundStatus = await requestRefund(refundId, provider);
  await refundRecorded(refundId, now);
  return { refundId, amountFen, status: to, refundStatus };
}
