"use server";

import { OrderRefused } from "@/lib/orders/errors";
import { retryRefund, returnOrderLines } from "@/lib/orders/refunds";
import type { StoreActionResult } from "@/components/staff/store-action-result";
import { runStoreAction } from "../orders/_shared/store-staff";

// Taking goods back at this store for an order of any store of the brand; the stock comes back here.
// The input schema (lines, quantities, reason) is the domain's own returnInput, parsed inside.
export async function returnLinesAction(raw: unknown): Promise<StoreActionResult<{ amountFen: number; status: string; refundStatus: string }>> {
  return runStoreAction("return", async (staff) => {
    const done = await returnOrderLines(staff, raw as Parameters<typeof returnOrderLines>[1]);
    return { amountFen: done.amountFen, status: done.status, refundStatus: done.refundStatus };
  });
}

// Sending a FAILED refund of the brand again (same out_refund_no, so WeChat Pay never pays it twice).
export async function retryRefundAction(refundId: unknown): Promise<StoreActionResult<{ refundStatus: string }>> {
  return runStoreAction("refund.retry", async (staff) => {
    if (typeof refundId !== "string" || !refundId || refundId.length > 64) throw new OrderRefused("bad_request", "退款记录不存在 / Refund not found", 400);
    const done = await retryRefund(staff, refundId);
    return { refundStatus: done.refundStatus };
  });
}
