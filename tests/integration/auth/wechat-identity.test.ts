import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

// Member linking for WeChat sign-in (lib/members/wechat-identity.ts) against this run's database, and
// the one-time ticket the next-auth "wechat" provider redeems.

const APP_LUMI = "wxaaaaaaaaaaaaaaaa";
const APP_NORD = "wxbbbbbbbbbbbbbbbb";
const uid = () => Math.random().toString(36).slice(2, 10);

beforeAll(() => {
  process.env.APP_SECRET ??= "integration-secret-integration-secret-0123";
});

describe("WeChat member linking", async () => {
  const { findOrCreateMemberByWechat, mintWechatTicket, redeemWechatTicket, WechatSignInError } = await import("@/lib/members/wechat-identity");

  const brandsOf = async (memberId: string) =>
    (await db.memberBrand.findMany({ where: { memberId }, select: { brand: { select: { slug: true } } } })).map((b) => b.brand.slug).sort();

  it("creates a member on first sign-in, with the identity and the brand; the same openid signs in to the same member", async () => {
    const openId = `o-${uid()}`;
    const first = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId, isSnapshotUser: false }, "lumi");
    expect(first.created).toBe(true);
    const again = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId, isSnapshotUser: false }, "lumi");
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.wechatIdentity.count({ where: { memberId: first.id } })).toBe(1);
    expect(await brandsOf(first.id)).toEqual(["lumi"]);
    const member = await db.member.findUniqueOrThrow({ where: { id: first.id } });
    expect(member).toMatchObject({ phone: null, unionId: null, nickname: "", avatarUrl: "" });
  });

  it("links by unionid across official accounts (brands): another openid, the same person", async () => {
    const unionId = `u-${uid()}`;
    const lumi = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId: `o-${uid()}`, unionId, isSnapshotUser: false }, "lumi");
    const nord = await findOrCreateMemberByWechat({ appId: APP_NORD, openId: `o-${uid()}`, unionId, isSnapshotUser: false }, "nord");
    expect(nord).toEqual({ id: lumi.id, created: false });
    expect(await brandsOf(lumi.id)).toEqual(["lumi", "nord"]);
    const identities = await db.wechatIdentity.findMany({ where: { memberId: lumi.id }, orderBy: { appId: "asc" } });
    expect(identities.map((i) => [i.appId, i.unionId])).toEqual([
      [APP_LUMI, unionId],
      [APP_NORD, unionId],
    ]);
    expect((await db.member.findUniqueOrThrow({ where: { id: lumi.id } })).unionId).toBe(unionId);
  });

  it("falls back to (appId, openId) and fills in the unionid once WeChat starts sending it", async () => {
    const openId = `o-${uid()}`;
    const before = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId, isSnapshotUser: false }, "lumi");
    const unionId = `u-${uid()}`;
    const after = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId, unionId, isSnapshotUser: false }, "lumi");
    expect(after.id).toBe(before.id);
    expect((await db.wechatIdentity.findUniqueOrThrow({ where: { appId_openId: { appId: APP_LUMI, openId } } })).unionId).toBe(unionId);
    // …so the other brand's account now finds them too.
    const nord = await findOrCreateMemberByWechat({ appId: APP_NORD, openId: `o-${uid()}`, unionId, isSnapshotUser: false }, "nord");
    expect(nord.id).toBe(before.id);
  });

  it("stores nickname and avatar with snsapi_userinfo, and keeps them on a later silent sign-in", async () => {
    const openId = `o-${uid()}`;
    const m = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId, isSnapshotUser: false, profile: { nickname: "小丽", avatarUrl: "https://thirdwx.qlogo.cn/a/132" } }, "lumi");
    await findOrCreateMemberByWechat({ appId: APP_LUMI, openId, isSnapshotUser: false }, "lumi");
    expect(await db.member.findUniqueOrThrow({ where: { id: m.id }, select: { nickname: true, avatarUrl: true } })).toEqual({ nickname: "小丽", avatarUrl: "https://thirdwx.qlogo.cn/a/132" });
  });

  it("never links a snapshot-page visitor (virtual openid), with a message to show", async () => {
    const openId = `o-${uid()}`;
    const attempt = findOrCreateMemberByWechat({ appId: APP_LUMI, openId, isSnapshotUser: true }, "lumi");
    await expect(attempt).rejects.toBeInstanceOf(WechatSignInError);
    await expect(attempt).rejects.toThrow(/快照|snapshot/);
    expect(await db.wechatIdentity.count({ where: { openId } })).toBe(0);
  });

  it("ignores an unknown or malformed brand (no membership) but still signs in", async () => {
    const m = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId: `o-${uid()}`, isSnapshotUser: false }, "no-such-brand");
    expect(await brandsOf(m.id)).toEqual([]);
  });

  it("first sign-ins of the same person at once end on one member", async () => {
    const unionId = `u-${uid()}`;
    const openId = `o-${uid()}`;
    const results = await Promise.all([1, 2, 3].map(() => findOrCreateMemberByWechat({ appId: APP_LUMI, openId, unionId, isSnapshotUser: false }, "lumi")));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.wechatIdentity.count({ where: { openId } })).toBe(1);
  });

  describe("the one-time ticket", () => {
    it("is redeemed once, within two minutes, and cannot be forged", async () => {
      const m = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId: `o-${uid()}`, isSnapshotUser: false }, "lumi");
      const ticket = mintWechatTicket(m);
      expect(await redeemWechatTicket(ticket)).toEqual({ memberId: m.id, created: true });
      await expect(redeemWechatTicket(ticket)).rejects.toThrow(/已失效|expired/);

      const old = mintWechatTicket(m, new Date(Date.now() - 121_000));
      await expect(redeemWechatTicket(old)).rejects.toBeInstanceOf(WechatSignInError);

      const other = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId: `o-${uid()}`, isSnapshotUser: false }, "lumi");
      const forged = mintWechatTicket(m).replace(m.id, other.id);
      await expect(redeemWechatTicket(forged)).rejects.toBeInstanceOf(WechatSignInError);
      await expect(redeemWechatTicket(undefined)).rejects.toBeInstanceOf(WechatSignInError);
      await expect(redeemWechatTicket(`${other.id}`)).rejects.toBeInstanceOf(WechatSignInError);
    });

    it("the next-auth provider turns a ticket cookie into a member session, merges favourites and audits method wechat", async () => {
      const { authOptions } = await import("@/lib/auth/options");
      const provider = authOptions().providers.find((p) => (p as unknown as { options?: { id?: string } }).options?.id === "wechat") as unknown as {
        options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; kind: string }> };
      };
      const m = await findOrCreateMemberByWechat({ appId: APP_LUMI, openId: `o-${uid()}`, isSnapshotUser: false }, "lumi");
      const ticket = mintWechatTicket(m);
      const req = { headers: { cookie: `wechat_ticket=${encodeURIComponent(ticket)}`, "x-forwarded-for": "10.9.9.9" } };
      const user = await provider.options.authorize({ brand: "lumi" }, req);
      expect(user).toMatchObject({ id: m.id, kind: "member" });
      const log = await db.auditLog.findMany({ where: { action: "member.sign_in", actor: `member:${m.id}` } });
      expect(log.map((l) => [l.ip, JSON.parse(l.detail).method])).toEqual([["10.9.9.9", "wechat"]]);
      // The same cookie again: refused.
      await expect(provider.options.authorize({ brand: "lumi" }, req)).rejects.toThrow(/已失效|expired/);
      // No ticket at all (a client sending an openid or member id instead): refused.
      await expect(provider.options.authorize({ brand: "lumi", openId: "x", memberId: m.id } as Record<string, string>, { headers: {} })).rejects.toBeInstanceOf(WechatSignInError);
    });
  });
});
