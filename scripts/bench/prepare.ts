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
  constructor(private readonly distDir: string) {}
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
    const ours = (entry: unknown): boolean => typeof entry === "string" && entry.startsWith(`${this.distDir}/`);
    const withoutOurs = structuredClone(afterJson) as { include?: unknown };
    if (Array.isArray(withoutOurs.include)) withoutOurs.include = withoutOurs.include.filter((entry) => !ours(entry));
    if (JSON.stringify(withoutOurs) === JSON.stringify(beforeJson)) {
      fs.writeFileSync(this.tsconfigPath, before);
      log(`restored tsconfig.json (next build had added its ${this.distDir} type paths)`);
    } else {
      log("warning: tsconfig.json changed during the build beyond Next's own edit; left as it is");
    }
  }

  private restoreNextEnv(): void {
    const after = readOrNull(this.nextEnvPath);
    if (after === null || after === this.nextEnvBefore || !after.includes(this.distDir)) return;
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

export function distExists(distDir: string = DIST_DIR): boolean {
  return fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"));
}

/**
 * `next build` into `target.distDir` (default .next-bench) against `dbFile`, or against whatever database
 * `target.env.DATABASE_URL` names (the cluster test builds against its PostgreSQL database).
 */
export async function buildApp(
  force: boolean,
  cleanup: Cleanup,
  dbFile: string = BENCH_DB,
  target: { distDir?: string; env?: Record<string, string> } = {},
): Promise<void> {
  const distDir = target.distDir ?? DIST_DIR;
  if (!force) {
    if (distExists(distDir)) {
      log(`no rebuild asked: reusing the existing ${distDir} build`);
      return;
    }
    log(`no rebuild asked but ${distDir} has no build yet: building once`);
  }
  log(`building: NEXT_DIST_DIR=${distDir} next build`);
  const guard = new BuildSideEffectsGuard(distDir);
  const env = childEnv({ NODE_ENV: "production", NEXT_DIST_DIR: distDir, ...target.env }, dbFile);
  try {
    await runNode("next build", require.resolve("next/dist/bin/next"), ["build"], env, cleanup);
  } finally {
    guard.restore();
  }
}
