// Setup file of the cluster project: before a test file is imported, point lib/db.ts (the fixtures that create
// members, SKUs and stock, and read the ledger) at the cluster's database, and sign session cookies with the
// instances' APP_SECRET. Keep this file free of imports from lib/.
import { inject } from "vitest";

const cluster = inject("cluster");
if (!cluster?.databaseUrl) throw new Error("the cluster tests need tests/cluster/global-setup.ts: run them with `npm run test:cluster`");
process.env.DATABASE_URL = cluster.databaseUrl;
process.env.APP_SECRET = cluster.appSecret;
