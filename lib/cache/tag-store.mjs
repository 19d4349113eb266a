// The CacheTag table (prisma/schema.prisma) read and written by the cache handler, which Next loads outside the
// app's bundle: plain drivers here (better-sqlite3 or pg, as DATABASE_URL says), not the app's Prisma client.
// Times are ms since the epoch, as Next's tag state keeps them.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * @typedef {{ tag: string; staleAt: number; expiredAt: number | null; updatedAt: number }} TagRow
 * @typedef {{ publish(rows: TagRow[]): Promise<void>; changedSince(ms: number): Promise<TagRow[]> }} TagStore
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
    // better-sqlite3 waits for a lock on the event loop: wait briefly only (a lost publish is tolerated; the cached
    // reads' lifetime is the safety net) rather than stall every request for the app's 5 s busy timeout.
    conn ??= new Database(file, { timeout: 100, fileMustExist: true });
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
  };
}

/** @param {string} url @returns {TagStore} */
function postgresStore(url) {
  const pg = require("pg");
  // Two connections at most per instance: one statement a second, and the writes of revalidations.
  // Short limits: a half-open connection (a failover) must fail fast, not hold every cached read.
  const pool = new pg.Pool({
    connectionString: url, max: 2, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2000, query_timeout: 2000, keepAlive: true,
    options: "-c timezone=UTC -c statement_timeout=2000",
  });
  pool.on("error", () => {}); // an idle client's lost connection: the next query reconnects
  const p = (n) => `$${n}`;
  return {
    async publish(rows) {
      for (const r of rows) await pool.query(UPSERT_SQL(p), [r.tag, r.staleAt, r.expiredAt, r.updatedAt]);
    },
    async changedSince(ms) {
      return (await pool.query(CHANGED_SQL(p), [ms])).rows.map(toRow);
    },
  };
}
