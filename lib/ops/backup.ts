// Online backup and restore of the app's SQLite file (npm run db:backup / db:restore). Node-only; never
// imported by pages. Uses SQLite's online backup API (better-sqlite3 `db.backup`), which copies pages a few at
// a time and restarts when another connection writes, so the copy is one consistent snapshot while the app serves.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl } from "@/lib/db-url";

/** Tables whose row counts a backup report shows (the ones an operator recognises). */
export const KEY_TABLES = ["Store", "Sku", "Inventory", "StockLedger", "Member", "Order", "Payment"] as const;

export type DatabaseCheck = { file: string; bytes: number; integrity: string; counts: Record<string, number> };
export type BackupResult = DatabaseCheck & { ms: number };

/** The file behind a `file:` DATABASE_URL (absolute). */
export function databaseFile(url = databaseUrl()): string {
  // PostgreSQL has its own tools; the URL is not echoed (it may hold a password).
  if (!url.startsWith("file:")) {
    throw new Error("数据库不是 SQLite 文件：PostgreSQL 请用 pg_dump 或持续归档（见 README「Deployment」）/ DATABASE_URL is not a SQLite file: for PostgreSQL use pg_dump or continuous archiving (README, Deployment)");
  }
  return path.resolve(url.slice("file:".length));
}

/** data/backups/app-20261123T164800Z.db (UTC, sortable), next to the database's folder. */
export function defaultBackupFile(source: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return path.join(path.dirname(source), "backups", `app-${stamp}.db`);
}

/** integrity_check plus row counts of the key tables; opens read-only and closes again. */
export function checkDatabase(file: string): DatabaseCheck {
  if (!fs.existsSync(file)) throw new Error(`找不到数据库文件 / No such database file: ${file}`);
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = conn.prepare("PRAGMA integrity_check").pluck().all() as string[];
    const integrity = rows.join("; ");
    const counts: Record<string, number> = {};
    for (const table of KEY_TABLES) {
      const exists = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table);
      if (exists) counts[table] = conn.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
    }
    return { file, bytes: fs.statSync(file).size, integrity, counts };
  } finally {
    conn.close();
  }
}

/**
 * Copies the live database to `to` (default data/backups/app-<UTC>.db) through the online backup API, then checks
 * the copy. Writers keep writing meanwhile (WAL; the backup waits at most the busy timeout for a page lock).
 * Throws when the copy fails integrity_check, and removes it.
 */
export async function backupDatabase(options: { from?: string; to?: string; now?: Date } = {}): Promise<BackupResult> {
  const from = options.from ?? databaseFile();
  const to = path.resolve(options.to ?? defaultBackupFile(from, options.now));
  if (!fs.existsSync(from)) throw new Error(`找不到数据库文件 / No such database file: ${from}`);
  if (fs.existsSync(to)) throw new Error(`备份文件已存在 / Backup file already exists: ${to}`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const started = performance.now();
  const source = new Database(from, { fileMustExist: true, timeout: 5000 });
  try {
    // Written to a temporary name first: a half-written backup never carries the final name.
    // Each step copies twice the pages of the one before: a writer that restarts the copy cannot starve it, and
    // the last step copies the rest in one read transaction (this runs in its own process, not the app's).
    let pages = 100;
    await source.backup(`${to}.partial`, { progress: () => (pages = Math.min(pages * 2, 0x7fffffff)) });
  } catch (error) {
    fs.rmSync(`${to}.partial`, { force: true });
    throw error;
  } finally {
    source.close();
  }
  fs.renameSync(`${to}.partial`, to);
  const ms = Math.round(performance.now() - started);
  const check = checkDatabase(to);
  if (check.integrity !== "ok") {
    fs.rmSync(to, { force: true });
    throw new Error(`备份未通过完整性检查 / Backup failed integrity_check: ${check.integrity}`);
  }
  return { ...check, ms };
}

/** True when another connection (any process) has the database open: an exclusive lock cannot be taken at once. */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const conn = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    conn.pragma("locking_mode = EXCLUSIVE");
    conn.exec("BEGIN EXCLUSIVE");
    conn.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    conn.close();
  }
}

/**
 * Puts a backup in place of the database file (default DATABASE_URL's). Refuses a backup that fails
 * integrity_check and a target some process still has open (stop the app first); removes the target's stale
 * -wal/-shm so SQLite cannot replay an old log onto the restored pages. Copy then rename: never half a file.
 */
export function restoreDatabase(options: { from: string; to?: string }): DatabaseCheck {
  const from = path.resolve(options.from);
  const to = options.to ?? databaseFile();
  const check = checkDatabase(from);
  if (check.integrity !== "ok") throw new Error(`备份未通过完整性检查，未恢复 / Backup failed integrity_check, nothing restored: ${check.integrity}`);
  if (databaseInUse(to)) throw new Error(`数据库正在使用中，请先停止应用 / The database is in use; stop the app first, nothing restored: ${to}`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, `${to}.restoring`);
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(to + suffix, { force: true });
  fs.renameSync(`${to}.restoring`, to);
  return checkDatabase(to);
}
