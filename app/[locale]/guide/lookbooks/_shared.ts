import "server-only";
import { forbidden } from "next/navigation";
import { refusedAnswer } from "@/lib/action-answer";
import { audit } from "@/lib/audit/log";
import { AccessDenied, decide, type Principal } from "@/lib/auth/policy";
import { currentPrincipal, requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import type { LookbookGuide } from "@/lib/lookbooks/service";

// The guide's lookbook pages and actions act for the signed-in staff member within their own brand (a guide
// or manager of a store, or a brand admin: anyone who can have customers bound to them). A group admin has
// no brand and no customers of their own: 403.

const scopeOf = (p: Principal) => (p.kind === "staff" && p.brandId ? (p.storeId ? { brandId: p.brandId, storeId: p.storeId } : { brandId: p.brandId }) : {});

function guideOf(p: Principal): LookbookGuide | null {
  return p.kind === "staff" && p.brandId ? { staffId: p.staffId, brandId: p.brandId } : null;
}

export async function requireLookbookGuidePage(path: string) {
  const principal = await currentPrincipal();
  await requirePage("guide.workspace", scopeOf(principal), path);
  const guide = guideOf(principal);
  if (!guide) {
    if (principal.kind === "staff") await audit({ actor: `staff:${principal.staffId}`, action: "access.denied", target: path, detail: { capability: "guide.workspace", reason: "no brand" } });
    forbidden();
  }
  const profile = await loadStaffProfile(guide.staffId);
  if (!profile) forbidden();
  return { guide, profile };
}

export type LookbookActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string; code?: string };

/** Policy first, then the one domain call; refusals come back as their message, anything else is logged. */
export async function runLookbookAction<T extends object>(name: string, act: (guide: LookbookGuide) => Promise<T>): Promise<LookbookActionResult<T>> {
  try {
    const principal = await currentPrincipal();
    const decision = decide(principal, "guide.workspace", scopeOf(principal));
    if (decision !== "allow") throw new AccessDenied(decision, "guide.workspace");
    const guide = guideOf(principal);
    if (!guide) throw new AccessDenied("forbidden", "guide.workspace");
    return { ok: true, ...(await act(guide)) };
  } catch (error) {
    return refusedAnswer("lookbook action", name, error);
  }
}
