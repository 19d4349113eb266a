// A throwaway database for one test (or one describe block): migrated, NOT seeded.
//
//   const fresh = await createFreshDatabase();
//   const client = clientFor(fresh.url);
//   ... // afterAll: await client.$disconnect(); await fresh.cleanup();
//
// Inside the integration project this copies the template the global setup migrated (a few ms; on PostgreSQL a
// CREATE DATABASE … TEMPLATE); elsewhere (e.g. a unit test or a script) it runs `prisma migrate deploy` itself.
import fs from "node:fs";
import { inject } from "vitest";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PrismaClientPg } from "@/lib/generated/prisma-pg/client";
import { copyDb, fileUrl, migrate, removeDbFiles, uniqueDbPath } from "./sqlite-files";
import { createPgDatabase, dropPgDatabase, uniquePgName } from "./pg-databases";

export interface FreshDatabase {
  /** `file:` URL with an absolute path (or a postgresql:// URL), for DATABASE_URL or clientFor(). */
  url: string;
  /** Deletes the file and its -wal/-shm companions. Disconnect clients first. */
  cleanup: () => Promise<void>;
}

function providedTemplate(): string | undefined {
  try {
    const template = inject("migratedTemplate");
    if (process.env.INTEGRATION_DB === "postgres") return template;
    return template && fs.existsSync(template) ? template : undefined;
  } catch {
    return undefined; // not inside a Vitest worker
  }
}

/** A client of its own on `url`, with the adapter its scheme needs (typed as the app's client, like lib/db.ts). */
export function clientFor(url: string): PrismaClient {
  return url.startsWith("postgres")
    ? (new PrismaClientPg({ adapter: new PrismaPg({ connectionString: url, options: "-c timezone=UTC" }) }) as unknown as PrismaClient)
    : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export async function createFreshDatabase(): Promise<FreshDatabase> {
  if (process.env.INTEGRATION_DB === "postgres") {
    const name = uniquePgName("fresh");
    const url = await createPgDatabase(name, providedTemplate());
    return { url, cleanup: () => dropPgDatabase(name) };
  }
  const file = uniqueDbPath("fresh");
  const template = providedTemplate();
  try {
    if (template) copyDb(template, file);
    else migrate(fileUrl(file));
  } catch (error) {
    removeDbFiles(file);
    throw error;
  }
  return {
    url: fileUrl(file),
    cleanup: async () => removeDbFiles(file),
  };
}
