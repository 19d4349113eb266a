"use server";

import { z } from "zod";
import { releaseTryOnHold } from "@/lib/holds/try-on";
import type { StoreActionResult } from "@/components/staff/store-action-result";
import { runStoreAction } from "../orders/_shared/store-staff";

// The shopper has tried it on (or bought it at the till): the held unit goes back on sale. Only holds at the
// signed-in staff member's store; ending one twice changes nothing.
export async function releaseHoldAction(raw: unknown): Promise<StoreActionResult> {
  return runStoreAction("release hold", async (staff) => {
    const input = z.object({ holdId: z.string().min(1).max(64) }).parse(raw);
    await releaseTryOnHold(staff, input.holdId);
    return {};
  });
}
