import "server-only";
import { forbidden } from "next/navigation";
import { refusedAnswer } from "@/lib/action-answer";
import { audit } from "@/lib/audit/log";
import { AccessDenied, decide, type Capability, type Principal, type Scope } from "@/lib/auth/policy";
import { currentPrincipal, requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import type { TransferActor } from "@/lib/transfers/service";
import type { StoreActionResult } from "@/components/staff/store-action-result";

// The guide's demand and transfer screens and their actions. The policy sees the staff member's own brand
// and store as the scope (a brand admin: the brand); which transfer they may move (the source approves and
// ships, the requesting store receives) is then the domain's rule, checked per transfer in lib/transfers.

export const ownScope = (p: Principal): Scope => (p.kind === "staff" ? { ...(p.brandId ? { brandId: p.brandId } : {}), ...(p.storeId ? { storeId: p.storeId } : {}) } : {});

/** For pages: the signed-in staff member (sign-in or 403 otherwise); `needStore` refuses staff without a store. */
export async function requireTransferPage(path: string, needStore: boolean) {
  const principal = await currentPrincipal();
  await requirePage("guide.workspace", ownScope(principal), path);
  if (principal.kind !== "staff" || (needStore && (!principal.storeId || !principal.brandId))) {
    if (principal.kind === "staff") await audit({ actor: `staff:${principal.staffId}`, action: "access.denied", target: path, detail: { capability: "guide.workspace", reason: "no store" } });
    forbidden();
  }
  const profile = await loadStaffProfile(principal.staffId);
  if (!profile) forbidden();
  return { staff: principal as TransferActor, profile };
}

/** Runs one action for the signed-in staff member: policy first, then the domain call; refusals come back as their message. */
export async function runTransferAction<T extends object>(capability: Capability, name: string, act: (staff: TransferActor) => Promise<T>): Promise<StoreActionResult<T>> {
  try {
    const principal = await currentPrincipal();
    const decision = decide(principal, capability, ownScope(principal));
    if (decision !== "allow" || principal.kind !== "staff") throw new AccessDenied(decision === "allow" ? "forbidden" : decision, capability);
    return { ok: true, ...(await act(principal)) };
  } catch (error) {
    return refusedAnswer("transfer action", name, error);
  }
}
