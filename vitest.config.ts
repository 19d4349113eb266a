import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const setup = (file: string) => path.join(root, "tests", "setup", file);

// Integration files about SQLite itself, left out of the PostgreSQL run (INTEGRATION_DB=postgres, decision 030):
// its online file backup, the SQLite-only tools (seed:scale, the soak's file copies), a killed
// import inspected through the file, the SQLite migration history's shape and the generator that reads it.
const SQLITE_ONLY = [
  "tests/integration/ops/backup.test.ts",
  "tests/integration/seed/scale.test.ts",
  "tests/integration/soak/soak.test.ts",
  "tests/integration/imports/kill.test.ts",
  "tests/integration/schema/migrations-match-schema.test.ts",
  "tests/integration/schema/pg-generated.test.ts",
];
const onPostgres = process.env.INTEGRATION_DB === "postgres";

// Three projects (docs/decisions/002-testing.md):
//   unit         tests/unit/**        pure functions, parallel, no database
//   integration  tests/integration/** a real SQLite file per run, migrated and seeded by
//                                     tests/setup/global-setup.ts; files run one after another
//   cluster      tests/cluster/**     two `next start` of one build behind nginx on one PostgreSQL database
//                                     (tests/cluster/global-setup.ts builds and starts it; issue 8)
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside an RSC bundle; in tests it is an empty module.
      { find: /^server-only$/, replacement: setup("empty.ts") },
    ],
  },
  test: {
    environment: "node",
    // (setupFiles are per project: with `extends: true` a root list would be concatenated, not replaced.)
    env: { NEXT_TELEMETRY_DISABLED: "1" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // A console.error during a test fails it (STYLE.md habit 9).
          setupFiles: [setup("console-error-trap.ts")],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...(onPostgres ? SQLITE_ONLY : [])],
          // lib/db.ts emits query events (tests/integration/perf/query-counts.test.ts counts them).
          env: { PRISMA_QUERY_EVENTS: "1" },
          globalSetup: [setup("global-setup.ts")],
          // integration-env.ts must run first: it points DATABASE_URL at this run's database
          // before any test file imports lib/db.ts.
          setupFiles: [setup("integration-env.ts"), setup("console-error-trap.ts")],
          pool: "forks",
          // One database file per run, shared by all files: run them one at a time.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          globalSetup: [path.join(root, "tests", "cluster", "global-setup.ts")],
          setupFiles: [path.join(root, "tests", "cluster", "cluster-env.ts")],
          pool: "forks",
          // One cluster for the run, shared by all files: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
