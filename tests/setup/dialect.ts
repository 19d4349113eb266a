// Which database this integration run uses (INTEGRATION_DB=postgres: the PostgreSQL run of `npm test`).
// For `describe.skipIf(onPostgres)` on files about SQLite itself (its file backup, PRAGMAs, busy timeout);
// each of those has a PostgreSQL twin or a reason in its header.
export const onPostgres = process.env.INTEGRATION_DB === "postgres";

/**
 * The PostgreSQL run's APP_SECRET when none is given: on PostgreSQL the app refuses the key-file fallback (decision
 * 032), and the seed (global setup) and the test files must sign with the same key.
 */
export const PG_RUN_APP_SECRET = "integration-secret-integration-secret-0123";
