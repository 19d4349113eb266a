import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { expect, test } from "../support/fixtures";

// A second server on the same production build whose database cannot be opened: health says 503 and
// pages show an error with a retry, never a blank screen or a stack trace.
const port = 3199;
const base = `http://localhost:${port}`;

test("a database failure gives an error page with a retry and a 503 health", async ({ page }) => {
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  // Not bound to 127.0.0.1 only: Next forwards the proxy's rewrites to "localhost".
  const server = spawn(process.execPath, [next, "start", "-p", String(port)], {
    // /dev/null is a file, so no folder can be made under it and the SQLite file cannot be opened.
    env: { ...process.env, NEXT_DIST_DIR: ".next-e2e", DATABASE_URL: "file:/dev/null/no-such-dir/app.db", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    await expect
      .poll(async () => (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null))?.status ?? 0, { timeout: 30_000 })
      .toBe(503);
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toEqual({ status: "degraded", database: { reachable: false, error: "数据库不可用 / database unreachable" } });

    // A search is never cached, so it must reach the database.
    await page.goto(`${base}/lumi/search?q=db-down-${Date.now()}`);
    await expect(page.getByRole("heading", { name: "网络开小差了" })).toBeVisible();
    await expect(page.getByRole("button", { name: /重试/ })).toBeVisible();
    const html = await page.content();
    expect(html).not.toMatch(/PrismaClient|SQLITE|better-sqlite3|at \S+\.(js|ts):\d+/);
  } finally {
    server.kill("SIGKILL"); // nothing to shut down gracefully, and never leave it behind
  }
});
