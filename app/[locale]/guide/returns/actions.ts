"use server";

import { returnOrderLines } from "@/lib/orders/refunds";
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
