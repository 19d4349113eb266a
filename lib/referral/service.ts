import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { maskPhone } from "@/lib/auth/phone";
import { publicBaseUrl } from "@/lib/site";
import { generateReferralCode, isReferralCode, referralRefusal } from "./code";
import { decodeReferralCookie, encodeReferralCookie } from "./cookie";

// Member referral (issue 5 §4): who brought whom to a brand. Commission for referrals is computed by
// lib/commission from MemberBrand.referrerId / referrerL2Id; this module only records those two fields,
// once, when a member joins a brand through a friend's link, and reads the results back.

/** How far up a chain the cycle guard looks: far beyond the 2 levels paid, bounded so bad data cannot spin. */
const CHAIN_GUARD_DEPTH = 16;

/**
 * The member's share link for the brand, making their code on first use. A member who has never signed in
 * from this brand joins it here (no referrer: asking for one's own link is not being referred).
 */
export async function referralLinkFor(memberId: string, brandId: string): Promise<{ code: string; path: string; url: string }> {
  await db.memberBrand.upsert({ where: { memberId_brandId: { memberId, brandId } }, create: { memberId, brandId }, update: {} });
  for (let attempt = 0; ; attempt++) {
    const row = await db.memberBrand.findUniqueOrThrow({ where: { memberId_brandId: { memberId, brandId } }, select: { referralCode: true } });
    if (row.referralCode) return linkOf(row.referralCode);
    try {
      // Guarded on "still none": two first visits at once keep one code (the re-read above returns it).
      await db.memberBrand.updateMany({ where: { memberId, brandId, referralCode: null }, data: { referralCode: generateReferralCode() } });
    } catch (error) {
      // Another member already holds this code (one in 2.8 × 10^12): draw again.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") || attempt >= 4) throw error;
    }
  }
}

function linkOf(code: string) {
  const path = `/r/${code}`;
  return { code, path, url: `${publicBaseUrl()}${path}` };
}

/**
 * Opening /r/<code>: the brand home to go to and, for a known code, the signed cookie that sign-in reads.
 * An unknown code still lands somewhere useful (the site's home) and sets nothing.
 */
export async function openReferralLink(code: string, now: Date = new Date()): Promise<{ redirectTo: string; cookie: string | null }> {
  const owner = isReferralCode(code)
    ? await db.memberBrand.findUnique({ where: { referralCode: code }, select: { brand: { select: { slug: true } } } })
    : null;
  if (!owner) {
    console.warn(`[referral] unknown code ${JSON.stringify(String(code).slice(0, 32))}: nothing set`);
    return { redirectTo: "/", cookie: null };
  }
  const slug = owner.brand.slug;
  return { redirectTo: `/${slug}`, cookie: encodeReferralCookie({ brand: slug, code, at: Math.floor(now.getTime() / 1000) }) };
}

export type ReferralOutcome =
  | { applied: true; referrerId: string; referrerL2Id: string | null }
  | { applied: false; reason: "no_cookie" | "other_brand" | "unknown_code" | "self" | "cycle" | "already_referred" };

/**
 * Records who referred a member who has JUST joined the brand (the caller knows: lib/members/identity.ts
 * calls this only when the sign-in created the member's MemberBrand). Level 1 = the code's owner, level 2 =
 * the owner's own referrer; never a third level. Self-referral and cycles are refused and logged. The write
 * is guarded on "no referrer yet", so nobody is ever re-parented, even by a replayed sign-in.
 */
