import { recordOrderCommission, reverseCommissionForRefund } from "@/lib/commission/ledger";

// What follows an order reaching its customer, and money going back after that. The order's own batch has
// committed; commission rows are written next, each idempotent (a dedupe key per row), so a crash in between
// is repaired by calling again (the sweeper's auto-receive and the next hand-over do).

export async function orderCompleted(orderId: string, now = new Date()): Promise<void> {
  await recordOrderCommission(orderId, now);
}

export async function refundRecorded(refundId: string, now = new Date()): Promise<void> {
  await reverseCommissionForRefund(refundId, now);
}
