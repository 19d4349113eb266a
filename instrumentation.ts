// Runs once when a server process starts: set the SQLite pragmas before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ensurePragmas } = await import("@/lib/db");
    await ensurePragmas().catch((error) => console.error("[startup] database not ready:", error instanceof Error ? error.message : error));
  }
}
