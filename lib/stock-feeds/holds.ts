import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockFeedHoldStatus, StockFeedSource } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/audit/log";
import { isConstraintFailure, setStatements, stockChanged, type StockCount } from "@/lib/inventory/movements";
import { pairKey, pairLevels } from "@/lib/inventory/pair-levels";
import { Refusal } from "@/lib/refusal";
import { countVerdict, emptiesStore, storesToHold, type CountChange, type StoreEffect } from "./rules";

// Held stock feeds (decision 024): an ERP count batch or a CSV stock import that would empty a store is stored
// here instead of applied — nothing of it touches Inventory or the ledger — until a brand admin confirms it on
// /admin/stock-feeds (applied as sent through lib/inventory, ledger actor the admin, reference "hold:<id>", note
// naming the feed and its sender) or rejects it (discarded). Both decisions are audited. A decision is written
// with a receipt (ErpReceipt "hold-decision:<id>") in the same batch, so a double click decides once.

export type HeldStore = StoreEffect & { code: string; name: string };
/** A held ERP count as stored: ids resolved, the count's time as ISO text. */
export type HeldCount = { storeId: string; skuId: string; onHand: number; countedAt: string };

export class HoldRefused extends Refusal {
  readonly code = "hold_refused";
}

export const holdMessages = {
  notFound: "找不到该暂扣的库存数据 / No such held stock feed",
  decided: "该库存数据已被处理 / This feed was already confirmed or rejected",
  belowReserved: (n: number) => `有 ${n} 个数量低于订单已预留的件数，无法应用；请拒绝并让系统重新发送 / ${n} count(s) are now below the units reserved by orders: reject it and have the sender send fresh counts`,
  rejectedJob: "已被管理员拒绝（会清空门店库存），未做任何修改 / Rejected by an admin (it would have emptied a store): nothing was changed",
} as const;

/** Units on hand and stocked SKUs (on hand > 0) of each store, over its whole stock. */
export async function storeTotals(storeIds: string[]): Promise<{ storeId: string; units: number; skus: number }[]> {
  if (!storeIds.length) return [];
  const rows = await db.$queryRaw<{ storeId: string; units: bigint | number | null; skus: bigint | number | null }[]>`
    SELECT "storeId", SUM("onHand") AS "units", SUM(CASE WHEN "onHand" > 0 THEN 1 ELSE 0 END) AS "skus"
    FROM "Inventory" WHERE "storeId" IN (${Prisma.join(storeIds)}) GROUP BY "storeId"`;
  return rows.map((r) => ({ storeId: r.storeId, units: Number(r.units ?? 0), skus: Number(r.skus ?? 0) }));
}

async function named(effects: StoreEffect[]): Promise<HeldStore[]> {
  if (!effects.length) return [];
  const stores = await db.store.findMany({ where: { id: { in: effects.map((e) => e.storeId) } }, select: { id: true, code: true, name: true } });
  const byId = new Map(stores.map((s) => [s.id, s]));
  return effects.map((e) => ({ ...e, code: byId.get(e.storeId)?.code ?? "", name: byId.get(e.storeId)?.name ?? "" })).sort((a, b) => a.code.localeCompare(b.code));
}

/** The stores an ERP count batch would (almost) empty; none: apply it. */
export async function storesEmptiedByCounts(changes: CountChange[]): Promise<HeldStore[]> {
  const totals = await storeTotals([...new Set(changes.map((c) => c.storeId))]);
  return named(storesToHold(totals, changes));
}

/** The stores a staged CSV stock import would (almost) empty, computed over its staging rows in SQL. */
export async function storesEmptiedByImport(jobId: string): Promise<HeldStore[]> {
  const deltas = await db.$queryRaw<{ storeId: string; units: bigint | number; skus: bigint | number }[]>`
    SELECT s."storeId" AS "storeId",
           SUM(s."quantity" - COALESCE(i."onHand", 0)) AS "units",
           SUM((CASE WHEN s."quantity" > 0 THEN 1 ELSE 0 END) - (CASE WHEN COALESCE(i."onHand", 0) > 0 THEN 1 ELSE 0 END)) AS "skus"
    FROM "ImportRow" s LEFT JOIN "Inventory" i ON i."storeId" = s."storeId" AND i."skuId" = s."skuId"
    WHERE s."jobId" = ${jobId} AND s."storeId" IS NOT NULL AND s."quantity" IS NOT NULL
    GROUP BY s."storeId"`;
  const totals = new Map((await storeTotals(deltas.map((d) => d.storeId))).map((t) => [t.storeId, t]));
  const effects = deltas.map((d) => {
    const t = totals.get(d.storeId) ?? { units: 0, skus: 0 };
    return { storeId: d.storeId, unitsBefore: t.units, unitsAfter: t.units + Number(d.units), skusBefore: t.skus, skusAfter: t.skus + Number(d.skus) };
  });
  return named(effects.filter(emptiesStore));
}

