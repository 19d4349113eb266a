// npm run seed:scale [-- --scale=0.1] [--reset]
// Builds the chain-scale database (lib/seed/scale.ts) into DATABASE_URL, default file:./data/scale.db:
// migrates it, then writes millions of rows with better-sqlite3 in big transactions. Never the app's own
// database, never one that already has brands (unless --reset, which deletes the file and starts over).
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { hashPassword } from "@/lib/auth/password";
import { writeScaleData } from "@/lib/seed/scale";
import { DEMO_STAFF_PASSWORD } from "@/lib/seed/staff";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const scaleArg = args.find((a) => a.startsWith("--scale="));
const scale = scaleArg ? Number(scaleArg.slice("--scale=".length)) : 1;
const reset = args.includes("--reset");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!Number.isFinite(scale) || scale <= 0 || scale > 1) fail(`--scale 须在 0 与 1 之间 / --scale must be in (0, 1], got ${scaleArg}`);
const url = process.env.DATABASE_URL ?? "file:./data/scale.db";
if (!url.startsWith("file:")) fail(`只支持 SQLite 文件 / only a file: DATABASE_URL is supported, got ${url}`);
const file = path.resolve(root, url.slice("file:".length));
if (path.resolve(file) === path.resolve(root, "data", "app.db")) fail("拒绝写入应用数据库 data/app.db / refusing to write the app database data/app.db");

if (fs.existsSync(file)) {
  const existing = new Database(file, { readonly: true, fileMustExist: true });
  const hasBrandTable = existing.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Brand'`).get();
  const brands = hasBrandTable ? (existing.prepare(`SELECT COUNT(*) AS n FROM "Brand"`).get() as { n: number }).n : 0;
  existing.close();
  if (brands > 0 && !reset) fail(`数据库已有 ${brands} 个品牌，未写入 / the database already has ${brands} brand(s); nothing written (pass --reset to rebuild ${file})`);
  if (brands > 0) for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
fs.mkdirSync(path.dirname(file), { recursive: true });

const t0 = Date.now();
const runMigrate = () =>
  spawnSync(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
// One retry: the Prisma CLI has been seen to fail once ("Unexpected end of JSON input") while another migrates.
let migrate = runMigrate();
if (migrate.status !== 0) migrate = runMigrate();
if (migrate.status !== 0) fail(`migrate deploy failed:\n${migrate.stdout}${migrate.stderr}`);
console.log(`migrated ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s (scale ${scale})`);

// One scrypt hash for every chain-scale account (20,000 scrypt runs would take minutes): the demo password.
const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD, crypto.createHash("sha256").update("scale-salt").digest().subarray(0, 16));

const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = OFF");
db.pragma("cache_size = -262144"); // 256 MiB page cache while loading
const t1 = Date.now();
const counts = writeScaleData(db, scale, passwordHash, (table, rows, ms) =>
  console.log(`${table.padEnd(56)} ${String(rows).padStart(10)} rows ${(ms / 1000).toFixed(1).padStart(7)} s`),
);
const t2 = Date.now();
db.pragma("synchronous = FULL");
db.exec("ANALYZE");
db.pragma("wal_checkpoint(TRUNCATE)");
db.close();
console.log(`ANALYZE + checkpoint ${((Date.now() - t2) / 1000).toFixed(1)} s`);
console.log(JSON.stringify({ counts, loadSeconds: (t2 - t1) / 1000, totalSeconds: (Date.now() - t0) / 1000, bytes: fs.statSync(file).size }));
