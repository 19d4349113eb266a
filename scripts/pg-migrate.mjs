#!/usr/bin/env node
// `migrate deploy` for PostgreSQL (decision 030): applies prisma/postgres/migrations in name order, each in its own
// transaction with its bookkeeping row, so a failed migration leaves nothing behind (PostgreSQL's DDL is
// transactional). It writes Prisma's own `_prisma_migrations` table (same columns, checksum = sha256 of the file),
// so `prisma migrate deploy` can take over once prisma/orm#27403 (the WASM engine cannot read a PG catalog through
// adapter-pg) is fixed. A table lock instead of an advisory lock: several instances starting at once queue up, and
// distributed engines without advisory locks (CockroachDB) work the same way.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PG_MIGRATIONS_DIR = path.join(root, "prisma", "postgres", "migrations");

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every migration not yet applied; returns the names applied now. Throws (nothing of that migration kept) on failure. */
export async function migratePostgres(url, { dir = PG_MIGRATIONS_DIR, log = console.log } = {}) {
  const names = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const client = new pg.Client({ connectionString: url, options: "-c timezone=UTC" });
  await client.connect();
  const applied = [];
  try {
    // Two runners starting on an empty database can race on CREATE TABLE IF NOT EXISTS (PostgreSQL then reports a
    // duplicate type or table): the other one made it, which is all this needs.
    await client.query(BOOKKEEPING).catch((error) => {
      if (error?.code !== "23505" && error?.code !== "42P07") throw error;
    });
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query('LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE');
        const { rows } = await client.query(
          'SELECT "checksum", "finished_at" FROM "_prisma_migrations" WHERE "migration_name" = $1 AND "rolled_back_at" IS NULL',
          [name],
        );
        if (rows.length > 0) {
          if (!rows[0].finished_at) throw new Error(`迁移 ${name} 曾失败，请先处理 / Migration ${name} failed earlier; resolve it first`);
          if (rows[0].checksum !== checksum) log(`warning: ${name} was edited after it was applied`);
          await client.query("COMMIT");
          continue;
        }
        await client.query(sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","applied_steps_count") VALUES ($1,$2,now(),$3,1)',
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
        log(`applied ${name}`);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`迁移 ${name} 未能应用，未作任何更改 / Migration ${name} was not applied, nothing changed: ${error instanceof Error ? error.message : error}`);
      }
    }
  } finally {
    await client.end();
  }
  return applied;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    console.error("DATABASE_URL 须为 postgresql://… / DATABASE_URL must be postgresql://…");
    process.exit(2);
  }
  migratePostgres(url).then(
    (applied) => console.log(applied.length ? `${applied.length} migration(s) applied` : "no pending migrations"),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
