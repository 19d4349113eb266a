import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockRows } from "@/lib/db/sql";

type PrismaPromise<T> = Prisma.PrismaPromise<T>;

// Counted figures for thousands of (store, SKU) pairs at once (CSV stock imports): set-based SQL over the
// import's staging rows (ImportRow: storeId, skuId, quantity), one statement per step for a whole range of rows,
// instead of three statements per line as in movements.ts. Same rules as setStatements("ERP_SET"): the ledger
// row is written first from the row as it is, a count below what is reserved gives reservedAfter = -1 so the
// ledger's CHECK aborts the caller's whole batch, and an unchanged figure writes nothing. Plain SQL only
// (INSERT … SELECT, ON CONFLICT DO NOTHING, UPDATE … FROM, ||): SQLite ≥ 3.33 and PostgreSQL alike.
// Ids are derived from (job, row), unique by ImportRow's primary key, so no database-specific random function.

export type BulkCountRange = {
  jobId: string;
  /** Staging rows with firstRowNo <= rowNo <= lastRowNo. */
  firstRowNo: number;
  lastRowNo: number;
  reason: "ERP_SET" | "ADJUST";
  actor: string;
  reference: string;
  /** The ledger rows' note ("" unless a held import was confirmed: it names the feed, decision 024). */
  note?: string;
  now: Date;
};

/** The statements that set on-hand to the staged counts of the range; put them in ONE batch transaction. */
export function bulkCountStatements(r: BulkCountRange): PrismaPromise<unknown>[] {
  const inRange = Prisma.sql`s."jobId" = ${r.jobId} AND s."rowNo" >= ${r.firstRowNo} AND s."rowNo" <= ${r.lastRowNo}`;
  return [
    // A store that never held the SKU gets its row (0 on hand) first, so the ledger row below sees it.
    db.$executeRaw`
      INSERT INTO "Inventory" ("id", "storeId", "skuId", "onHand", "reserved", "updatedAt")
      SELECT 'inv-' || s."jobId" || '-' || s."rowNo", s."storeId", s."skuId", 0, 0, ${r.now}
      FROM "ImportRow" s
      WHERE ${inRange} AND s."storeId" IS NOT NULL AND s."skuId" IS NOT NULL AND s."quantity" IS NOT NULL
      ON CONFLICT ("storeId", "skuId") DO NOTHING`,
    // PostgreSQL: the rows are locked before the ledger reads them (SQLite's single writer needs no lock).
    ...lockRows(Prisma.sql`
      SELECT 1 FROM "Inventory" i JOIN "ImportRow" s ON i."storeId" = s."storeId" AND i."skuId" = s."skuId"
      WHERE ${inRange} ORDER BY i."storeId", i."skuId"`),
    db.$executeRaw`
      INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
      SELECT 'led-' || s."jobId" || '-' || s."rowNo", i."storeId", i."skuId", ${r.reason}, s."quantity" - i."onHand", 0, s."quantity",
             CASE WHEN s."quantity" >= i."reserved" THEN i."reserved" ELSE -1 END, ${r.actor}, ${r.reference}, ${r.note ?? ""}, ${r.now}
      FROM "ImportRow" s
      JOIN "Inventory" i ON i."storeId" = s."storeId" AND i."skuId" = s."skuId"
      WHERE ${inRange} AND i."onHand" <> s."quantity"`,
    db.$executeRaw`
      UPDATE "Inventory" SET "onHand" = s."quantity", "updatedAt" = ${r.now}
      FROM "ImportRow" s
      WHERE ${inRange} AND "Inventory"."storeId" = s."storeId" AND "Inventory"."skuId" = s."skuId"
        AND "Inventory"."onHand" <> s."quantity" AND s."quantity" >= "Inventory"."reserved"`,
    // The file is a count taken now: an ERP count older than it is then a conflict (decision 024).
    db.$executeRaw`
      UPDATE "Inventory" SET "lastCountAt" = ${r.now}, "lastCountOnHand" = s."quantity"
      FROM "ImportRow" s
      WHERE ${inRange} AND "Inventory"."storeId" = s."storeId" AND "Inventory"."skuId" = s."skuId"`,
  ];
}

/** The SKUs whose figure the range would change (read before applying: for cache invalidation afterwards). */
export async function changedSkusOf(jobId: string, firstRowNo: number, lastRowNo: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ skuId: string }[]>`
    SELECT DISTINCT s."skuId" AS "skuId"
    FROM "ImportRow" s
    LEFT JOIN "Inventory" i ON i."storeId" = s."storeId" AND i."skuId" = s."skuId"
    WHERE s."jobId" = ${jobId} AND s."rowNo" >= ${firstRowNo} AND s."rowNo" <= ${lastRowNo}
      AND s."skuId" IS NOT NULL AND (i."id" IS NULL OR i."onHand" <> s."quantity")`;
  return rows.map((r) => r.skuId);
}

/** Staged rows whose count is below what the store has reserved right now (checked in the dry run). */
export async function countsBelowReserved(jobId: string, limit: number): Promise<{ rowNo: number; quantity: number; reserved: number }[]> {
  return db.$queryRaw<{ rowNo: number; quantity: number; reserved: number }[]>`
    SELECT s."rowNo" AS "rowNo", s."quantity" AS "quantity", i."reserved" AS "reserved"
    FROM "ImportRow" s
    JOIN "Inventory" i ON i."storeId" = s."storeId" AND i."skuId" = s."skuId"
    WHERE s."jobId" = ${jobId} AND s."quantity" < i."reserved"
    ORDER BY s."rowNo"
    LIMIT ${limit}`;
}
