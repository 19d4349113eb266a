// Which database this integration run uses (INTEGRATION_DB=postgres: the PostgreSQL run of `npm test`).
// For `describe.skipIf(onPostgres)` on files about SQLite itself (its file backup, PRAGMAs, busy timeout);
// each of those has a PostgreSQL twin or a reason in its header.
export const onPostgres = process.env.INTEGRATION_DB === "postgres";
