import { db } from "@/lib/db";
import { recordOrderCommission, reverseCommissionForRefund, startCommissionFreeze } from "@/lib/commission/ledger";

// What follows an order reaching its customer, and money going back after that. The order's own batch has
// committed; commission rows are written next, each idempotent (a dedupe key per row), so a crash or an error
// in between is repaired by calling again: the sweeper does, for completed orders of the last 30 days that
// have a guide or a referrer but no earning yet (repairMissingCommission).

/** Paid (online, or at the mall's till): the commission the order will earn shows as pending from now. */
export async function orderPaid(orderId: string, now = new Date()): Promise<void> {
  await recordOrderCommission(orderId, now);
}

/** Handed over or received: the commission's freeze starts (written now if the payment step never wrote it). */
export async function orderCompleted(orderId: string, now = new Date()): Promise<void> {
  await recordOrderCommission(orderId, now, now);
  await startCommissionFreeze(orderId, now);
}

export async function refundRecorded(refundId: string, now = new Date()): Promise<void> {
  await reverseCommissionForRefund(refundId, now);
}

/** Completed orders whose commission was never written (the process died, or the write failed): written now. */
export async function repairMissingCommission(now = new Date(), take = 100): Promise<number> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const missing = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Order" o
    LEFT JOIN "MemberBrand" mb ON mb."memberId" = o."memberId" AND mb."brandId" = o."brandId"
    WHERE o."status" IN ('COMPLETED', 'PARTIALLY_REFUNDED') AND o."completedAt" >= ${since}
      AND (o."guideId" IS NOT NULL OR mb."referrerId" IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM "CommissionEntry" e WHERE e."orderId" = o."id" AND e."kind" = 'EARN')
    LIMIT ${take}`;
  let repaired = 0;
  for (const o of missing) if ((await recordOrderCommission(o.id, now, now)) > 0) repaired++;
  return repaired;
}
