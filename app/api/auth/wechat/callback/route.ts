import { type NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { usableWechatOAuthConfig } from "@/lib/wechat/config";
import { exchangeCode, fetchUserInfo, WechatOAuthError, type WechatUserInfo } from "@/lib/wechat/oauth";
import { consumeOAuthState } from "@/lib/wechat/oauth-state";
import { findOrCreateMemberByWechat, mintWechatTicket, WECHAT_TICKET_COOKIE, WECHAT_TICKET_TTL_SECONDS, WechatSignInError } from "@/lib/members/wechat-identity";
import { BINDING_COOKIE, BINDING_PATTERN, BRAND_PATTERN, cookieSecure, plainError, toSignInPage } from "../shared";

export const dynamic = "force-dynamic";

// GET /api/auth/wechat/callback?brand=lumi&code=CODE&state=STATE  (WeChat redirects the browser here)
// 1. the state must be ours, unexpired, issued to this browser (binding cookie) and unused: consumed now;
// 2. code → openid/unionid (and nickname/avatar with snsapi_userinfo) from WeChat, server to server;
// 3. the member is linked or created (lib/members/wechat-identity.ts);
// 4. a signed single-use ticket goes into an httpOnly cookie and the browser goes back to the sign-in
//    page, which redeems it through next-auth's "wechat" credentials provider.
// Any failure goes back to the sign-in page with an error code the page explains.
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const brand = query.get("brand") ?? "";
  if (!BRAND_PATTERN.test(brand)) return plainError(400, "品牌参数错误 / Unknown brand");
  // The binding cookie is left alone: it is only this browser's id; each state is single use on its own.
  const fail = (code: string) => toSignInPage(request, brand, { wechat_error: code });

  const config = usableWechatOAuthConfig();
  if (!config) return fail("not_configured");

  const code = query.get("code");
  const state = query.get("state") ?? "";
  // The shopper declined the snsapi_userinfo consent: WeChat comes back without a code.
  if (!code) return fail("denied");
  const binding = request.cookies.get(BINDING_COOKIE)?.value;
  if (!binding || !BINDING_PATTERN.test(binding) || !(await consumeOAuthState(state, binding))) return fail("state_invalid");

  let member;
  try {
    const token = await exchangeCode(code, { config });
    let profile: WechatUserInfo | undefined;
    if (token.scope.split(",").includes("snsapi_userinfo") && !token.isSnapshotUser) {
      // Nickname and avatar are a nicety: without them the shopper is still signed in.
      profile = await fetchUserInfo(token.accessToken, token.openId, { config }).catch((error) => {
        console.warn(`[wechat] userinfo unavailable: ${error instanceof WechatOAuthError ? error.code : "error"}`);
        return undefined;
      });
    }
    const unionId = token.unionId ?? profile?.unionId;
    member = await findOrCreateMemberByWechat(
      {
        appId: config.appId,
        openId: token.openId,
        ...(unionId ? { unionId } : {}),
        isSnapshotUser: token.isSnapshotUser,
        ...(profile ? { profile: { nickname: profile.nickname, avatarUrl: profile.avatarUrl } } : {}),
      },
      brand,
    );
  } catch (error) {
    if (error instanceof WechatOAuthError) {
      console.warn(`[wechat] sign-in failed: ${error.code}${error.detail?.errcode ? ` (errcode ${error.detail.errcode})` : ""}`);
      return fail(error.code);
    }
    if (error instanceof WechatSignInError) return fail(error.code);
    console.error("[wechat] sign-in failed", error);
    return fail("failed");
  }

  const response = toSignInPage(request, brand, { wechat: "complete" });
  response.cookies.set(WECHAT_TICKET_COOKIE, mintWechatTicket(member), {
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(),
    path: "/api/auth",
    maxAge: WECHAT_TICKET_TTL_SECONDS,
  });
  return response;
}