export type NewHold = {
  brandId: string;
  source: StockFeedSource;
  actor: string;
  reference: string;
  requestHash?: string;
  importJobId?: string;
  counts?: HeldCount[];
  rows: number;
  stores: HeldStore[];
  now: Date;
};

/** The hold's row as a statement for the caller's batch (the ERP puts its receipt next to it), with its id. */
export function holdStatement(h: NewHold): { id: string; statement: Prisma.PrismaPromise<unknown> } {
  const id = crypto.randomUUID();
  return {
    id,
    statement: db.stockFeedHold.create({
      data: {
        id,
        brandId: h.brandId,
        source: h.source,
        actor: h.actor,
        reference: h.reference,
        requestHash: h.requestHash ?? "",
        importJobId: h.importJobId ?? null,
        counts: JSON.stringify(h.counts ?? []),
        rows: h.rows,
        stores: JSON.stringify(h.stores),
        createdAt: h.now,
      },
    }),
  };
}

/** A still-undecided ERP hold of the same request (a resend without an Idempotency-Key answers the same hold). */
export function pendingHoldOf(brandId: string, requestHash: string) {
  return db.stockFeedHold.findFirst({ where: { brandId, source: "ERP", status: "HELD", requestHash }, select: { id: true, stores: true } });
}

export type HoldView = {
  id: string;
  source: StockFeedSource;
  status: StockFeedHoldStatus;
  actor: string;
  reference: string;
  rows: number;
  stores: (HeldStore & { unitsNow: number })[];
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  importFileName: string | null;
};

