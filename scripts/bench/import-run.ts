// Child process of the import benchmark (scripts/bench/imports.ts): DATABASE_URL names a fresh copy of the bench
// database. Writes a deterministic stock CSV of --rows (store × SKU) pairs of the brand, then runs the dry run
// and the apply through lib/imports exactly as the upload route does, and writes the timings as JSON to --out.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { db, ensurePragmas } from "@/lib/db";
import { applyImport, dryRunImport } from "@/lib/imports/jobs";

const { values } = parseArgs({ options: { rows: { type: "string" }, brand: { type: "string" }, csv: { type: "string" }, out: { type: "string" } } });
const ROWS = Number(values.rows ?? 100_000);
const csvPath = values.csv!;
const outPath = values.out!;

await ensurePragmas();
const brand = await db.brand.findFirstOrThrow({ where: { slug: values.brand ?? "lumi" } });
const skus = await db.sku.findMany({ where: { product: { brandId: brand.id } }, orderBy: { gtin: "asc" }, select: { id: true, gtin: true } });
let stores = await db.store.findMany({ where: { brandId: brand.id }, orderBy: { code: "asc" }, select: { id: true, code: true } });
// The seed has ~35 stores × ~1,000 SKUs per brand: bench-only stores (this copy of the database only) make up the rest.
const extra = Math.max(0, Math.ceil(ROWS / skus.length) - stores.length);
if (extra > 0) {
  const template = await db.store.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { code: "asc" } });
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = template;
  await db.store.createMany({ data: Array.from({ length: extra }, (_, i) => ({ ...fields, code: `BENCH${String(i + 1).padStart(3, "0")}`, name: `Bench store ${i + 1}` })) });
  stores = await db.store.findMany({ where: { brandId: brand.id }, orderBy: { code: "asc" }, select: { id: true, code: true } });
}

// Deterministic figures; the expected number of changed (store, SKU) pairs is counted from what is on hand now.
const held = new Map((await db.inventory.findMany({ where: { store: { brandId: brand.id } }, select: { storeId: true, skuId: true, onHand: true, reserved: true } })).map((i) => [`${i.storeId} ${i.skuId}`, i]));
const out = fs.createWriteStream(csvPath);
out.write("\uFEFFstoreCode,gtin,quantity\n");
let expectedChanges = 0;
let n = 0;
outer: for (const store of stores) {
  for (const sku of skus) {
    if (n >= ROWS) break outer;
    const now = held.get(`${store.id} ${sku.id}`);
    // Never below what open orders reserve (that row would be refused, rightly).
    const quantity = Math.max((n * 7919 + 13) % 41, now?.reserved ?? 0);
    if ((now?.onHand ?? 0) !== quantity) expectedChanges++;
    out.write(`${store.code},${sku.gtin},${quantity}\n`);
    n++;
  }
}
await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
const bytes = fs.statSync(csvPath).size;

const staff = await db.staff.findFirst({ where: { username: `${brand.slug}.admin` } });
const t0 = performance.now();
const checked = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "bench-stock.csv", actor: `staff:${staff?.id ?? "bench"}`, source: fs.createReadStream(csvPath, { highWaterMark: 256 * 1024 }), bytesTotal: bytes });
const t1 = performance.now();
if (checked.status !== "READY") throw new Error(`bench CSV refused: ${JSON.stringify(checked.errors.slice(0, 3))}`);
const applied = await applyImport(checked.jobId);
const t2 = performance.now();
const ledgerRows = await db.stockLedger.count({ where: { reference: `import:${checked.jobId}` } });

const result = {
  brand: brand.slug,
  rows: checked.totalRows,
  csvBytes: bytes,
  stores: stores.length,
  benchStoresAdded: extra,
  skus: skus.length,
  batches: applied.batches,
  validateS: (t1 - t0) / 1000,
  applyS: (t2 - t1) / 1000,
  totalS: (t2 - t0) / 1000,
  rowsPerSec: checked.totalRows / ((t2 - t0) / 1000),
  ledgerRows,
  expectedLedgerRows: expectedChanges,
};
fs.writeFileSync(outPath, JSON.stringify(result, null, 2));
await db.$disconnect();
