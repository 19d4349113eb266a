// `npm run db:seed` (tsx prisma/seed.ts [--reset]): writes the deterministic demo data set of lib/seed.
// Same code, same rows: every id, code, date and quantity comes from stable keys, faker's fixed seed and a
// fixed reference date. Refuses a database that already has brands unless --reset is given, which first
// deletes every row of every table (children before parents; migrations history kept).
import { db, ensurePragmas } from "@/lib/db";
import { assertValidGtin13 } from "@/lib/catalog/gtin";
import { recordOpeningStock } from "@/lib/inventory/opening-stock";
import { generateSeedData, REFERENCE_DATE, SEED_ACTOR, type SeedData } from "@/lib/seed";
import { generateDemoStaff } from "@/lib/seed/staff";
import { generateBindings } from "@/lib/seed/bindings";
import { generateDmCatalogs } from "@/lib/seed/dm";
import { memberSearchKeys } from "@/lib/members/search-keys";
import { onPostgres } from "@/lib/db/dialect";

const BATCH = 500;

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Every table of the database except SQLite's own and Prisma's migration history. */
async function userTables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
  );
  return rows.map((r) => r.name);
}

/**
 * Deletes all rows in an order the foreign keys accept: a table goes only when no table still holding rows
 * references it. Read from the live schema, so tables added by later migrations are handled too.
 * A self-referencing table (Category.parentId) is emptied leaves first.
 */
async function wipe(): Promise<void> {
  if (onPostgres()) {
    // One TRUNCATE of every table at once: PostgreSQL orders the foreign keys itself. `::text` because adapter-pg
    // cannot read the catalog's "name" type (prisma/orm#28145).
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.name.replace(/"/g, '""')}"`).join(", ")} CASCADE`);
    console.log(`--reset: emptied ${rows.length} tables`);
    return;
  }
  const tables = await userTables();
  const refs = new Map<string, { table: string; from: string; to: string }[]>();
  for (const t of tables) {
    refs.set(t, await db.$queryRawUnsafe<{ table: string; from: string; to: string }[]>(`SELECT "table", "from", "to" FROM pragma_foreign_key_list('${t.replace(/'/g, "''")}')`));
  }
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const remaining = new Set(tables);
  const order: string[] = [];
  while (remaining.size) {
    const next = [...remaining].filter((t) => ![...remaining].some((other) => other !== t && refs.get(other)!.some((fk) => fk.table === t)));
    if (!next.length) throw new Error(`cannot order tables for deletion (foreign-key cycle among ${[...remaining].join(", ")})`);
    for (const t of next) {
      order.push(t);
      remaining.delete(t);
    }
  }
  await db.$transaction(
    async (tx) => {
      for (const t of order) {
        const selfRefs = refs.get(t)!.filter((fk) => fk.table === t);
        for (let round = 0; selfRefs.length && round < 100; round++) {
          // Delete rows nothing points at (the leaves), until the tree is gone.
          const [fk] = selfRefs;
          const n = await tx.$executeRawUnsafe(`DELETE FROM ${q(t)} WHERE ${q(fk!.to)} NOT IN (SELECT ${q(fk!.from)} FROM ${q(t)} WHERE ${q(fk!.from)} IS NOT NULL)`);
          if (n === 0) break;
        }
        await tx.$executeRawUnsafe(`DELETE FROM ${q(t)}`);
      }
    },
    { timeout: 120_000 },
  );
  console.log(`--reset: emptied ${order.length} tables (${order.join(" → ")})`);
}

/** Checks the generated set before anything is written: valid, unique GTINs; non-negative stock. */
function check(data: SeedData): void {
  const seen = new Set<string>();
  for (const sku of data.skus) {
    assertValidGtin13(sku.gtin);
    if (seen.has(sku.gtin)) throw new Error(`duplicate GTIN ${sku.gtin}`);
    seen.add(sku.gtin);
  }
}

