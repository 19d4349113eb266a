import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startFakeWechat, type FakeWechat } from "@/tests/fakes/wechat-server";

// WeChat web OAuth end to end: the real client (lib/wechat) over real HTTP against a fake WeChat on
// loopback (tests/fakes/wechat-server.ts), and the single-use state against this run's database.

const APP_ID = "wx0123456789abcdef";
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const REDIRECT = "https://shop.example.com/api/auth/callback/wechat?brand=lumi";

const alice = { openId: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", unionId: "o6_bmasdasdsad6_2sgVt7hMZOPfL", nickname: "小丽", avatar: "https://thirdwx.qlogo.cn/mmopen/alice/132", city: "上海" };
const bob = { openId: "o6_bmjrPTlm6_2sgVt7hMZOPfBOB", nickname: "Bob", avatar: "" };

let fake: FakeWechat;

beforeAll(async () => {
  process.env.APP_SECRET = "integration-secret-integration-secret-0123";
  fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET, authorizedDomains: ["shop.example.com"] });
});

beforeEach(() => {
  Object.assign(process.env, { WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_OPEN_HOST: fake.url, WECHAT_API_HOST: fake.url });
});

afterAll(async () => {
  await fake?.close();
  for (const name of ["WECHAT_APP_ID", "WECHAT_APP_SECRET", "WECHAT_OPEN_HOST", "WECHAT_API_HOST"]) delete process.env[name];
});

