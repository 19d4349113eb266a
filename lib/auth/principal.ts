import type { JWT } from "next-auth/jwt";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { ANONYMOUS, type Principal } from "./policy";
import { isSessionExpired, nowSeconds } from "./session-lifetime";

/** next-auth's session cookie: the __Secure- name behind HTTPS (COOKIE_SECURE), the plain one otherwise. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

// What we keep in the session JWT (next-auth): who, and the clock the lifetime rules need.
export type SessionClaims = {
  kind: "staff" | "member";
  principalId: string;
  role?: StaffRole;
  brandId?: string | null;
  storeId?: string | null;
  signedInAt: number;
  lastSeenAt: number;
};

const ROLES: readonly StaffRole[] = ["ADMIN", "BRAND_ADMIN", "STORE_MANAGER", "GUIDE"];

export function claimsOf(token: JWT | null | undefined): SessionClaims | null {
  const t = token as Partial<SessionClaims> | null | undefined;
  if (!t || (t.kind !== "staff" && t.kind !== "member") || typeof t.principalId !== "string") return null;
  if (typeof t.signedInAt !== "number" || typeof t.lastSeenAt !== "number") return null;
  if (t.kind === "staff" && !ROLES.includes(t.role as StaffRole)) return null;
  return t as SessionClaims;
}

/** The principal a (decoded, signature-checked) token stands for; anonymous when missing, malformed or expired. */
export function principalOf(token: JWT | null | undefined, now = nowSeconds()): Principal {
  const c = claimsOf(token);
  if (!c || isSessionExpired(c, now)) return ANONYMOUS;
  if (c.kind === "member") return { kind: "member", memberId: c.principalId };
  return { kind: "staff", staffId: c.principalId, role: c.role!, brandId: c.brandId ?? null, storeId: c.storeId ?? null };
}
