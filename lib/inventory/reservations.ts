import { db } from "@/lib/db";
import { InsufficientStockError, isConstraintFailure, stockChanged, stockStatements, type StockLine } from "./movements";

// Reserving on its own, without an order (scripts and tests set stock up through it). Orders, holds and transfers
// put the same statements (lib/inventory/movements.ts) in their own batches. All lines or none, never below
// zero, each with its ledger row (decisions 010 and 013).

export { InsufficientStockError, stockLine as reservationLine } from "./movements";
export type ReservationLine = StockLine;

type Options = { actor: string; reference: string; safetyStock?: boolean; now?: Date };

/** Reserves every line or none. `safetyStock` (online orders) keeps each store's safety stock back; a counter sale may pass false. */
export async function reserveStock(lines: StockLine[], opts: Options): Promise<void> {
  try {
    await db.$transaction(stockStatements("RESERVE", lines, { ...opts, now: opts.now ?? new Date() }));
    await stockChanged(lines);
  } catch (error) {
    if (isConstraintFailure(error)) throw new InsufficientStockError(lines);
    throw error;
  }
}

/** Gives reserved units back (order cancelled or unpaid, hold expired): all lines or none, with ledger rows. */
export async function releaseReservation(lines: StockLine[], opts: Options): Promise<void> {
  try {
    await db.$transaction(stockStatements("RELEASE", lines, { ...opts, now: opts.now ?? new Date() }));
    await stockChanged(lines);
  } catch (error) {
    if (isConstraintFailure(error)) throw new Error("释放数量超过已预留 / Releasing more than is reserved");
    throw error;
  }
}
