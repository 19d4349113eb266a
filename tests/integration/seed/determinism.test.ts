import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientFor, createFreshDatabase } from "../../setup/fresh-db";

const TABLES = ["Brand", "Store", "Category", "Product", "ProductImage", "Sku", "Inventory", "StockLedger", "Member", "MemberBrand", "QrScene", "Staff"];

/** A hash per table of every row, ordered by id: equal hashes mean identical data, ids and dates included. */
async function tableHashes(url: string): Promise<Record<string, string>> {
  const db = clientFor(url);
  try {
    const hashes: Record<string, string> = {};
    for (const t of TABLES) {
      const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${t}" ORDER BY "id"`);
      hashes[t] = crypto.createHash("sha256").update(JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v))).digest("hex");
    }
    return hashes;
  } finally {
    await db.$disconnect();
  }
}

describe("the demo seed", () => {
  it("writes the same data, ids and dates included, into two fresh databases", { timeout: 90_000 }, async () => {
    const [one, two] = [await createFreshDatabase(), await createFreshDatabase()];
    try {
      const tsx = createRequire(import.meta.url).resolve("tsx/cli");
      const seed = (url: string) =>
        spawnSync(process.execPath, [tsx, path.join(process.cwd(), "prisma", "seed.ts")], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
      const [r1, r2] = [seed(one.url), seed(two.url)];
      expect(r1.status, r1.stderr).toBe(0);
      expect(r2.status, r2.stderr).toBe(0);
      expect(await tableHashes(one.url)).toEqual(await tableHashes(two.url));
    } finally {
      await one.cleanup();
      await two.cleanup();
    }
  });

  it("refuses to seed a database that already has brands, and changes nothing", async () => {
    const before = await tableHashes(process.env.DATABASE_URL!);
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const run = spawnSync(process.execPath, [tsx, path.join(process.cwd(), "prisma", "seed.ts")], { env: process.env, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/已有 .* 个品牌/);
    expect(await tableHashes(process.env.DATABASE_URL!)).toEqual(before);
  });
});
