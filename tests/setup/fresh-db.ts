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

// Moved to lib/db.ts (scripts use it too); re-exported so tests keep importing it from here.
export { clientFor } from "@/lib/db";

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
