import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { startFakeWechat, type FakeWechat } from "@/tests/fakes/wechat-server";
import { expectConsoleError } from "@/tests/setup/console-error";
import { credentialKey, getAccessToken, MemoryCredentialCache, WechatApiError, type WechatApiOptions } from "@/lib/wechat/access-token";
import { getJsapiTicket, jssdkConfig } from "@/lib/wechat/jssdk";
import { GET } from "@/app/api/wechat/jssdk-config/route";

// The JS-SDK credentials end to end: the real client (lib/wechat/access-token.ts, jssdk.ts) over real
// HTTP against the fake WeChat on loopback, each test with its own cache and clock; then the route.

const APP_ID = "wx0123456789abcdef";
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const WRONG_SECRET = "ffffffffffffffffffffffffffffffff";
const PAGE = "https://shop.example.com/lumi/staff/handover?order=1";

let fake: FakeWechat;

beforeAll(async () => {
  fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
});

afterAll(async () => {
  await fake?.close();
  for (const name of ["WECHAT_APP_ID", "WECHAT_APP_SECRET", "WECHAT_OPEN_HOST", "WECHAT_API_HOST"]) delete process.env[name];
});

/** A fresh cache and a clock that runs with the fake's, so both can be moved together. */
function client(secret = APP_SECRET): WechatApiOptions & { clock: { ms: number } } {
  const clock = { ms: fake.now() };
  return { config: { appId: APP_ID, appSecret: secret, openHost: fake.url, apiHost: fake.url }, cache: new MemoryCredentialCache(), now: () => clock.ms, clock };
}

function advanceBoth(options: { clock: { ms: number } }, ms: number) {
  options.clock.ms += ms;
  fake.advance(ms);
}

const count = (path: string, since: number) => fake.requests.slice(since).filter((r) => r.path === path).length;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WechatApiError);
  return error as WechatApiError;
}

