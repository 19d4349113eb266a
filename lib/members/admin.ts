import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { authorize, type Principal } from "@/lib/auth/policy";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberTier } from "@/lib/generated/prisma/enums";
import { Refusal } from "@/lib/refusal";
import { keyWindowFull, memberIdsContaining } from "@/lib/members/search";

// The brand console's members: a member is one MemberBrand row (tier, points and tags are per brand). Points move
// by an admin's adjustment with a reason: the PointsEntry row (with the balance after it) and the new balance are
// written in ONE batch; both tables CHECK that nothing goes below zero, so an adjustment that would is refused
// by the database as a whole, with nothing written (no interactive transaction, decision 013).

export const MEMBER_SORTS = ["joinedAt", "points"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const TIERS = ["NORMAL", "VIP", "SVIP"] as const;

export class MemberAdminRefused extends Refusal {
  constructor(
    readonly code: "not_found" | "invalid" | "below_zero",
    message: string,
  ) {
    super(message);
  }
}

const notFound = () => new MemberAdminRefused("not_found", "会员不存在 / No such member");

export type MemberFilter = { tier?: MemberTier; tag?: string };

const memberRowSelect = {
  id: true,
  tier: true,
  points: true,
  joinedAt: true,
  member: { select: { id: true, phone: true, nickname: true } },
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
} as const satisfies Prisma.MemberBrandSelect;
export type MemberRow = Prisma.MemberBrandGetPayload<{ select: typeof memberRowSelect }>;

/**
 * A partial search lists at most this many members; past it the page asks for a longer search.
 */
export const MEMBER_MATCH_CAP = 500;

/** One page of the brand's members: search phone/nickname, filter tier/tag, sort by joined or points. */
export async function listBrandMembers(brandId: string, params: ListParams<MemberSort>, filter: MemberFilter = {}): Promise<Page<MemberRow>> {
  // A whole mobile number is an exact look-up on Member's unique phone; any other text a capped partial match.
  const wholePhone = /^1[3-9]\d{9}$/.test(params.q);
  const where: Prisma.MemberBrandWhereInput = {
    brandId,
    ...(filter.tier ? { tier: filter.tier } : {}),
    ...(filter.tag ? { tags: { some: { tag: filter.tag } } } : {}),
    ...(wholePhone ? { member: { phone: params.q } } : {}),
  };
  if (params.q && !wholePhone) return partialSearchPage(brandId, params, filter);
  const [counted, rows] = await Promise.all([
    db.memberBrand.count({ where, ...countUpTo({ [params.sort]: params.dir }) }),
    db.memberBrand.findMany({ where, select: memberRowSelect, orderBy: [{ [params.sort]: params.dir }, { id: "asc" }], skip: params.skip, take: params.take }),
  ]);
  return pageOf(rows, counted, params);
}

const SORT_COLUMN: Record<MemberSort, Prisma.Sql> = { joinedAt: Prisma.sql`"joinedAt"`, points: Prisma.sql`"points"` };

/**
 * A partial search's page, in two SQL statements: the ≤ 500 matching members (lib/members/search.ts) filtered,
 * sorted and cut to the page by the database, and the counts. Matched ids handed back to the ORM as an IN list
 * cost ≈ 13 ms of the ORM's own time per search at chain scale; sorting in SQL over the matches (not the brand's
 * whole (brandId, joinedAt) index, ≈ 40 ms) keeps the database's share at a few ms.
 */
async function partialSearchPage(brandId: string, params: ListParams<MemberSort>, filter: MemberFilter): Promise<Page<MemberRow>> {
  const listed = Prisma.sql`SELECT b."id", b."joinedAt", b."points" FROM "MemberBrand" b
    WHERE b."brandId" = ${brandId}
      AND b."memberId" IN (SELECT f."memberId" FROM (${memberIdsContaining(brandId, params.q, MEMBER_MATCH_CAP)}) f)
      ${filter.tier ? Prisma.sql`AND CAST(b."tier" AS TEXT) = ${filter.tier}` : Prisma.empty}
      ${filter.tag ? Prisma.sql`AND EXISTS (SELECT 1 FROM "MemberTag" t WHERE t."memberBrandId" = b."id" AND t."tag" = ${filter.tag})` : Prisma.empty}`;
  const direction = params.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const [picked, [counts]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT l."id" FROM (${listed}) l ORDER BY l.${SORT_COLUMN[params.sort]} ${direction}, l."id" ASC LIMIT ${params.take} OFFSET ${params.skip}`,
    db.$queryRaw<{ found: bigint | number; listed: bigint | number }[]>`SELECT
      (SELECT COUNT(*) FROM (${memberIdsContaining(brandId, params.q, MEMBER_MATCH_CAP + 1)}) a) AS "found",
      (SELECT COUNT(*) FROM (${listed}) l) AS "listed"`,
  ]);
  const ids = picked.map((p) => p.id);
  const rows = await db.memberBrand.findMany({ where: { id: { in: ids } }, select: memberRowSelect });
  const page = ids.map((id) => rows.find((r) => r.id === id)!);
  const listedCount = Number(counts!.listed);
  // Cut short (more than 500 matches, or the key window full): without a filter the page says "more than 500";
  // with one, it pages over what the filter kept of those and still says the search was cut.
  const cut = Number(counts!.found) > MEMBER_MATCH_CAP || (await keyWindowFull(brandId, params.q));
  if (!cut) return pageOf(page, listedCount, params);
  return filter.tier || filter.tag ? { ...pageOf(page, listedCount, params), capped: true } : pageOf(page, listedCount, params, MEMBER_MATCH_CAP);
}

/** The tags in use in the brand, for the filter. */
export async function brandMemberTags(brandId: string): Promise<string[]> {
  const rows = await db.memberTag.groupBy({ by: ["tag"], where: { brandId }, orderBy: { tag: "asc" }, take: 200 });
  return rows.map((r) => r.tag);
}

/** A member of the brand with their tags, or null (another brand's member reads as not found). */
export async function brandMember(brandId: string, memberBrandId: string) {
  const mb = await db.memberBrand.findUnique({
    where: { id: memberBrandId },
    select: { ...memberRowSelect, brandId: true, referralCode: true, member: { select: { id: true, phone: true, nickname: true, createdAt: true } } },
  });
  return mb && mb.brandId === brandId ? mb : null;
}

/** The member's points history, newest first, one page. */
export async function memberPointsHistory(memberBrandId: string, params: { page: number; pageSize: number; skip: number; take: number }) {
  const where = { memberBrandId };
  const [total, rows] = await Promise.all([
    db.pointsEntry.count({ where, ...countUpTo({ createdAt: "desc" as const }) }),
    db.pointsEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: params.skip, take: params.take, select: { id: true, delta: true, balanceAfter: true, reason: true, actor: true, createdAt: true } }),
  ]);
  return pageOf(rows, total, params);
}

/** The member's latest orders with the brand. */
export async function memberBrandOrders(brandId: string, memberId: string, take = 20) {
  return db.order.findMany({
    where: { brandId, memberId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, number: true, status: true, fulfilment: true, totalFen: true, refundedFen: true, createdAt: true },
  });
}

async function ownMember(actor: Principal, brandId: string, memberBrandId: string) {
  authorize(actor, "brand.manage", { brandId });
  const mb = await db.memberBrand.findUnique({ where: { id: memberBrandId }, select: { id: true, brandId: true, tier: true, points: true, memberId: true } });
  if (!mb || mb.brandId !== brandId) throw notFound();
  return mb;
}

const actorOf = (p: Principal) => (p.kind === "staff" ? (`staff:${p.staffId}` as const) : ("anonymous" as const));

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new MemberAdminRefused("invalid", r.error.issues[0]!.message);
  return r.data;
}

export async function setMemberTier(actor: Principal, brandId: string, memberBrandId: string, rawTier: unknown, now = new Date()): Promise<void> {
  const mb = await ownMember(actor, brandId, memberBrandId);
  const tier = parse(z.enum(TIERS, { error: "请选择等级 / Choose a tier" }), rawTier);
  if (tier === mb.tier) return;
  await db.memberBrand.update({ where: { id: mb.id }, data: { tier } });
  await audit({ actor: actorOf(actor), action: "member.tier_changed", target: `member:${mb.memberId}`, brandId, detail: { from: mb.tier, to: tier } }, now);
}

export const memberTag = z
  .string()
  .trim()
  .min(1, "请填写标签 / Enter a tag")
  .max(20, "标签最多 20 字 / A tag has at most 20 characters")
  .regex(/^[^,<>]+$/, "标签不能含逗号或尖括号 / A tag cannot contain commas or angle brackets");

export async function addMemberTag(actor: Principal, brandId: string, memberBrandId: string, rawTag: unknown, now = new Date()): Promise<void> {
  const mb = await ownMember(actor, brandId, memberBrandId);
  const tag = parse(memberTag, rawTag);
  const { count } = await db.memberTag.createMany({ data: [{ memberBrandId: mb.id, brandId: mb.brandId, tag, createdAt: now }] }).catch((e: { code?: string }) => {
    if (e.code === "P2002") return { count: 0 }; // already tagged: nothing to do
    throw e;
  });
  if (count) await audit({ actor: actorOf(actor), action: "member.tag_added", target: `member:${mb.memberId}`, brandId, detail: { tag } }, now);
}

export async function removeMemberTag(actor: Principal, brandId: string, memberBrandId: string, rawTag: unknown, now = new Date()): Promise<void> {
  const mb = await ownMember(actor, brandId, memberBrandId);
  const tag = parse(memberTag, rawTag);
  const { count } = await db.memberTag.deleteMany({ where: { memberBrandId: mb.id, tag } });
  if (count) await audit({ actor: actorOf(actor), action: "member.tag_removed", target: `member:${mb.memberId}`, brandId, detail: { tag } }, now);
}

export const pointsAdjustment = z.object({
  delta: z.coerce
    .number({ error: "请填写积分变动 / Enter the points change" })
    .int("积分须为整数 / Points are whole numbers")
    .min(-1_000_000, "单次调整最多 1,000,000 分 / At most 1,000,000 points at a time")
    .max(1_000_000, "单次调整最多 1,000,000 分 / At most 1,000,000 points at a time")
    .refine((d) => d !== 0, "积分变动不能为 0 / The change cannot be 0"),
  reason: z.string().trim().min(2, "请填写调整原因 / Enter the reason for the adjustment").max(200, "原因最多 200 字 / A reason has at most 200 characters"),
});

/**
 * Adds (or takes) points with a reason: the entry and the balance in one batch. The entry's balanceAfter is read
 * from the row inside the batch, and both CHECKs (balance ≥ 0) refuse the batch if the balance would go negative.
 */
export async function adjustMemberPoints(actor: Principal, brandId: string, memberBrandId: string, raw: unknown, now = new Date()): Promise<{ balance: number }> {
  const mb = await ownMember(actor, brandId, memberBrandId);
  const { delta, reason } = parse(pointsAdjustment, raw);
  const who = actorOf(actor);
  try {
    // The UPDATE first (on PostgreSQL it locks the row; its CHECK refuses a negative balance), then the entry
    // reads the balance it left: two adjustments at once cannot both write the same balanceAfter.
    await db.$transaction([
      db.$executeRaw`UPDATE "MemberBrand" SET "points" = "points" + ${delta} WHERE "id" = ${mb.id}`,
      db.$executeRaw`
        INSERT INTO "PointsEntry" ("id", "memberBrandId", "delta", "balanceAfter", "reason", "actor", "createdAt")
        SELECT ${crypto.randomUUID()}, mb."id", ${delta}, mb."points", ${reason}, ${who}, ${now} FROM "MemberBrand" mb WHERE mb."id" = ${mb.id}`,
    ]);
  } catch (e) {
    if (/CHECK constraint|constraint failed|violates check constraint/i.test(String((e as Error)?.message ?? e))) {
      const { points } = await db.memberBrand.findUniqueOrThrow({ where: { id: mb.id }, select: { points: true } });
      throw new MemberAdminRefused("below_zero", `积分不能扣到负数（当前 ${points} 分）/ Points cannot go below zero (balance ${points})`);
    }
    throw e;
  }
  const { points } = await db.memberBrand.findUniqueOrThrow({ where: { id: mb.id }, select: { points: true } });
  await audit({ actor: who, action: "member.points_adjusted", target: `member:${mb.memberId}`, brandId, detail: { delta, reason, balance: points } }, now);
  return { balance: points };
}
