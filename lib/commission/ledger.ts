import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { asEnum, asTimestamp, day, lockRows, randomIdSql } from "@/lib/db/sql";
import { reversalOf, shareOf } from "./rules";
import { maskPhone } from "@/lib/auth/phone";

// The commission ledger (佣金台账). Rows are only added: EARN when an order completes (PENDING until the freeze
// ends, SETTLED after), REVERSAL when money goes back to the customer (the same proportion of each earning,
// settled at once if the earning already was), PAYOUT when finance pays a balance. A beneficiary's balance is
// the sum of their SETTLED rows, so a refund after a payout leaves it negative and the next earnings pay it
// back: carried forward, never silently lost. Each row has a unique dedupeKey: replays write nothing.

type Beneficiary = { staffId: string; memberId: null } | { staffId: null; memberId: string };

/** The goods part of what the customer kept paying for: items less refunds (a delivery fee is never shared). */
function goodsBase(order: { itemsFen: number; refundedFen: number }): number {
  return Math.max(0, order.itemsFen - order.refundedFen);
}

function insertEntry(e: {
  brandId: string; who: Beneficiary; orderId: string | null; level: number; kind: "EARN" | "REVERSAL" | "PAYOUT"; amountFen: number;
  baseFen?: number | null; status: "PENDING" | "SETTLED"; availableAt?: Date | null; settledAt?: Date | null; payoutId?: string | null;
  dedupeKey: string; note?: string; now: Date;
}) {
  return db.$executeRaw`
    INSERT INTO "CommissionEntry" ("id", "brandId", "staffId", "memberId", "orderId", "level", "kind", "amountFen", "baseFen", "status", "availableAt", "settledAt", "payoutId", "dedupeKey", "note", "createdAt")
    VALUES (${crypto.randomUUID()}, ${e.brandId}, ${e.who.staffId}, ${e.who.memberId}, ${e.orderId}, ${e.level}, ${e.kind}, ${e.amountFen}, ${e.baseFen ?? null}, ${e.status},
            ${e.availableAt ?? null}, ${e.settledAt ?? null}, ${e.payoutId ?? null}, ${e.dedupeKey}, ${e.note ?? ""}, ${e.now})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * An order was paid: the guide it credits (level 0) and the member's referrers (levels 1 and 2) each earn
 * their share of the goods, PENDING with no date yet (the guide sees it at once as pending). When the order
 * completes, `startCommissionFreeze` starts the freeze; refunds before or after reverse pro rata. Safe to
 * call twice. `completedAt` given (a completed order whose earnings were never written): frozen from then.
 */
export async function recordOrderCommission(orderId: string, now = new Date(), completedAt: Date | null = null): Promise<number> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true, number: true, brandId: true, memberId: true, guideId: true, itemsFen: true, refundedFen: true,
      brand: { select: { guideRateBps: true, referralL1RateBps: true, referralL2RateBps: true, commissionFreezeDays: true, commissionCapFen: true } },
    },
  });
  const base = goodsBase(order);
  if (base === 0) return 0;
  const referral = await db.memberBrand.findUnique({ where: { memberId_brandId: { memberId: order.memberId, brandId: order.brandId } }, select: { referrerId: true, referrerL2Id: true } });
  const rules = order.brand;
  const shares: { level: number; who: Beneficiary; rate: number }[] = [];
  if (order.guideId) shares.push({ level: 0, who: { staffId: order.guideId, memberId: null }, rate: rules.guideRateBps });
  if (referral?.referrerId) shares.push({ level: 1, who: { staffId: null, memberId: referral.referrerId }, rate: rules.referralL1RateBps });
  if (referral?.referrerL2Id) shares.push({ level: 2, who: { staffId: null, memberId: referral.referrerL2Id }, rate: rules.referralL2RateBps });
  const availableAt = completedAt ? new Date(completedAt.getTime() + rules.commissionFreezeDays * 86_400_000) : null;
  const rows = shares
    .map((s) => ({ ...s, amountFen: shareOf(base, s.rate, rules.commissionCapFen) }))
    .filter((s) => s.amountFen > 0)
    .map((s) =>
      insertEntry({ brandId: order.brandId, who: s.who, orderId: order.id, level: s.level, kind: "EARN", amountFen: s.amountFen, baseFen: base, status: "PENDING", availableAt, dedupeKey: `earn:${order.id}:${s.level}`, note: order.number, now }),
    );
  if (!rows.length) return 0;
  const written = await db.$transaction(rows);
  return written.reduce((a, b) => a + b, 0);
}

/** The order reached its customer: its earnings' freeze starts now (once; earnings written later start it themselves). */
export async function startCommissionFreeze(orderId: string, now = new Date()): Promise<number> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { brand: { select: { commissionFreezeDays: true } } } });
  const availableAt = new Date(now.getTime() + order.brand.commissionFreezeDays * 86_400_000);
  return db.$executeRaw`
    UPDATE "CommissionEntry" SET "availableAt" = ${availableAt}
    WHERE "orderId" = ${orderId} AND "kind" = 'EARN' AND "availableAt" IS NULL`;
}

/**
 * Money went back to the customer: every earning of the order gives back the same
 * proportion. A still-frozen earning's reversal waits with it; a settled one's is settled at once (and may
 * take the balance below zero if it was paid out already).
 */
export async function reverseCommissionForRefund(refundId: string, now = new Date()): Promise<number> {
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { id: true, orderId: true } });
  const earnings = await db.commissionEntry.findMany({
    where: { orderId: refund.orderId, kind: "EARN" },
    select: { brandId: true, staffId: true, memberId: true, level: true, amountFen: true, baseFen: true },
  });
  if (!earnings.length) return 0;
  const order = await db.order.findUniqueOrThrow({ where: { id: refund.orderId }, select: { itemsFen: true, refundedFen: true } });
  // Goods refunded since each earning was recorded: its base then, less what is still paid for now.
  const stillPaid = goodsBase(order);
  let written = 0;
  for (const e of earnings) {
    // The total to have been reversed so far; what is already reversed, and whether the earning has settled,
    // are read inside the INSERT itself, so two refunds at once cannot reverse the same share twice.
    const target = -reversalOf(e.amountFen, e.baseFen ?? 0, (e.baseFen ?? 0) - stillPaid, 0);
    if (target <= 0) continue;
    // PostgreSQL: the earning row is locked first, so a second refund's INSERT waits and then reads this one's row.
    const results = await db.$transaction([
      ...lockRows(Prisma.sql`SELECT 1 FROM "CommissionEntry" WHERE "orderId" = ${refund.orderId} AND "level" = ${e.level} AND "kind" = 'EARN'`),
      db.$executeRaw`
      INSERT INTO "CommissionEntry" ("id", "brandId", "staffId", "memberId", "orderId", "level", "kind", "amountFen", "status", "settledAt", "dedupeKey", "note", "createdAt")
      SELECT ${randomIdSql()}, ${e.brandId}, ${e.staffId}, ${e.memberId}, ${refund.orderId}, ${e.level}, 'REVERSAL', -(${target} - r.done),
             CASE WHEN earn."status" = 'SETTLED' THEN ${asEnum("SETTLED", "CommissionStatus")} ELSE ${asEnum("PENDING", "CommissionStatus")} END,
             CASE WHEN earn."status" = 'SETTLED' THEN ${asTimestamp(now)} END,
             ${`reversal:${refund.id}:${e.level}`}, '', ${now}
      FROM (SELECT COALESCE(-SUM("amountFen"), 0) AS done FROM "CommissionEntry" WHERE "orderId" = ${refund.orderId} AND "level" = ${e.level} AND "kind" = 'REVERSAL') r
      JOIN "CommissionEntry" earn ON earn."orderId" = ${refund.orderId} AND earn."level" = ${e.level} AND earn."kind" = 'EARN'
      WHERE ${target} > r.done
      ON CONFLICT ("dedupeKey") DO NOTHING`,
    ]);
    written += results.at(-1) as number;
  }
  return written;
}

/** Frozen rows whose freeze has ended settle, order by order, unless the order has a refund still under way. */
export async function settleDueCommission(now = new Date()): Promise<number> {
  return db.$executeRaw`
    UPDATE "CommissionEntry" SET "status" = 'SETTLED', "settledAt" = ${now}
    WHERE "status" = 'PENDING'
      AND "orderId" IN (SELECT "orderId" FROM "CommissionEntry" WHERE "kind" = 'EARN' AND "status" = 'PENDING' AND "availableAt" <= ${now})
      AND "orderId" NOT IN (SELECT "orderId" FROM "Refund" WHERE "status" <> 'SUCCEEDED')`;
}

export type PayoutRow = { payoutId: string; staffId: string | null; memberId: string | null; name: string; amountFen: number };

/**
 * Pays every positive settled balance of the brand: one PAYOUT row each; negative balances wait (carried
 * forward). One INSERT … SELECT computes and books every balance, so two payouts started at once cannot both
 * pay the same money: the second sees the first's rows and finds nothing left.
 */
export async function createPayout(brandId: string, now = new Date()): Promise<PayoutRow[]> {
  const payoutId = `PO${now.toISOString().slice(0, 10).replace(/-/g, "")}-${crypto.randomBytes(3).toString("hex")}`;
  // The brand row is locked first (PostgreSQL; SQLite has one writer anyway): a second payout waits, then sees these rows.
  await db.$transaction([
    ...lockRows(Prisma.sql`SELECT 1 FROM "Brand" WHERE "id" = ${brandId}`),
    db.$executeRaw`
    INSERT INTO "CommissionEntry" ("id", "brandId", "staffId", "memberId", "orderId", "level", "kind", "amountFen", "status", "settledAt", "payoutId", "dedupeKey", "note", "createdAt")
    SELECT ${randomIdSql()}, ${brandId}, "staffId", "memberId", NULL, CASE WHEN "staffId" IS NULL THEN 1 ELSE 0 END, 'PAYOUT', -SUM("amountFen"), 'SETTLED', ${now}, ${payoutId},
           'payout:' || ${payoutId} || ':' || COALESCE("staffId", "memberId"), '', ${now}
    FROM "CommissionEntry" WHERE "brandId" = ${brandId} AND "status" = 'SETTLED'
    GROUP BY "staffId", "memberId" HAVING SUM("amountFen") > 0`,
  ]);
  const rows = await db.commissionEntry.findMany({
    where: { payoutId },
    select: { staffId: true, memberId: true, amountFen: true, staff: { select: { name: true } }, member: { select: { nickname: true, phone: true } } },
  });
  return rows.map((r) => ({
    payoutId,
    staffId: r.staffId,
    memberId: r.memberId,
    // Finance needs a name, not a member's full phone number: the masked one when there is no nickname.
    name: r.staff?.name ?? (r.member?.nickname || (r.member?.phone ? maskPhone(r.member.phone) : "")),
    amountFen: -r.amountFen,
  }));
}

export type Balance = { pendingFen: number; balanceFen: number; reversedFen: number; paidOutFen: number };

/** A guide's or a member's commission: frozen, the settled balance (may be negative), reversed and paid out. */
export async function commissionBalance(who: { staffId: string } | { memberId: string }): Promise<Balance> {
  const where = "staffId" in who ? Prisma.sql`"staffId" = ${who.staffId}` : Prisma.sql`"memberId" = ${who.memberId}`;
  const [row] = await db.$queryRaw<{ pending: number | bigint | null; balance: number | bigint | null; reversed: number | bigint | null; paid: number | bigint | null }[]>`
    SELECT SUM(CASE WHEN "status" = 'PENDING' THEN "amountFen" END) AS pending,
           SUM(CASE WHEN "status" = 'SETTLED' THEN "amountFen" END) AS balance,
           SUM(CASE WHEN "kind" = 'REVERSAL' THEN "amountFen" END) AS reversed,
           SUM(CASE WHEN "kind" = 'PAYOUT' THEN "amountFen" END) AS paid
    FROM "CommissionEntry" WHERE ${where}`;
  return { pendingFen: Number(row?.pending ?? 0), balanceFen: Number(row?.balance ?? 0), reversedFen: -Number(row?.reversed ?? 0), paidOutFen: -Number(row?.paid ?? 0) };
}

export type CommissionDay = { day: string; orders: number; salesFen: number; pendingFen: number; settledFen: number; reversedFen: number };

/** A guide's sales and commission by day (Shanghai dates), newest first: what the guide's "my results" shows. */
export async function guideResultsByDay(staffId: string, days = 30, now = new Date()): Promise<CommissionDay[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db.$queryRaw<{ day: string; orders: number | bigint; salesFen: number | bigint; pendingFen: number | bigint; settledFen: number | bigint; reversedFen: number | bigint }[]>`
    SELECT ${day('e."createdAt"')} AS day,
           COUNT(DISTINCT CASE WHEN e."kind" = 'EARN' THEN e."orderId" END) AS orders,
           COALESCE(SUM(CASE WHEN e."kind" = 'EARN' THEN e."baseFen" END), 0) AS "salesFen",
           COALESCE(SUM(CASE WHEN e."kind" <> 'PAYOUT' AND e."status" = 'PENDING' THEN e."amountFen" END), 0) AS "pendingFen",
           COALESCE(SUM(CASE WHEN e."kind" = 'EARN' AND e."status" = 'SETTLED' THEN e."amountFen" END), 0) AS "settledFen",
           COALESCE(-SUM(CASE WHEN e."kind" = 'REVERSAL' THEN e."amountFen" END), 0) AS "reversedFen"
    FROM "CommissionEntry" e WHERE e."staffId" = ${staffId} AND e."createdAt" >= ${since}
    GROUP BY 1 ORDER BY 1 DESC`;
  return rows.map((r) => ({ day: r.day, orders: Number(r.orders), salesFen: Number(r.salesFen), pendingFen: Number(r.pendingFen), settledFen: Number(r.settledFen), reversedFen: Number(r.reversedFen) }));
}
