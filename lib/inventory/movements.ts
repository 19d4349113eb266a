import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

type PrismaPromise<T> = Prisma.PrismaPromise<T>;
import type { StockReason } from "@/lib/generated/prisma/enums";
import { Refusal } from "@/lib/refusal";
import { onPostgres } from "@/lib/db/dialect";
import { lockRows } from "@/lib/db/sql";

// Every stock change of the app is built here: per line, one conditional UPDATE of Inventory and its
// StockLedger row, as statements a caller puts in ONE batch transaction together with its own writes (an
// order, a refund...). No interactive transaction (they fail under concurrency on SQLite, decision 010).
// The ledger INSERT learns whether the guarded UPDATE changed the row (SQLite: changes(); PostgreSQL: the UPDATE
// runs in a CTE of the INSERT): when it changed nothing, the ledger row's reservedAfter is -1 (or onHandAfter NULL)
// and the ledger's constraints abort the whole batch — all lines or none. Lines go in (store, SKU) order, so
// two batches on PostgreSQL lock shared rows in the same order and cannot deadlock.

export const stockLine = z.object({
  storeId: z.string().min(1),
  skuId: z.string().min(1),
  quantity: z.number().int().positive().max(99),
});
export type StockLine = z.infer<typeof stockLine>;

export type Movement = "RESERVE" | "RELEASE" | "SELL" | "RETURN" | "TRANSFER_OUT" | "TRANSFER_IN";
export type MovementContext = { actor: string; reference: string; now: Date; note?: string; safetyStock?: boolean };

/** Thrown by callers when a batch with stock statements was refused by the database's constraints. */
export class InsufficientStockError extends Refusal {
  readonly code = "insufficient_stock";
  constructor(readonly lines: StockLine[]) {
    super("库存不足，请减少数量或换一家门店 / Not enough stock: lower the quantity or choose another store");
  }
}

/** True when a batch failed on a CHECK / NOT NULL / UNIQUE guard rather than on something unexpected. */
export function isConstraintFailure(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /CHECK constraint|NOT NULL constraint|UNIQUE constraint|constraint failed|violat/i.test(text);
}

function effect(movement: Movement, q: number): { onHand: number; reserved: number; reason: StockReason } {
  switch (movement) {
    case "RESERVE":
      return { onHand: 0, reserved: q, reason: "RESERVE" };
    case "RELEASE":
      return { onHand: 0, reserved: -q, reason: "RELEASE" };
    case "SELL": // reserved units leave the store: handed over or shipped
      return { onHand: -q, reserved: -q, reason: "SELL" };
    case "RETURN":
      return { onHand: q, reserved: 0, reason: "RETURN" };
    case "TRANSFER_OUT": // reserved units of an approved transfer leave the source store (lib/transfers)
      return { onHand: -q, reserved: -q, reason: "TRANSFER_OUT" };
    case "TRANSFER_IN": // the transfer's units arrive at the requesting store, on sale at once
      return { onHand: q, reserved: 0, reason: "TRANSFER_IN" };
  }
}

function guard(movement: Movement, l: StockLine, keepSafetyStock: boolean): Prisma.Sql {
  const kept = keepSafetyStock ? Prisma.sql`(SELECT "safetyStock" FROM "Store" WHERE "id" = ${l.storeId})` : Prisma.sql`0`;
  switch (movement) {
    case "RESERVE":
      return Prisma.sql`"onHand" - "reserved" - ${kept} >= ${l.quantity}`;
    case "RELEASE":
    case "SELL":
    case "TRANSFER_OUT":
      return Prisma.sql`"reserved" >= ${l.quantity}`;
    case "RETURN":
    case "TRANSFER_IN":
      return Prisma.sql`1 = 1`;
  }
}