describe("WeChat web OAuth against a fake WeChat", async () => {
  const { authorizeUrl, exchangeCode, fetchUserInfo, WechatOAuthError } = await import("@/lib/wechat/oauth");
  const { createOAuthState, consumeOAuthState, OAUTH_STATE_TTL_MS } = await import("@/lib/wechat/oauth-state");

  /** What the shopper's browser does: open the authorize URL, follow WeChat's 302 back to us. */
  async function visitAuthorize(url: string): Promise<URL> {
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location")!);
  }

  async function signIn(scope: "snsapi_base" | "snsapi_userinfo", binding: string) {
    const state = createOAuthState(binding);
    const back = await visitAuthorize(authorizeUrl({ redirectUri: REDIRECT, scope, state }));
    expect(`${back.origin}${back.pathname}`).toBe("https://shop.example.com/api/auth/callback/wechat");
    expect(back.searchParams.get("brand")).toBe("lumi");
    expect(back.searchParams.get("state")).toBe(state);
    return { code: back.searchParams.get("code")!, state: back.searchParams.get("state")! };
  }

  /** The error a promise rejects with, checked to be a WechatOAuthError. */
  async function failure(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(WechatOAuthError);
    return error as InstanceType<typeof WechatOAuthError>;
  }

  it("snsapi_base: a silent openid (with unionid) and no access to userinfo", async () => {
    fake.signInAs(alice);
    const { code, state } = await signIn("snsapi_base", "session-base");
    expect(await consumeOAuthState(state, "session-base")).toBe(true);

    const token = await exchangeCode(code);
    expect(token).toMatchObject({ openId: alice.openId, unionId: alice.unionId, scope: "snsapi_base", expiresIn: 7200, isSnapshotUser: false });
    expect(token.accessToken).toBeTruthy();
    expect(token.refreshToken).toBeTruthy();
    const sent = fake.requests.findLast((r) => r.path === "/sns/oauth2/access_token")!;
    expect(sent.query).toEqual({ appid: APP_ID, secret: APP_SECRET, code, grant_type: "authorization_code" });

    const error = await failure(fetchUserInfo(token.accessToken, token.openId));
    expect(error.code).toBe("scope_unauthorized");
    expect(error.detail?.errcode).toBe(48001);
    expect(error.message).toMatch(/^未获授权.* \/ Permission/);
  });

  it("snsapi_userinfo: nickname, avatar and unionid", async () => {
    fake.signInAs(alice);
    const { code, state } = await signIn("snsapi_userinfo", "session-info");
    expect(await consumeOAuthState(state, "session-info")).toBe(true);
    const token = await exchangeCode(code);
    expect(token.scope).toBe("snsapi_userinfo");
    const user = await fetchUserInfo(token.accessToken, token.openId);
    expect(user).toEqual({ openId: alice.openId, nickname: "小丽", avatarUrl: alice.avatar, unionId: alice.unionId });
    expect(fake.requests.findLast((r) => r.path === "/sns/userinfo")!.query).toEqual({ access_token: token.accessToken, openid: alice.openId, lang: "zh_CN" });
  });

  it("a user without unionid (account not bound to the Open Platform) gets none, and no avatar", async () => {
    fake.signInAs(bob);
    const { code } = await signIn("snsapi_userinfo", "session-bob");
    const token = await exchangeCode(code);
    expect(token.openId).toBe(bob.openId);
    expect(token).not.toHaveProperty("unionId");
    const user = await fetchUserInfo(token.accessToken, token.openId);
    expect(user).toEqual({ openId: bob.openId, nickname: "Bob", avatarUrl: null });
  });

  describe("state", () => {
    it("is refused when replayed", async () => {
      const state = createOAuthState("session-replay");
      expect(await consumeOAuthState(state, "session-replay")).toBe(true);
      expect(await consumeOAuthState(state, "session-replay")).toBe(false);
      // The single-use key is in the DB-backed key table, expiring with the state.
      const row = await db.rateLimitBucket.findMany({ where: { key: { startsWith: "oauth-state:" + state.slice(0, 64) } } });
      expect(row).toHaveLength(1);
    });

    it("is refused for another browser session, and stays usable by its own", async () => {
      const state = createOAuthState("session-a");
      expect(await consumeOAuthState(state, "session-b")).toBe(false);
      expect(await consumeOAuthState(state, "session-a")).toBe(true);
    });

    it("is refused after 10 minutes", async () => {
      const issued = new Date("2026-03-01T08:00:00Z");
      const state = createOAuthState("session-late", issued);
      expect(await consumeOAuthState(state, "session-late", new Date(issued.getTime() + OAUTH_STATE_TTL_MS + 1000))).toBe(false);
      expect(await consumeOAuthState(state, "session-late", new Date(issued.getTime() + OAUTH_STATE_TTL_MS - 1000))).toBe(true);
    });

    it("is refused when forged, tampered with or malformed", async () => {
      const state = createOAuthState("session-forge");
      const laterExpiry = String(Number(state.slice(64, 74)) + 3600).padStart(10, "0");
      const tampered = state.slice(0, 64) + laterExpiry + state.slice(74);
      const flipped = state.slice(0, -1) + (state.endsWith("0") ? "1" : "0");
      for (const bad of [tampered, flipped, "", "abc", state + "0", state.toUpperCase()]) {
        expect(await consumeOAuthState(bad, "session-forge")).toBe(false);
      }
      expect(await consumeOAuthState(state, "session-forge")).toBe(true);
    });

    it("fits WeChat's rule for state: a-zA-Z0-9, at most 128", () => {
      const state = createOAuthState("session-format");
      expect(state).toMatch(/^[A-Za-z0-9]{1,128}$/);
      expect(createOAuthState("session-format")).not.toBe(state);
    });
  });

  describe("WeChat's errors", () => {
    it("a code used twice → code_used", async () => {
      fake.signInAs(alice);
      const { code } = await signIn("snsapi_base", "session-twice");
      await exchangeCode(code);
      const error = await failure(exchangeCode(code));
      expect(error.code).toBe("code_used");
      expect(error.detail).toMatchObject({ errcode: 40163, errmsg: expect.stringContaining("code been used") });
    });

    it("a code older than 5 minutes → invalid_code; an unknown code too", async () => {
      const code = fake.issueCode(alice.openId, "snsapi_base");
      fake.advance(5 * 60 * 1000 + 1000);
      try {
        expect((await failure(exchangeCode(code))).code).toBe("invalid_code");
      } finally {
        fake.advance(-(5 * 60 * 1000 + 1000));
      }
      const unknown = await failure(exchangeCode("0a1b2c3d4e5f"));
      expect(unknown.code).toBe("invalid_code");
      expect(unknown.detail?.errcode).toBe(40029);
    });

    it("a malformed code is refused without a round trip", async () => {
      const before = fake.requests.length;
      expect((await failure(exchangeCode("not a code"))).code).toBe("invalid_code");
      expect((await failure(exchangeCode(""))).code).toBe("invalid_code");
      expect(fake.requests.length).toBe(before);
    });

    it("a wrong secret or app id → invalid_credential, and the secret is in no error", async () => {
      const code = fake.issueCode(alice.openId, "snsapi_base");
      process.env.WECHAT_APP_SECRET = "ffffffffffffffffffffffffffffffff";
      const error = await failure(exchangeCode(code));
      expect(error.code).toBe("invalid_credential");
      expect(error.detail?.errcode).toBe(40125);
      const shown = JSON.stringify({ message: error.message, detail: error.detail, stack: error.stack });
      expect(shown).not.toContain("ffffffffffffffffffffffffffffffff");

      process.env.WECHAT_APP_SECRET = APP_SECRET;
      process.env.WECHAT_APP_ID = "wxffffffffffffffff";
      expect((await failure(exchangeCode(code))).code).toBe("invalid_credential");
    });

    it("a bad or expired access token → invalid_credential / access_token_expired; another openid → invalid_openid", async () => {
      fake.signInAs(alice);
      const token = await exchangeCode(fake.issueCode(alice.openId, "snsapi_userinfo"));
      expect((await failure(fetchUserInfo("not-a-token", alice.openId))).code).toBe("invalid_credential");
      expect((await failure(fetchUserInfo(token.accessToken, bob.openId))).code).toBe("invalid_openid");
      fake.advance(7200 * 1000);
      try {
        expect((await failure(fetchUserInfo(token.accessToken, alice.openId))).code).toBe("access_token_expired");
      } finally {
        fake.advance(-7200 * 1000);
      }
    });

    it("WeChat unreachable or hanging → wechat_unreachable", async () => {
      const down = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
      await down.close();
      process.env.WECHAT_API_HOST = down.url;
      const refused = await failure(exchangeCode("0a1b2c3d4e5f"));
      expect(refused.code).toBe("wechat_unreachable");
      expect(refused.message).toMatch(/^暂时无法连接微信.* \/ WeChat cannot be reached/);
      expect(JSON.stringify(refused.detail)).not.toContain(APP_SECRET);

      process.env.WECHAT_API_HOST = fake.url;
      fake.stall(true);
      try {
        const started = Date.now();
        const hung = await failure(exchangeCode("0a1b2c3d4e5f", { timeoutMs: 200 }));
        expect(hung.code).toBe("wechat_unreachable");
        expect(hung.detail?.reason).toBe("timeout");
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        fake.stall(false);
      }
    });
  });

  describe("the fake's authorize page, like WeChat's", () => {
    it("refuses a wrong app id, a foreign redirect domain, a bad scope; unknown paths are 404", async () => {
      fake.signInAs(alice);
      const good = new URL(authorizeUrl({ redirectUri: REDIRECT, scope: "snsapi_base", state: "abc" }));
      const variants: Array<[string, string]> = [
        ["appid", "wxffffffffffffffff"],
        ["redirect_uri", "https://evil.example.net/cb"],
        ["scope", "snsapi_login"],
        ["response_type", "token"],
        ["state", "a.b"],
      ];
      for (const [name, value] of variants) {
        const url = new URL(good);
        url.searchParams.set(name, value);
        const response = await fetch(url, { redirect: "manual" });
        expect(response.status, name).toBe(400);
      }
      expect((await fetch(`${fake.url}/sns/oauth2/refresh_token_nope`)).status).toBe(404);
    });
  });
});
