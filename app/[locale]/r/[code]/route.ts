import { NextResponse } from "next/server";
import { openReferralLink } from "@/lib/referral/service";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE_SECONDS } from "@/lib/referral/cookie";

// A member's share link (/r/<code>): remember who shared it (signed cookie, read at sign-up) and go to the
// brand's home. A route handler, not a page, because only a response can set a cookie.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { redirectTo, cookie } = await openReferralLink(code);
  // A relative Location: right behind any proxy, whatever host the request was addressed to.
  const response = new NextResponse(null, { status: 307, headers: { location: redirectTo, "cache-control": "no-store" } });
  if (cookie) {
    response.cookies.set(REFERRAL_COOKIE, cookie, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: REFERRAL_COOKIE_MAX_AGE_SECONDS,
      secure: process.env.COOKIE_SECURE === "true",
    });
  }
  return response;
}
