import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { onPostgres } from "./dialect";

// Batch transactions cannot branch, so a guarded UPDATE that lost a race (it names the state it expects, and
// someone changed it first) must fail the batch by itself, rolling back everything in it (decision 013).
// SQLite: the UPDATE, then a statement reading changes(); json() of text that is not JSON raises.
// PostgreSQL has no changes(): the UPDATE runs in a data-modifying CTE and the statement fails when the CTE
// returned no row; the cast of the message to integer raises at run time only (it depends on the CTE, so the
// planner cannot fold it the way it would fold a constant 1/0 inside a CASE).

export const LOST_RACE_ERROR = /malformed JSON|lost race:/i;

/** The UPDATE `update` (without RETURNING), failing the whole batch unless it changed at least one row. */
export function guardedUpdate(update: Prisma.Sql, what: string): Prisma.PrismaPromise<unknown>[] {
  const message = `lost race: ${what}`;
  if (onPostgres()) {
    return [db.$executeRaw`WITH g AS (${update} RETURNING 1)
      SELECT CASE WHEN EXISTS (SELECT 1 FROM g) THEN NULL ELSE CAST(${message} || (SELECT count(*) FROM g) AS integer) END`];
  }
  return [db.$executeRaw`${update}`, db.$queryRaw`SELECT CASE WHEN changes() = 0 THEN json(${message}) END AS guard`];
}
