import crypto from "node:crypto";
import { db } from "@/lib/db";
import { paymentProvider, PaymentNotificationRejected, type PaymentNotice, type PaymentProvider, type PrepayResult } from "@/lib/payments";
import { Prisma } from "@/lib/generated/prisma/client";
import { guardedUpdate, LOST_RACE_ERROR } from "@/lib/db/guard";
import { OrderRefused } from "./errors";
import { eventStatement, LOST_RACE, transitionStatements } from "./transitions";
import { ONLINE_PAY_MINUTES } from "./placement";
import { requestRefund } from "./refunds";
import { orderPaid } from "./completion";

// Money in: starting an online payment, and applying what the provider says (WeChat Pay notifications,
// the sandbox pay sheet, a query by the sweeper). Each notice changes an order at most once: the Payment
// row moves only from PENDING/CLOSED, the order only from PLACED, both guarded in one batch.

export type PaymentOutcome = "applied" | "duplicate" | "ignored" | "late_refunded";

async function memberOrder(number: string, memberId: string) {
  const order = await db.order.findUnique({
    where: { number },
    select: { id: true, number: true, memberId: true, status: true, fulfilment: true, paymentMethod: true, totalFen: true, payBy: true, brand: { select: { name: true } } },
  });
  // Another member's order reads as no order at all.
  if (!order || order.memberId !== memberId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  return order;
}

/** Starts (or resumes) the online payment of a member's unpaid order: what the client needs to show the pay sheet. */
export async function startPayment(
  number: string,
  memberId: string,
  opts: { notifyUrl: string; payerOpenId?: string; provider?: PaymentProvider; now?: Date },
): Promise<PrepayResult> {
  const provider = opts.provider ?? paymentProvider();
  const now = opts.now ?? new Date();
  const order = await memberOrder(number, memberId);
  if (order.paymentMethod !== "ONLINE") throw new OrderRefused("pay_at_cashier", "该订单在商场收银台付款 / This order is paid at the mall's cashier", 409);
  if (order.status !== "PLACED") throw new OrderRefused("not_payable", "订单已支付或已取消 / This order is already paid or cancelled", 409);
  if (order.payBy && order.payBy <= now) throw new OrderRefused("expired", "支付已超时，订单已取消 / Payment time is over: the order was cancelled", 410);
  // One trade per order: WeChat accepts a repeated prepay for the same out_trade_no while it is unpaid.
  await db.payment.upsert({
    where: { outTradeNo: order.number },
    create: { orderId: order.id, provider: provider.name, outTradeNo: order.number, amountFen: order.totalFen },
    update: {},
  });
  return provider.prepay({
    outTradeNo: order.number,
    amountFen: order.totalFen,
    description: `${order.brand.name} 订单 ${order.number}`,
    payerOpenId: opts.payerOpenId,
    notifyUrl: opts.notifyUrl,
    expiresAt: order.payBy ?? new Date(now.getTime() + ONLINE_PAY_MINUTES * 60_000),
  });
}

/**
 * Applies a payment notice. SUCCESS marks the payment and moves the order PLACED → PAID, once; a notice seen
 * before is a duplicate; CLOSED/PAYERROR close a pending payment and leave the order to the sweeper; money
 * arriving for an order the sweeper already cancelled is refunded at once (its stock went back on sale).
 */
export async function applyPaymentNotice(notice: PaymentNotice, source: string, now = new Date(), provider?: PaymentProvider, retried = false): Promise<PaymentOutcome> {
  const payment = await db.payment.findUnique({
    where: { outTradeNo: notice.outTradeNo },
    select: { id: true, status: true, amountFen: true, provider: true, order: { select: { id: true, number: true, status: true, fulfilment: true, storeId: true } } },
  });
  if (!payment) throw new OrderRefused("unknown_trade", "未知的支付单号 / Unknown out_trade_no", 404);
  if (await db.paymentNotification.findUnique({ where: { id: notice.notificationId }, select: { id: true } })) return "duplicate";
  const record = db.$executeRaw`
    INSERT INTO "PaymentNotification" ("id", "outTradeNo", "state", "receivedAt") VALUES (${notice.notificationId}, ${notice.outTradeNo}, ${notice.state}, ${now})`;

  if (notice.state !== "SUCCESS") {
    if (notice.state === "CLOSED" || notice.state === "PAYERROR" || notice.state === "REVOKED") {
      await safely([record, db.$executeRaw`UPDATE "Payment" SET "status" = 'CLOSED', "updatedAt" = ${now} WHERE "id" = ${payment.id} AND "status" = 'PENDING'`]);
    }
    return "ignored";
  }
  if (notice.amountFen !== payment.amountFen) {
    console.warn(`[payment] amount mismatch for ${notice.outTradeNo}: paid ${notice.amountFen}, expected ${payment.amountFen}`);
    throw new OrderRefused("amount_mismatch", "支付金额与订单不符 / Paid amount does not match the order", 400);
  }
  const paidAt = notice.paidAt ?? now;
  const markPaidSql = Prisma.sql`
    UPDATE "Payment" SET "status" = 'SUCCEEDED', "transactionId" = ${notice.transactionId}, "paidAt" = ${paidAt}, "updatedAt" = ${now}
    WHERE "id" = ${payment.id} AND "status" IN ('PENDING', 'CLOSED')`;
  const markPaid = db.$executeRaw`${markPaidSql}`;
  const order = payment.order;
  if (order.status === "PLACED") {
    const result = await safely([record, markPaid, ...transitionStatements(order, "PAID", `payment:${source}`, now, notice.transactionId, { paidAt })]);
    if (result === "done") {
      await orderPaid(order.id, now).catch((error) => console.error(`[payment] ${order.number}: commission not recorded yet:`, error instanceof Error ? error.message : error));
      return "applied";
    }
    // The order moved between our read and our write (the sweeper cancelled it, another notice paid it):
    // nothing was written, so look again once — a real repeat is then found by its notification id.
    return retried ? "duplicate" : applyPaymentNotice(notice, source, now, provider, true);
  }
  if (order.status === "CANCELLED" && payment.status !== "SUCCEEDED") {
    // Paid after the 15 minutes were up: the stock is gone, so the money goes straight back.
    const refundId = crypto.randomUUID();
    const result = await safely([
      record,
      ...guardedUpdate(markPaidSql, `payment ${payment.id}`),
      db.refund.create({ data: { id: refundId, orderId: order.id, outRefundNo: `${order.number}R0`, amountFen: payment.amountFen, storeId: order.storeId ?? (await anyStoreOf(order.id)), actor: "system:late-payment", reason: "支付超时后到账，自动退款 / Paid after the order expired: refunded" } }),
      eventStatement(order.id, "CANCELLED", "CANCELLED", "system:late-payment", now, "late payment refunded"),
    ]);
    if (result !== "done") return "duplicate";
    await requestRefund(refundId, provider);
    return "late_refunded";
  }
  // Already PAID or beyond: a repeat in other words; record the notice so it is not looked at again.
  await safely([record, markPaid]);
  return "duplicate";
}

async function anyStoreOf(orderId: string): Promise<string> {
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId }, select: { storeId: true } });
  return line.storeId;
}

