import { NextResponse } from "next/server";

// Shared by the two WeChat OAuth routes (authorize, callback). See docs/decisions/007-wechat-oauth.md.

/** Ties a sign-in attempt's `state` to this browser (lib/wechat/oauth-state.ts's binding id). */
export const BINDING_COOKIE = "wechat_oauth";
export const BINDING_PATTERN = /^[0-9a-f]{32}$/;
export const BRAND_PATTERN = /^[a-z0-9-]{1,32}$/;
export const cookieSecure = () => process.env.COOKIE_SECURE === "true";

/** Error codes the sign-in page knows how to explain (besides WechatOAuthError's codes). */
export type WechatFlowError = "state_invalid" | "denied" | "snapshot_user" | "not_configured" | "failed";

/** Back to the brand's sign-in page with a code it turns into a message: never a stack, never a secret. */
export function toSignInPage(request: Request, brand: string, params: Record<string, string>): NextResponse {
  const url = new URL(`/${brand}/sign-in`, request.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const response = NextResponse.redirect(url, 303);
  response.headers.set("cache-control", "no-store");
  return response;
}

/** A brand we can't send the shopper back to: a small page instead. */
export function plainError(status: number, text: string): NextResponse {
  return new NextResponse(`<!doctype html><meta charset="utf-8"><title>微信登录 / WeChat sign-in</title><p>${text}</p>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
