import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Reserving stock for an order or a try-on hold: all lines or none, never below zero, each change with its
// ledger row in the same transaction — and no interactive transaction (they fail under concurrency on SQLite,
// STACK.md). One batch transaction holds, per line, a conditional UPDATE and a ledger INSERT whose
// reservedAfter is -1 when that UPDATE changed nothing (SQLite's changes()); the ledger's CHECK constraint
// (reservedAfter >= 0) then aborts the whole batch. A missing inventory row aborts it too (NOT NULL).

export const reservationLine = z.object({
  storeId: z.string().min(1),
  skuId: z.string().min(1),
  quantity: z.number().int().positive().max(99),
});
export type ReservationLine = z.infer<typeof reservationLine>;

export class InsufficientStockError extends Error {
  readonly code = "insufficient_stock";
  constructor(readonly lines: ReservationLine[]) {
    super("库存不足，请减少数量或换一家门店 / Not enough stock: lower the quantity or choose another store");
  }
}

type Options = { actor: string; reference: string; safetyStock?: boolean; now?: Date };

function isConstraintFailure(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /CHECK constraint|NOT NULL constraint|constraint failed|violat/i.test(text);
}

/**
 * Reserves every line or none. `safetyStock` (online orders) keeps each store's safety stock back; a
 * counter sale in the store itself may pass false.
 */
export async function reserveStock(raw: ReservationLine[], opts: Options): Promise<void> {
  const lines = z.array(reservationLine).min(1).max(50).parse(raw);
  const now = opts.now ?? new Date();
  const statements = lines.flatMap((l) => [
    db.$executeRaw`
      UPDATE "Inventory" SET "reserved" = "reserved" + ${l.quantity}, "updatedAt" = ${now}
      WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId}
        AND "onHand" - "reserved" - ${opts.safetyStock === false ? 0 : Prisma.sql`(SELECT "safetyStock" FROM "Store" WHERE "id" = ${l.storeId})`} >= ${l.quantity}`,
    db.$executeRaw`
      INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
      SELECT ${crypto.randomUUID()}, ${l.storeId}, ${l.skuId}, 'RESERVE', 0, ${l.quantity}, i."onHand",
             CASE WHEN changes() = 1 THEN i."reserved" ELSE -1 END, ${opts.actor}, ${opts.reference}, '', ${now}
      FROM (SELECT 1) LEFT JOIN "Inventory" i ON i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId}`,
  ]);
  try {
    await db.$transaction(statements);
  } catch (error) {
    if (isConstraintFailure(error)) throw new InsufficientStockError(lines);
    throw error;
  }
}

/** Gives reserved units back (order cancelled or unpaid, hold expired): all lines or none, with ledger rows. */
export async function releaseReservation(raw: ReservationLine[], opts: Options): Promise<void> {
  const lines = z.array(reservationLine).min(1).max(50).parse(raw);
  const now = opts.now ?? new Date();
  const statements = lines.flatMap((l) => [
    db.$executeRaw`
      UPDATE "Inventory" SET "reserved" = "reserved" - ${l.quantity}, "updatedAt" = ${now}
      WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId} AND "reserved" >= ${l.quantity}`,
    db.$executeRaw`
      INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
      SELECT ${crypto.randomUUID()}, ${l.storeId}, ${l.skuId}, 'RELEASE', 0, ${-l.quantity}, i."onHand",
             CASE WHEN changes() = 1 THEN i."reserved" ELSE -1 END, ${opts.actor}, ${opts.reference}, '', ${now}
      FROM (SELECT 1) LEFT JOIN "Inventory" i ON i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId}`,
  ]);
  try {
    await db.$transaction(statements);
  } catch (error) {
    if (isConstraintFailure(error)) throw new Error("释放数量超过已预留 / Releasing more than is reserved");
    throw error;
  }
}
