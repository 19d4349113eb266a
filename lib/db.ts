import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/db-url";

// The one PrismaClient of the process. Not marked server-only because the seed and scripts share it;
// the domain modules that pages import are.
function createClient(): PrismaClient {
  // timeout = SQLite busy_timeout: wait for another process's write lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 });
  // Query events only when asked: tests count the queries of each page's reads (no N+1); SLOW_QUERY_MS logs slow ones.
  const events = process.env.PRISMA_QUERY_EVENTS === "1" || slowQueryMs() !== null;
  const client = new PrismaClient({ adapter, log: events ? [{ emit: "event", level: "query" }] : [] });
  const slowMs = slowQueryMs();
  if (slowMs !== null) {
    (client as unknown as QueryEvents).$on("query", (e) => {
      if (e.duration >= slowMs) console.warn(`[slow-query] ${Math.round(e.duration)} ms ${e.query.slice(0, 500)}`);
    });
  }
  return client;
}

type QueryEvents = { $on(event: "query", cb: (e: { query: string; duration: number }) => void): void };

/** SLOW_QUERY_MS=50 logs every statement that took 50 ms or more (its time includes waiting for the connection). */
function slowQueryMs(): number | null {
  const ms = Number(process.env.SLOW_QUERY_MS);
  return process.env.SLOW_QUERY_MS && Number.isFinite(ms) && ms >= 0 ? ms : null;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pragmasSet?: Promise<void> };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/** WAL (readers never wait for the writer), foreign keys on, busy_timeout, page cache; run once per process before first use. */
export function ensurePragmas(): Promise<void> {
  globalForPrisma.pragmasSet ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    // 64 MB of page cache instead of SQLite's 2 MB: at chain scale (2.6 GB, indexes of millions of rows) each order's
    // inserts and each list's index walk otherwise re-read their pages from the OS on every statement.
    await db.$queryRawUnsafe("PRAGMA cache_size = -65536");
  })().catch((error) => {
    globalForPrisma.pragmasSet = undefined; // try again on the next call
    throw error;
  });
  return globalForPrisma.pragmasSet;
}

/** Calls `listener` for every SQL statement the client sends; needs PRISMA_QUERY_EVENTS=1 when the client is made. */
export function onQuery(listener: (sql: string) => void): void {
  (db as unknown as QueryEvents).$on("query", (e) => listener(e.query));
}
