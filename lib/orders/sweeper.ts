import { db } from "@/lib/db";
import { paymentProvider, type PaymentProvider } from "@/lib/payments";
import { stockChanged, stockStatements } from "@/lib/inventory/movements";
import { applyPaymentNotice } from "./payment";
import { OrderChangedMeanwhile, runOrderBatch, transitionStatements } from "./transitions";
import { cancelOrder } from "./fulfilment";
import { orderCompleted, repairMissingCommission } from "./completion";
import { expireTryOnHolds } from "@/lib/holds/try-on";
import { settleDueCommission } from "@/lib/commission/ledger";
import { reconcileRefund } from "./refunds";
import { claimLease, PROCESS_HOLDER } from "@/lib/ops/lease";

// Gives back what nobody paid for: unpaid orders past payBy are cancelled and their reservations released;
// paid pickups nobody collected before the code expired are refunded; expired try-on holds end; delivered
// orders nobody confirmed complete after AUTO_RECEIVE_DAYS; refunds the provider answered PROCESSING are
// asked about again (reconcileRefund) once they are a minute old; commission past its freeze settles.
// Runs at start-up and every minute (instrumentation.ts). With several instances only the holder of the
// "order-sweeper" lease sweeps (decision 032), so WeChat Pay is asked once per order, not once per instance; two
// sweeps at once would still be safe, because every change is guarded (a second sweeper's batch finds the order
// already moved and changes nothing).

export const AUTO_RECEIVE_DAYS = 10;
const BATCH = 200;
/** PENDING refunds asked about per run, oldest first; one still PROCESSING goes to the back of the queue. */
const REFUND_BATCH = 100;
/** WeChat Pay needs a moment: a refund is first asked about a minute after it was last sent or asked about. */
export const REFUND_RECHECK_MS = 60_000;

export type SweepResult = { cancelled: number; paidLate: number; holdsExpired: number; autoReceived: number; uncollected: number; refundsReconciled: number; commissionRepaired: number; settled: number };

/** One order's trouble is logged and skipped, never allowed to stop the rest of the sweep (it runs every minute). */
async function eachOrder<T extends { number?: string; id: string }>(orders: T[], step: (order: T) => Promise<boolean>): Promise<number> {
  let done = 0;
  for (const order of orders) {
    try {
      if (await step(order)) done++;
    } catch (error) {
      if (error instanceof OrderChangedMeanwhile) continue; // paid, cancelled or moved meanwhile: nothing to do
      console.error(`[sweeper] order ${order.number ?? order.id}:`, error instanceof Error ? error.message : error);
    }
  }
  return done;
}