describe("JS-SDK credentials against a fake WeChat", () => {
  it("signs a page so that WeChat accepts it, with what WeChat's protocol asks", async () => {
    const options = client();
    const since = fake.requests.length;
    const signed = await jssdkConfig(`${PAGE}#section`, options);
    expect(signed.appId).toBe(APP_ID);
    expect(signed.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(signed.timestamp).toBe(Math.floor(options.clock.ms / 1000));
    expect(fake.verifyJssdkSignature({ ...signed, url: PAGE })).toBe(true);
    expect(fake.verifyJssdkSignature({ ...signed, url: "https://shop.example.com/lumi/other" })).toBe(false);

    const token = fake.requests.slice(since).find((r) => r.path === "/cgi-bin/token")!;
    expect(token.query).toEqual({ grant_type: "client_credential", appid: APP_ID, secret: APP_SECRET });
    const ticket = fake.requests.slice(since).find((r) => r.path === "/cgi-bin/ticket/getticket")!;
    expect(ticket.query).toEqual({ access_token: expect.any(String), type: "jsapi" });
  });

  it("caches: two calls, one after the other or at once, make one token and one ticket request", async () => {
    const options = client();
    const since = fake.requests.length;
    const first = await jssdkConfig(PAGE, options);
    const second = await jssdkConfig(PAGE, options);
    await Promise.all([getJsapiTicket(options), getJsapiTicket(options), getAccessToken(options)]);
    expect(count("/cgi-bin/token", since)).toBe(1);
    expect(count("/cgi-bin/ticket/getticket", since)).toBe(1);
    expect(second.nonceStr).not.toBe(first.nonceStr);
    expect(fake.verifyJssdkSignature({ ...second, url: PAGE })).toBe(true);
  });

  it("a burst of first requests shares one fetch", async () => {
    const options = client();
    const since = fake.requests.length;
    const all = await Promise.all(Array.from({ length: 8 }, () => jssdkConfig(PAGE, options)));
    expect(count("/cgi-bin/token", since)).toBe(1);
    expect(count("/cgi-bin/ticket/getticket", since)).toBe(1);
    for (const signed of all) expect(fake.verifyJssdkSignature({ ...signed, url: PAGE })).toBe(true);
  });

  it("refreshes 5 minutes before expiry, not earlier", async () => {
    const options = client();
    const since = fake.requests.length;
    const ticket = await getJsapiTicket(options);
    try {
      advanceBoth(options, (7200 - 300) * 1000 - 1000);
      expect(await getJsapiTicket(options)).toBe(ticket);
      expect(count("/cgi-bin/token", since)).toBe(1);

      advanceBoth(options, 2000);
      const renewed = await getJsapiTicket(options);
      expect(renewed).not.toBe(ticket);
      expect(count("/cgi-bin/token", since)).toBe(2);
      expect(count("/cgi-bin/ticket/getticket", since)).toBe(2);
      const signed = await jssdkConfig(PAGE, options);
      expect(fake.verifyJssdkSignature({ ...signed, url: PAGE })).toBe(true);
    } finally {
      fake.advance(-((7200 - 300) * 1000 + 1000));
    }
  });

  it("an access token WeChat retired (40001: another instance fetched a new one) is renewed once", async () => {
    const options = client();
    const mine = await getAccessToken(options);
    // Another instance (or a colleague's script) fetches its own token: ours is retired 5 minutes later.
    const other = await getAccessToken(client());
    expect(other).not.toBe(mine);
    fake.advance(6 * 60 * 1000);
    try {
      const since = fake.requests.length;
      const ticket = await getJsapiTicket(options);
      expect(ticket).toBeTruthy();
      const answers = fake.requests.slice(since).map((r) => r.path);
      expect(answers).toEqual(["/cgi-bin/ticket/getticket", "/cgi-bin/token", "/cgi-bin/ticket/getticket"]);
      expect((await options.cache!.get(credentialKey(APP_ID, "access_token")))?.value).not.toBe(mine);
    } finally {
      fake.advance(-6 * 60 * 1000);
    }
  });

  it("an access token WeChat says expired (42001, clocks apart) is renewed once", async () => {
    const options = client();
    await getAccessToken(options);
    fake.advance(7200 * 1000); // WeChat's clock only: ours still thinks the token is fresh
    try {
      const since = fake.requests.length;
      expect(await getJsapiTicket(options)).toBeTruthy();
      expect(count("/cgi-bin/token", since)).toBe(1);
      expect(count("/cgi-bin/ticket/getticket", since)).toBe(2);
    } finally {
      fake.advance(-7200 * 1000);
    }
  });

  it("a wrong secret → invalid_credential with a clear message, nothing cached, the secret in no error", async () => {
    const options = client(WRONG_SECRET);
    const error = await failure(jssdkConfig(PAGE, options));
    expect(error.code).toBe("invalid_credential");
    expect(error.detail).toMatchObject({ errcode: 40125, errmsg: expect.stringContaining("invalid appsecret") });
    expect(error.message).toMatch(/^微信公众号 AppID 或 AppSecret 有误 \/ The WeChat AppID or AppSecret is wrong \(errcode 40125\)$/);
    expect(JSON.stringify({ message: error.message, detail: error.detail, stack: error.stack })).not.toContain(WRONG_SECRET);
    // Not cached: the next call asks again (after the operator fixes the secret, it just works).
    const since = fake.requests.length;
    await failure(getAccessToken(options));
    expect(count("/cgi-bin/token", since)).toBe(1);
    const fixed = { ...options, config: { ...options.config!, appSecret: APP_SECRET } };
    expect(await getAccessToken(fixed)).toBeTruthy();
  });

  it("WeChat unreachable or hanging → wechat_unreachable", async () => {
    const down = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
    await down.close();
    const options = client();
    const refused = await failure(getAccessToken({ ...options, config: { ...options.config!, apiHost: down.url } }));
    expect(refused.code).toBe("wechat_unreachable");

    fake.stall(true);
    try {
      const started = Date.now();
      const hung = await failure(getAccessToken({ ...options, timeoutMs: 200 }));
      expect(hung.code).toBe("wechat_unreachable");
      expect(hung.detail?.reason).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      fake.stall(false);
    }
  });
});

describe("GET /api/wechat/jssdk-config", () => {
  const HOST = "shop.example.com";

  function get(url: string | null, headers: Record<string, string> = {}) {
    const query = url === null ? "" : `?url=${encodeURIComponent(url)}`;
    return GET(new NextRequest(`http://${HOST}/api/wechat/jssdk-config${query}`, { headers: { host: HOST, ...headers } }));
  }

  beforeEach(() => {
    Object.assign(process.env, { WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_OPEN_HOST: fake.url, WECHAT_API_HOST: fake.url });
  });

  it("answers what wx.config needs for a page of ours, uncached", async () => {
    const response = await get(`${PAGE}#x`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["appId", "nonceStr", "signature", "timestamp"]);
    expect(body.appId).toBe(APP_ID);
    expect(typeof body.timestamp).toBe("number");
    expect(fake.verifyJssdkSignature({ ...body, url: PAGE })).toBe(true);
  });

  it("signs for the host the proxy says the page is on", async () => {
    const response = await get("https://m.brand.cn/lumi", { "x-forwarded-host": "m.brand.cn" });
    expect(response.status).toBe(200);
  });

  it("400 for a missing url or another site's page", async () => {
    for (const url of [null, "", "/lumi", "https://evil.example.net/lumi", `https://${HOST}.evil.net/`]) {
      const response = await get(url);
      expect(response.status, String(url)).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
  });

  it("404 wechat_not_configured when WeChat is off", async () => {
    delete process.env.WECHAT_APP_ID;
    delete process.env.WECHAT_APP_SECRET;
    const response = await get(PAGE);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "wechat_not_configured", message: expect.stringMatching(/^微信 JS-SDK 未启用 \/ The WeChat JS-SDK/) } });
  });

  it("503 with a generic message when WeChat refuses the credentials; the errcode goes to the log", async () => {
    // Another app id, so the process-wide cache holds nothing for it.
    const other = await startFakeWechat({ appId: "wxfedcba9876543210", appSecret: APP_SECRET });
    try {
      Object.assign(process.env, { WECHAT_APP_ID: "wxfedcba9876543210", WECHAT_APP_SECRET: WRONG_SECRET, WECHAT_API_HOST: other.url });
      const logged = expectConsoleError();
      const response = await get(PAGE);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.error.code).toBe("unavailable");
      expect(JSON.stringify(body)).not.toContain("40125");
      expect(logged).toHaveBeenCalledWith("[wechat] jssdk-config:", expect.stringContaining("AppSecret"), expect.objectContaining({ errcode: 40125 }));
      expect(JSON.stringify(logged.mock.calls)).not.toContain(WRONG_SECRET);
    } finally {
      await other.close();
    }
  });

  it("429 for a client looping past 120 a minute", async () => {
    const headers = { "x-forwarded-for": "203.0.113.77" };
    for (let i = 0; i < 120; i++) expect((await get(PAGE, headers)).status).toBe(200);
    const refused = await get(PAGE, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await get(PAGE, { "x-forwarded-for": "203.0.113.78" })).status).toBe(200);
  });
});
