"use server";

import { z } from "zod";
import { handOver, lookupPickupCode } from "@/lib/orders/fulfilment";
import { OrderRefused } from "@/lib/orders/errors";
import type { StaffActor } from "@/lib/orders/staff-actor";
import { hitRateLimit } from "@/lib/security/rate-limit";
import type { StoreActionResult } from "@/components/staff/store-action-result";
import type { HandOverOrder, HandOverDone } from "@/components/staff/hand-over-types";
import { runStoreAction } from "../orders/_shared/store-staff";

// Scanning a pickup code and handing the goods over. A code is 40 bits, so guessing is only stopped by
// how often one account may try: lookups and hand-overs share one budget per staff member (a busy counter
// serves a customer every minute or two; 30 a minute is far above that and far below a walk).
const LOOKUPS = { limit: 30, windowSeconds: 60 };

async function withinBudget(staff: StaffActor): Promise<void> {
  const hit = await hitRateLimit(`pickup-code:staff:${staff.staffId}`, LOOKUPS);
  if (!hit.allowed) {
    throw new OrderRefused("rate_limited", `查询过于频繁，请 ${hit.retryAfterSeconds} 秒后再试 / Too many lookups: try again in ${hit.retryAfterSeconds} s`, 429);
  }
}

const code = z.string().trim().min(1, "请输入取货码 / Enter the code").max(128);

export async function lookupCodeAction(raw: unknown): Promise<StoreActionResult<{ order: HandOverOrder }>> {
  return runStoreAction("pickup lookup", async (staff) => {
    const input = z.object({ code }).parse(raw);
    await withinBudget(staff);
    const order = await lookupPickupCode(staff, input.code);
    return {
      order: {
        number: order.number,
        status: order.status,
        fulfilment: order.fulfilment,
        totalFen: order.totalFen,
        lines: order.lines
          .map((l) => ({ id: l.id, name: l.productName, styleCode: l.styleCode, variant: `${l.colorName} / ${l.size}`, quantity: l.quantity - l.soldQty - l.releasedQty, unitPriceFen: l.unitPriceFen }))
          .filter((l) => l.quantity > 0),
      },
    };
  });
}

export async function handOverAction(raw: unknown): Promise<StoreActionResult<{ result: HandOverDone }>> {
  return runStoreAction("hand over", async (staff) => {
    const input = z.object({ code, lineIds: z.array(z.string().min(1).max(64)).max(20) }).parse(raw);
    await withinBudget(staff);
    const done = await handOver(staff, input.code, input.lineIds);
    return { result: { number: done.number, status: done.status, handedOver: done.handedOver, missing: done.missing, refundedFen: done.refundedFen, refundStatus: done.refundStatus } };
  });
}
