// Runs once when a server process starts: refuse a misconfiguration, set the SQLite pragmas before the first
// request, start the sweeper (which sweeps only while this instance holds its lease).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // A misconfigured picture store (MEDIA_STORAGE=s3 without its settings) refuses to start, with every problem
    // named, rather than failing each upload and picture later.
    const { mediaStorage, MediaStorageConfigError } = await import("@/lib/storage");
    try {
      mediaStorage();
    } catch (error) {
      if (!(error instanceof MediaStorageConfigError)) throw error;
      console.error(`[startup] ${error.message}`);
      process.exit(1);
    }
    // On PostgreSQL several instances share sessions, pickup codes and OTP hashes: without one APP_SECRET for all of
    // them each would sign with its own key, so the instance refuses to start (decision 032).
    const { appSecretProblem } = await import("@/lib/security/app-secret");
    const secretProblem = appSecretProblem();
    if (secretProblem) {
      console.error(`[startup] ${secretProblem}`);
      process.exit(1);
    }
    // Read replicas (DATABASE_REPLICA_URLS) only of a PostgreSQL database, and only PostgreSQL ones: refused here,
    // before lib/db opens any pool.
    const { replicaUrls } = await import("@/lib/db/dialect");
    try {
      replicaUrls();
    } catch (error) {
      console.error(`[startup] ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    }
    const { ensurePragmas } = await import("@/lib/db");
    await ensurePragmas().catch((error) => console.error("[startup] database not ready:", error instanceof Error ? error.message : error));
    // Unpaid orders and try-on holds give their stock back: once now (after a crash or restart), then every minute.
    if (process.env.ORDER_SWEEPER !== "off") {
      const { startSweeper } = await import("@/lib/orders/sweeper");
      startSweeper();
    }
  }
}
