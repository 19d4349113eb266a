"use server";

import { z } from "zod";
import { AccessDenied, decide } from "@/lib/auth/policy";
import { currentPrincipal } from "@/lib/auth/session";
import { reassignStoreCustomers } from "@/lib/commission/team";
import type { StoreActionResult } from "@/components/staff/store-action-result";

// The manager's "reassign customers": store.operate at their own store; both guides must be of that store
// (checked by the domain, whatever ids are posted).

const input = z.object({
  fromGuideId: z.string().min(1, "请选择转出导购 / Choose the guide who leaves").max(64),
  toGuideId: z.string().min(1, "请选择接手导购 / Choose the guide who takes over").max(64),
});

export async function reassignCustomersAction(raw: unknown): Promise<StoreActionResult<{ moved: number }>> {
  try {
    const principal = await currentPrincipal();
    const scope = principal.kind === "staff" && principal.storeId ? { brandId: principal.brandId ?? undefined, storeId: principal.storeId } : {};
    const decision = decide(principal, "store.operate", scope);
    if (decision !== "allow") throw new AccessDenied(decision, "store.operate");
    if (principal.kind !== "staff" || !principal.storeId || !principal.brandId) throw new AccessDenied("forbidden", "store.operate");
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message, code: "bad_request" };
    const result = await reassignStoreCustomers(
      { brandId: principal.brandId, storeId: principal.storeId },
      parsed.data.fromGuideId,
      parsed.data.toGuideId,
      `staff:${principal.staffId}`,
    );
    return result.ok ? { ok: true, moved: result.moved } : { ok: false, message: result.message, code: "refused" };
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, message: error.message, code: error.decision };
    console.error("[team action] reassign", error);
    return { ok: false, message: "操作失败，请重试 / Something went wrong, please retry" };
  }
}