async function write(data: SeedData): Promise<void> {
  const roots = data.categories.filter((c) => c.parentId === null);
  const leaves = data.categories.filter((c) => c.parentId !== null);
  // One batch transaction for the whole catalog: either all of it is there or none of it.
  await db.$transaction([
    db.brand.createMany({ data: data.brands }),
    ...chunks(data.stores).map((c) => db.store.createMany({ data: c })),
    db.category.createMany({ data: roots }),
    db.category.createMany({ data: leaves }),
    ...chunks(data.products).map((c) => db.product.createMany({ data: c })),
    ...chunks(data.skus).map((c) => db.sku.createMany({ data: c })),
    ...chunks(data.images).map((c) => db.productImage.createMany({ data: c })),
    ...chunks(data.members).map((c) => db.member.createMany({ data: c })),
    ...chunks(data.memberBrands).map((c) => db.memberBrand.createMany({ data: c })),
    ...chunks(data.members.flatMap((m) => memberSearchKeys(m).map((key) => ({ key, memberId: m.id })))).map((c) => db.memberSearchKey.createMany({ data: c })),
    ...chunks(data.scenes).map((c) => db.qrScene.createMany({ data: c })),
  ]);
  // Demo staff (development accounts, README) after the stores they belong to.
  await db.staff.createMany({ data: await generateDemoStaff() });
  // Demo customers of the demo guides (their binding needs the staff rows).
  await db.guideBinding.createMany({ data: generateBindings(data.memberBrands) });
  // Demo VIP DM catalogs (their author is the brand admin).
  const dm = generateDmCatalogs(data.products, data.images);
  await db.$transaction([db.lookbook.createMany({ data: dm.catalogs }), db.lookbookItem.createMany({ data: dm.items }), db.catalogAudience.createMany({ data: dm.audience })]);
  // Stock only through the inventory module: it writes each Inventory row with its SEED ledger row.
  await recordOpeningStock(data.stock, SEED_ACTOR, "SEED", REFERENCE_DATE);
}

async function main(): Promise<void> {
  const started = performance.now();
  const reset = process.argv.includes("--reset");
  await ensurePragmas();
  const existing = await db.brand.count();
  if (existing > 0 && !reset) {
    console.error(
      `数据库已有 ${existing} 个品牌，未导入演示数据。要清空后重新导入，请运行 npm run db:seed -- --reset\n` +
        `The database already has ${existing} brand(s); nothing was seeded. To wipe it and seed again: npm run db:seed -- --reset`,
    );
    process.exitCode = 1;
    return;
  }
  if (reset) await wipe();

  const data = generateSeedData();
  check(data);
  await write(data);
  if (!onPostgres()) await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");

  const counts = {
    Brand: await db.brand.count(),
    Store: await db.store.count(),
    Staff: await db.staff.count(),
    Category: await db.category.count(),
    Product: await db.product.count(),
    Sku: await db.sku.count(),
    ProductImage: await db.productImage.count(),
    Inventory: await db.inventory.count(),
    StockLedger: await db.stockLedger.count(),
    Member: await db.member.count(),
    MemberBrand: await db.memberBrand.count(),
    QrScene: await db.qrScene.count(),
  };
  const ms = Math.round(performance.now() - started);
  console.log(`seed: done in ${ms} ms`);
  console.log(Object.entries(counts).map(([table, n]) => `  ${table.padEnd(13)}${n}`).join("\n"));
  const productScene = data.scenes.find((s) => s.kind === "PRODUCT" && s.brandId === "brand_lumi")!;
  const nordScene = data.scenes.find((s) => s.kind === "PRODUCT" && s.brandId === "brand_nord")!;
  const storeScene = data.scenes.find((s) => s.kind === "STORE")!;
  console.log("examples:");
  console.log(`  /s/${productScene.code}  product ${productScene.productId}`);
  console.log(`  /s/${nordScene.code}  product ${nordScene.productId}`);
  console.log(`  /s/${storeScene.code}  store ${storeScene.storeId}`);
}

main()
  .catch((error: unknown) => {
    console.error("seed: FAILED:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
