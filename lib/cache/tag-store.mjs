// The CacheTag table (prisma/schema.prisma) read and written by the cache handler, which Next loads outside the
// app's bundle: plain drivers here (better-sqlite3 or pg, as DATABASE_URL says), not the app's Prisma client.
// Times are ms since the epoch, as Next's tag state keeps them.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * @typedef {{ tag: string; staleAt: number; expiredAt: number | null; updatedAt: number }} TagRow
 * @typedef {{ publish(rows: TagRow[]): Promise<void>; changedSince(ms: number): Promise<TagRow[]>; close(): Promise<void> }} TagStore
 */

/** @param {string} url @returns {TagStore} */
export function openTagStore(url) {
  return /^postgres(ql)?:\/\//.test(url) ? postgresStore(url) : sqliteStore(url);
}

const UPSERT_SQL = (p) => `INSERT INTO "CacheTag" ("tag", "staleAt", "expiredAt", "updatedAt") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})
  ON CONFLICT ("tag") DO UPDATE SET "staleAt" = excluded."staleAt", "expiredAt" = excluded."expiredAt", "updatedAt" = excluded."updatedAt"`;
const CHANGED_SQL = (p) => `SELECT "tag", "staleAt", "expiredAt", "updatedAt" FROM "CacheTag" WHERE "updatedAt" > ${p(1)}`;

/** @param {Record<string, unknown>} r @returns {TagRow} */
const toRow = (r) => ({ tag: String(r.tag), staleAt: Number(r.staleAt), expiredAt: r.expiredAt == null ? null : Number(r.expiredAt), updatedAt: Number(r.updatedAt) });

/** @param {string} url @returns {TagStore} */
function sqliteStore(url) {
  const Database = require("better-sqlite3");
  const file = path.resolve(url.slice("file:".length));
  /** @type {import("better-sqlite3").Database | undefined} */
  let conn;
  const open = () => {
    // Same busy timeout as the app's connection: a tag write waits for the writer rather than failing.
    conn ??= new Database(file, { timeout: 5000, fileMustExist: true });
    return conn;
  };
  return {
    async publish(rows) {
      const upsert = open().prepare(UPSERT_SQL(() => "?"));
      open().transaction(() => rows.forEach((r) => upsert.run(r.tag, r.staleAt, r.expiredAt, r.updatedAt)))();
    },
    async changedSince(ms) {
      return open().prepare(CHANGED_SQL(() => "?")).all(ms).map(toRow);
    },
    async close() {
      conn?.close();
      conn = undefined;
    },
  };
}

/** @param {string} url @returns {TagStore} */
function postgresStore(url) {
  const pg = require("pg");
  // Two connections at most per instance: one statement a second, and the writes of revalidations.
  const pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5000, options: "-c timezone=UTC" });
  pool.on("error", () => {}); // an idle client's lost connection: the next query reconnects
  const p = (n) => `$${n}`;
  return {
    async publish(rows) {
      for (const r of rows) await pool.query(UPSERT_SQL(p), [r.tag, r.staleAt, r.expiredAt, r.updatedAt]);
    },
    async changedSince(ms) {
      return (await pool.query(CHANGED_SQL(p), [ms])).rows.map(toRow);
    },
    async close() {
      await pool.end();
    },
  };
}
