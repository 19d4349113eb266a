import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { APPLY_STALE_MS } from "@/lib/imports/jobs";

// A real kill: a child process applies a 20,000-row stock file in batches of 1,000 and is killed with SIGKILL
// halfway. The database then holds whole batches only (appliedRows a multiple of 1,000, exactly those rows'
// figures and ledger rows), and running "apply" again, once the dead applier's claim is stale, finishes the job.
// Runs on a copy of the test database.

// tsx as a loader in the one process (its CLI would run the script in a grandchild that SIGKILL never reaches).
const node = (args: string[]) => [process.execPath, ["--import", "tsx", CHILD, ...args]] as const;
const CHILD = path.join(process.cwd(), "tests", "integration", "imports", "apply-child.ts");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imports-kill-"));
const dbFile = path.join(dir, "kill.db");
const env = () => ({ ...process.env, DATABASE_URL: `file:${dbFile}` });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("an apply killed with SIGKILL", () => {
  it("leaves whole batches only and resumes from appliedRows", { timeout: 120_000 }, async () => {
    const shared = new Database(process.env.DATABASE_URL!.slice("file:".length), { readonly: true });
    await shared.backup(dbFile);
    shared.close();
    const sql = new Database(dbFile);
    try {
      const brandId = (sql.prepare(`SELECT id FROM "Brand" WHERE slug = 'lumi'`).get() as { id: string }).id;
      const stores = sql.prepare(`SELECT id, code FROM "Store" WHERE "brandId" = ? ORDER BY code`).all(brandId) as { id: string; code: string }[];
      const skus = sql.prepare(`SELECT k.id, k.gtin FROM "Sku" k JOIN "Product" p ON p.id = k."productId" WHERE p."brandId" = ? ORDER BY k.gtin`).all(brandId) as { id: string; gtin: string }[];
      const reserved = new Map((sql.prepare(`SELECT "storeId" || ' ' || "skuId" AS k, reserved FROM "Inventory"`).all() as { k: string; reserved: number }[]).map((r) => [r.k, r.reserved]));
      const rows: { storeId: string; skuId: string; code: string; gtin: string; q: number }[] = [];
      for (const s of stores) for (const k of skus) if (rows.length < 20_000) rows.push({ storeId: s.id, skuId: k.id, code: s.code, gtin: k.gtin, q: Math.max(((rows.length * 31) % 17) + 1, reserved.get(`${s.id} ${k.id}`) ?? 0) });
      expect(rows).toHaveLength(20_000);
      const before = new Map((sql.prepare(`SELECT "storeId" || ' ' || "skuId" AS k, "onHand" FROM "Inventory"`).all() as { k: string; onHand: number }[]).map((r) => [r.k, r.onHand]));
      const csvFile = path.join(dir, "stock.csv");
      fs.writeFileSync(csvFile, "storeCode,gtin,quantity\n" + rows.map((r) => `${r.code},${r.gtin},${r.q}`).join("\n") + "\n");

      const check = spawnSync(...node(["check", csvFile]), { env: env(), encoding: "utf8" });
      expect(check.status, check.stderr).toBe(0);
      const [, jobId, status] = /job (\S+) (\S+)/.exec(check.stdout)!;
      expect(status).toBe("READY");

      // Apply with a pause after each batch; SIGKILL once at least 5 batches are in.
      const child = spawn(...node(["apply", jobId!, "1000", "20"]), { env: env() });
      await new Promise<void>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const seen = [...out.matchAll(/applied (\d+)/g)].map((m) => Number(m[1]));
          if (seen.length && seen[seen.length - 1]! >= 5000 && child.exitCode === null) child.kill("SIGKILL");
        });
        child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`child ended without the kill: ${out}`))));
      });

      const job = sql.prepare(`SELECT status, "appliedRows", "totalRows" FROM "ImportJob" WHERE id = ?`).get(jobId) as { status: string; appliedRows: number; totalRows: number };
      expect(job.status).toBe("APPLYING");
      expect(job.appliedRows).toBeGreaterThanOrEqual(5000);
      expect(job.appliedRows).toBeLessThan(20_000);
      expect(job.appliedRows % 1000).toBe(0);
      const now = () => new Map((sql.prepare(`SELECT "storeId" || ' ' || "skuId" AS k, "onHand" FROM "Inventory"`).all() as { k: string; onHand: number }[]).map((r) => [r.k, r.onHand]));
      const held = now();
      const applied = rows.slice(0, job.appliedRows);
      const pending = rows.slice(job.appliedRows);
      expect(applied.filter((r) => held.get(`${r.storeId} ${r.skuId}`) !== r.q)).toEqual([]);
      expect(pending.filter((r) => (held.get(`${r.storeId} ${r.skuId}`) ?? 0) !== (before.get(`${r.storeId} ${r.skuId}`) ?? 0))).toEqual([]);
      const changedInApplied = applied.filter((r) => (before.get(`${r.storeId} ${r.skuId}`) ?? 0) !== r.q).length;
      const ledger = (id: string) => (sql.prepare(`SELECT count(*) AS n FROM "StockLedger" WHERE reference = ?`).get(`import:${id}`) as { n: number }).n;
      expect(ledger(jobId!)).toBe(changedInApplied);

      // The killed applier's claim stands until it goes stale (no instance can tell a dead applier from a slow
      // one on another machine): "apply" right away is refused as busy and changes nothing.
      const early = spawnSync(...node(["apply", jobId!, "1000", "0"]), { env: env(), encoding: "utf8" });
      expect(early.status).not.toBe(0);
      expect(early.stderr).toContain("this import is already being processed");
      expect(sql.prepare(`SELECT "appliedRows" FROM "ImportJob" WHERE id = ?`).get(jobId)).toEqual({ appliedRows: job.appliedRows });
      // APPLY_STALE_MS later (the row's updatedAt moved back instead of waiting a minute), it resumes.
      const stale = new Date(Date.now() - APPLY_STALE_MS - 1000).toISOString().replace("Z", "+00:00");
      sql.prepare(`UPDATE "ImportJob" SET "updatedAt" = ? WHERE id = ?`).run(stale, jobId);
      const resume = spawnSync(...node(["apply", jobId!, "1000", "0"]), { env: env(), encoding: "utf8" });
      expect(resume.status, resume.stderr).toBe(0);
      expect(resume.stdout).toContain("done 20000");
      const done = sql.prepare(`SELECT status, "appliedRows" FROM "ImportJob" WHERE id = ?`).get(jobId) as { status: string; appliedRows: number };
      expect(done).toEqual({ status: "APPLIED", appliedRows: 20_000 });
      const after = now();
      expect(rows.filter((r) => after.get(`${r.storeId} ${r.skuId}`) !== r.q)).toEqual([]);
      expect(ledger(jobId!)).toBe(rows.filter((r) => (before.get(`${r.storeId} ${r.skuId}`) ?? 0) !== r.q).length);
    } finally {
      sql.close();
    }
  });
});
