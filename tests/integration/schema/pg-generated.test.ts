import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { checksOfTable, isPartialIndex, translateSql } from "../../../scripts/pg-schema/translate.mjs";
import { repoRoot } from "../../setup/sqlite-files";

// prisma/postgres is generated from prisma/schema.prisma and the SQLite history (decision 029). A schema or
// migration change committed without `npm run db:pg:generate` fails here, in the SQLite run, with no PostgreSQL.
describe("prisma/postgres", () => {
  it("is what scripts/pg-schema.mjs generates from the source schema today", () => {
    const check = spawnSync(process.execPath, ["scripts/pg-schema.mjs", "--check"], { cwd: repoRoot, encoding: "utf8" });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  }, 120_000);

  it("carries every CHECK and partial index of this run's migrated SQLite template, translated, in its migrations", () => {
    // The baseline and any follow-up migrations together (a later SQLite migration's CHECK lives in its twin).
    const state = JSON.parse(fs.readFileSync(path.join(repoRoot, "prisma", "postgres", "state.json"), "utf8")) as { migrations: { name: string }[] };
    const history = state.migrations.map((m) => fs.readFileSync(path.join(repoRoot, "prisma", "postgres", "migrations", m.name, "migration.sql"), "utf8")).join("\n");
    const db = new Database(inject("migratedTemplate"), { readonly: true });
    try {
      const objects = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all() as { type: string; name: string; sql: string }[];
      const expected = [
        ...objects
          .filter((o) => o.type === "table")
          .flatMap((o) => checksOfTable(o.name, o.sql))
          .map((c) => `ALTER TABLE "${c.table}" ADD CONSTRAINT "${c.name}" CHECK (${translateSql(c.expression)});`),
        ...objects.filter((o) => o.type === "index" && isPartialIndex(o.sql)).map((o) => `${translateSql(o.sql)};`),
      ];
      // Guards the parser itself: a plain count of "CHECK (" finds no more (no table comment mentions one today).
      const tables = objects.filter((o) => o.type === "table");
      expect(tables.flatMap((o) => checksOfTable(o.name, o.sql))).toHaveLength(tables.map((o) => o.sql.match(/\bCHECK\s*\(/g)?.length ?? 0).reduce((a, b) => a + b, 0));
      expect(expected.length, "40 CHECKs and one partial index as of 2026-12-07").toBeGreaterThanOrEqual(41);
      const lines = new Set(history.split("\n"));
      expect(expected.filter((statement) => !lines.has(statement))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