export async function applyReferral(memberId: string, brandSlug: string, cookie: string | undefined, now: Date = new Date()): Promise<ReferralOutcome> {
  const ref = decodeReferralCookie(cookie, now);
  if (!ref) return { applied: false, reason: "no_cookie" };
  if (ref.brand !== brandSlug) return { applied: false, reason: "other_brand" };
  const owner = await db.memberBrand.findUnique({ where: { referralCode: ref.code }, select: { memberId: true, brandId: true, referrerId: true, brand: { select: { slug: true } } } });
  if (!owner || owner.brand.slug !== brandSlug) {
    console.warn(`[referral] code ${ref.code} no longer names a member of ${brandSlug}: member ${memberId} joins unreferred`);
    return { applied: false, reason: "unknown_code" };
  }
  const chain = await referrerChain(owner.brandId, owner.referrerId);
  const refusal = referralRefusal(memberId, owner.memberId, chain);
  if (refusal) {
    console.warn(`[referral] refused (${refusal}): member ${memberId} through ${owner.memberId}'s code in ${brandSlug}`);
    return { applied: false, reason: refusal };
  }
  const { count } = await db.memberBrand.updateMany({
    where: { memberId, brandId: owner.brandId, referrerId: null },
    data: { referrerId: owner.memberId, referrerL2Id: owner.referrerId },
  });
  if (count === 0) return { applied: false, reason: "already_referred" };
  return { applied: true, referrerId: owner.memberId, referrerL2Id: owner.referrerId };
}

/** The owner's referrers upward, level 1 first, at most CHAIN_GUARD_DEPTH, stopping at a repeat. */
async function referrerChain(brandId: string, firstReferrer: string | null): Promise<string[]> {
  const chain: string[] = [];
  let next = firstReferrer;
  while (next && chain.length < CHAIN_GUARD_DEPTH && !chain.includes(next)) {
    chain.push(next);
    const row = await db.memberBrand.findUnique({ where: { memberId_brandId: { memberId: next, brandId } }, select: { referrerId: true } });
    next = row?.referrerId ?? null;
  }
  return chain;
}

// ---- Reading the results -----------------------------------------------------------------------------

/** Orders that count as a referral's result: completed, net of what was refunded. */
const COUNTED_STATUSES = ["COMPLETED", "PARTIALLY_REFUNDED"] as const;

export type ReferralRow = { memberId: string; who: string; level: 1 | 2; joinedAt: Date; orders: number; ordersFen: number };
export type ReferralEarnings = { pendingFen: number; settledFen: number; reversedFen: number; paidOutFen: number };

function who(m: { phone: string | null; nickname: string }): string {
  return m.phone ? maskPhone(m.phone) : m.nickname || "—";
}

async function orderResults(brandId: string, memberIds: string[]): Promise<Map<string, { orders: number; fen: number }>> {
  if (memberIds.length === 0) return new Map();
  const groups = await db.order.groupBy({
    by: ["memberId"],
    where: { brandId, memberId: { in: memberIds }, status: { in: [...COUNTED_STATUSES] } },
    _count: { _all: true },
    _sum: { totalFen: true, refundedFen: true },
  });
  return new Map(groups.map((g) => [g.memberId, { orders: g._count._all, fen: (g._sum.totalFen ?? 0) - (g._sum.refundedFen ?? 0) }]));
}

/**
 * The member's earnings from referrals in this brand, from the commission ledger (written by lib/commission):
 * pending = earned and reversed still in the freeze, settled = what counts towards the balance, reversed =
 * what refunds took back, paid out = what finance has paid.
 */
export async function referralEarnings(memberId: string, brandId: string): Promise<ReferralEarnings> {
  const groups = await db.commissionEntry.groupBy({ by: ["kind", "status"], where: { memberId, brandId }, _sum: { amountFen: true } });
  const e: ReferralEarnings = { pendingFen: 0, settledFen: 0, reversedFen: 0, paidOutFen: 0 };
  for (const g of groups) {
    const fen = g._sum.amountFen ?? 0;
    if (g.kind === "PAYOUT") e.paidOutFen += -fen;
    else if (g.status === "PENDING") e.pendingFen += fen;
    else e.settledFen += fen;
    if (g.kind === "REVERSAL") e.reversedFen += -fen;
  }
  return e;
}