/** The statements of one movement of every line; put them in the caller's batch transaction. */
export function stockStatements(movement: Movement, raw: StockLine[], ctx: MovementContext): PrismaPromise<number>[] {
  const lines = z.array(stockLine).min(1).max(50).parse(raw).sort(byStoreAndSku);
  return lines.flatMap((l) => {
    const e = effect(movement, l.quantity);
    const statements: PrismaPromise<number>[] = [];
    if (movement === "RETURN" || movement === "TRANSFER_IN") {
      // Goods may come back to (or be sent to) a store that never stocked the SKU: create its inventory row first.
      statements.push(db.$executeRaw`
        INSERT INTO "Inventory" ("id", "storeId", "skuId", "onHand", "reserved", "updatedAt")
        VALUES (${crypto.randomUUID()}, ${l.storeId}, ${l.skuId}, 0, 0, ${ctx.now})
        ON CONFLICT ("storeId", "skuId") DO NOTHING`);
    }
    const update = Prisma.sql`
        UPDATE "Inventory" SET "onHand" = "onHand" + ${e.onHand}, "reserved" = "reserved" + ${e.reserved}, "updatedAt" = ${ctx.now}
        WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId} AND ${guard(movement, l, ctx.safetyStock !== false)}`;
    if (onPostgres()) {
      statements.push(db.$executeRaw`
        WITH u AS (${update} RETURNING "onHand", "reserved")
        INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
        SELECT ${crypto.randomUUID()}, ${l.storeId}, ${l.skuId}, ${e.reason}, ${e.onHand}, ${e.reserved}, u."onHand", COALESCE(u."reserved", -1),
               ${ctx.actor}, ${ctx.reference}, ${ctx.note ?? ""}, ${ctx.now}
        FROM (SELECT 1) AS one LEFT JOIN u ON TRUE`);
      return statements;
    }
    statements.push(
      db.$executeRaw`${update}`,
      db.$executeRaw`
        INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
        SELECT ${crypto.randomUUID()}, ${l.storeId}, ${l.skuId}, ${e.reason}, ${e.onHand}, ${e.reserved}, i."onHand",
               CASE WHEN changes() = 1 THEN i."reserved" ELSE -1 END, ${ctx.actor}, ${ctx.reference}, ${ctx.note ?? ""}, ${ctx.now}
        FROM (SELECT 1) LEFT JOIN "Inventory" i ON i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId}`,
    );
    return statements;
  });
}

function byStoreAndSku(a: { storeId: string; skuId: string }, b: { storeId: string; skuId: string }): number {
  return a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0;
}

