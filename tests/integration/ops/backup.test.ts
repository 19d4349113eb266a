// npm run db:backup under a live writer: the copy is one consistent snapshot (ledger = on-hand for every row),
// passes integrity_check, and db:restore puts it back as a database the app's Prisma client reads.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { backupDatabase, checkDatabase, databaseFile, databaseInUse, defaultBackupFile, restoreDatabase } from "@/lib/ops/backup";
import { removeDbFiles, uniqueDbPath } from "../../setup/sqlite-files";

const LEDGER_MISMATCHES = `
  SELECT COUNT(*) FROM Inventory i
  LEFT JOIN (SELECT storeId, skuId, SUM(onHandDelta) AS oh, SUM(reservedDelta) AS rs FROM StockLedger GROUP BY storeId, skuId) l
    ON l.storeId = i.storeId AND l.skuId = i.skuId
  WHERE COALESCE(l.oh, 0) <> i.onHand OR COALESCE(l.rs, 0) <> i.reserved`;

const live = uniqueDbPath("backuplive");
const backup = uniqueDbPath("backup");
const restored = uniqueDbPath("restored");

beforeAll(() => {
  // A private copy of the seeded database (VACUUM INTO reads one snapshot), so the writer below never touches shared data.
  const seeded = new Database(databaseFile(process.env.DATABASE_URL), { readonly: true });
  seeded.exec(`VACUUM INTO '${live.replace(/'/g, "''")}'`);
  seeded.close();
});

afterAll(() => {
  for (const file of [live, backup, restored]) removeDbFiles(file);
});

/** Every few ms one stock receipt on a random inventory row: on-hand + 1 and its ledger row, in one transaction. */
function startWriter(file: string) {
  const conn = new Database(file, { timeout: 5000 });
  conn.pragma("journal_mode = WAL");
  const rows = conn.prepare("SELECT storeId, skuId FROM Inventory ORDER BY RANDOM() LIMIT 500").all() as { storeId: string; skuId: string }[];
  const bump = conn.prepare("UPDATE Inventory SET onHand = onHand + 1, updatedAt = ? WHERE storeId = ? AND skuId = ? RETURNING onHand, reserved");
  const ledger = conn.prepare(
    `INSERT INTO StockLedger (id, storeId, skuId, reason, onHandDelta, reservedDelta, onHandAfter, reservedAfter, actor, reference, note, createdAt)
     VALUES (?, ?, ?, 'ADJUST', 1, 0, ?, ?, 'test:backup-writer', '', '', ?)`,
  );
  let writes = 0;
  const receive = conn.transaction((row: { storeId: string; skuId: string }) => {
    const now = Date.now();
    const after = bump.get(now, row.storeId, row.skuId) as { onHand: number; reserved: number };
    ledger.run(`bw-${now}-${writes}`, row.storeId, row.skuId, after.onHand, after.reserved, now);
  });
  const timer = setInterval(() => {
    for (let i = 0; i < 5; i++) receive(rows[writes++ % rows.length]!);
  }, 2);
  return {
    get writes() {
      return writes;
    },
    stop() {
      clearInterval(timer);
      conn.close();
    },
  };
}

describe("online backup and restore", () => {
  it("names the default file data/backups/app-<UTC>.db next to the database", () => {
    expect(defaultBackupFile("/srv/app/data/app.db", new Date("2026-11-23T16:48:05.123Z"))).toBe("/srv/app/data/backups/app-20261123T164805Z.db");
  });

  it("copies a consistent snapshot while a writer keeps changing stock, and restores it into a readable database", async () => {
    const writer = startWriter(live);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = writer.writes;
    let result;
    try {
      result = await backupDatabase({ from: live, to: backup });
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 20));
      writer.stop();
    }
    console.log(`[backup] ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.ms} ms; writer did ${writer.writes - before} receipts meanwhile`);
    expect(writer.writes - before).toBeGreaterThan(0); // the writer really ran during the copy
    expect(result.integrity).toBe("ok");
    expect(result.counts.Inventory).toBeGreaterThan(1000);
    expect(fs.existsSync(`${backup}.partial`)).toBe(false);

    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare(LEDGER_MISMATCHES).pluck().get()).toBe(0);
    copy.close();
    // The live file went on changing after the snapshot: the backup holds a prefix of the writer's receipts.
    const after = checkDatabase(live);
    expect(after.counts.StockLedger).toBeGreaterThanOrEqual(result.counts.StockLedger!);

    const restoredCheck = restoreDatabase({ from: backup, to: restored });
    expect(restoredCheck.integrity).toBe("ok");
    expect(restoredCheck.counts).toEqual(result.counts);
    const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${restored}` }) });
    try {
      expect(await client.inventory.count()).toBe(result.counts.Inventory);
      expect(await client.stockLedger.count()).toBe(result.counts.StockLedger);
      expect(await client.store.count()).toBe(result.counts.Store);
      expect(await client.sku.findFirst({ select: { id: true } })).not.toBeNull();
    } finally {
      await client.$disconnect();
    }
  });

  it("refuses to restore over a database some connection still has open, and changes nothing", () => {
    const holder = new Database(live);
    holder.pragma("journal_mode = WAL");
    try {
      const beforeBytes = fs.readFileSync(live);
      expect(databaseInUse(live)).toBe(true);
      expect(() => restoreDatabase({ from: backup, to: live })).toThrow(/正在使用中.*in use/);
      expect(fs.readFileSync(live).equals(beforeBytes)).toBe(true);
    } finally {
      holder.close();
    }
    expect(databaseInUse(live)).toBe(false);
  });

  it("refuses a file that is not a sound SQLite database and leaves the target alone", () => {
    const junk = path.join(path.dirname(backup), `junk-${process.pid}-${Date.now()}.db`);
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    try {
      const beforeBytes = fs.readFileSync(restored);
      expect(() => restoreDatabase({ from: junk, to: restored })).toThrow();
      expect(fs.readFileSync(restored).equals(beforeBytes)).toBe(true);
    } finally {
      fs.rmSync(junk, { force: true });
    }
  });
});
