"use server";

import { requestTransfer, transferRequest } from "@/lib/transfers/service";
import type { StoreActionResult } from "@/components/staff/store-action-result";
import { runTransferAction } from "../transfers/_shared/run";

// "This customer wants this SKU": a guide (or manager) of a store asks another store of the brand for it.
// The requesting store is always the signed-in staff member's own; the source must have the stock now.
export async function requestTransferAction(raw: unknown): Promise<StoreActionResult<{ id: string }>> {
  return runTransferAction("guide.workspace", "request transfer", async (staff) => requestTransfer(staff, transferRequest.parse(raw)));
}