export async function sweepExpired(now = new Date(), provider: PaymentProvider = paymentProvider()): Promise<SweepResult> {
  const result: SweepResult = { cancelled: 0, paidLate: 0, holdsExpired: 0, autoReceived: 0, uncollected: 0, refundsReconciled: 0, commissionRepaired: 0, settled: 0 };
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
  result.cancelled = await eachOrder(due, async (order) => {
    // Ask WeChat Pay before cancelling: a payment whose notice has not arrived yet must not be lost. If WeChat
    // cannot be asked, the order waits for the next sweep rather than be cancelled on a guess.
    if (order.payments.length && provider.name === "WECHAT_PAY") {
      const notice = await provider.query(order.payments[0]!.outTradeNo);
      if (notice?.state === "SUCCESS") {
        await applyPaymentNotice(notice, "query", now, provider);
        result.paidLate++;
        return false;
      }
    }
    const open = order.lines.filter((l) => l.quantity - l.soldQty - l.releasedQty > 0);
    await runOrderBatch([
      ...transitionStatements(order, "CANCELLED", "system:sweeper", now, "unpaid in time"),
      ...stockStatements("RELEASE", open.map((l) => ({ storeId: l.storeId, skuId: l.skuId, quantity: l.quantity - l.soldQty - l.releasedQty })), { actor: "system:sweeper", reference: `order:${order.number}`, now, note: "unpaid in time" }),
      ...open.map((l) => db.$executeRaw`UPDATE "OrderLine" SET "releasedQty" = "releasedQty" + ${l.quantity - l.soldQty - l.releasedQty} WHERE "id" = ${l.id}`),
      db.$executeRaw`UPDATE "Payment" SET "status" = 'CLOSED', "updatedAt" = ${now} WHERE "orderId" = ${order.id} AND "status" = 'PENDING'`,
    ]);
    await stockChanged(open);
    return true;
  });
  // Paid but never collected: once the pickup code has expired the goods go back on sale and the money back.
  const uncollected = await db.order.findMany({
    where: { status: { in: ["PAID", "READY_FOR_PICKUP"] }, fulfilment: { in: ["PICKUP", "COUNTER"] }, pickupExpiresAt: { lte: now } },
    select: { id: true, number: true },
    take: BATCH,
  });
  result.uncollected = await eachOrder(uncollected, async (order) => {
    await cancelOrder("system", { id: order.id }, "取货码过期未取 / Not collected before the pickup code expired", now, provider);
    return true;
  });
  result.holdsExpired = await expireTryOnHolds(now);
  const shipped = await db.order.findMany({
    where: { status: "SHIPPED", updatedAt: { lte: new Date(now.getTime() - AUTO_RECEIVE_DAYS * 86_400_000) } },
    select: { id: true, number: true, status: true, fulfilment: true },
    take: BATCH,
  });
  result.autoReceived = await eachOrder(shipped, async (order) => {
    await runOrderBatch(transitionStatements(order, "COMPLETED", "system:sweeper", now, `received (auto, ${AUTO_RECEIVE_DAYS} days)`, { completedAt: now }));
    await orderCompleted(order.id, now);
    return true;
  });
  // Refunds under way at this provider (a sandbox sweeper never answers for a WeChat Pay refund). Counted:
  // those that reached an end (SUCCEEDED or FAILED). Before settling, so a refund that just succeeded frees
  // its order's commission in the same run.
  const pendingRefunds = await db.refund.findMany({
    where: {
      status: "PENDING",
      updatedAt: { lte: new Date(now.getTime() - REFUND_RECHECK_MS) },
      order: { payments: { some: { status: "SUCCEEDED", provider: provider.name } } },
    },
    select: { id: true, outRefundNo: true },
    orderBy: { updatedAt: "asc" },
    take: REFUND_BATCH,
  });
  result.refundsReconciled = await eachOrder(
    pendingRefunds.map((r) => ({ id: r.id, number: `refund ${r.outRefundNo}` })),
    async (refund) => (await reconcileRefund(refund.id, provider)) !== "PENDING",
  );
  result.commissionRepaired = await repairMissingCommission(now);
  result.settled = await settleDueCommission(now);
  return result;
}

export const SWEEPER_LEASE = "order-sweeper";
/** 1.5 ticks: the holder renews it every tick; if it dies, another instance sweeps within 1.5–2.5 minutes. */
export const SWEEPER_LEASE_MS = 90_000;

/** One tick: sweeps when `holder` holds (or now takes) the sweeper lease; null when another instance does. */
export async function sweepIfLeaseHolder(holder = PROCESS_HOLDER, now = new Date(), provider?: PaymentProvider): Promise<SweepResult | null> {
  if (!(await claimLease(SWEEPER_LEASE, holder, SWEEPER_LEASE_MS, now))) return null;
  return sweepExpired(now, provider);
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Start-up sweep, then one a minute, under the lease. One timer per process; errors are logged, never thrown. */
export function startSweeper(intervalMs = 60_000): void {
  if (timer) return;
  const run = () =>
    sweepIfLeaseHolder().then(
      (r) => r && (r.cancelled || r.holdsExpired || r.paidLate || r.autoReceived || r.uncollected || r.refundsReconciled || r.commissionRepaired || r.settled) && console.log(`[sweeper] ${JSON.stringify(r)}`),
      (error) => console.error("[sweeper]", error instanceof Error ? error.message : error),
    );
  void run();
  timer = setInterval(run, intervalMs);
  timer.unref?.();
}

/** Stops this process's timer (tests that start the sweeper through instrumentation.ts's register()). */
export function stopSweeper(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
