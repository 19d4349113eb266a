import { NextResponse, type NextRequest } from "next/server";
import { apiError, withErrors } from "@/lib/http/errors";
import { clientIp } from "@/lib/http/client-ip";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { usableWechatOAuthConfig } from "@/lib/wechat/config";
import { WechatApiError } from "@/lib/wechat/access-token";
import { jssdkConfig, pageUrlToSign } from "@/lib/wechat/jssdk";

// GET ?url=<the page's location.href without #…> → { appId, timestamp, nonceStr, signature } for wx.config.
// Public: shopper and staff pages alike run inside WeChat. The ticket is cached, so a request costs a sha1;
// the limit is only against a client looping, and loose because a mall's Wi-Fi puts many phones behind one address.
const LIMIT = { limit: 120, windowSeconds: 60 };

export async function GET(request: NextRequest) {
  return withErrors(async () => {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    const url = pageUrlToSign(request.nextUrl.searchParams.get("url"), host);
    if (!url) return apiError("bad_request", "url 须为本站页面的完整地址 / url must be the full address of a page on this site");

    const config = usableWechatOAuthConfig();
    if (!config) {
      return NextResponse.json(
        { error: { code: "wechat_not_configured", message: "微信 JS-SDK 未启用 / The WeChat JS-SDK is not configured on this server" } },
        { status: 404 },
      );
    }

    const hit = await hitRateLimit(`wechat-jssdk:ip:${clientIp(request.headers.get("x-forwarded-for"))}`, LIMIT);
    if (!hit.allowed) {
      return NextResponse.json(
        { error: { code: "rate_limited", message: "请求过于频繁，请稍后再试 / Too many requests, please retry later", retryAfterSeconds: hit.retryAfterSeconds } },
        { status: 429, headers: { "retry-after": String(hit.retryAfterSeconds) } },
      );
    }

    try {
      const signed = await jssdkConfig(url, { config });
      // Signed for one page with a fresh nonce: nobody else's to reuse.
      return NextResponse.json(signed, { headers: { "cache-control": "private, no-store" } });
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      // Operators need the errcode (a wrong secret, a missing IP whitelist entry); the page only needs to fall back.
      console.error("[wechat] jssdk-config:", error.message, error.detail ?? "");
      return apiError("unavailable", "微信功能暂时不可用，请稍后再试 / WeChat features are unavailable right now, please retry later");
    }
  });
}
