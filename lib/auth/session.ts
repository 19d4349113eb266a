import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { appSecret } from "@/lib/security/app-secret";
import { audit } from "@/lib/audit/log";
import { decide, type Capability, type Principal, type Scope } from "./policy";
import { claimsOf, principalOf, SESSION_COOKIES } from "./principal";
import { isStillValid } from "./revocation";


/** Who is asking, from the session cookie; a forged, expired or malformed cookie is anonymous. */
export async function currentPrincipal(): Promise<Principal> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return { kind: "anonymous" };
  try {
    const token = await decode({ token: raw, secret: appSecret() });
    const principal = principalOf(token);
    const claims = claimsOf(token);
    // Signed out everywhere, disabled, or the role changed since: signed out here too.
    return claims && (await isStillValid(principal, claims.signedInAt)) ? principal : { kind: "anonymous" };
  } catch {
    return { kind: "anonymous" };
  }
}

/**
 * For pages: the principal if allowed; otherwise to the staff sign-in page (not signed in) or the 403 page
 * (signed in as someone without access), with the denial in the audit log.
 */
export async function requirePage(capability: Capability, scope: Scope, path: string): Promise<Principal> {
  const principal = await currentPrincipal();
  const decision = decide(principal, capability, scope);
  if (decision === "allow") return principal;
  if (decision === "unauthenticated") redirect(`/staff/sign-in?next=${encodeURIComponent(path)}`);
  await audit({
    actor: principal.kind === "staff" ? `staff:${principal.staffId}` : principal.kind === "member" ? `member:${principal.memberId}` : "anonymous",
    action: "access.denied",
    target: path,
    detail: { capability, scope },
    brandId: scope.brandId,
  });
  forbidden();
}
