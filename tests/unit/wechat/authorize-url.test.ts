import { describe, expect, it } from "vitest";
import { wechatOAuthConfig, WechatConfigError } from "@/lib/wechat/config";
import { authorizeUrl } from "@/lib/wechat/oauth";

const config = { appId: "wx520c15f417810387", appSecret: "0123456789abcdef0123456789abcdef", openHost: "https://open.weixin.qq.com", apiHost: "https://api.weixin.qq.com" };

describe("authorizeUrl", () => {
  it("is exactly WeChat's format: parameter order, encoded redirect_uri, #wechat_redirect", () => {
    expect(authorizeUrl({ redirectUri: "https://shop.example.com/api/auth/callback/wechat?brand=lumi&x=1", scope: "snsapi_base", state: "123abcXYZ" }, { config })).toBe(
      "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387" +
        "&redirect_uri=https%3A%2F%2Fshop.example.com%2Fapi%2Fauth%2Fcallback%2Fwechat%3Fbrand%3Dlumi%26x%3D1" +
        "&response_type=code&scope=snsapi_base&state=123abcXYZ#wechat_redirect",
    );
    expect(authorizeUrl({ redirectUri: "https://shop.example.com/cb", scope: "snsapi_userinfo", state: "" }, { config })).toBe(
      "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcb&response_type=code&scope=snsapi_userinfo&state=#wechat_redirect",
    );
  });

  it("uses the configured open host", () => {
    const url = authorizeUrl({ redirectUri: "http://127.0.0.1:3000/cb", scope: "snsapi_base", state: "s" }, { config: { ...config, openHost: "http://127.0.0.1:9999" } });
    expect(url.startsWith("http://127.0.0.1:9999/connect/oauth2/authorize?appid=")).toBe(true);
  });

  it("refuses what WeChat would refuse: relative redirect, unknown scope, state outside a-zA-Z0-9 or over 128", () => {
    expect(() => authorizeUrl({ redirectUri: "/cb", scope: "snsapi_base", state: "s" }, { config })).toThrow(TypeError);
    expect(() => authorizeUrl({ redirectUri: "javascript:alert(1)", scope: "snsapi_base", state: "s" }, { config })).toThrow(TypeError);
    expect(() => authorizeUrl({ redirectUri: "https://a.cn/cb", scope: "snsapi_login" as never, state: "s" }, { config })).toThrow(TypeError);
    expect(() => authorizeUrl({ redirectUri: "https://a.cn/cb", scope: "snsapi_base", state: "a.b" }, { config })).toThrow(TypeError);
    expect(() => authorizeUrl({ redirectUri: "https://a.cn/cb", scope: "snsapi_base", state: "a".repeat(129) }, { config })).toThrow(TypeError);
    expect(() => authorizeUrl({ redirectUri: "https://a.cn/cb", scope: "snsapi_base", state: "a".repeat(128) }, { config })).not.toThrow();
  });
});

describe("wechatOAuthConfig", () => {
  const secret = "0123456789abcdef0123456789abcdef";

  it("is off (null) with neither app id nor secret; blank counts as unset", () => {
    expect(wechatOAuthConfig({})).toBeNull();
    expect(wechatOAuthConfig({ WECHAT_APP_ID: "", WECHAT_APP_SECRET: " " })).toBeNull();
  });

  it("defaults the hosts to WeChat's and trims trailing slashes", () => {
    expect(wechatOAuthConfig({ WECHAT_APP_ID: "wx520c15f417810387", WECHAT_APP_SECRET: secret })).toEqual({
      appId: "wx520c15f417810387",
      appSecret: secret,
      openHost: "https://open.weixin.qq.com",
      apiHost: "https://api.weixin.qq.com",
    });
    expect(wechatOAuthConfig({ WECHAT_APP_ID: "wx520c15f417810387", WECHAT_APP_SECRET: secret, WECHAT_OPEN_HOST: "http://127.0.0.1:4000/", WECHAT_API_HOST: "http://localhost:4000" })).toMatchObject({
      openHost: "http://127.0.0.1:4000",
      apiHost: "http://localhost:4000",
    });
  });

  it("throws a clear error when half-configured", () => {
    expect(() => wechatOAuthConfig({ WECHAT_APP_ID: "wx520c15f417810387" })).toThrow(/WECHAT_APP_SECRET is missing/);
    expect(() => wechatOAuthConfig({ WECHAT_APP_SECRET: secret })).toThrow(/WECHAT_APP_ID is missing/);
  });

  it("refuses a malformed value without echoing the secret, and plain http off loopback", () => {
    const badSecret = "short-secret-value";
    let message = "";
    try {
      wechatOAuthConfig({ WECHAT_APP_ID: "wx520c15f417810387", WECHAT_APP_SECRET: badSecret });
    } catch (error) {
      expect(error).toBeInstanceOf(WechatConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/WECHAT_APP_SECRET must be/);
    expect(message).not.toContain(badSecret);
    expect(() => wechatOAuthConfig({ WECHAT_APP_ID: "gh_123", WECHAT_APP_SECRET: secret })).toThrow(/WECHAT_APP_ID/);
    expect(() => wechatOAuthConfig({ WECHAT_APP_ID: "wx520c15f417810387", WECHAT_APP_SECRET: secret, WECHAT_API_HOST: "http://api.example.com" })).toThrow(/WECHAT_API_HOST/);
    expect(() => wechatOAuthConfig({ WECHAT_APP_ID: "wx520c15f417810387", WECHAT_APP_SECRET: secret, WECHAT_OPEN_HOST: "not a url" })).toThrow(/WECHAT_OPEN_HOST/);
  });
});
