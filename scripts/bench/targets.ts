// Step 2: which URLs to measure. Flags win; otherwise pages are discovered from the database, read-only.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BENCH_DB, BenchError, ROOT } from "./env";
import type { BenchOptions } from "./options";

export type TargetName = "static" | "product" | "category";

export interface Target {
  name: TargetName;
  path: string;
  /** Where the path came from: a flag, the default, or the database (with what was picked). */
  source: string;
}

/** The database the pages are discovered from, or null when there is none. */
export function discoveryDatabase(opts: BenchOptions, managedServer: boolean): string | null {
  if (managedServer) return BENCH_DB;
  if (opts.db !== null) return path.resolve(opts.db);
  for (const candidate of [BENCH_DB, path.join(ROOT, "data", "app.db")]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

interface ProductRow {
  styleCode: string;
  available: number;
}
interface CategoryRow {
  slug: string;
  products: number;
}

// A product of the brand that shoppers can buy: active, with units available to sell online
// (on hand − reserved − the store's safety stock) in an active store. The one with the most SKUs
// in stock, so the page renders a full colour/size grid; ties broken by style code (deterministic).
const PRODUCT_SQL = `
  SELECT p.styleCode AS styleCode, SUM(i.onHand - i.reserved - st.safetyStock) AS available
  FROM Product p
  JOIN Brand b ON b.id = p.brandId
  JOIN Sku s ON s.productId = p.id
  JOIN Inventory i ON i.skuId = s.id
  JOIN Store st ON st.id = i.storeId
  WHERE b.slug = ? AND p.active = 1 AND st.active = 1 AND i.onHand - i.reserved > st.safetyStock
  GROUP BY p.id
  ORDER BY COUNT(DISTINCT s.id) DESC, p.styleCode ASC
  LIMIT 1`;

// A leaf category (no children) of the brand with active products; the fullest one, as the heaviest list.
const CATEGORY_SQL = `
  SELECT c.slug AS slug, COUNT(p.id) AS products
  FROM Category c
  JOIN Brand b ON b.id = c.brandId
  JOIN Product p ON p.categoryId = c.id AND p.active = 1
  WHERE b.slug = ? AND NOT EXISTS (SELECT 1 FROM Category k WHERE k.parentId = c.id)
  GROUP BY c.id
  ORDER BY COUNT(p.id) DESC, c.slug ASC
  LIMIT 1`;

export function resolveTargets(opts: BenchOptions, dbFile: string | null): Target[] {
  const staticTarget: Target = {
    name: "static",
    path: opts.staticPath,
    source: opts.staticPath === "/offline" ? "default (prerendered, no data)" : "--static",
  };
  if (opts.productPath !== null && opts.categoryPath !== null) {
    return [
      staticTarget,
      { name: "product", path: opts.productPath, source: "--product" },
      { name: "category", path: opts.categoryPath, source: "--category" },
    ];
  }

  const missingFlags = [opts.productPath === null ? "--product" : null, opts.categoryPath === null ? "--category" : null]
    .filter((flag) => flag !== null)
    .join(" and ");
  if (dbFile === null || !fs.existsSync(dbFile)) {
    throw new BenchError(
      `no database to discover pages from (${dbFile ?? "bench-results/bench.db or data/app.db"}); pass --db <file> or ${missingFlags}`,
    );
  }
  const where = path.relative(ROOT, dbFile) || dbFile;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    let product: Target;
    if (opts.productPath !== null) {
      product = { name: "product", path: opts.productPath, source: "--product" };
    } else {
      const row = db.prepare<[string], ProductRow>(PRODUCT_SQL).get(opts.brand);
      if (!row) {
        throw new BenchError(`no active product of brand "${opts.brand}" with stock in ${where} (is it seeded?); pass --product <path>`);
      }
      product = {
        name: "product",
        path: `/${opts.brand}/p/${encodeURIComponent(row.styleCode)}`,
        source: `${where}: ${row.available} units available`,
      };
    }
    let category: Target;
    if (opts.categoryPath !== null) {
      category = { name: "category", path: opts.categoryPath, source: "--category" };
    } else {
      const row = db.prepare<[string], CategoryRow>(CATEGORY_SQL).get(opts.brand);
      if (!row) {
        throw new BenchError(`no leaf category of brand "${opts.brand}" with products in ${where} (is it seeded?); pass --category <path>`);
      }
      category = {
        name: "category",
        path: `/${opts.brand}/c/${encodeURIComponent(row.slug)}`,
        source: `${where}: leaf category with ${row.products} products`,
      };
    }
    return [staticTarget, product, category];
  } catch (error) {
    if (error instanceof BenchError) throw error;
    throw new BenchError(`could not read pages from ${where}: ${(error as Error).message}; pass ${missingFlags}`);
  } finally {
    db.close();
  }
}
