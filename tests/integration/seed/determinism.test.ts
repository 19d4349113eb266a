import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createFreshDatabase } from "../../setup/fresh-db";

const TABLES = ["Brand", "Store", "Category", "Product", "ProductImage", "Sku", "Inventory", "StockLedger", "Member", "MemberBrand", "QrScene"];

/** A hash per table of every row, ordered by id: equal hashes mean identical data, ids and dates included. */
function tableHashes(url: string): Record<string, string> {
  const db = new Database(url.slice("file:".length), { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, crypto.createHash("sha256").update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY id`).all())).digest("hex")]),
    );
  } finally {
    db.close();
  }
}

describe("the demo seed", () => {
  it("writes the same data, ids and dates included, into a fresh database as into this run's", { timeout: 60_000 }, async () => {
    const fresh = await createFreshDatabase();
    try {
      const tsx = createRequire(import.meta.url).resolve("tsx/cli");
      const run = spawnSync(process.execPath, [tsx, path.join(process.cwd(), "prisma", "seed.ts")], {
        env: { ...process.env, DATABASE_URL: fresh.url },
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      const a = tableHashes(fresh.url);
      const b = tableHashes(process.env.DATABASE_URL!);
      // This run's database has had test writes by now in a few tables; compare the ones tests leave alone.
      for (const t of ["Brand", "Store", "Category", "ProductImage", "StockLedger", "MemberBrand"]) expect(a[t], t).toBe(b[t]);
    } finally {
      await fresh.cleanup();
    }
  });

  it("refuses to seed a database that already has brands, and changes nothing", () => {
    const before = tableHashes(process.env.DATABASE_URL!);
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const run = spawnSync(process.execPath, [tsx, path.join(process.cwd(), "prisma", "seed.ts")], { env: process.env, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/已有 .* 个品牌/);
    expect(tableHashes(process.env.DATABASE_URL!)).toEqual(before);
  });
});
