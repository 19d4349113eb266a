import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Fulfilment, OrderStatus } from "@/lib/generated/prisma/enums";
import { assertTransition } from "./state-machine";
import { LOST_RACE_ERROR } from "@/lib/db-guard";
import { isConstraintFailure } from "@/lib/inventory/movements";
import { OrderRefused } from "./errors";

// A status change as statements for a batch transaction: the UPDATE names the status it expects, and the
// event INSERT reads changes() — when another request moved the order first, toStatus is NULL, the NOT NULL
// constraint aborts the batch and nothing else in it (stock, refunds) happens. Same trick as the ledger
// (decision 010); decision 013 explains it for orders.

export type OrderRef = { id: string; status: OrderStatus; fulfilment: Fulfilment };
export type TransitionExtras = { paidAt?: Date; completedAt?: Date; mallReceiptNo?: string; refundedFenDelta?: number; pickupExpiresAt?: Date };

export const LOST_RACE = /OrderEvent\.toStatus|NOT NULL constraint failed: OrderEvent/i;

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
  return [
    db.$executeRaw`UPDATE "Order" SET ${Prisma.join(sets, ", ")} WHERE "id" = ${order.id} AND "status" = ${order.status}`,
    eventStatement(order.id, order.status, to, actor, now, note, true),
  ];
}

/** An event row; `guarded` makes it fail (and the batch with it) unless the statement before it changed a row. */
export function eventStatement(orderId: string, from: OrderStatus | null, to: OrderStatus, actor: string, now: Date, note: string, guarded: boolean) {
  const toValue = guarded ? Prisma.sql`CASE WHEN changes() = 1 THEN ${to} ELSE NULL END` : Prisma.sql`${to}`;
  return db.$executeRaw`
    INSERT INTO "OrderEvent" ("id", "orderId", "fromStatus", "toStatus", "actor", "note", "createdAt")
    VALUES (${crypto.randomUUID()}, ${orderId}, ${from}, ${toValue}, ${actor}, ${note}, ${now})`;
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
