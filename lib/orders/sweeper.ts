import { db } from "@/lib/db";
import { paymentProvider, type PaymentProvider } from "@/lib/payments";
import { stockChanged, stockStatements } from "@/lib/inventory/movements";
import { applyPaymentNotice } from "./payment";
import { OrderChangedMeanwhile, runOrderBatch, transitionStatements } from "./transitions";
import { expireTryOnHolds } from "@/lib/holds/try-on";

// Gives back what nobody paid for: unpaid orders past payBy are cancelled and their reservations released;
// expired try-on holds likewise; delivered orders nobody confirmed complete after AUTO_RECEIVE_DAYS.
// Runs at start-up and every minute (instrumentation.ts); safe to run in several processes at once because
// every change is guarded (a second sweeper's batch finds the order already moved and changes nothing).

export const AUTO_RECEIVE_DAYS = 10;
const BATCH = 200;

export type SweepResult = { cancelled: number; paidLate: number; holdsExpired: number; autoReceived: number };

export async function sweepExpired(now = new Date(), provider: PaymentProvider = paymentProvider()): Promise<SweepResult> {
  const result: SweepResult = { cancelled: 0, paidLate: 0, holdsExpired: 0, autoReceived: 0 };
  const due = await db.order.findMany({
    where: { status: { in: ["PLACED", "AWAITING_CASHIER"] }, payBy: { lte: now } },
    select: {
      id: true, number: true, status: true, fulfilment: true,
      lines: { select: { id: true, storeId: true, skuId: true, quantity: true, soldQty: true, releasedQty: true } },
      payments: { where: { status: "PENDING", provider: "WECHAT_PAY" }, select: { outTradeNo: true } },
    },
    orderBy: { payBy: "asc" },
    take: BATCH,
  });
  for (const order of due) {
    // Ask WeChat Pay before cancelling: a payment whose notice has not arrived yet must not be lost.
    if (order.payments.length && provider.name === "WECHAT_PAY") {
      const notice = await provider.query(order.payments[0]!.outTradeNo).catch(() => null);
      if (notice?.state === "SUCCESS") {
        await applyPaymentNotice(notice, "query", now, provider);
        result.paidLate++;
        continue;
      }
    }
    const open = order.lines.filter((l) => l.quantity - l.soldQty - l.releasedQty > 0);
    try {
      await runOrderBatch([
        ...transitionStatements(order, "CANCELLED", "system:sweeper", now, "unpaid in time"),
        ...stockStatements("RELEASE", open.map((l) => ({ storeId: l.storeId, skuId: l.skuId, quantity: l.quantity - l.soldQty - l.releasedQty })), { actor: "system:sweeper", reference: `order:${order.number}`, now, note: "unpaid in time" }),
        ...open.map((l) => db.$executeRaw`UPDATE "OrderLine" SET "releasedQty" = "releasedQty" + ${l.quantity - l.soldQty - l.releasedQty} WHERE "id" = ${l.id}`),
        db.$executeRaw`UPDATE "Payment" SET "status" = 'CLOSED', "updatedAt" = ${now} WHERE "orderId" = ${order.id} AND "status" = 'PENDING'`,
      ]);
      result.cancelled++;
      await stockChanged(open);
    } catch (error) {
      if (!(error instanceof OrderChangedMeanwhile)) throw error; // paid or cancelled in the meantime: fine
    }
  }
  result.holdsExpired = await expireTryOnHolds(now);
  const shipped = await db.order.findMany({
    where: { status: "SHIPPED", updatedAt: { lte: new Date(now.getTime() - AUTO_RECEIVE_DAYS * 86_400_000) } },
    select: { id: true, status: true, fulfilment: true },
    take: BATCH,
  });
  for (const order of shipped) {
    try {
      await runOrderBatch(transitionStatements(order, "COMPLETED", "system:sweeper", now, `received (auto, ${AUTO_RECEIVE_DAYS} days)`, { completedAt: now }));
      result.autoReceived++;
    } catch (error) {
      if (!(error instanceof OrderChangedMeanwhile)) throw error;
    }
  }
  return result;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Start-up sweep, then one a minute. One timer per process; errors are logged, never thrown. */
export function startSweeper(intervalMs = 60_000): void {
  if (timer) return;
  const run = () =>
    sweepExpired().then(
      (r) => (r.cancelled || r.holdsExpired || r.paidLate || r.autoReceived) && console.log(`[sweeper] ${JSON.stringify(r)}`),
      (error) => console.error("[sweeper]", error instanceof Error ? error.message : error),
    );
  void run();
  timer = setInterval(run, intervalMs);
  timer.unref?.();
}
