import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startFakeWechat, type FakeWechat } from "@/tests/fakes/wechat-server";
import { claimLease } from "@/lib/ops/lease";
import { credentialKey, getAccessToken, WechatApiError, type WechatApiOptions } from "@/lib/wechat/access-token";
import { DbCredentialCache, FETCH_LEASE_MS } from "@/lib/wechat/db-credential-cache";
import { getJsapiTicket, jssdkConfig } from "@/lib/wechat/jssdk";

// WeChat credentials shared through the database (decision 032): two app instances, simulated by two
// DbCredentialCache objects with their own holder names and their own in-process single flight, ask the fake
// WeChat (real HTTP on loopback, counting every request) at once. WeChat must see one token fetch, not two: a
// second token would retire the first 5 minutes later.

const APP_ID = "wx5a5a5a5a5a5a5a5a"; // this file's own: the route tests in jssdk.test.ts use the app's cache too
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const PAGE = "https://shop.example.com/lumi/staff/handover";

let fake: FakeWechat;
let clock: { ms: number };

beforeAll(async () => {
  fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(async () => {
  await db.wechatCredential.deleteMany({ where: { key: { startsWith: `wechat:${APP_ID}:` } } });
  await db.jobLease.deleteMany({ where: { name: { startsWith: `wechat:${APP_ID}:` } } });
  clock = { ms: fake.now() };
});

/** One app instance: its own cache object (so its own inflight map) and holder name, on the shared database. */
function instance(name: string, extra: { waitMs?: number; secret?: string } = {}): WechatApiOptions {
  const now = () => clock.ms;
  return {
    config: { appId: APP_ID, appSecret: extra.secret ?? APP_SECRET, openHost: fake.url, apiHost: fake.url },
    cache: new DbCredentialCache({ holder: name, now, waitMs: extra.waitMs }),
    now,
  };
}

function advanceBoth(ms: number) {
  clock.ms += ms;
  fake.advance(ms);
}

const count = (path: string, since: number) => fake.requests.slice(since).filter((r) => r.path === path).length;

describe("DbCredentialCache: one WeChat credential for every instance", () => {
  it("two instances asking at once (a burst each) make one token and one ticket request, and share them", async () => {
    const [a, b] = [instance("instance-a"), instance("instance-b")];
    const since = fake.requests.length;
    const tickets = await Promise.all([...Array.from({ length: 4 }, () => getJsapiTicket(a)), ...Array.from({ length: 4 }, () => getJsapiTicket(b))]);
    expect(count("/cgi-bin/token", since)).toBe(1);
    expect(count("/cgi-bin/ticket/getticket", since)).toBe(1);
    expect(new Set(tickets).size).toBe(1);
    expect(await getAccessToken(a)).toBe(await getAccessToken(b));
    // Both sign pages WeChat accepts, with no further request.
    for (const options of [a, b]) expect(fake.verifyJssdkSignature({ ...(await jssdkConfig(PAGE, options)), url: PAGE })).toBe(true);
    expect(fake.requests.length - since).toBe(2);
    // A third instance started later finds them in the database.
    await getJsapiTicket(instance("instance-c"));
    expect(fake.requests.length - since).toBe(2);
  });

  it("keeps WeChat's expiry and when it was obtained: the refresh rule is the memory cache's", async () => {
    const a = instance("instance-a");
    const token = await getAccessToken(a);
    const row = await db.wechatCredential.findUniqueOrThrow({ where: { key: credentialKey(APP_ID, "access_token") } });
    expect(row).toMatchObject({ value: token, expiresAt: new Date(clock.ms + 7200_000), updatedAt: new Date(clock.ms) });
    expect(await a.cache!.get(credentialKey(APP_ID, "access_token"))).toEqual({ value: token, expiresAt: clock.ms + 7200_000, refreshAt: clock.ms + (7200 - 300) * 1000 });
  });

  it("a token in its last 5 minutes is renewed once for both instances", async () => {
    const [a, b] = [instance("instance-a"), instance("instance-b")];
    const first = await getAccessToken(a);
    try {
      advanceBoth((7200 - 300) * 1000 + 1000);
      const since = fake.requests.length;
      const answers = await Promise.all([getAccessToken(a), getAccessToken(b), getAccessToken(a), getAccessToken(b)]);
      expect(count("/cgi-bin/token", since)).toBe(1);
      const renewed = (await db.wechatCredential.findUniqueOrThrow({ where: { key: credentialKey(APP_ID, "access_token") } })).value;
      expect(renewed).not.toBe(first);
      expect(answers).toContain(renewed);
      // The instance that did not fetch may have used the old token meanwhile: WeChat still accepts it.
      for (const answer of answers) expect([first, renewed]).toContain(answer);
      expect([await getAccessToken(a), await getAccessToken(b)]).toEqual([renewed, renewed]);
      expect(count("/cgi-bin/token", since)).toBe(1);
    } finally {
      fake.advance(-((7200 - 300) * 1000 + 1000));
    }
  });

  it("an expired token is refreshed once: the instance without the lease waits for the new one", async () => {
    const [a, b] = [instance("instance-a"), instance("instance-b")];
    const first = await getAccessToken(a);
    try {
      advanceBoth(7200 * 1000 + 1000);
      const since = fake.requests.length;
      const answers = await Promise.all([getAccessToken(a), getAccessToken(b)]);
      expect(count("/cgi-bin/token", since)).toBe(1);
      expect(answers[0]).not.toBe(first);
      expect(answers[1]).toBe(answers[0]);
    } finally {
      fake.advance(-(7200 * 1000 + 1000));
    }
  });

  it("a token WeChat refused (40001) is dropped only if it is still the one stored", async () => {
    const [a, b] = [instance("instance-a"), instance("instance-b")];
    const key = credentialKey(APP_ID, "access_token");
    const token = await getAccessToken(a);
    await b.cache!.delete(key, "some-older-token");
    expect((await a.cache!.get(key))?.value).toBe(token);
    await b.cache!.delete(key, token);
    expect(await a.cache!.get(key)).toBeUndefined();
  });

  it("while another instance holds the fetch lease and stores nothing, the other waits, then answers unreachable; after the lease lapsed it fetches", async () => {
    const key = credentialKey(APP_ID, "access_token");
    expect(await claimLease(key, "instance-gone", FETCH_LEASE_MS, new Date(clock.ms))).toBe(true);
    const since = fake.requests.length;
    const started = Date.now();
    const error = await getAccessToken(instance("instance-a", { waitMs: 800 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).code).toBe("wechat_unreachable");
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(count("/cgi-bin/token", since)).toBe(0);

    clock.ms += FETCH_LEASE_MS + 1;
    expect(await getAccessToken(instance("instance-a"))).toBeTruthy();
    expect(count("/cgi-bin/token", since)).toBe(1);
  });

  it("the waiting instance takes the value the lease holder stores", async () => {
    const key = credentialKey(APP_ID, "access_token");
    expect(await claimLease(key, "instance-slow", FETCH_LEASE_MS, new Date(clock.ms))).toBe(true);
    const since = fake.requests.length;
    const waiting = getAccessToken(instance("instance-a"));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await instance("instance-slow").cache!.set(key, { value: "token-from-the-holder", refreshAt: clock.ms + 60_000, expiresAt: clock.ms + 120_000 });
    expect(await waiting).toBe("token-from-the-holder");
    expect(count("/cgi-bin/token", since)).toBe(0);
  });

  it("a failed fetch lets the lease go: the other instance does not wait for it and gets WeChat's own answer", async () => {
    const [a, b] = [instance("instance-a", { secret: "ffffffffffffffffffffffffffffffff" }), instance("instance-b", { secret: "ffffffffffffffffffffffffffffffff" })];
    const since = fake.requests.length;
    const started = Date.now();
    const errors = await Promise.all([getAccessToken(a).catch((e: unknown) => e), getAccessToken(b).catch((e: unknown) => e)]);
    for (const error of errors) expect(error).toMatchObject({ code: "invalid_credential" });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(count("/cgi-bin/token", since)).toBe(2); // nothing stored: the second asks once the first let go
    expect(await db.jobLease.count({ where: { name: { startsWith: `wechat:${APP_ID}:` } } })).toBe(0);
    expect(await db.wechatCredential.count({ where: { key: { startsWith: `wechat:${APP_ID}:` } } })).toBe(0);
  });
});
