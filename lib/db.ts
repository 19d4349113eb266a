import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PrismaClientPg } from "@/lib/generated/prisma-pg/client";
import { databaseUrl } from "@/lib/db-url";
import { dialectOf, replicaUrls } from "@/lib/db/dialect";
import { REPLICA_WAIT_MS, replicaFence } from "@/lib/db/replica-fence";

// The one PrismaClient of the process. Not marked server-only because the seed and scripts share it;
// the domain modules that pages import are.
function createClient(): PrismaClient {
  return logSlowQueries(clientOn(databaseUrl(), queryLog()));
}

/** A client on `url` with the adapter (and the session settings) its scheme needs. */
function clientOn(url: string, log: { emit: "event"; level: "query" }[]): PrismaClient {
  return dialectOf(url) === "postgresql"
    ? postgresClient(url, log)
    // timeout = SQLite busy_timeout: wait for another process's write lock instead of failing at once.
    : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }), log });
}

/** Query events only when asked: tests count the queries of each page's reads (no N+1); SLOW_QUERY_MS logs slow ones. */
function queryLog(): { emit: "event"; level: "query" }[] {
  const events = process.env.PRISMA_QUERY_EVENTS === "1" || slowQueryMs() !== null;
  return events ? [{ emit: "event", level: "query" }] : [];
}

function logSlowQueries(client: PrismaClient): PrismaClient {
  const slowMs = slowQueryMs();
  if (slowMs !== null) {
    (client as unknown as QueryEvents).$on("query", (e) => {
      if (e.duration >= slowMs) console.warn(`[slow-query] ${Math.round(e.duration)} ms ${e.query.slice(0, 500)}`);
    });
  }
  return client;
}

/**
 * The PostgreSQL client is generated from the same source schema (prisma/postgres, decision 029) and typed as the
 * SQLite one: the app only uses that surface, which PostgreSQL accepts too. Every session runs in UTC (DateTime
 * columns hold UTC without a zone), gives up on a lock after 4 s (answered as "busy", like SQLite's busy timeout;
 * under Prisma's 5 s batch-transaction limit, so the database's clear answer comes first) and on a statement after
 * 30 s. PG_POOL_MAX connections per instance; instances × pool must stay under the server's max_connections.
 */
function postgresClient(url: string, log: { emit: "event"; level: "query" }[]): PrismaClient {
  const max = Number(process.env.PG_POOL_MAX) > 0 ? Number(process.env.PG_POOL_MAX) : 10;
  const adapter = new PrismaPg({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    options: "-c timezone=UTC -c lock_timeout=4000 -c statement_timeout=30000",
  });
  return new PrismaClientPg({ adapter, log }) as unknown as PrismaClient;
}

/**
 * A client of its own on `url`, with the adapter its scheme needs (typed as the app's client, like `db`): for scripts
 * and tests that talk to a database other than DATABASE_URL's (a fresh test database, each cell of the bench matrix).
 * Disconnect it when done.
 */
export function clientFor(url: string): PrismaClient {
  return clientOn(url, []);
}

type QueryEvents = { $on(event: "query", cb: (e: { query: string; duration: number }) => void): void };

/** SLOW_QUERY_MS=50 logs every statement that took 50 ms or more (its time includes waiting for the connection). */
function slowQueryMs(): number | null {
  const ms = Number(process.env.SLOW_QUERY_MS);
  return process.env.SLOW_QUERY_MS && Number.isFinite(ms) && ms >= 0 ? ms : null;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; replicaReads?: PrismaClient; pragmasSet?: Promise<void> };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/**
 * `primary` with its model reads routed to read replicas (@prisma/extension-read-replicas, decision 033): outside a
 * transaction, findMany/findUnique/count/aggregate/groupBy… go to one replica picked at random; writes, everything
 * inside `$transaction` and raw SQL stay on the primary (raw reads ask for a replica through `replicaForRaw`). A
 * replica answers only once it has replayed what the primary had written when the read began, waiting up to `waitMs`
 * (the fence, lib/db/replica-fence.ts); the primary answers otherwise. One PostgreSQL client per URL, pooled like the
 * primary (PG_POOL_MAX each); no URLs: `primary` itself.
 */
export function withReadReplicas(primary: PrismaClient, urls: string[], waitMs = REPLICA_WAIT_MS): PrismaClient {
  if (urls.length === 0) return primary;
  const replicas = urls.map((url) => fenced(logSlowQueries(postgresClient(url, queryLog())), primary, waitMs));
  return primary.$extends(readReplicas({ replicas })) as unknown as PrismaClient;
}

type Operation = (args: unknown) => Promise<unknown>;

/** A replica client whose every query first passes the fence (lib/db/replica-fence.ts); the primary answers otherwise. */
function fenced(replica: PrismaClient, primary: PrismaClient, waitMs: number): PrismaClient {
  const caughtUp = replicaFence(primary, replica, waitMs);
  return replica.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (await caughtUp()) return query(args);
        const target = (model ? primary[model as keyof PrismaClient] : primary) as unknown as Record<string, Operation>;
        return target[operation]!(args);
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * The client for reads that tolerate replica lag, and only those (decision 033): the catalog reads behind the
 * tag-invalidated cache (lib/catalog/queries.ts) and the dashboards (lib/analytics/queries.ts). With
 * DATABASE_REPLICA_URLS it sends their model reads to the replicas; without, it is `db`. Never for checkout, orders,
 * stock, auth, or anything that reads what it just wrote.
 */
export const replicaReads: PrismaClient = globalForPrisma.replicaReads ?? withReadReplicas(db, replicaUrls());
if (process.env.NODE_ENV !== "production") globalForPrisma.replicaReads = replicaReads;

type ReplicaRouted = { $replica(): PrismaClient };

/**
 * The client for one raw SQL read (`$queryRaw`) of `reads`: the extension routes model reads only, never raw SQL
 * (it may write), so a raw read names its replica here, one picked at random; `reads` itself without replicas.
 */
export function replicaForRaw(reads: PrismaClient): PrismaClient {
  const routed = reads as PrismaClient & Partial<ReplicaRouted>;
  return typeof routed.$replica === "function" ? routed.$replica() : reads;
}

/** SQLite: WAL (readers never wait for the writer), foreign keys on, busy_timeout, page cache; run once per process before first use. */
export function ensurePragmas(): Promise<void> {
  globalForPrisma.pragmasSet ??= (async () => {
    if (dialectOf(databaseUrl()) === "postgresql") return; // the pool's session options take their place
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
