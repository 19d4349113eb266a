// The e2e database (tests/.tmp/e2e.db, seeded fresh by serve.mjs) as specs read and write it directly:
//   import { read, query, writeDb } from "../support/e2e-db";
// Each call opens a handle of its own and closes it, so nothing stays open across the app's writes.
import path from "node:path";
import Database from "better-sqlite3";

export const e2eDbFile = path.join(process.cwd(), "tests", ".tmp", "e2e.db");

export type Db = Database.Database;

/** Runs `fn` on a read-only handle (or a writable one with `{ readonly: false }`); a writer waits up to 5 s for a lock. */
export function withDb<T>(fn: (db: Db) => T, { readonly = true }: { readonly?: boolean } = {}): T {
  const db = new Database(e2eDbFile, { readonly });
  if (!readonly) db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Runs `fn` on a writable handle. */
export const writeDb = <T>(fn: (db: Db) => T): T => withDb(fn, { readonly: false });

/** The first row of a query (undefined when there is none: say so in `T`). */
export const read = <T>(sql: string, ...args: unknown[]): T => withDb((db) => db.prepare(sql).get(...args) as T);

/** Every row of a query. */
export const query = <T>(sql: string, ...args: unknown[]): T[] => withDb((db) => db.prepare(sql).all(...args) as T[]);
