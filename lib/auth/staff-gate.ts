import { NextResponse, type NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { appSecret } from "@/lib/security/app-secret";
import { claimsOf, SESSION_COOKIES } from "./principal";
import { isSessionExpired, LIFETIME, nowSeconds } from "./session-lifetime";

// The proxy's part of staff access: /guide and /admin need a live staff session, and each visit slides its
// idle window. Role and brand/store scope are checked by the pages themselves (lib/auth/session.ts).
const STAFF_AREA = /^\/(guide|admin)(\/|$)/;
/** Rewrite the cookie at most once a minute, not on every request. */
const REFRESH_AFTER_SECONDS = 60;

export function isStaffArea(pathname: string): boolean {
  return STAFF_AREA.test(pathname);
}

/**
 * Returns a redirect to sign-in when there is no live staff session; otherwise null and, when due, a fresh
 * cookie to attach to the response.
 */
export async function staffGate(request: NextRequest): Promise<{ redirect: NextResponse } | { cookie: { name: string; value: string } | null }> {
  const name = SESSION_COOKIES.find((n) => request.cookies.has(n));
  const raw = name ? request.cookies.get(name)?.value : undefined;
  const now = nowSeconds();
  let token = null;
  try {
    token = raw ? await decode({ token: raw, secret: appSecret() }) : null;
  } catch {
    token = null; // forged or from an old secret: signed out
  }
  const claims = claimsOf(token);
  if (!claims || claims.kind !== "staff" || isSessionExpired(claims, now)) {
    const url = request.nextUrl.clone();
    url.pathname = "/staff/sign-in";
    url.search = `?next=${encodeURIComponent(request.nextUrl.pathname)}${claims ? "&expired=1" : ""}`;
    const response = NextResponse.redirect(url);
    // Clear a dead staff session (or an unreadable cookie); a shopper's session is left alone.
    if (name && (!claims || claims.kind === "staff")) expireSessionCookie(response, name);
    return { redirect: response };
  }
  if (now - claims.lastSeenAt < REFRESH_AFTER_SECONDS) return { cookie: null };
  const value = await encode({ token: { ...token, lastSeenAt: now }, secret: appSecret(), maxAge: LIFETIME.member.absoluteSeconds });
  return { cookie: { name: name!, value } };
}

/** Deletes a session cookie; a __Secure- cookie is only deleted by a Secure Set-Cookie. */
export function expireSessionCookie(response: NextResponse, name: string): void {
  response.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
}
