"use server";

import { z } from "zod";
import { cancelOrder, confirmCashierPayment, markReadyForPickup, shipStoreLines } from "@/lib/orders/fulfilment";
import type { StoreActionResult } from "@/components/staff/store-action-result";
import { runStoreAction } from "./_shared/store-staff";

// The order queue's buttons. Each acts for the signed-in staff member's store; the domain refuses an order
// of another store (or brand) whatever id is posted.

const orderId = z.string().min(1).max(64);

export async function markReadyAction(raw: unknown): Promise<StoreActionResult> {
  return runStoreAction("mark ready", async (staff) => {
    const input = z.object({ orderId }).parse(raw);
    await markReadyForPickup(staff, input.orderId);
    return {};
  });
}

export async function confirmReceiptAction(raw: unknown): Promise<StoreActionResult> {
  return runStoreAction("mall receipt", async (staff) => {
    // The receipt number's own rule (format, message) lives with the domain's mallReceipt schema.
    const input = z.object({ orderId, receiptNo: z.string().max(64) }).parse(raw);
    await confirmCashierPayment(staff, input.orderId, input.receiptNo);
    return {};
  });
}

const trackingNo = z
  .string()
  .trim()
  .max(40, "快递单号最多 40 位 / A tracking number has at most 40 characters")
  .regex(/^[A-Za-z0-9-]*$/, "快递单号只能包含字母、数字和横线 / A tracking number has only letters, digits and dashes");

export async function shipAction(raw: unknown): Promise<StoreActionResult<{ status: string }>> {
  return runStoreAction("ship", async (staff) => {
    const input = z.object({ orderId, trackingNo }).parse(raw);
    return shipStoreLines(staff, input.orderId, input.trackingNo);
  });
}

export async function cancelAction(raw: unknown): Promise<StoreActionResult<{ status: string }>> {
  return runStoreAction("cancel", async (staff) => {
    const input = z.object({ orderId, reason: z.string().trim().max(200) }).parse(raw);
    return cancelOrder(staff, { id: input.orderId }, input.reason || "门店取消 / Cancelled by the store");
  });
}
