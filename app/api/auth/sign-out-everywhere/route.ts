import { NextResponse, type NextRequest } from "next/server";
import { currentPrincipal } from "@/lib/auth/session";
import { SESSION_COOKIES } from "@/lib/auth/principal";
import { revokeAllSessions } from "@/lib/auth/revocation";
import { expireSessionCookie } from "@/lib/auth/staff-gate";
import { apiError, withErrors } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";

// Ends every session of the signed-in person on every device (and this one).
export async function POST(request: NextRequest) {
  return withErrors(async () => {
    if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
    const principal = await currentPrincipal();
    if (principal.kind === "anonymous") return apiError("forbidden", "请先登录 / Please sign in");
    await revokeAllSessions(principal);
    const response = NextResponse.json({ ok: true });
    for (const name of SESSION_COOKIES) expireSessionCookie(response, name);
    return response;
  });
}
