import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "./lib/db-url";
import { dialectOf } from "./lib/db/dialect";

// Prisma 6.19 with the WebAssembly schema engine behind a driver adapter: no engine download (STACK.md).
// DATABASE_URL picks the schema: the source one for SQLite, the generated one (decision 029) for PostgreSQL.
const postgres = dialectOf(databaseUrl()) === "postgresql";
const dir = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    const url = databaseUrl();
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