/** The brand's held feeds (undecided first, newest first), with each store's units now next to the figures at hold time. */
export async function listHeldFeeds(brandId: string, status?: StockFeedHoldStatus): Promise<HoldView[]> {
  const holds = await db.stockFeedHold.findMany({
    where: { brandId, ...(status ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  const parsed = holds.map((h) => ({ ...h, storeList: JSON.parse(h.stores) as HeldStore[] }));
  const now = new Map((await storeTotals([...new Set(parsed.flatMap((h) => h.storeList.map((s) => s.storeId)))])).map((t) => [t.storeId, t.units]));
  const jobs = await db.importJob.findMany({ where: { id: { in: holds.flatMap((h) => (h.importJobId ? [h.importJobId] : [])) } }, select: { id: true, fileName: true } });
  const fileOf = new Map(jobs.map((j) => [j.id, j.fileName]));
  return parsed
    .sort((a, b) => Number(b.status === "HELD") - Number(a.status === "HELD"))
    .map((h) => ({
      id: h.id,
      source: h.source,
      status: h.status,
      actor: h.actor,
      reference: h.reference,
      rows: h.rows,
      stores: h.storeList.map((s) => ({ ...s, unitsNow: now.get(s.storeId) ?? 0 })),
      createdAt: h.createdAt,
      decidedAt: h.decidedAt,
      decidedBy: h.decidedBy,
      importFileName: h.importJobId ? (fileOf.get(h.importJobId) ?? null) : null,
    }));
}

type Admin = { staffId: string; brandId: string };

async function undecidedHold(admin: Admin, holdId: string) {
  const hold = /^[A-Za-z0-9_-]{1,64}$/.test(holdId) ? await db.stockFeedHold.findUnique({ where: { id: holdId } }) : null;
  if (!hold || hold.brandId !== admin.brandId) throw new HoldRefused(holdMessages.notFound);
  if (hold.status !== "HELD") throw new HoldRefused(holdMessages.decided);
  return hold;
}

/** The decision's statements: the hold's new status and a receipt whose UNIQUE key makes a second decision fail. */
function decisionStatements(admin: Admin, holdId: string, status: "CONFIRMED" | "REJECTED", now: Date): Prisma.PrismaPromise<unknown>[] {
  return [
    db.erpReceipt.create({ data: { brandId: admin.brandId, key: `hold-decision:${holdId}`, requestHash: status, status: 200, response: JSON.stringify({ status }), createdAt: now } }),
    db.stockFeedHold.update({ where: { id: holdId, status: "HELD" }, data: { status, decidedAt: now, decidedBy: `staff:${admin.staffId}` } }),
  ];
}

async function commitDecision(holdId: string, statements: Prisma.PrismaPromise<unknown>[]): Promise<void> {
  try {
    await db.$transaction(statements);
  } catch (e) {
    const again = await db.stockFeedHold.findUnique({ where: { id: holdId }, select: { status: true } });
    if (again && again.status !== "HELD") throw new HoldRefused(holdMessages.decided);
    if (isConstraintFailure(e)) throw new HoldRefused(holdMessages.belowReserved(1));
    throw e;
  }
}

/** The note of every ledger row a confirmed hold writes: the feed (reference and sender), so the ledger alone names it. */
export const confirmedNote = (hold: { id: string; reference: string; actor: string }) => `held feed ${hold.id} · ${hold.reference} · ${hold.actor}`;
export const holdReference = (holdId: string) => `hold:${holdId}`;

export type Confirmed = {
  holdId: string;
  source: StockFeedSource;
  /** ERP: counts applied (changed figures and unchanged ones); IMPORT: rows the job will apply. */
  applied: number;
  /** ERP counts not applied because a newer count reached the (store, SKU) after the hold. */
  skippedStale: number;
  /** IMPORT: the apply to run after the answer (lib/imports applies the job in batches). */
  run?: () => Promise<void>;
};

/**
 * Confirms a held feed. ERP: applies the counts as sent (counts are absolute), except a count a newer count has
 * overtaken since the hold (skipped, counted in skippedStale); a count now below what orders reserve refuses the
 * whole confirmation (nothing changed). IMPORT: the job goes on applying (returned `run`), ledger rows by the admin.
 */
export async function confirmHeldFeed(admin: Admin, holdId: string, now = new Date()): Promise<Confirmed> {
  const hold = await undecidedHold(admin, holdId);
  const decision = decisionStatements(admin, hold.id, "CONFIRMED", now);
  if (hold.source === "IMPORT") {
    const jobId = hold.importJobId ?? "";
    await commitDecision(hold.id, [...decision, db.importJob.update({ where: { id: jobId, status: "HELD" }, data: { status: "READY" } })]);
    await auditDecision(admin, hold, "stock_feed.confirmed", now);
    const { startHeldImportApply } = await import("@/lib/imports/jobs");
    return { holdId: hold.id, source: hold.source, applied: hold.rows, skippedStale: 0, run: () => startHeldImportApply(jobId) };
  }
  const counts = JSON.parse(hold.counts) as HeldCount[];
  const levelOf = await pairLevels(counts);
  const lines: StockCount[] = [];
  let stale = 0;
  let below = 0;
  for (const c of counts) {
    const level = levelOf.get(pairKey(c));
    const at = new Date(c.countedAt);
    const verdict = countVerdict(at, c.onHand, { at: level?.lastCountAt ?? null, onHand: level?.lastCountOnHand ?? null });
    if (verdict !== "apply") {
      if (verdict === "stale") stale++;
      continue;
    }
    if (c.onHand < (level?.reserved ?? 0)) below++;
    lines.push({ storeId: c.storeId, skuId: c.skuId, onHand: c.onHand, countedAt: at });
  }
  if (below) throw new HoldRefused(holdMessages.belowReserved(below));
  const statements = lines.length ? setStatements("ERP_SET", lines, { actor: `staff:${admin.staffId}`, reference: holdReference(hold.id), note: confirmedNote(hold), now }) : [];
  await commitDecision(hold.id, [...decision, ...statements]);
  await stockChanged(lines);
  await auditDecision(admin, hold, "stock_feed.confirmed", now, { applied: lines.length, skippedStale: stale });
  return { holdId: hold.id, source: hold.source, applied: lines.length, skippedStale: stale };
}

/** Rejects a held feed: nothing of it is applied, ever; a held import becomes INVALID with the reason. */
export async function rejectHeldFeed(admin: Admin, holdId: string, now = new Date()): Promise<{ holdId: string }> {
  const hold = await undecidedHold(admin, holdId);
  const job = hold.source === "IMPORT" && hold.importJobId
    ? [
        db.importRow.deleteMany({ where: { jobId: hold.importJobId } }),
        db.importJob.update({ where: { id: hold.importJobId }, data: { status: "INVALID", errorCount: 1, errors: JSON.stringify([{ row: 0, field: "file", message: holdMessages.rejectedJob }]), finishedAt: now } }),
      ]
    : [];
  await commitDecision(hold.id, [...decisionStatements(admin, hold.id, "REJECTED", now), ...job]);
  await auditDecision(admin, hold, "stock_feed.rejected", now);
  return { holdId: hold.id };
}

async function auditDecision(admin: Admin, hold: { id: string; source: StockFeedSource; actor: string; reference: string; rows: number; stores: string }, action: "stock_feed.confirmed" | "stock_feed.rejected", now: Date, extra: object = {}) {
  const stores = (JSON.parse(hold.stores) as HeldStore[]).map((s) => ({ code: s.code, unitsBefore: s.unitsBefore, unitsAfter: s.unitsAfter }));
  await audit({ actor: `staff:${admin.staffId}`, action, target: holdReference(hold.id), brandId: admin.brandId, detail: { source: hold.source, sender: hold.actor, reference: hold.reference, rows: hold.rows, stores, ...extra } }, now);
}
