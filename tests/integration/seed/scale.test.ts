import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidGtin13 } from "@/lib/catalog/gtin";
import { scaleCounts } from "@/lib/seed/scale";
import { createFreshDatabase, type FreshDatabase } from "../../setup/fresh-db";

const SCALE = 0.002;
const TABLES = ["Brand", "Store", "Category", "Product", "ProductImage", "Sku", "Inventory", "StockLedger", "Member", "MemberBrand", "MemberTag", "Staff", "GuideBinding", "QrScene", "Order", "OrderLine", "OrderEvent", "Payment"];

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const seedScale = (url: string, ...flags: string[]) =>
  spawnSync(process.execPath, [tsx, path.join(process.cwd(), "scripts", "seed-scale.ts"), `--scale=${SCALE}`, ...flags], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });

function open(url: string) {
  return new Database(url.slice("file:".length), { readonly: true });
}

function tableHashes(url: string): Record<string, string> {
  const db = open(url);
  try {
    return Object.fromEntries(TABLES.map((t) => [t, crypto.createHash("sha256").update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY id`).all())).digest("hex")]));
  } finally {
    db.close();
  }
}

describe("the chain-scale seed (npm run seed:scale), at a small scale", () => {
  let one: FreshDatabase;
  let two: FreshDatabase;
  beforeAll(async () => {
    [one, two] = [await createFreshDatabase(), await createFreshDatabase()];
    const [r1, r2] = [seedScale(one.url), seedScale(two.url)];
    expect(r1.status, r1.stderr).toBe(0);
    expect(r2.status, r2.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await one?.cleanup();
    await two?.cleanup();
  });

  it("writes the planned number of rows for its scale", () => {
    const c = scaleCounts(SCALE);
    const db = open(one.url);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    try {
      expect(count(`SELECT COUNT(*) AS n FROM "Brand"`)).toBe(1);
      expect(count(`SELECT COUNT(*) AS n FROM "Store"`)).toBe(c.stores);
      expect(count(`SELECT COUNT(*) AS n FROM "Product"`)).toBe(c.styles);
      expect(count(`SELECT COUNT(*) AS n FROM "Sku"`)).toBe(c.skus);
      expect(count(`SELECT COUNT(*) AS n FROM "Inventory"`)).toBe(c.inventory);
      expect(count(`SELECT COUNT(*) AS n FROM "Member"`)).toBe(c.members);
      expect(count(`SELECT COUNT(*) AS n FROM "MemberBrand"`)).toBe(c.members);
      expect(count(`SELECT COUNT(*) AS n FROM "Staff" WHERE "role" = 'GUIDE' AND "storeId" IS NOT NULL`)).toBe(c.guides);
      expect(count(`SELECT COUNT(*) AS n FROM "Order"`)).toBe(c.orders);
      expect(count(`SELECT COUNT(*) AS n FROM "OrderLine"`)).toBeGreaterThanOrEqual(c.orders);
      expect(count(`SELECT COUNT(*) AS n FROM "Payment"`)).toBe(count(`SELECT COUNT(*) AS n FROM "Order" WHERE "status" <> 'CANCELLED'`));
      expect(count(`SELECT COUNT(DISTINCT "status") AS n FROM "Order"`)).toBe(4);
      expect(count(`SELECT COUNT(*) AS n FROM "QrScene"`)).toBe(c.styles + c.stores - 1); // every product, every shop (not the warehouse)
      expect(count(`SELECT COUNT(*) AS n FROM "StockLedger" WHERE "reason" = 'SEED'`)).toBe(c.inventory);
    } finally {
      db.close();
    }
  });

  it("writes the same data, ids and dates included, into two fresh databases", () => {
    expect(tableHashes(one.url)).toEqual(tableHashes(two.url));
  });

  it("keeps the ledger equal to the stock of every row, and the references intact", () => {
    const db = open(one.url);
    try {
      const drift = db
        .prepare(
          `SELECT COUNT(*) AS n FROM "Inventory" i LEFT JOIN (SELECT "storeId", "skuId", SUM("onHandDelta") AS h, SUM("reservedDelta") AS r FROM "StockLedger" GROUP BY 1, 2) l
           ON l."storeId" = i."storeId" AND l."skuId" = i."skuId" WHERE l.h IS NULL OR l.h <> i."onHand" OR l.r <> i."reserved"`,
        )
        .get() as { n: number };
      expect(drift.n).toBe(0);
      expect(db.pragma("foreign_key_check")).toEqual([]);
      // Order lines only sell what their store carries; totals add up (CHECKs would have thrown on the rest).
      expect((db.prepare(`SELECT COUNT(*) AS n FROM "OrderLine" ol LEFT JOIN "Inventory" i ON i."storeId" = ol."storeId" AND i."skuId" = ol."skuId" WHERE i.id IS NULL`).get() as { n: number }).n).toBe(0);
      expect((db.prepare(`SELECT COUNT(*) AS n FROM "Order" o WHERE "itemsFen" <> (SELECT SUM("quantity" * "unitPriceFen") FROM "OrderLine" WHERE "orderId" = o.id)`).get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });

  it("gives every SKU a valid, unique EAN-13", () => {
    const db = open(one.url);
    try {
      const gtins = (db.prepare(`SELECT "gtin" FROM "Sku"`).all() as { gtin: string }[]).map((r) => r.gtin);
      expect(gtins.every(isValidGtin13)).toBe(true);
      expect(new Set(gtins).size).toBe(gtins.length);
    } finally {
      db.close();
    }
  });

  it("refuses a database that already has brands, and changes nothing", () => {
    const before = tableHashes(one.url);
    const run = seedScale(one.url);
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/已有 1 个品牌/);
    expect(tableHashes(one.url)).toEqual(before);
  });
});