/** Sums the same (store, SKU) so one UPDATE carries each pair (and the guard sees the whole quantity). */
export function mergeStockLines(lines: StockLine[]): StockLine[] {
  const byKey = new Map<string, StockLine>();
  for (const l of lines) {
    const key = `${l.storeId}\u0000${l.skuId}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, quantity: seen.quantity + l.quantity } : { ...l });
  }
  return [...byKey.values()];
}

/**
 * After a batch with stock statements committed: the cached stock grid and product page of each product
 * touched are refreshed on every instance (lib/catalog/cache-tags.ts; outside a request, such as the sweeper's
 * timer, through the CacheTag table).
 */
export async function stockChanged(lines: Pick<StockLine, "skuId">[], known?: StockProduct[]): Promise<void> {
  if (!lines.length) return;
  try {
    const products =
      known ??
      (
        await db.sku.findMany({
          where: { id: { in: [...new Set(lines.map((l) => l.skuId))] } },
          select: { product: { select: { id: true, brandId: true, styleCode: true } } },
        })
      ).map((s) => ({ productId: s.product.id, brandId: s.product.brandId, styleCode: s.product.styleCode }));
    const { invalidateStock } = await import("@/lib/catalog/cache-tags");
    const seen = new Set<string>();
    for (const p of products) {
      if (seen.has(p.productId)) continue;
      seen.add(p.productId);
      invalidateStock(p.brandId, p.productId, p.styleCode);
    }
  } catch {
    // The write has committed; a failed refresh must not undo the answer (the cached reads' lifetime is the safety net).
  }
}

/** The products behind stock lines, when the caller already has them (order placement's hot path). */
export type StockProduct = { productId: string; brandId: string; styleCode: string };

// Counted corrections: a staff adjustment (ADJUST) or an outside system's movement (ERP_MOVE) changes on-hand by a
// delta; an outside system's count (ERP_SET) sets it. The ledger row is written FIRST, from the row as it is, and
// carries reservedAfter = -1 when the change would take on-hand below zero or below what is reserved, so its CHECK
// aborts the batch; the UPDATE then applies the same change. A set to the current figure writes nothing. On
// PostgreSQL the row is locked before it is read (lockRows), so no other batch can change it in between.

export const stockDelta = z.object({ storeId: z.string().min(1), skuId: z.string().min(1), delta: z.number().int().min(-1_000_000).max(1_000_000).refine((d) => d !== 0) });
export type StockDelta = z.infer<typeof stockDelta>;
export const stockCount = z.object({ storeId: z.string().min(1), skuId: z.string().min(1), onHand: z.number().int().min(0).max(1_000_000), countedAt: z.date().optional() });
/** `countedAt`: a feed's count (decision 024): recorded as the row's last count, and the batch aborts if a newer count got there first. */
export type StockCount = z.infer<typeof stockCount>;

/** The pair's Inventory row, created empty if missing, and locked for the rest of the batch on PostgreSQL. */
function ensureInventoryRow(storeId: string, skuId: string, now: Date): PrismaPromise<unknown>[] {
  return [
    db.$executeRaw`
      INSERT INTO "Inventory" ("id", "storeId", "skuId", "onHand", "reserved", "updatedAt")
      VALUES (${crypto.randomUUID()}, ${storeId}, ${skuId}, 0, 0, ${now})
      ON CONFLICT ("storeId", "skuId") DO NOTHING`,
    ...lockRows(Prisma.sql`SELECT 1 FROM "Inventory" WHERE "storeId" = ${storeId} AND "skuId" = ${skuId}`),
  ];
}

/** On-hand += delta per line (ADJUST by staff, ERP_MOVE by the ERP); refused as a whole if any line would go below zero or below reserved. */
export function adjustStatements(reason: "ADJUST" | "ERP_MOVE", raw: StockDelta[], ctx: MovementContext): PrismaPromise<unknown>[] {
  const lines = z.array(stockDelta).min(1).max(1000).parse(raw).sort(byStoreAndSku);
  return lines.flatMap((l) => [
    ...ensureInventoryRow(l.storeId, l.skuId, ctx.now),
    db.$executeRaw`
      INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
      SELECT ${crypto.randomUUID()}, i."storeId", i."skuId", ${reason}, ${l.delta}, 0, i."onHand" + ${l.delta},
             CASE WHEN i."onHand" + ${l.delta} >= i."reserved" THEN i."reserved" ELSE -1 END, ${ctx.actor}, ${ctx.reference}, ${ctx.note ?? ""}, ${ctx.now}
      FROM "Inventory" i WHERE i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId}`,
    db.$executeRaw`
      UPDATE "Inventory" SET "onHand" = "onHand" + ${l.delta}, "updatedAt" = ${ctx.now}
      WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId} AND "onHand" + ${l.delta} >= "reserved"`,
  ]);
}

/** On-hand := the counted figure per line (ERP_SET, ADJUST for a staff count); refused as a whole if a figure is below what is reserved. */
export function setStatements(reason: "ERP_SET" | "ADJUST", raw: StockCount[], ctx: MovementContext): PrismaPromise<unknown>[] {
  const lines = z.array(stockCount).min(1).max(1000).parse(raw).sort(byStoreAndSku);
  return lines.flatMap((l) => [
    ...ensureInventoryRow(l.storeId, l.skuId, ctx.now),
    ...(l.countedAt ? [newerCountTripwire(l, l.countedAt, reason, ctx)] : []),
    db.$executeRaw`
      INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
      SELECT ${crypto.randomUUID()}, i."storeId", i."skuId", ${reason}, ${l.onHand} - i."onHand", 0, ${l.onHand},
             CASE WHEN ${l.onHand} >= i."reserved" THEN i."reserved" ELSE -1 END, ${ctx.actor}, ${ctx.reference}, ${ctx.note ?? ""}, ${ctx.now}
      FROM "Inventory" i WHERE i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId} AND i."onHand" <> ${l.onHand}`,
    db.$executeRaw`
      UPDATE "Inventory" SET "onHand" = ${l.onHand}, "updatedAt" = ${ctx.now}
      WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId} AND "onHand" <> ${l.onHand} AND ${l.onHand} >= "reserved"`,
    ...(l.countedAt
      ? [db.$executeRaw`UPDATE "Inventory" SET "lastCountAt" = ${l.countedAt}, "lastCountOnHand" = ${l.onHand} WHERE "storeId" = ${l.storeId} AND "skuId" = ${l.skuId}`]
      : []),
  ]);
}

/**
 * Aborts the caller's batch when a count at least as new as this one was applied to the pair meanwhile (the caller
 * planned before it committed): a ledger row with reservedAfter = -1 is inserted only then, and its CHECK fails.
 * The caller reads the counts again and reports this one as a conflict (lib/erp/feed.ts).
 */
function newerCountTripwire(l: StockCount, at: Date, reason: string, ctx: MovementContext): PrismaPromise<number> {
  return db.$executeRaw`
    INSERT INTO "StockLedger" ("id", "storeId", "skuId", "reason", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actor", "reference", "note", "createdAt")
    SELECT ${crypto.randomUUID()}, i."storeId", i."skuId", ${reason}, 0, 0, 0, -1, ${ctx.actor}, ${ctx.reference}, 'newer count applied meanwhile', ${ctx.now}
    FROM "Inventory" i WHERE i."storeId" = ${l.storeId} AND i."skuId" = ${l.skuId} AND i."lastCountAt" IS NOT NULL AND i."lastCountAt" >= ${at}`;
}
