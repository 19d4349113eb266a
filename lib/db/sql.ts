import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { onPostgres } from "./dialect";

// The few SQL fragments that SQLite and PostgreSQL spell differently (decision 030). Every raw statement that
// needs one takes it from here, so a query reads the same on both and its tests run on both.

/** The calendar day (YYYY-MM-DD, China time, UTC+8) of a UTC timestamp column. */
export function day(column: string): Prisma.Sql {
  return Prisma.raw(onPostgres()
    ? `to_char(${column} + interval '8 hours', 'YYYY-MM-DD')`
    : `substr(datetime(${column}, '+8 hours'), 1, 10)`);
}

/**
 * A parameter typed as the enum `type` (e.g. "OrderStatus"). Only needed where PostgreSQL cannot infer it from a
 * column: inside CASE and in SELECT lists not written straight into a column (it would read them as text).
 */
export function asEnum(value: string | null, type: string): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${value} AS ${Prisma.raw(`"${type}"`)})` : Prisma.sql`${value}`;
}

/** A Date parameter typed as a timestamp, for the same places as asEnum. */
export function asTimestamp(value: Date): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${value} AS timestamp(3))` : Prisma.sql`${value}`;
}

/** A new random 32-hex-digit id made inside a statement (rows an INSERT … SELECT creates). */
export function randomIdSql(): Prisma.Sql {
  return Prisma.raw(onPostgres() ? "replace(gen_random_uuid()::text, '-', '')" : "lower(hex(randomblob(16)))");
}

/** `lower(column)` contains the already lower-cased `q` (no pattern characters: q is matched literally). */
export function containsLower(column: Prisma.Sql, q: string): Prisma.Sql {
  return onPostgres() ? Prisma.sql`strpos(lower(${column}), ${q}) > 0` : Prisma.sql`instr(lower(${column}), ${q}) > 0`;
}

/**
 * Row locks for a batch that reads rows and then writes from what it read (a ledger row computed from the current
 * on-hand). SQLite has one writer at a time, so nothing can change the rows in between; under PostgreSQL's READ
 * COMMITTED another batch could, so the rows are locked first (`SELECT … FOR UPDATE`). `select` names the rows.
 */
export function lockRows(select: Prisma.Sql): Prisma.PrismaPromise<unknown>[] {
  return onPostgres() ? [db.$executeRaw`${select} FOR UPDATE`] : [];
}
