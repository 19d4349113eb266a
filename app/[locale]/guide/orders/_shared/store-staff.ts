import "server-only";
import { refusedAnswer } from "@/lib/action-answer";
import { forbidden } from "next/navigation";
import { ZodError } from "zod";
import { audit } from "@/lib/audit/log";
import { AccessDenied, decide, type Principal } from "@/lib/auth/policy";
import { currentPrincipal, requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { OrderRefused } from "@/lib/orders/errors";
import { staffActorOf, type StaffActor } from "@/lib/orders/staff-actor";
import { IllegalTransition } from "@/lib/orders/state-machine";
import { OrderChangedMeanwhile } from "@/lib/orders/transitions";
import type { StoreActionResult } from "@/components/staff/store-action-result";

// The store counter pages (/guide/orders, hand-over, returns, holds) and their actions act for the store
// the signed-in staff member belongs to. The policy sees that store as the scope; which orders the store may
// touch (its own pickups, the brand's returns) is then the domain's rule, checked in lib/orders.

const ownStore = (p: Principal) => (p.kind === "staff" && p.storeId ? { brandId: p.brandId ?? undefined, storeId: p.storeId } : {});

/** For pages: the staff member's store, or sign-in / 403 (a brand or group admin has no counter of their own). */
export async function requireStoreStaffPage(path: string) {
  const principal = await currentPrincipal();
  await requirePage("store.fulfil", ownStore(principal), path);
  if (principal.kind !== "staff" || !principal.storeId || !principal.brandId) {
    if (principal.kind === "staff") await audit({ actor: `staff:${principal.staffId}`, action: "access.denied", target: path, detail: { capability: "store.fulfil", reason: "no store" } });
    forbidden();
  }
  const staff = staffActorOf(principal);
  const profile = await loadStaffProfile(staff.staffId);
  if (!profile) forbidden();
  return { staff, profile };
}

const CHANGED = new OrderChangedMeanwhile().message;

/**
 * Runs one store-counter action for the signed-in staff member: policy first, then the domain call. Refusals
 * come back as their message; anything unexpected is logged and answered with a generic message (no stack).
 */
export async function runStoreAction<T extends object>(name: string, act: (staff: StaffActor) => Promise<T>): Promise<StoreActionResult<T>> {
  try {
    const principal = await currentPrincipal();
    const decision = decide(principal, "store.fulfil", ownStore(principal));
    if (decision !== "allow") throw new AccessDenied(decision, "store.fulfil");
    const result = await act(staffActorOf(principal));
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof OrderRefused) {
      const orderId = (error.details as { orderId?: unknown } | undefined)?.orderId;
      return { ok: false, message: error.message, code: error.code, ...(typeof orderId === "string" ? { orderId } : {}) };
    }
    if (error instanceof ZodError) return { ok: false, message: OrderRefused.fromZod(error).message, code: "bad_request" };
    // A double tap or a colleague was quicker: the order is no longer where this screen thought it was.
    if (error instanceof OrderChangedMeanwhile || error instanceof IllegalTransition) return { ok: false, message: CHANGED, code: "order_changed" };
    return refusedAnswer("store action", name, error);
  }
}
