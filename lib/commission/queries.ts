import { maskPhone } from "@/lib/auth/phone";
import { pageOf, type ListParams, type Page } from "@/lib/admin/list-params";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsLower } from "@/lib/db/sql";
import type { BindingMode, StaffRole } from "@/lib/generated/prisma/enums";
import type { PayoutRow } from "./ledger";

// Read side of the commission screens: the manager's team, the brand's settings and its payouts. Every figure
// is summed from CommissionEntry rows (the ledger is the only truth); nothing here writes.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The first instant of the Shanghai calendar month `now` falls in (a guide's "this month" is China time). */
export function monthStartInChina(now: Date): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CHINA_OFFSET_MS);
}

export type TeamMember = {
  staffId: string;
  name: string;
  username: string;
  role: StaffRole;
  active: boolean;
  /** Members whose binding to this guide is open now. */
  openCustomers: number;
  /** This month (China time), from the ledger: orders credited (level-0 earnings), their goods, and commission net of reversals. */
  monthOrders: number;
  monthSalesFen: number;
  monthCommissionFen: number;
};

/**
 * The store's selling staff (guides and the manager), those who left included: a manager reassigns a departed
 * guide's customers and still sees what they sold this month.
 */
export async function storeTeam(storeId: string, now = new Date()): Promise<TeamMember[]> {
  const staff = await db.staff.findMany({
    where: { storeId, role: { in: ["GUIDE", "STORE_MANAGER"] } },
    select: { id: true, name: true, username: true, role: true, active: true },
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
  });
  if (!staff.length) return [];
  const ids = staff.map((s) => s.id);
  const [customers, entries] = await Promise.all([
    db.guideBinding.groupBy({ by: ["guideId"], where: { guideId: { in: ids }, endedAt: null }, _count: { _all: true } }),
    db.commissionEntry.groupBy({
      by: ["staffId", "kind"],
      where: { staffId: { in: ids }, kind: { in: ["EARN", "REVERSAL"] }, createdAt: { gte: monthStartInChina(now) } },
      _count: { _all: true },
      _sum: { amountFen: true, baseFen: true },
    }),
  ]);
  return staff.map((s) => {
    const earn = entries.find((e) => e.staffId === s.id && e.kind === "EARN");
    const reversal = entries.find((e) => e.staffId === s.id && e.kind === "REVERSAL");
    return {
      staffId: s.id,
      name: s.name,
      username: s.username,
      role: s.role,
      active: s.active,
      openCustomers: customers.find((c) => c.guideId === s.id)?._count._all ?? 0,
      // One level-0 EARN row per order (its dedupe key), so counting rows counts orders.
      monthOrders: earn?._count._all ?? 0,
      monthSalesFen: earn?._sum.baseFen ?? 0,
      monthCommissionFen: (earn?._sum.amountFen ?? 0) + (reversal?._sum.amountFen ?? 0),
    };
  });
}

export type BrandChoice = { id: string; slug: string; name: string };

