import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyReferral } from "@/lib/referral/service";
import { searchKeysCreate } from "@/lib/members/search-keys";

/**
 * A member joins a brand (tier NORMAL, no points) the first time they sign in from it; later calls change
 * nothing. True when this call made them a member of the brand (a referral may then be recorded).
 */
export async function joinBrand(client: Prisma.TransactionClient, memberId: string, brandId: string): Promise<boolean> {
  const where = { memberId_brandId: { memberId, brandId } };
  if (await client.memberBrand.findUnique({ where, select: { id: true } })) return false;
  // A second sign-in racing this one must not fail on the unique key, nor abort a surrounding transaction (as a
  // failed INSERT does on PostgreSQL): ON CONFLICT DO NOTHING, and only the one that inserted has joined.
  const inserted = await client.$executeRaw`
    INSERT INTO "MemberBrand" ("id", "memberId", "brandId", "tier", "points", "joinedAt")
    VALUES (${crypto.randomUUID()}, ${memberId}, ${brandId}, 'NORMAL', 0, ${new Date()})
    ON CONFLICT ("memberId", "brandId") DO NOTHING`;
  return inserted === 1;
}

/**
 * A new member with this phone and its search keys, in one transaction. Two first sign-ins with the same number at
 * once: the loser of the unique phone links to the winner (the nested keys make this a read-then-insert, not an
 * INSERT … ON CONFLICT, so the race surfaces as P2002).
 */
async function createMemberWithPhone(phone: string): Promise<{ id: string }> {
  try {
    return await db.member.create({ data: { phone, ...searchKeysCreate({ phone }) }, select: { id: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return db.member.findUniqueOrThrow({ where: { phone }, select: { id: true } });
    throw error;
  }
}

/**
 * The member behind a verified phone number (one member per person across the group's brands), created on
 * first sign-in, and joined to the brand they signed in from (tier NORMAL, no points). Joining through a
 * friend's link (the mc_ref cookie) records the referrer, only when this sign-in made them a member of the
 * brand: an existing member is never re-parented.
 */
export async function findOrCreateMemberByPhone(
  phone: string,
  brandSlug: string | null,
  referralCookie?: string,
): Promise<{ id: string; created: boolean; joined: boolean }> {
  const brand = brandSlug ? await db.brand.findUnique({ where: { slug: brandSlug }, select: { id: true } }) : null;
  const existing = await db.member.findUnique({ where: { phone }, select: { id: true } });
  const member = existing ?? (await createMemberWithPhone(phone));
  const joined = brand ? await joinBrand(db, member.id, brand.id) : false;
  if (joined && brandSlug && referralCookie) await applyReferral(member.id, brandSlug, referralCookie);
  return { id: member.id, created: !existing, joined };
}

export type MemberCard = {
  phoneMasked: string;
  nickname: string;
  tier: "NORMAL" | "VIP" | "SVIP";
  points: number;
  joinedAt: string;
};

/** The member centre's card for one brand. */
export async function loadMemberCard(memberId: string, brandId: string): Promise<MemberCard | null> {
  const m = await db.member.findUnique({
    where: { id: memberId },
    select: { phone: true, nickname: true, brands: { where: { brandId }, select: { tier: true, points: true, joinedAt: true } } },
  });
  if (!m) return null;
  const b = m.brands[0];
  return {
    phoneMasked: m.phone ? `${m.phone.slice(0, 3)}****${m.phone.slice(7)}` : "",
    nickname: m.nickname,
    tier: b?.tier ?? "NORMAL",
    points: b?.points ?? 0,
    joinedAt: (b?.joinedAt ?? new Date()).toISOString(),
  };
}

/** What checkout prefills for the member: their own mobile number and nickname (null when unknown). */
export async function memberContact(memberId: string): Promise<{ phone: string | null; nickname: string } | null> {
  return db.member.findUnique({ where: { id: memberId }, select: { phone: true, nickname: true } });
}
