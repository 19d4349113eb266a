// PostgreSQL twin of sqlite-files.ts for INTEGRATION_DB=postgres: every run and every fresh database is its own
// database on the server PG_ADMIN_URL names (scripts/pg-server.sh starts a throwaway one), created from a migrated
// template in milliseconds and dropped at the end. Node-only; never imported by app code. Lives in scripts/bench/
// because the cluster test and the bench matrix share it (tests/setup/pg-databases.ts re-exports it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parse } from "pg-connection-string";
import { type Cleanup, log, ROOT } from "./env";

/** Tests never touch a database that is not on this machine. */
export function pgAdminUrl(): string {
  const url = process.env.PG_ADMIN_URL;
  if (!url) throw new Error("INTEGRATION_DB=postgres needs PG_ADMIN_URL (npm run test:integration:pg starts a throwaway server)");
  // The host pg would really use: a `?host=` parameter or PGHOST win over the URL's host.
  const host = parse(url).host || process.env.PGHOST || "";
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && !host.startsWith("/")) {
    throw new Error(`PG_ADMIN_URL must point at a loopback server, not ${host || "(no host)"}: tests drop and create databases`);
  }
  return url;
}

/** The URL of database `name` on the admin URL's server. */
export function pgDatabaseUrl(name: string): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let counter = 0;
/** A database name no other run (pid) or call (time + counter) can pick. */
export function uniquePgName(prefix: string): string {
  return `mc_${prefix}_${process.pid}_${Date.now()}_${counter++}`;
}

/** Creates an empty database (C collation: byte-order sorting, as SQLite) or a copy of `template`. */
export async function createPgDatabase(name: string, template?: string): Promise<string> {
  await admin((c) =>
    c.query(template
      ? `CREATE DATABASE "${name}" TEMPLATE "${template}"`
      : `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`),
  );
  return pgDatabaseUrl(name);
}

export async function dropPgDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Applies prisma/postgres/migrations through the project's runner (what `npm run db:migrate` does on PostgreSQL). */
export async function migratePg(url: string): Promise<void> {
  const runner = (await import(path.join(ROOT, "scripts", "pg-migrate.mjs"))) as {
    migratePostgres: (url: string, opts: { log: (line: string) => void }) => Promise<string[]>;
  };
  await runner.migratePostgres(url, { log: () => {} });
}

/** Drops databases left by runs that crashed (their pid is no longer alive). */
export async function removePgOrphans(): Promise<void> {
  const { rows } = await admin((c) => c.query<{ name: string }>("SELECT datname::text AS name FROM pg_database WHERE datname LIKE 'mc\\_%'"));
  for (const { name } of rows) {
    const pid = Number(/^mc_[a-z]+_(\d+)_/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") await dropPgDatabase(name);
    }
  }
}

/**
 * Makes sure PG_ADMIN_URL names a server: the one it already names, else a throwaway one (scripts/pg-server.sh in a
 * temp folder), stopped and removed by `cleanup`. Returns whether the server is our own (stopping it drops everything).
 */
export function ensurePgServer(cleanup: Cleanup): boolean {
  if (process.env.PG_ADMIN_URL) {
    pgAdminUrl(); // refuses a server that is not on loopback
    return false;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mc-pg-"));
  const script = path.join(ROOT, "scripts", "pg-server.sh");
  const started = spawnSync(script, ["start", dir], { encoding: "utf8" });
  if (started.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`scripts/pg-server.sh start failed:\n${started.stderr}`);
  }
  process.env.PG_ADMIN_URL = started.stdout.trim();
  cleanup.add("PostgreSQL server", () => {
    spawnSync(script, ["stop", dir]);
    log("PostgreSQL server stopped");
  });
  log(`throwaway PostgreSQL at ${process.env.PG_ADMIN_URL}`);
  return true;
}
