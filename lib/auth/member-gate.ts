import { NextResponse, type NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { appSecret } from "@/lib/security/app-secret";
import { claimsOf, SESSION_COOKIES } from "./principal";
import { isSessionExpired, nowSeconds } from "./session-lifetime";

// The proxy's part of member-only shop pages (checkout, pay, orders, inbox): without a live member session they
// answer a real redirect to the brand's sign-in page, coming back here afterwards. The pages still ask the
// policy module themselves (revocation, whose order it is); this only spares a streamed shell that says
// "sign in" with a 200.
// The first segment is a brand slug, except app/[locale]'s own folders (/guide/orders is the store counter).
const MEMBER_AREA = /^\/(?!(?:guide|admin|staff|s|r|offline|api)\/)([a-z0-9-]{1,32})\/(checkout|pay|orders|inbox|lookbooks|me\/referrals)(\/|$)/;

export function memberAreaBrand(pathname: string): string | null {
  return MEMBER_AREA.exec(pathname)?.[1] ?? null;
}

export async function memberGate(request: NextRequest, pathname: string, brand: string): Promise<NextResponse | null> {
  const name = SESSION_COOKIES.find((n) => request.cookies.has(n));
  const raw = name ? request.cookies.get(name)?.value : undefined;
  let claims = null;
  try {
    claims = raw ? claimsOf(await decode({ token: raw, secret: appSecret() })) : null;
  } catch {
    claims = null; // forged or from an old secret: signed out
  }
  if (claims && claims.kind === "member" && !isSessionExpired(claims, nowSeconds())) return null;
  const url = request.nextUrl.clone();
  url.pathname = `/${brand}/sign-in`;
  url.search = `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}
