import { db } from "@/lib/db";

// Batch transactions cannot branch, so a guarded UPDATE that lost a race must fail the batch by itself.
// SQLite's changes() tells whether the statement before changed a row; json() of text that is not JSON
// raises an error, which aborts the batch and rolls back everything in it (decision 013).
export const LOST_RACE_ERROR = /malformed JSON/i;

/** Fails the whole batch unless the statement just before it changed at least one row. */
export function abortUnlessChanged(what: string) {
  return db.$queryRaw`SELECT CASE WHEN changes() = 0 THEN json(${`lost race: ${what}`}) END AS guard`;
}
