"use server";

import { after } from "next/server";
import { consoleAction } from "@/lib/admin/console-action";
import { confirmHeldFeed, rejectHeldFeed } from "@/lib/stock-feeds/holds";
import type { ActionAnswer } from "@/components/admin/people/action-form";

// Held stock feeds (decision 024): brand.manage of the brand the form names; lib/stock-feeds checks the hold is
// that brand's and still undecided, and decides it once (a double click is refused with a message).

export async function confirmHeldFeedAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("stock feed confirm", form, async (who, brandId, fields) => {
    const confirmed = await confirmHeldFeed({ staffId: who.staffId, brandId }, fields.holdId ?? "");
    // A held CSV import goes on applying in batches after the answer, as the import page's "apply" does.
    if (confirmed.run) after(confirmed.run);
    return { ok: true };
  });
}

export async function rejectHeldFeedAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("stock feed reject", form, async (who, brandId, fields) => {
    await rejectHeldFeed({ staffId: who.staffId, brandId }, fields.holdId ?? "");
    return { ok: true };
  });
}
