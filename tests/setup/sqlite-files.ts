// Shared by the integration global setup and createFreshDatabase: where test databases live,
// and how a file is migrated, seeded and removed. Node-only; never imported by app code.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const tmpDir = path.join(repoRoot, "tests", ".tmp");
export const seedScript = path.join(repoRoot, "prisma", "seed.ts");

const require = createRequire(import.meta.url);

/** `file:/abs/path.db` for an absolute path (the adapter strips `file:`; no cwd ambiguity). */
export function fileUrl(file: string): string {
  return `file:${path.resolve(file)}`;
}

/** A file name under tests/.tmp that no other run (pid) or call (time + counter) can pick. */
let counter = 0;
export function uniqueDbPath(prefix: string): string {
  fs.mkdirSync(tmpDir, { recursive: true });
  return path.join(tmpDir, `${prefix}-${process.pid}-${Date.now()}-${counter++}.db`);
}

function run(label: string, args: string[], url: string): void {
  const result = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `${label} failed for ${url} (exit ${result.status ?? result.signal}):\n${result.stdout ?? ""}${result.stderr ?? ""}${result.error ?? ""}`,
    );
  }
}

/** `node scripts/prisma.mjs migrate deploy` against the given database. */
export function migrate(url: string): void {
  run("prisma migrate deploy", [path.join(repoRoot, "scripts", "prisma.mjs"), "migrate", "deploy"], url);
}

/** `tsx prisma/seed.ts` against the given database (local tsx, no npx lookup). */
export function seed(url: string): void {
  run("seed (tsx prisma/seed.ts)", [require.resolve("tsx/cli"), seedScript], url);
}

/** Deletes a SQLite file and its journal/WAL companions; missing files are fine. */
export function removeDbFiles(file: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** Copies a closed database (no WAL pending) byte for byte. */
export function copyDb(from: string, to: string): void {
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) {
    throw new Error(`${from} has an unmerged WAL; copy it only while no connection is open`);
  }
  fs.copyFileSync(from, to);
}

/** Removes databases left in tests/.tmp by runs that crashed (their pid is no longer alive). */
export function removeOrphans(): void {
  if (!fs.existsSync(tmpDir)) return;
  for (const name of fs.readdirSync(tmpDir)) {
    const match = /^[a-z]+-(\d+)-\d+-\d+\.db/.exec(name);
    if (!match || Number(match[1]) === process.pid) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") fs.rmSync(path.join(tmpDir, name), { force: true });
    }
  }
}
