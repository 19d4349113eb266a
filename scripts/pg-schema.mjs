#!/usr/bin/env node
// Generates prisma/postgres (schema, baseline migration, state) from the one source schema and the SQLite
// history (docs/plans/issue-8-postgresql.md §3, decision 029).
//   node scripts/pg-schema.mjs          write prisma/postgres
//   node scripts/pg-schema.mjs --check  regenerate in memory; exit 1 if the committed files differ
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { baselineName, baselineSql, checksOfTable, isPartialIndex, pgSchemaFromSource, translateSql } from "./pg-schema/translate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqliteMigrations = path.join(root, "prisma", "migrations");
const pgDir = path.join(root, "prisma", "postgres");
const statePath = path.join(pgDir, "state.json");
// PostgreSQL truncates longer identifiers silently, which would make two constraint names collide.
const PG_MAX_IDENTIFIER = 63;

function prismaCli(args, databaseUrl) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "prisma.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** The SQLite migrations the PostgreSQL history stands for: all of them on the first run, then state.json's list. */
function mirroredMigrations() {
  const sqlite = fs
    .readdirSync(sqliteMigrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (!fs.existsSync(statePath)) return sqlite;
  const { mirrored } = JSON.parse(fs.readFileSync(statePath, "utf8"));
  const gone = mirrored.filter((name) => !sqlite.includes(name));
  if (gone.length > 0) throw new Error(`SQLite migrations mirrored in prisma/postgres/state.json no longer exist: ${gone.join(", ")}`);
  const unmirrored = sqlite.filter((name) => !mirrored.includes(name));
  if (unmirrored.length > 0) {
    // Regenerating the baseline instead would rewrite a migration databases may already have applied.
    throw new Error(
      `SQLite migrations without a PostgreSQL counterpart: ${unmirrored.join(", ")}.\n` +
        "Generating follow-up PostgreSQL migrations (docs/plans/issue-8-postgresql.md §3.2 step 4) is not built yet.",
    );
  }
  return mirrored;
}

/** Hand-written CHECKs and partial indexes, read back from a database migrated with the SQLite history. */
function handWrittenConstraints(sqliteUrl) {
  prismaCli(["migrate", "deploy"], sqliteUrl);
  const db = new Database(sqliteUrl.slice("file:".length), { readonly: true });
  try {
    const objects = db
      .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND tbl_name <> '_prisma_migrations' ORDER BY name")
      .all();
    const checks = objects
      .filter((o) => o.type === "table")
      .flatMap((o) => checksOfTable(o.name, o.sql))
      .map((check) => ({ ...check, postgres: translateSql(check.expression) }));
    const partialIndexes = objects
      .filter((o) => o.type === "index" && isPartialIndex(o.sql))
      .map((o) => ({ name: o.name, table: o.tableName, sqlite: o.sql, postgres: translateSql(o.sql) }));
    const names = [...checks, ...partialIndexes].map((c) => c.name);
    const clash = names.filter((name, i) => names.indexOf(name) !== i || name.length > PG_MAX_IDENTIFIER);
    if (clash.length > 0) throw new Error(`constraint names duplicated or longer than ${PG_MAX_IDENTIFIER} characters: ${clash.join(", ")}`);
    return { checks, partialIndexes };
  } finally {
    db.close();
  }
}

/** Every file under prisma/postgres, by path relative to the repository, with its content. */
function generate() {
  const mirrored = mirroredMigrations();
  const schema = pgSchemaFromSource(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-schema-"));
  try {
    fs.writeFileSync(path.join(workDir, "schema.prisma"), schema);
    const sqliteUrl = `file:${path.join(workDir, "sqlite-history.db")}`;
    // migrate diff from a datamodel opens no database. The URL stays a SQLite one on purpose: with a postgresql://
    // URL the CLI (configured for the SQLite adapter) tries to download a query engine, which fails offline.
    const ddl = prismaCli(["migrate", "diff", "--from-empty", "--to-schema-datamodel", path.join(workDir, "schema.prisma"), "--script"], sqliteUrl);
    const { checks, partialIndexes } = handWrittenConstraints(sqliteUrl);
    const baseline = baselineName(mirrored.at(-1));
    const state = {
      generatedBy: "scripts/pg-schema.mjs",
      mirrored,
      baseline,
      checks: checks.map(({ table, name, expression, postgres }) => ({ table, name, sqlite: expression, postgres })),
      partialIndexes,
    };
    return new Map([
      ["prisma/postgres/schema.prisma", schema],
      ["prisma/postgres/migrations/migration_lock.toml", '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n'],
      [`prisma/postgres/migrations/${baseline}/migration.sql`, baselineSql(ddl, checks, partialIndexes)],
      ["prisma/postgres/state.json", `${JSON.stringify(state, null, 2)}\n`],
    ]);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function committedFiles(dir = pgDir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? committedFiles(full) : [path.relative(root, full).split(path.sep).join("/")];
  });
}

/** One line per difference; for a changed file, its first differing line. */
function differences(generated) {
  const lines = [];
  for (const [file, content] of generated) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      lines.push(`missing   ${file}`);
      continue;
    }
    const committed = fs.readFileSync(full, "utf8");
    if (committed === content) continue;
    const a = committed.split("\n");
    const b = content.split("\n");
    const at = a.findIndex((line, i) => line !== b[i]);
    const n = at === -1 ? a.length : at;
    lines.push(`differs   ${file} (line ${n + 1}: committed ${JSON.stringify(a[n] ?? "<end>")}, generated ${JSON.stringify(b[n] ?? "<end>")})`);
  }
  for (const file of committedFiles()) {
    if (!generated.has(file)) lines.push(`unexpected ${file}`);
  }
  return lines;
}

try {
  const generated = generate();
  if (process.argv.includes("--check")) {
    const diff = differences(generated);
    if (diff.length > 0) {
      console.error(`prisma/postgres is out of date with prisma/schema.prisma and prisma/migrations:\n  ${diff.join("\n  ")}\nRun npm run db:pg:generate and commit prisma/postgres.`);
      process.exit(1);
    }
    console.log("prisma/postgres is up to date.");
  } else {
    for (const [file, content] of generated) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    const stale = differences(generated);
    if (stale.length > 0) console.warn(`Not generated, remove if obsolete:\n  ${stale.join("\n  ")}`);
    console.log(`Wrote ${[...generated.keys()].join(", ")}.`);
  }
} catch (error) {
  console.error(`pg-schema: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
