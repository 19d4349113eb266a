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

/** One conditional UPDATE of `reserved` per line plus its ledger row, all in one batch: all lines or none. */
async function changeReserved(
  raw: ReservationLine[],
  reason: "RESERVE" | "RELEASE",
  guard: (l: ReservationLine) => Prisma.Sql,
  opts: Options,
): Promise<"done" | "refused"> {
  const lines = z.array(reservationLine).min(1).max(50).parse(raw);
  const now = opts.now ?? new Date();
  const statements = lines.flatMap((l) => {
    const delta = reason === "RESERVE" ? l.quantity : -l.quantity;
    return [
      db.$executeRaw`
        UPDATE "Inventory" SET "reserved" = "reserved" + ${delta}, "updatedAt" = ${now}
        WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId} AND ${guard(l)}`,
      db.$executeRaw`
        INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
        SELECT ${crypto.randomUUID()}, ${l.storeId}, ${l.skuId}, ${reason}, 0, ${delta}, i."onHand",
               CASE WHEN changes() = 1 THEN i."reserved" ELSE -1 END, ${opts.actor}, ${opts.reference}, '', ${now}
        FROM (SELECT 1) LEFT JOIN "Inventory" i ON i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId}`,
    ];
  });
  try {
    await db.$transaction(statements);
    return "done";
  } catch (error) {
    if (isConstraintFailure(error)) return "refused";
    throw error;
  }
}

/**
 * Reserves every line or none. `safetyStock` (online orders) keeps each store's safety stock back; a
 * counter sale in the store itself may pass false.
 */
export async function reserveStock(raw: ReservationLine[], opts: Options): Promise<void> {
  const kept = (l: ReservationLine) =>
    opts.safetyStock === false ? Prisma.sql`0` : Prisma.sql`(SELECT "safetyStock" FROM "Store" WHERE "id" = ${l.storeId})`;
  const result = await changeReserved(raw, "RESERVE", (l) => Prisma.sql`"onHand" - "reserved" - ${kept(l)} >= ${l.quantity}`, opts);
  if (result === "refused") throw new InsufficientStockError(raw);
}

/** Gives reserved units back (order cancelled or unpaid, hold expired): all lines or none, with ledger rows. */
export async function releaseReservation(raw: ReservationLine[], opts: Options): Promise<void> {
  const result = await changeReserved(raw, "RELEASE", (l) => Prisma.sql`"reserved" >= ${l.quantity}`, opts);
  if (result === "refused") throw new Error("释放数量超过已预留 / Releasing more than is reserved");
}
