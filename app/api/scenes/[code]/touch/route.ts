import { NextResponse, type NextRequest } from "next/server";
import { guideScene } from "@/lib/scenes/resolve";
import { currentPrincipal } from "@/lib/auth/session";
import { guideCodeOpened } from "@/lib/attribution/binding";
import { encodeGuideTouch, GUIDE_TOUCH_COOKIE, GUIDE_TOUCH_MAX_AGE_SECONDS } from "@/lib/attribution/guide-cookie";
import { sameBrandPath } from "@/lib/guides/share";
import { withErrors } from "@/lib/http/errors";

// A guide's code, opened (their QR, or a page they shared with `?to=`): the shopper is bound to the guide when
// signed in, remembered in a signed cookie otherwise, and sent on to the page. A code that cannot bind (another
// brand's guide, a guide who left) still opens the page.
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  return withErrors(async () => {
    const scene = await guideScene((await params).code);
    // Relative Locations: behind a proxy, request.url names the internal host.
    if (!scene) return new NextResponse(null, { status: 307, headers: { location: "/" } });
    const to = sameBrandPath(scene.brandSlug, request.nextUrl.searchParams.get("to"));
    const principal = await currentPrincipal();
    const source = to ? "SHARE_LINK" : "QR";
    const { remember } = await guideCodeOpened(scene, principal.kind === "member" ? { memberId: principal.memberId } : null, source);
    const response = new NextResponse(null, { status: 307, headers: { location: to ?? `/${scene.brandSlug}` } });
    if (remember) {
      const value = encodeGuideTouch({ b: scene.brandSlug, g: scene.guideId, s: source, t: Math.floor(Date.now() / 1000) });
      response.cookies.set(GUIDE_TOUCH_COOKIE, value, { path: "/", httpOnly: true, sameSite: "lax", maxAge: GUIDE_TOUCH_MAX_AGE_SECONDS, secure: process.env.COOKIE_SECURE === "true" });
    }
    return response;
  });
}