/** Brands a group admin can pick on the commission page. */
export async function commissionBrands(): Promise<BrandChoice[]> {
  return db.brand.findMany({ select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" } });
}

export type BrandCommissionSettings = BrandChoice & {
  rules: { guideRateBps: number; referralRatesBps: [number, number]; freezeDays: number; capFen: number };
  binding: { mode: BindingMode; windowDays: number; protectionDays: number };
};

/** A brand's commission and binding rules as the admin form edits them; null for an unknown brand. */
export async function brandCommissionSettings(where: { id: string } | { slug: string }): Promise<BrandCommissionSettings | null> {
  const b = await db.brand.findUnique({
    where,
    select: {
      id: true, slug: true, name: true, guideRateBps: true, referralL1RateBps: true, referralL2RateBps: true, commissionFreezeDays: true,
      commissionCapFen: true, bindingMode: true, bindingWindowDays: true, bindingProtectionDays: true,
    },
  });
  if (!b) return null;
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    rules: { guideRateBps: b.guideRateBps, referralRatesBps: [b.referralL1RateBps, b.referralL2RateBps], freezeDays: b.commissionFreezeDays, capFen: b.commissionCapFen },
    binding: { mode: b.bindingMode, windowDays: b.bindingWindowDays, protectionDays: b.bindingProtectionDays },
  };
}

export type PayoutSummary = { payoutId: string; createdAt: Date; beneficiaries: number; totalFen: number };

/** How the payouts list sorts: by when it was made, or by its total. */
export const PAYOUT_SORTS = ["date", "amount"] as const;
export type PayoutSort = (typeof PAYOUT_SORTS)[number];

/**
 * One page of the brand's payouts (PAYOUT rows grouped by their payout id), grouped, searched, sorted and paged by
 * SQL. The search matches the payout id or a beneficiary's name (the guide's name or the member's nickname).
 */
export async function brandPayouts(brandId: string, list: Pick<ListParams<PayoutSort>, "q" | "sort" | "dir" | "page" | "pageSize" | "skip" | "take">): Promise<Page<PayoutSummary>> {
  const q = list.q.toLowerCase();
  const matching = q
    ? Prisma.sql`AND e."payoutId" IN (
        SELECT x."payoutId" FROM "CommissionEntry" x
        LEFT JOIN "Staff" s ON s."id" = x."staffId"
        LEFT JOIN "Member" m ON m."id" = x."memberId"
        WHERE x."brandId" = ${brandId} AND x."kind" = 'PAYOUT' AND x."payoutId" IS NOT NULL
          AND (${containsLower(Prisma.sql`x."payoutId"`, q)} OR ${containsLower(Prisma.sql`COALESCE(s."name", '')`, q)} OR ${containsLower(Prisma.sql`COALESCE(m."nickname", '')`, q)}))`
    : Prisma.empty;
  const dir = list.dir === "asc" ? Prisma.raw("ASC") : Prisma.raw("DESC");
  // The payout id breaks ties in the same direction, so pages never overlap.
  const order = list.sort === "amount" ? Prisma.sql`"totalFen" ${dir}, e."payoutId" ${dir}` : Prisma.sql`"createdAt" ${dir}, e."payoutId" ${dir}`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ payoutId: string; createdAt: Date | string | number | bigint; beneficiaries: number | bigint; totalFen: number | bigint | null }[]>`
      SELECT e."payoutId" AS "payoutId", MIN(e."createdAt") AS "createdAt", COUNT(*) AS "beneficiaries", -SUM(e."amountFen") AS "totalFen"
      FROM "CommissionEntry" e
      WHERE e."brandId" = ${brandId} AND e."kind" = 'PAYOUT' AND e."payoutId" IS NOT NULL ${matching}
      GROUP BY e."payoutId"
      ORDER BY ${order}
      LIMIT ${list.take} OFFSET ${list.skip}`,
    db.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(DISTINCT e."payoutId") AS n FROM "CommissionEntry" e
      WHERE e."brandId" = ${brandId} AND e."kind" = 'PAYOUT' AND e."payoutId" IS NOT NULL ${matching}`,
  ]);
  const instant = (v: Date | string | number | bigint) => (v instanceof Date ? v : new Date(typeof v === "bigint" ? Number(v) : v));
  return pageOf(
    rows.map((r) => ({ payoutId: r.payoutId, createdAt: instant(r.createdAt), beneficiaries: Number(r.beneficiaries), totalFen: Number(r.totalFen ?? 0) })),
    Number(counted[0]?.n ?? 0),
    list,
  );
}

export type PayoutDetail = { payoutId: string; brandId: string; createdAt: Date; rows: PayoutRow[] };

/**
 * One payout's rows, as createPayout returned them (amounts positive, staff first). The brand comes back so the
 * caller can refuse another brand's payout; null when there is no such payout.
 */
export async function payoutDetail(payoutId: string): Promise<PayoutDetail | null> {
  const rows = await db.commissionEntry.findMany({
    where: { payoutId, kind: "PAYOUT" },
    select: { brandId: true, staffId: true, memberId: true, amountFen: true, createdAt: true, staff: { select: { name: true } }, member: { select: { nickname: true, phone: true } } },
    orderBy: [{ staffId: { sort: "asc", nulls: "last" } }, { memberId: "asc" }],
  });
  if (!rows.length) return null;
  return {
    payoutId,
    brandId: rows[0]!.brandId,
    createdAt: rows[0]!.createdAt,
    rows: rows.map((r) => ({
      payoutId,
      staffId: r.staffId,
      memberId: r.memberId,
      // The same name createPayout gave finance: the guide's name, else the member's nickname or masked phone.
      name: r.staff?.name ?? (r.member?.nickname || (r.member?.phone ? maskPhone(r.member.phone) : "")),
      amountFen: -r.amountFen,
    })),
  };
}

/** A payout as the CSV finance opens in Excel: UTF-8 with a BOM (else Excel reads Chinese as GBK), CRLF rows. */
export function payoutCsv(detail: PayoutDetail): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // Quote anything with a separator, quote or line break; a leading =+-@ is neutralised (CSV formula injection).
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v === "string" ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ["payout_id", "beneficiary_type", "beneficiary_id", "name", "amount_yuan", "amount_fen"];
  const lines = detail.rows.map((r) =>
    [r.payoutId, r.staffId ? "staff" : "member", r.staffId ?? r.memberId ?? "", r.name, (r.amountFen / 100).toFixed(2), r.amountFen].map(cell).join(","),
  );
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
