// Reads the e2e database (read-only) so specs can pick real products, stores and scene codes and
// compute what the page should show, instead of hard-coding the seed's output.
import path from "node:path";
import Database from "better-sqlite3";
import { sortByDistance, wgs84ToGcj02 } from "@/lib/stores/geo";
import { sellableQuantity } from "@/lib/inventory/levels";

const file = path.join(process.cwd(), "tests", ".tmp", "e2e.db");
let handle: Database.Database | undefined;
function db(): Database.Database {
  handle ??= new Database(file, { readonly: true, fileMustExist: true });
  return handle;
}

export type StoreRow = { id: string; code: string; name: string; mallName: string; city: string; lat: number; lng: number; safetyStock: number };

export function shopperStores(brand: string): StoreRow[] {
  return db()
    .prepare(`SELECT s.id, s.code, s.name, s.mallName, s.city, s.lat, s.lng, s.safetyStock FROM Store s JOIN Brand b ON b.id = s.brandId
              WHERE b.slug = ? AND s.active = 1 AND s.kind != 'WAREHOUSE'`)
    .all(brand) as StoreRow[];
}

/** The nearest `limit` stores to a WGS-84 position, as the page computes them. */
export function nearestStores(brand: string, wgs: { latitude: number; longitude: number }, limit = 8) {
  const from = wgs84ToGcj02(wgs.latitude, wgs.longitude);
  return sortByDistance(shopperStores(brand), from).slice(0, limit);
}

/**
 * A product whose scene short code exists and one of whose SKUs is sold in some but not all of the
 * stores nearest to the position: the interesting case for the availability grid.
 */
export function productWithPartialNearbyStock(brand: string, wgs: { latitude: number; longitude: number }) {
  const near = nearestStores(brand, wgs);
  const nearIds = near.map((s) => s.id);
  const rows = db()
    .prepare(`SELECT p.styleCode, p.name, q.code AS sceneCode, k.id AS skuId, k.colorCode, k.colorName, k.size
              FROM Product p JOIN Brand b ON b.id = p.brandId JOIN QrScene q ON q.productId = p.id AND q.kind = 'PRODUCT' AND q.storeId IS NULL
              JOIN Sku k ON k.productId = p.id WHERE b.slug = ? AND p.active = 1 ORDER BY p.styleCode, k.colorCode, k.sizeOrder`)
    .all(brand) as { styleCode: string; name: string; sceneCode: string; skuId: string; colorCode: string; colorName: string; size: string }[];
  const stockOf = db().prepare(`SELECT storeId, onHand, reserved FROM Inventory WHERE skuId = ?`);
  for (const row of rows) {
    const stock = new Map((stockOf.all(row.skuId) as { storeId: string; onHand: number; reserved: number }[]).map((s) => [s.storeId, s]));
    const having = near.filter((s) => {
      const r = stock.get(s.id);
      return r && sellableQuantity(r.onHand, r.reserved, s.safetyStock) > 0;
    });
    if (having.length >= 2 && having.length < near.length) {
      return { ...row, storesWithIt: having.map((s) => s.code), nearestCodes: nearIds.map((id) => near.find((s) => s.id === id)!.code) };
    }
  }
  throw new Error("seed has no product with partial nearby stock");
}

export function skuByGtin(brand: string) {
  return db()
    .prepare(`SELECT k.gtin, k.colorCode, k.colorName, k.size, p.styleCode FROM Sku k JOIN Product p ON p.id = k.productId JOIN Brand b ON b.id = p.brandId WHERE b.slug = ? ORDER BY k.gtin LIMIT 1`)
    .get(brand) as { gtin: string; colorCode: string; colorName: string; size: string; styleCode: string };
}

export function leafCategoryWithProducts(brand: string) {
  return db()
    .prepare(`SELECT c.slug, c.name, COUNT(p.id) AS n FROM Category c JOIN Brand b ON b.id = c.brandId JOIN Product p ON p.categoryId = c.id AND p.active = 1
              WHERE b.slug = ? AND c.parentId IS NOT NULL GROUP BY c.id ORDER BY n DESC, c.slug LIMIT 1`)
    .get(brand) as { slug: string; name: string; n: number };
}

/** Products of a category that have the size in any colour (what the size filter should return). */
export function countWithSize(brand: string, categorySlug: string, size: string): number {
  return (db()
    .prepare(`SELECT COUNT(DISTINCT p.id) AS n FROM Product p JOIN Category c ON c.id = p.categoryId JOIN Brand b ON b.id = p.brandId
              JOIN Sku k ON k.productId = p.id WHERE b.slug = ? AND c.slug = ? AND p.active = 1 AND k.size = ?`)
    .get(brand, categorySlug, size) as { n: number }).n;
}

export function scanCount(sceneCode: string): number {
  return (db().prepare(`SELECT COUNT(*) AS n FROM SceneScan s JOIN QrScene q ON q.id = s.sceneId WHERE q.code = ?`).get(sceneCode) as { n: number }).n;
}
