// A throwaway database for one test (or one describe block): migrated, NOT seeded.
//
//   const fresh = await createFreshDatabase();
//   const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: fresh.url }) });
//   ... // afterAll: await client.$disconnect(); await fresh.cleanup();
//
// Inside the integration project this copies the template the global setup migrated (a few ms);
// elsewhere (e.g. a unit test or a script) it runs `prisma migrate deploy` itself (about 1 s).
import fs from "node:fs";
import { inject } from "vitest";
import { copyDb, fileUrl, migrate, removeDbFiles, uniqueDbPath } from "./sqlite-files";

export interface FreshDatabase {
  /** `file:` URL with an absolute path, for DATABASE_URL or PrismaBetterSQLite3({ url }). */
  url: string;
  /** Deletes the file and its -wal/-shm companions. Disconnect clients first. */
  cleanup: () => Promise<void>;
}

function providedTemplate(): string | undefined {
  try {
    const template = inject("migratedTemplate");
    return template && fs.existsSync(template) ? template : undefined;
  } catch {
    return undefined; // not inside a Vitest worker
  }
}

export async function createFreshDatabase(): Promise<FreshDatabase> {
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
