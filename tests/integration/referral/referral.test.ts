import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

beforeAll(() => {
  process.env.APP_SECRET = "integration-secret-integration-secret-0123";
});

// Member referral through the sign-in path itself (findOrCreateMemberByPhone with the mc_ref cookie, as
// lib/auth/options.ts calls it): who referred whom is recorded once, when the member joins the brand.
describe("member referral", async () => {
  const { findOrCreateMemberByPhone } = await import("@/lib/members/identity");
  const { applyReferral, loadMyReferrals, loadPromoters, openReferralLink, referralLinkFor } = await import("@/lib/referral/service");
  const { decodeReferralCookie } = await import("@/lib/referral/cookie");

  const phone = () => `137${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  const lumi = () => db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
  const mb = (memberId: string, brandId: string) => db.memberBrand.findUniqueOrThrow({ where: { memberId_brandId: { memberId, brandId } } });
  let warn: ReturnType<typeof vi.spyOn>;
  afterEach(() => warn?.mockRestore());

  /** A member of LUMI, signed in by phone, and the cookie their share link sets. */
  async function sharer(cookieFromLink?: string) {
    const brand = await lumi();
    const m = await findOrCreateMemberByPhone(phone(), "lumi", cookieFromLink);
    const link = await referralLinkFor(m.id, brand.id);
    const opened = await openReferralLink(link.code);
    return { id: m.id, joined: m.joined, link, cookie: opened.cookie!, redirectTo: opened.redirectTo };
  }

  it("makes one lazy, stable 8-character code per member and brand; the link sets a signed cookie for the brand", async () => {
    const brand = await lumi();
    const a = await sharer();
    expect(a.link.code).toMatch(/^[a-z0-9]{8}$/);
    expect(a.link.path).toBe(`/r/${a.link.code}`);
    expect((await referralLinkFor(a.id, brand.id)).code).toBe(a.link.code);
    expect(a.redirectTo).toBe("/lumi");
    expect(decodeReferralCookie(a.cookie)).toMatchObject({ brand: "lumi", code: a.link.code });
  });

  it("an unknown code goes to the home page and sets nothing (one warning line)", async () => {
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await openReferralLink("zz00zz00")).toEqual({ redirectTo: "/", cookie: null });
    expect(await openReferralLink("../admin")).toEqual({ redirectTo: "/", cookie: null });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("A refers B (new to the brand): B's level 1 is A; C joins through B: level 1 B, level 2 A", async () => {
    const brand = await lumi();
    const a = await sharer();
    const b = await sharer(a.cookie);
    expect(b.joined).toBe(true);
    expect(await mb(b.id, brand.id)).toMatchObject({ referrerId: a.id, referrerL2Id: null });
    const c = await sharer(b.cookie);
    expect(await mb(c.id, brand.id)).toMatchObject({ referrerId: b.id, referrerL2Id: a.id });
    // D through C: never a third level (A is not recorded for D).
    const d = await sharer(c.cookie);
    expect(await mb(d.id, brand.id)).toMatchObject({ referrerId: c.id, referrerL2Id: b.id });

    const mine = await loadMyReferrals(a.id, brand.id);
    expect(mine.referrals.map((r) => [r.memberId, r.level]).sort()).toEqual([[b.id, 1], [c.id, 2]].sort());
    expect(mine.referrals[0]!.who).toMatch(/^137\*{4}\d{4}$/);
    expect(mine.earnings).toEqual({ pendingFen: 0, settledFen: 0, reversedFen: 0, paidOutFen: 0 });
  });

  it("self-referral is ignored and logged", async () => {
    const brand = await lumi();
    const a = await sharer();
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // A's own cookie, as if A's MemberBrand had just been created (the caller's condition).
    expect(await applyReferral(a.id, "lumi", a.cookie)).toEqual({ applied: false, reason: "self" });
    expect(warn).toHaveBeenCalledOnce();
    expect((await mb(a.id, brand.id)).referrerId).toBeNull();
  });

  it("a cycle is refused: a member above the code's owner cannot be placed under them", async () => {
    const brand = await lumi();
    const a = await sharer();
    const b = await sharer(a.cookie);
    // Imported data can put A under nobody yet have A's MemberBrand look new: the guard still holds.
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await applyReferral(a.id, "lumi", b.cookie)).toEqual({ applied: false, reason: "cycle" });
    expect((await mb(a.id, brand.id)).referrerId).toBeNull();
  });

  it("an existing member of the brand signing in through a link is not re-parented", async () => {
    const brand = await lumi();
    const a = await sharer();
    const x = await sharer();
    const b = await sharer(a.cookie);
    const again = await findOrCreateMemberByPhone((await db.member.findUniqueOrThrow({ where: { id: b.id } })).phone!, "lumi", x.cookie);
    expect(again).toMatchObject({ id: b.id, created: false, joined: false });
    expect((await mb(b.id, brand.id)).referrerId).toBe(a.id);
    // Even a direct call (a replayed sign-in) cannot change a recorded referrer.
    expect(await applyReferral(b.id, "lumi", x.cookie)).toEqual({ applied: false, reason: "already_referred" });
    // Nor is an existing member without a referrer given one by signing in again.
    const y = await findOrCreateMemberByPhone((await db.member.findUniqueOrThrow({ where: { id: x.id } })).phone!, "lumi", a.cookie);
    expect(y.joined).toBe(false);
    expect((await mb(x.id, brand.id)).referrerId).toBeNull();
  });

  it("a member of another brand joining this one through a link is referred here; a link of one brand never parents a join of another", async () => {
    const brand = await lumi();
    const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
    const a = await sharer();
    const p = phone();
    const inNord = await findOrCreateMemberByPhone(p, "nord", a.cookie);
    expect(inNord.joined).toBe(true);
    expect((await mb(inNord.id, nord.id)).referrerId).toBeNull();
    const inLumi = await findOrCreateMemberByPhone(p, "lumi", a.cookie);
    expect(inLumi).toMatchObject({ id: inNord.id, created: false, joined: true });
    expect((await mb(inLumi.id, brand.id)).referrerId).toBe(a.id);
  });

  it("the promoters table counts levels, referred orders and commission", async () => {
    const brand = await lumi();
    const a = await sharer();
    const b = await sharer(a.cookie);
    await sharer(b.cookie);
    const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: { not: "WAREHOUSE" } } });
    const number = `99${String(crypto.randomInt(10_000_000_000, 99_999_999_999))}`;
    const order = await db.order.create({
      data: { number, brandId: brand.id, memberId: b.id, fulfilment: "PICKUP", status: "COMPLETED", paymentMethod: "ONLINE", storeId: store.id, itemsFen: 29900, totalFen: 29900, refundedFen: 4900, idempotencyKey: crypto.randomUUID(), requestHash: "test" },
    });
    await db.commissionEntry.createMany({
      data: [
        { brandId: brand.id, memberId: a.id, orderId: order.id, level: 1, kind: "EARN", amountFen: 598, status: "SETTLED", dedupeKey: `earn:${order.id}:1` },
        { brandId: brand.id, memberId: a.id, orderId: order.id, level: 1, kind: "REVERSAL", amountFen: -98, status: "PENDING", dedupeKey: `reversal:${order.id}:1` },
      ],
    });
    const row = (await loadPromoters(brand.id)).find((p) => p.memberId === a.id);
    expect(row).toMatchObject({ level1: 1, level2: 1, orders: 1, ordersFen: 25000, commissionFen: 500 });
    const mine = await loadMyReferrals(a.id, brand.id);
    expect(mine.referrals.find((r) => r.memberId === b.id)).toMatchObject({ orders: 1, ordersFen: 25000 });
    expect(mine.earnings).toEqual({ pendingFen: -98, settledFen: 598, reversedFen: 98, paidOutFen: 0 });
  });
});
