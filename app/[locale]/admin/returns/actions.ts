"use server";

import { consoleAction } from "@/lib/admin/console-action";
import { retryRefund } from "@/lib/orders/refunds";
import type { ActionAnswer } from "@/components/admin/people/action-form";

// Sending a FAILED refund again from the console: brand.manage of the brand the form names; lib/orders checks the
// refund is that brand's and still FAILED (a double tap sends once). A brand admin has no store: the refund keeps
// the store that took the goods back.

export async function retryRefundAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("refund retry", form, async (who, brandId, fields) => {
    const { refundStatus } = await retryRefund({ staffId: who.staffId, brandId, storeId: "" }, fields.refundId ?? "");
    return refundStatus === "FAILED" ? { ok: false, message: "退款再次失败，请稍后重试 / The refund failed again; try again later" } : { ok: true };
  });
}
