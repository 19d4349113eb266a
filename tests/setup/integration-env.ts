// First setup file of the integration project. It runs in the worker before each test file is
// imported, so lib/db.ts (which reads DATABASE_URL when first imported) opens this run's database,
// never data/app.db. Keep this file free of imports from lib/.
import { inject } from "vitest";
import { PG_RUN_APP_SECRET } from "./dialect";

const url = inject("databaseUrl");
if (!url?.startsWith("file:") && !url?.startsWith("postgresql:")) {
  throw new Error("integration tests need the database from tests/setup/global-setup.ts; run them with `vitest --project integration`");
}
process.env.DATABASE_URL = url;
if (url.startsWith("postgresql:")) process.env.APP_SECRET ??= PG_RUN_APP_SECRET;
