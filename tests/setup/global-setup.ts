// Integration global setup (runs once, in the main Vitest process):
// 1. migrate a template file with the real CLI (`node scripts/prisma.mjs migrate deploy`);
// 2. copy it to this run's database and seed that copy (`tsx prisma/seed.ts`);
// 3. hand both paths to the workers through provide/inject (see integration-env.ts);
// 4. delete everything when the run ends.
// Files are unique per run (pid + time), so two runs at once never share a database.
// With INTEGRATION_DB=postgres the same steps run on the loopback server PG_ADMIN_URL names: databases instead of
// files, `CREATE DATABASE … TEMPLATE` instead of a copy (tests/setup/pg-databases.ts).
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { copyDb, fileUrl, migrate, removeDbFiles, removeOrphans, repoRoot, seed, seedScript, uniqueDbPath } from "./sqlite-files";
import { PG_RUN_APP_SECRET } from "./dialect";
import { createPgDatabase, dropPgDatabase, migratePg, removePgOrphans, uniquePgName } from "./pg-databases";

declare module "vitest" {
  interface ProvidedContext {
    /** `file:` URL of this run's migrated and seeded database. */
    databaseUrl: string;
    /** Absolute path (SQLite) or database name (PostgreSQL) of a migrated, unseeded database that createFreshDatabase copies. */
    migratedTemplate: string;
  }
}

export default function setup(project: TestProject): (() => void) | Promise<() => Promise<void>> {
  if (process.env.INTEGRATION_DB === "postgres") return setupPostgres(project);
  const started = Date.now();
  removeOrphans();
  const template = uniqueDbPath("template");
  const database = uniqueDbPath("integration");
  const cleanup = () => {
    removeDbFiles(template);
    removeDbFiles(database);
  };
  try {
    migrate(fileUrl(template));
    copyDb(template, database);
    let seeded = "seeded";
    if (fs.existsSync(seedScript)) {
      seed(fileUrl(database));
    } else {
      // Only while the seed is being written; once prisma/seed.ts exists, a failing seed fails the run.
      seeded = `NOT seeded (${path.relative(repoRoot, seedScript)} does not exist yet)`;
    }
    console.log(
      `[integration] ${path.relative(repoRoot, database)} migrated, ${seeded} in ${Date.now() - started} ms`,
    );
  } catch (error) {
    cleanup();
    throw error;
  }
  project.provide("databaseUrl", fileUrl(database));
  project.provide("migratedTemplate", template);
  return cleanup;
}

async function setupPostgres(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  process.env.APP_SECRET ??= PG_RUN_APP_SECRET; // the seed signs pickup codes; the test files must use the same key
  await removePgOrphans();
  const template = uniquePgName("tpl");
  const database = uniquePgName("it");
  const cleanup = async () => {
    await dropPgDatabase(database);
    await dropPgDatabase(template);
  };
  try {
    await migratePg(await createPgDatabase(template));
    const url = await createPgDatabase(database, template);
    seed(url);
    console.log(`[integration] PostgreSQL database ${database} migrated, seeded in ${Date.now() - started} ms`);
    project.provide("databaseUrl", url);
    project.provide("migratedTemplate", template);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return cleanup;
}
