"use server";

import { consoleAction } from "@/lib/admin/console-action";
import { approveTransfer, refuseTransfer } from "@/lib/transfers/service";
import type { ActionAnswer } from "@/components/admin/people/action-form";

// A brand admin decides a transfer from the console: lib/transfers checks the transfer is the brand's and still
// open (the approval reserves the units at the source in the same batch).

export async function decideTransferAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("transfer decision", form, async (who, _brandId, fields) => {
    if (fields.decision === "approve") await approveTransfer(who, fields.transferId ?? "");
    else if (fields.decision === "refuse") await refuseTransfer(who, fields.transferId ?? "");
    else return { ok: false, message: "请选择批准或拒绝 / Approve or refuse" };
    return { ok: true };
  });
}
