import type { StaffRole } from "@/lib/generated/prisma/enums";

// The one policy module: every page, server action and route handler asks it. UI checks only hide things.
// Roles and their reach (DESIGN.md): ADMIN the group; BRAND_ADMIN one brand; STORE_MANAGER and GUIDE one
// store of one brand. Members act only on themselves.

export type Principal =
  | { kind: "anonymous" }
  | { kind: "member"; memberId: string }
  | { kind: "staff"; staffId: string; role: StaffRole; brandId: string | null; storeId: string | null };

export const ANONYMOUS: Principal = { kind: "anonymous" };

/** What is being done, in the business's words. */
export type Capability =
  | "member.self" // a member's own profile, favourites, orders
  | "guide.workspace" // the guide's phone workspace for a store
  | "store.fulfil" // a store's counter: hand-overs, mall receipts, shipping, returns (any staff of that store)
  | "store.operate" // a store's orders, stock and transfers (manager)
  | "brand.manage" // a brand's catalog, stores, staff, DM catalogs (brand admin)
  | "group.manage"; // every brand, group-level settings (admin)

/** The data the action touches; omitted parts are not checked. */
export type Scope = { brandId?: string; storeId?: string; memberId?: string };

export type Decision = "allow" | "unauthenticated" | "forbidden";

const STAFF_CAPABILITIES: Record<StaffRole, readonly Capability[]> = {
  ADMIN: ["guide.workspace", "store.fulfil", "store.operate", "brand.manage", "group.manage"],
  BRAND_ADMIN: ["guide.workspace", "store.fulfil", "store.operate", "brand.manage"],
  STORE_MANAGER: ["guide.workspace", "store.fulfil", "store.operate"],
  GUIDE: ["guide.workspace", "store.fulfil"],
};

function staffReaches(p: Extract<Principal, { kind: "staff" }>, scope: Scope): boolean {
  if (p.role === "ADMIN") return true;
  if (scope.brandId !== undefined && scope.brandId !== p.brandId) return false;
  if (p.role === "BRAND_ADMIN") return true;
  // A store's people reach only their own store (and never a store-less brand-wide action).
  return scope.storeId !== undefined ? scope.storeId === p.storeId : scope.brandId === undefined || p.storeId !== null;
}

export function decide(principal: Principal, capability: Capability, scope: Scope = {}): Decision {
  if (principal.kind === "anonymous") return "unauthenticated";
  if (principal.kind === "member") {
    if (capability !== "member.self") return "forbidden";
    return scope.memberId === undefined || scope.memberId === principal.memberId ? "allow" : "forbidden";
  }
  if (capability === "member.self") return "forbidden";
  if (!STAFF_CAPABILITIES[principal.role].includes(capability)) return "forbidden";
  return staffReaches(principal, scope) ? "allow" : "forbidden";
}

export class AccessDenied extends Error {
  readonly status: 401 | 403;
  constructor(readonly decision: Exclude<Decision, "allow">, readonly capability: Capability) {
    super(decision === "unauthenticated" ? "请先登录 / Please sign in" : "没有权限 / You do not have access to this");
    this.status = decision === "unauthenticated" ? 401 : 403;
  }
}

/** Throws AccessDenied (401 or 403) unless allowed; callers log denials to the audit log. */
export function authorize(principal: Principal, capability: Capability, scope: Scope = {}): void {
  const decision = decide(principal, capability, scope);
  if (decision !== "allow") throw new AccessDenied(decision, capability);
}

/** Where a signed-in staff member starts. */
export function staffHome(role: StaffRole): string {
  return role === "GUIDE" || role === "STORE_MANAGER" ? "/guide" : "/admin";
}
