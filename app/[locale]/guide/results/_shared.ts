import "server-only";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { audit } from "@/lib/audit/log";
import { decide, type Capability, type Principal } from "@/lib/auth/policy";
import { currentPrincipal, requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import type { BottomNavItem } from "@/components/staff/bottom-nav";

// /guide/results (a guide's own figures) and /guide/team (the manager's store) act for the signed-in staff
// member at their own store: the policy sees that brand and store as the scope. Brand and group admins pass
// guide.workspace but stand in no store, so they have no results or team here (403, audited).

export type StoreStaff = { staffId: string; brandId: string; storeId: string };

const ownStore = (p: Principal) => (p.kind === "staff" && p.storeId ? { brandId: p.brandId ?? undefined, storeId: p.storeId } : {});

export async function requireOwnStorePage(capability: Capability, path: string) {
  const principal = await currentPrincipal();
  await requirePage(capability, ownStore(principal), path);
  if (principal.kind !== "staff" || !principal.storeId || !principal.brandId) {
    if (principal.kind === "staff") await audit({ actor: `staff:${principal.staffId}`, action: "access.denied", target: path, detail: { capability, reason: "no store" } });
    forbidden();
  }
  const profile = await loadStaffProfile(principal.staffId);
  if (!profile) forbidden();
  const staff: StoreStaff = { staffId: principal.staffId, brandId: principal.brandId, storeId: principal.storeId };
  return { staff, profile, isManager: decide(principal, "store.operate", ownStore(principal)) === "allow" };
}

/** The bottom bar: a manager also gets the team and the transfer approvals (the transfers page is theirs to act on). */
export async function resultsNav(isManager: boolean): Promise<{ label: string; items: BottomNavItem[] }> {
  const t = await getTranslations("commission.nav");
  const items: BottomNavItem[] = [
    { key: "home", href: "/guide", text: t("home") },
    { key: "results", href: "/guide/results", text: t("results") },
    ...(isManager
      ? [
          { key: "team", href: "/guide/team", text: t("team") },
          { key: "transfers", href: "/guide/transfers", text: t("transfers") },
        ]
      : []),
  ];
  return { label: t("label"), items };
}
