#!/usr/bin/env node
// `npm run setup` (also the first step of `npm start`): bring the database to the latest
// migration, then seed it only if it is empty (no Brand rows), with the demo activity unless DEMO_ACTIVITY=off.
// Safe to run on every start.
// Reads DATABASE_URL like the app does (process env, then .env* files via @next/env);
// default file:./data/app.db, relative to the repository root.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
process.chdir(root);

function fail(message, output = "") {
  if (output.trim()) console.error(output.trimEnd());
  console.error(`setup: FAILED: ${message}`);
  process.exit(1);
}

// The same .env files `next start` will read (production mode), so we migrate the database the app opens.
try {
  require("@next/env").loadEnvConfig(root, false, { info: () => {}, error: console.error });
} catch (error) {
  fail(`cannot load .env files with @next/env (installed with next; did \`npm install\` finish?): ${error.message}`);
}
process.env.DATABASE_URL ||= "file:./data/app.db";
const url = process.env.DATABASE_URL;

/** Runs a node script quietly; on failure prints its output and exits. */
function run(label, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, env: process.env, encoding: "utf8" });
  if (result.status !== 0) {
    fail(`${label} exited with ${result.status ?? result.signal}`, `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ?? ""}`);
  }
}

if (/^postgres(ql)?:\/\//.test(url)) {
  await setupPostgres();
  process.exit(0);
}
if (!url.startsWith("file:")) fail(`DATABASE_URL must be a SQLite file: URL or postgresql://…, got "${url.split(":")[0]}:…"`);
const file = path.resolve(root, url.slice("file:".length));

/**
 * PostgreSQL: migrate, then seed only when there is no brand. No staging copy as for a SQLite file: if the seed or
 * the demo activity fails, every table is emptied again (migrations kept), so the next start tries again.
 */
async function setupPostgres() {
  const { default: pg } = await import("pg");
  const label = `PostgreSQL ${new URL(url).host}${new URL(url).pathname}`;
  run("migrate deploy (scripts/pg-migrate.mjs)", [path.join(root, "scripts", "pg-migrate.mjs")]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Held until the seed is done: a second setup started meanwhile (two instances' `npm start`) waits, then finds
    // the brands instead of seeding again or emptying what this one wrote. The seed's own connections never touch it.
    await client.query("BEGIN");
    await client.query('LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE');
    const brands = Number((await client.query('SELECT count(*) AS n FROM "Brand"')).rows[0].n);
    if (brands > 0) return console.log(`setup: ${label}: migrations up to date; has ${brands} brand(s), not seeding`);
    const started = Date.now();
    const empty = async () => {
      const { rows } = await client.query("SELECT tablename::text AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'");
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.t.replace(/"/g, '""')}"`).join(", ")} CASCADE`);
    };
    const step = async (what, args) => {
      const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), ...args], { cwd: root, env: process.env, encoding: "utf8" });
      if (result.status !== 0) {
        await empty();
        await client.query("COMMIT"); // fail() exits at once: commit the emptying (and release the lock) first
        fail(`${what} exited with ${result.status ?? result.signal}; the database was emptied again`, `${result.stdout ?? ""}${result.stderr ?? ""}`);
      }
    };
    await step("seed (tsx prisma/seed.ts)", [path.join(root, "prisma", "seed.ts")]);
    const activity = (process.env.DEMO_ACTIVITY ?? "").trim().toLowerCase() !== "off";
    if (activity) await step("demo activity", ["--conditions=react-server", path.join(root, "scripts", "demo-activity.ts")]);
    console.log(`setup: ${label}: was empty, seeded${activity ? " with demo activity" : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.query("COMMIT").catch(() => {});
    await client.end();
  }
}

/** Read-only look at the database: applied migrations and brand count (null when the table is missing). */
function inspect() {
  if (!fs.existsSync(file)) return { migrations: 0, brands: null };
  let Database;
  try {
    Database = require("better-sqlite3");
  } catch (error) {
    fail(`cannot load better-sqlite3 (did \`npm install\` finish?): ${error.message}`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = (table) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return {
      migrations: has("_prisma_migrations")
        ? db.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").get().n
        : 0,
      brands: has("Brand") ? db.prepare("SELECT count(*) AS n FROM Brand").get().n : null,
    };
  } finally {
    db.close();
  }
}

const label = file.startsWith(root + path.sep) ? path.relative(root, file) : file;
const before = inspect();
run("prisma migrate deploy", [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"]);
const after = inspect();
const applied = after.migrations - before.migrations;
console.log(
  `setup: ${label}: ${applied > 0 ? `applied ${applied} migration(s)` : "migrations up to date"} (${after.migrations} in total)`,
);

if (after.brands === null) fail(`${label} has no Brand table after migrating`);
if (after.brands > 0) {
  console.log(`setup: ${label}: has ${after.brands} brand(s), not seeding`);
} else if (!fs.existsSync(path.join(root, "prisma", "seed.ts"))) {
  console.log(`setup: ${label}: empty, but prisma/seed.ts does not exist; not seeded`);
} else {
  // Seed a copy and move it into place only when complete, so a failed seed never leaves a half-seeded
  // database behind (the next start simply tries again).
  const started = Date.now();
  const staging = `${file}.seeding`;
  const dropFiles = (base) => ["", "-wal", "-shm", "-journal"].forEach((suffix) => fs.rmSync(base + suffix, { force: true }));
  dropFiles(staging);
  const Database = require("better-sqlite3");
  const source = new Database(file, { fileMustExist: true });
  source.pragma("wal_checkpoint(TRUNCATE)");
  source.close();
  fs.copyFileSync(file, staging);
  /** Runs a TypeScript script (tsx) against the staging copy; on failure drops the copy and exits. */
  const onStaging = (label, args, hint = "") => {
    const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${staging}` },
      encoding: "utf8",
    });
    if (result.status !== 0) {
      dropFiles(staging);
      fail(
        `${label} exited with ${result.status ?? result.signal}; the database was left empty and untouched${hint}`,
        `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ?? ""}`,
      );
    }
  };
  onStaging("seed (tsx prisma/seed.ts)", [path.join(root, "prisma", "seed.ts")]);
  // Then the demo activity (scans, members, favourites, orders, transfers over the last 60 days) so the quick
  // start's dashboards show figures; DEMO_ACTIVITY=off leaves the plain seed. Same staging file: all or nothing.
  let activity = "";
  if ((process.env.DEMO_ACTIVITY ?? "").trim().toLowerCase() !== "off") {
    onStaging("demo activity (tsx scripts/demo-activity.ts)", ["--conditions=react-server", path.join(root, "scripts", "demo-activity.ts")], " (DEMO_ACTIVITY=off skips it)");
    activity = " with demo activity";
  }
  const staged = new Database(staging);
  staged.pragma("wal_checkpoint(TRUNCATE)");
  staged.close();
  dropFiles(file);
  fs.renameSync(staging, file);
  dropFiles(staging);
  // Cached catalog reads of an earlier database must not outlive it.
  fs.rmSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "cache", "fetch-cache"), { recursive: true, force: true });
  console.log(`setup: ${label}: was empty, seeded${activity} in ${((Date.now() - started) / 1000).toFixed(1)} s (${inspect().brands} brand(s))`);
}