/** The member centre's referral page: my link, my level-1 and level-2 referrals with their results, my earnings. */
export async function loadMyReferrals(memberId: string, brandId: string) {
  const [link, rows, earnings] = await Promise.all([
    referralLinkFor(memberId, brandId),
    db.memberBrand.findMany({
      where: { brandId, OR: [{ referrerId: memberId }, { referrerL2Id: memberId }] },
      select: { memberId: true, referrerId: true, joinedAt: true, member: { select: { phone: true, nickname: true } } },
      orderBy: { joinedAt: "desc" },
      take: 200,
    }),
    referralEarnings(memberId, brandId),
  ]);
  const results = await orderResults(brandId, rows.map((r) => r.memberId));
  const referrals: ReferralRow[] = rows.map((r) => ({
    memberId: r.memberId,
    who: who(r.member),
    level: r.referrerId === memberId ? 1 : 2,
    joinedAt: r.joinedAt,
    orders: results.get(r.memberId)?.orders ?? 0,
    ordersFen: results.get(r.memberId)?.fen ?? 0,
  }));
  return { link, referrals, earnings };
}

export type PromoterRow = { memberId: string; who: string; level1: number; level2: number; orders: number; ordersFen: number; commissionFen: number };

/**
 * The brand's promoters (admin): the top `limit` members by level-1 referrals, with their level-2 count,
 * the completed orders of their level-1 referrals and their commission (earned less reversed, any status).
 */
export async function loadPromoters(brandId: string, limit = 50): Promise<PromoterRow[]> {
  const top = await db.memberBrand.groupBy({
    by: ["referrerId"],
    where: { brandId, referrerId: { not: null } },
    _count: { _all: true },
    orderBy: [{ _count: { referrerId: "desc" } }, { referrerId: "asc" }],
    take: limit,
  });
  return promoterResults(brandId, top.map((t) => ({ referrerId: t.referrerId, level1: t._count._all })));
}

/** The figures of the given promoters (with their level-1 counts), in the order given: a fixed number of queries for any page. */
export async function promoterResults(brandId: string, top: { referrerId: string | null; level1: number }[]): Promise<PromoterRow[]> {
  const ids = top.map((t) => t.referrerId!).filter(Boolean);
  if (ids.length === 0) return [];
  const [l2, referred, commission, members] = await Promise.all([
    db.memberBrand.groupBy({ by: ["referrerL2Id"], where: { brandId, referrerL2Id: { in: ids } }, _count: { _all: true } }),
    db.memberBrand.findMany({ where: { brandId, referrerId: { in: ids } }, select: { memberId: true, referrerId: true } }),
    db.commissionEntry.groupBy({ by: ["memberId"], where: { brandId, memberId: { in: ids }, kind: { in: ["EARN", "REVERSAL"] } }, _sum: { amountFen: true } }),
    db.member.findMany({ where: { id: { in: ids } }, select: { id: true, phone: true, nickname: true } }),
  ]);
  const results = await orderResults(brandId, referred.map((r) => r.memberId));
  const byPromoter = new Map<string, { orders: number; fen: number }>();
  for (const r of referred) {
    const res = results.get(r.memberId);
    if (!res) continue;
    const acc = byPromoter.get(r.referrerId!) ?? { orders: 0, fen: 0 };
    acc.orders += res.orders;
    acc.fen += res.fen;
    byPromoter.set(r.referrerId!, acc);
  }
  const l2By = new Map(l2.map((g) => [g.referrerL2Id!, g._count._all]));
  const commissionBy = new Map(commission.map((g) => [g.memberId!, g._sum.amountFen ?? 0]));
  const memberBy = new Map(members.map((m) => [m.id, m]));
  return top.map((t) => {
    const id = t.referrerId!;
    const m = memberBy.get(id);
    return {
      memberId: id,
      who: m ? who(m) : "—",
      level1: t.level1,
      level2: l2By.get(id) ?? 0,
      orders: byPromoter.get(id)?.orders ?? 0,
      ordersFen: byPromoter.get(id)?.fen ?? 0,
      commissionFen: commissionBy.get(id) ?? 0,
    };
  });
}
