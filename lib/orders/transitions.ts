import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Fulfilment, OrderStatus } from "@/lib/generated/prisma/enums";
import { assertTransition } from "./state-machine";
import { LOST_RACE_ERROR } from "@/lib/db/guard";
import { onPostgres } from "@/lib/db/dialect";
import { asEnum } from "@/lib/db/sql";
import { isConstraintFailure } from "@/lib/inventory/movements";
import { OrderRefused } from "./errors";

// A status change as statements for a batch transaction: the UPDATE names the status it expects, and its event row
// is written only if the UPDATE changed the order — when another request moved the order first, toStatus is NULL,
// the NOT NULL constraint aborts the batch and nothing else in it (stock, refunds) happens. Same trick as the
// ledger (decision 010); decision 013 explains it for orders. SQLite reads changes() in the event INSERT;
// PostgreSQL runs the UPDATE in a CTE of the INSERT (lib/db/guard.ts explains why).

export type OrderRef = { id: string; status: OrderStatus; fulfilment: Fulfilment };
export type TransitionExtras = { paidAt?: Date; completedAt?: Date; mallReceiptNo?: string; refundedFenDelta?: number; pickupExpiresAt?: Date };
export type OrderEventRow = { orderId: string; from: OrderStatus | null; to: OrderStatus; actor: string; now: Date; note: string };

export const LOST_RACE = /OrderEvent\.toStatus|NOT NULL constraint failed: OrderEvent|column "toStatus" of relation "OrderEvent"/i;

/** Someone else moved the order first, or a quantity guard refused the write: nothing was written. */
export class OrderChangedMeanwhile extends OrderRefused {
  constructor() {
    super("order_changed", "订单状态刚刚已变化，请刷新后重试 / The order changed meanwhile: refresh and try again", 409);
  }
}

export function transitionStatements(order: OrderRef, to: OrderStatus, actor: string, now: Date, note = "", extras: TransitionExtras = {}) {
  assertTransition(order.status, to, order.fulfilment);
  const sets = [Prisma.sql`"status" = ${to}`, Prisma.sql`"updatedAt" = ${now}`];
  if (extras.paidAt) sets.push(Prisma.sql`"paidAt" = ${extras.paidAt}`);
  if (extras.completedAt) sets.push(Prisma.sql`"completedAt" = ${extras.completedAt}`);
  if (extras.mallReceiptNo) sets.push(Prisma.sql`"mallReceiptNo" = ${extras.mallReceiptNo}`);
  if (extras.pickupExpiresAt) sets.push(Prisma.sql`"pickupExpiresAt" = ${extras.pickupExpiresAt}`);
  if (extras.refundedFenDelta) sets.push(Prisma.sql`"refundedFen" = "refundedFen" + ${extras.refundedFenDelta}`);
  return guardedEvent(
    Prisma.sql`UPDATE "Order" SET ${Prisma.join(sets, ", ")} WHERE "id" = ${order.id} AND "status" = ${order.status}`,
    { orderId: order.id, from: order.status, to, actor, now, note },
  );
}

/** The order UPDATE `update` (without RETURNING) and its event row; the batch fails unless the UPDATE changed the order. */
export function guardedEvent(update: Prisma.Sql, e: OrderEventRow): Prisma.PrismaPromise<number>[] {
  const id = crypto.randomUUID();
  if (onPostgres()) {
    return [db.$executeRaw`
      WITH u AS (${update} RETURNING 1)
      INSERT INTO "OrderEvent" ("id", "orderId", "fromStatus", "toStatus", "actor", "note", "createdAt")
      SELECT ${id}, ${e.orderId}, ${asEnum(e.from, "OrderStatus")}, CASE WHEN EXISTS (SELECT 1 FROM u) THEN ${asEnum(e.to, "OrderStatus")} END, ${e.actor}, ${e.note}, ${e.now}`];
  }
  return [
    db.$executeRaw`${update}`,
    db.$executeRaw`
      INSERT INTO "OrderEvent" ("id", "orderId", "fromStatus", "toStatus", "actor", "note", "createdAt")
      VALUES (${id}, ${e.orderId}, ${e.from}, CASE WHEN changes() = 1 THEN ${e.to} ELSE NULL END, ${e.actor}, ${e.note}, ${e.now})`,
  ];
}

/** An event row written as it is (a new order's first event, a late payment's note). */
export function eventStatement(orderId: string, from: OrderStatus | null, to: OrderStatus, actor: string, now: Date, note: string) {
  return db.$executeRaw`
    INSERT INTO "OrderEvent" ("id", "orderId", "fromStatus", "toStatus", "actor", "note", "createdAt")
    VALUES (${crypto.randomUUID()}, ${orderId}, ${from}, ${to}, ${actor}, ${note}, ${now})`;
}

/** Runs a batch; a lost race becomes OrderChangedMeanwhile, other failures pass through. */
export async function runOrderBatch(statements: Prisma.PrismaPromise<unknown>[]): Promise<void> {
  try {
    await db.$transaction(statements);
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    // A lost race, or a line quantity CHECK (e.g. returning what another return just took back).
    if (LOST_RACE.test(text) || LOST_RACE_ERROR.test(text) || isConstraintFailure(error)) throw new OrderChangedMeanwhile();
    throw error;
  }
}
