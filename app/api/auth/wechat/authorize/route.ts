import crypto from "node:crypto";
import { type NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { usableWechatOAuthConfig } from "@/lib/wechat/config";
import { authorizeUrl } from "@/lib/wechat/oauth";
import { createOAuthState } from "@/lib/wechat/oauth-state";
import { BINDING_COOKIE, BINDING_PATTERN, BRAND_PATTERN, cookieSecure, plainError, toSignInPage } from "../shared";

export const dynamic = "force-dynamic";

// GET /api/auth/wechat/authorize?brand=lumi[&scope=userinfo]
// Starts WeChat web OAuth: binds a fresh signed state to this browser (cookie) and sends the browser to
// WeChat's authorize URL, built by lib/wechat/oauth.ts in WeChat's exact format (#wechat_redirect).
// snsapi_base (silent, openid only) by default; scope=userinfo asks for nickname and avatar.
export async function GET(request: NextRequest) {
  const brand = request.nextUrl.searchParams.get("brand") ?? "";
  if (!BRAND_PATTERN.test(brand)) return plainError(400, "品牌参数错误 / Unknown brand");
  const config = usableWechatOAuthConfig();
  if (!config) return toSignInPage(request, brand, { wechat_error: "not_configured" });

  const existing = request.cookies.get(BINDING_COOKIE)?.value;
  const binding = existing && BINDING_PATTERN.test(existing) ? existing : crypto.randomBytes(16).toString("hex");
  const scope = request.nextUrl.searchParams.get("scope") === "userinfo" ? "snsapi_userinfo" : "snsapi_base";
  const redirectUri = new URL(`/api/auth/wechat/callback?brand=${brand}`, request.url).toString();
  const location = authorizeUrl({ redirectUri, scope, state: createOAuthState(binding) }, { config });

  const response = NextResponse.redirect(location, 302);
  response.headers.set("cache-control", "no-store");
  response.cookies.set(BINDING_COOKIE, binding, { httpOnly: true, sameSite: "lax", secure: cookieSecure(), path: "/api/auth/wechat", maxAge: 600 });
  return response;
}
