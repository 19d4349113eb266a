import "server-only";
import { forbidden } from "next/navigation";
import { audit } from "@/lib/audit/log";
import { decide, type Decision, type Principal } from "@/lib/auth/policy";
import { currentPrincipal, requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";

// The guide's own workspace pages (my code, my customers, stock lookup) and the poster route act for the
// signed-in staff member at their own store: the policy sees that brand and store as the scope. Brand and
// group admins pass the policy but stand in no store, so they have no personal code or customers here.

export type GuideActor = { staffId: string; brandId: string; storeId: string };

const ownScope = (p: Principal) => (p.kind === "staff" ? { brandId: p.brandId ?? undefined, storeId: p.storeId ?? undefined } : {});

/** For pages: the guide at their store and what the header shows of them, or sign-in / 403 (denial audited). */
export async function requireGuidePage(path: string) {
  const principal = await currentPrincipal();
  await requirePage("guide.workspace", ownScope(principal), path);
  if (principal.kind !== "staff" || !principal.storeId || !principal.brandId) {
    if (principal.kind === "staff") await audit({ actor: `staff:${principal.staffId}`, action: "access.denied", target: path, detail: { capability: "guide.workspace", reason: "no store" } });
    forbidden();
  }
  const guide: GuideActor = { staffId: principal.staffId, brandId: principal.brandId, storeId: principal.storeId };
  const profile = await loadStaffProfile(guide.staffId);
  if (!profile) forbidden();
  return { guide, profile };
}

/** For route handlers: the guide, or the decision to answer with (401 not signed in, 403 otherwise). */
export async function guideForRequest(): Promise<{ guide: GuideActor } | { denied: Exclude<Decision, "allow"> }> {
  const principal = await currentPrincipal();
  const decision = decide(principal, "guide.workspace", ownScope(principal));
  if (decision !== "allow") return { denied: decision };
  if (principal.kind !== "staff" || !principal.storeId || !principal.brandId) return { denied: "forbidden" };
  return { guide: { staffId: principal.staffId, brandId: principal.brandId, storeId: principal.storeId } };
}
