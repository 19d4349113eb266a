"use server";

import { consoleAction } from "@/lib/admin/console-action";
import { adjustStoreStock } from "@/lib/inventory/adjustments";
import type { ActionAnswer } from "@/components/admin/people/action-form";

// A manual stock adjustment from the ledger page: brand.manage of the brand the form names; the store and SKU
// must be that brand's; by a delta or to a counted figure, with a reason; never below reserved (lib/inventory).

export async function adjustStockAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("stock adjust", form, async (who, brandId, fields) => {
    await adjustStoreStock(who, brandId, fields.storeId ?? "", fields.skuId ?? "", { mode: fields.mode, value: fields.value, reason: fields.reason });
    return { ok: true };
  });
}
