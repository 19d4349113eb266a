// Step 1: a fresh bench database (delete, migrate, seed) and a production build in .next-bench.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { BENCH_DB, BenchError, childEnv, type Cleanup, DIST_DIR, log, RESULTS_DIR, ROOT, runNode } from "./env";

const require = createRequire(import.meta.url);
const SEED = path.join(ROOT, "prisma", "seed.ts");

export async function prepareDatabase(cleanup: Cleanup, dbFile: string = BENCH_DB): Promise<void> {
  if (!fs.existsSync(SEED)) {
    throw new BenchError(
      "prisma/seed.ts does not exist yet, so there is no data to benchmark.\n" +
        "  Wait for the seed to land, or benchmark a server that is already running:\n" +
        "  npm run bench -- --base-url http://127.0.0.1:3000 --product /lumi/p/<styleCode> --category /lumi/c/<slug>",
    );
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });

  log(`migrating ${path.relative(ROOT, dbFile)}`);
  await runNode("prisma migrate deploy", path.join(ROOT, "scripts", "prisma.mjs"), ["migrate", "deploy"], childEnv({}, dbFile), cleanup);
  log("seeding (tsx prisma/seed.ts)");
  await runNode("seed", require.resolve("tsx/cli"), [SEED], childEnv({}, dbFile), cleanup);
}

/**
 * `next build` rewrites tsconfig.json (it adds `<distDir>/types/**` to "include") and next-env.d.ts
 * for whatever distDir it builds into. Those files belong to other people: put back exactly what was
 * there, but only when the difference is Next's own edit (never undo a change someone made meanwhile).
 */
class BuildSideEffectsGuard {
  private readonly tsconfigPath = path.join(ROOT, "tsconfig.json");
  private readonly nextEnvPath = path.join(ROOT, "next-env.d.ts");
  private readonly tsconfigBefore = readOrNull(this.tsconfigPath);
  private readonly nextEnvBefore = readOrNull(this.nextEnvPath);

  restore(): void {
    this.restoreTsconfig();
    this.restoreNextEnv();
  }

  private restoreTsconfig(): void {
    const before = this.tsconfigBefore;
    const after = readOrNull(this.tsconfigPath);
    if (before === null || after === null || before === after) return;
    let beforeJson: unknown;
    let afterJson: unknown;
    try {
      beforeJson = JSON.parse(before);
      afterJson = JSON.parse(after);
    } catch {
      log("warning: tsconfig.json changed during the build and is not plain JSON; left as it is");
      return;
    }
    const ours = (entry: unknown): boolean => typeof entry === "string" && entry.startsWith(`${DIST_DIR}/`);
    const withoutOurs = structuredClone(afterJson) as { include?: unknown };
    if (Array.isArray(withoutOurs.include)) withoutOurs.include = withoutOurs.include.filter((entry) => !ours(entry));
    if (JSON.stringify(withoutOurs) === JSON.stringify(beforeJson)) {
      fs.writeFileSync(this.tsconfigPath, before);
      log("restored tsconfig.json (next build had added its .next-bench type paths)");
    } else {
      log("warning: tsconfig.json changed during the build beyond Next's own edit; left as it is");
    }
  }

  private restoreNextEnv(): void {
    const after = readOrNull(this.nextEnvPath);
    if (after === null || after === this.nextEnvBefore || !after.includes(DIST_DIR)) return;
    if (this.nextEnvBefore === null) fs.rmSync(this.nextEnvPath, { force: true });
    else fs.writeFileSync(this.nextEnvPath, this.nextEnvBefore);
    log("restored next-env.d.ts");
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export function distExists(): boolean {
  return fs.existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"));
}

export async function buildApp(force: boolean, cleanup: Cleanup, dbFile: string = BENCH_DB): Promise<void> {
  if (!force) {
    if (distExists()) {
      log(`--no-build: reusing the existing ${DIST_DIR} build`);
      return;
    }
    log(`--no-build given but ${DIST_DIR} has no build yet: building once`);
  }
  log(`building: NEXT_DIST_DIR=${DIST_DIR} next build`);
  const guard = new BuildSideEffectsGuard();
  try {
    await runNode("next build", require.resolve("next/dist/bin/next"), ["build"], childEnv({ NODE_ENV: "production" }, dbFile), cleanup);
  } finally {
    guard.restore();
  }
}