/** A batch that loses a race (notice already recorded, order already moved) reports "raced" instead of failing. */
async function safely(statements: Prisma.PrismaPromise<unknown>[]): Promise<"done" | "raced"> {
  try {
    await db.$transaction(statements);
    return "done";
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    if (LOST_RACE.test(text) || LOST_RACE_ERROR.test(text) || /UNIQUE constraint failed: PaymentNotification|PaymentNotification_pkey|PaymentNotification\.id/i.test(text)) return "raced";
    throw error;
  }
}

/** The sandbox's pay sheet: the member confirms, and it is applied exactly like a provider's notice. */
export async function confirmSandboxPayment(number: string, memberId: string, now = new Date()): Promise<PaymentOutcome> {
  const order = await memberOrder(number, memberId);
  const payment = await db.payment.findUnique({ where: { outTradeNo: order.number }, select: { provider: true, amountFen: true } });
  if (!payment || payment.provider !== "SANDBOX") throw new OrderRefused("not_sandbox", "该订单不是测试支付 / This order is not paid through the sandbox", 409);
  if (order.payBy && order.payBy <= now && order.status === "PLACED") throw new OrderRefused("expired", "支付已超时，订单已取消 / Payment time is over: the order was cancelled", 410);
  return applyPaymentNotice(
    { notificationId: `sandbox:${order.number}`, outTradeNo: order.number, transactionId: `sandbox-${order.number}`, state: "SUCCESS", amountFen: payment.amountFen, paidAt: now },
    "SANDBOX",
    now,
  );
}

export type NotificationReceipt = { status: 204 } | { status: 400 | 404; code: string; message: string };

/**
 * A provider's notification as it arrived over HTTP: verified and decrypted by the provider, then applied.
 * Anything that fails verification is refused (4xx, so a genuine one is retried) and changes nothing.
 */
export async function receivePaymentNotification(request: { headers: Headers; body: string }, provider: PaymentProvider = paymentProvider(), now = new Date()): Promise<NotificationReceipt> {
  let notice: PaymentNotice;
  try {
    notice = await provider.parseNotification(request);
  } catch (error) {
    if (!(error instanceof PaymentNotificationRejected)) throw error;
    console.warn(`[payment] notification refused: ${error.reason}`);
    return { status: 400, code: "FAIL", message: `验签失败 / ${error.reason}` };
  }
  try {
    const outcome = await applyPaymentNotice(notice, provider.name, now, provider);
    if (outcome !== "duplicate") console.log(`[payment] ${notice.outTradeNo} ${notice.state}: ${outcome}`);
    return { status: 204 };
  } catch (error) {
    if (!(error instanceof OrderRefused)) throw error;
    console.warn(`[payment] notification for ${notice.outTradeNo} not applied: ${error.code}`);
    return { status: error.status === 404 ? 404 : 400, code: "FAIL", message: error.message };
  }
}
