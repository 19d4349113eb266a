import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { CatalogFeedError, checkCatalogRows, upsertCatalogRows, type CatalogRow } from "@/lib/catalog-feed/catalog";
import { applyPrices, checkPriceRows } from "@/lib/catalog-feed/prices";

// Catalog and price rows from outside: checked per row without writing, written all or none.
// Every style and GTIN here is new (prefix 20, "in-store" GS1 range), so seeded data stays as it was. The styles
// are inactive and their codes sort just after the brand's first seeded style (never first or last), so the
// catalogue tests' "first / last / newest style" stay seeded ones.
const run = `LM26W0001-T${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
let seq = 0;
const newGtin = () => makeGtin13(`20${String(Date.now() % 1e7).padStart(7, "0")}${String(seq++).padStart(3, "0")}`);
const lumi = () => db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
const leafOf = async (brandId: string) => (await db.category.findFirstOrThrow({ where: { brandId, children: { none: {} } }, orderBy: { slug: "asc" } })).slug;

function row(styleCode: string, categorySlug: string, over: Partial<CatalogRow> = {}): CatalogRow {
  return {
    styleCode,
    name: "测试款",
    nameEn: "Test style",
    categorySlug,
    priceFen: 19900,
    listPriceFen: 29900,
    gtin: newGtin(),
    colorCode: "BK",
    colorName: "黑色",
    colorHex: "#111111",
    size: "M",
    sizeOrder: 2,
    active: false,
    ...over,
  };
}

describe("catalog rows", () => {
  it("creates a style with its SKUs, then updates them by style code and GTIN", async () => {
    const brand = await lumi();
    const slug = await leafOf(brand.id);
    const code = `${run}A`;
    const rows = [row(code, slug), row(code, slug, { size: "L", sizeOrder: 3 })];
    expect(await checkCatalogRows(brand.id, rows)).toEqual([]);
    expect(await upsertCatalogRows(brand.id, rows, "test")).toEqual({ stylesCreated: 1, stylesUpdated: 0, skusCreated: 2, skusUpdated: 0 });

    const again: CatalogRow[] = rows.map((r) => ({ ...r, name: "改名", priceFen: 15900, skuPriceFen: r.size === "L" ? 16900 : undefined }));
    again.push(row(code, slug, { name: "改名", priceFen: 15900, size: "XL", sizeOrder: 4 }));
    expect(await upsertCatalogRows(brand.id, again, "test")).toEqual({ stylesCreated: 0, stylesUpdated: 1, skusCreated: 1, skusUpdated: 2 });
    const product = await db.product.findUniqueOrThrow({ where: { brandId_styleCode: { brandId: brand.id, styleCode: code } }, include: { skus: { orderBy: { sizeOrder: "asc" } } } });
    expect(product).toMatchObject({ name: "改名", priceFen: 15900, listPriceFen: 29900, nameEn: "Test style" });
    expect(product.skus.map((s) => [s.size, s.priceFen])).toEqual([
      ["M", null],
      ["L", 16900],
      ["XL", null],
    ]);
  });

  it("lists every bad row with its reason and writes nothing", async () => {
    const brand = await lumi();
    const slug = await leafOf(brand.id);
    const seeded = await db.sku.findFirstOrThrow({ where: { product: { brand: { slug: "nord" } } } });
    const code = `${run}B`;
    const good = row(code, slug);
    const badCheck = { ...row(code, slug, { size: "S" }), gtin: good.gtin.slice(0, 12) + String((Number(good.gtin[12]) + 1) % 10) };
    const rows: CatalogRow[] = [
      good,
      badCheck, // 2: check digit
      row(code, "no-such-category", { size: "L" }), // 3: category (and disagrees with row 1)
      row(code, slug, { gtin: good.gtin, size: "XL" }), // 4: GTIN twice
      row(code, slug, { size: "M" }), // 5: same style/colour/size as row 1
      row(`${run}C`, slug, { priceFen: 500, listPriceFen: 400 }), // 6: price above list price
      row(`${run}D`, slug, { gtin: seeded.gtin }), // 7: another brand's GTIN
      { ...row(`${run}E`, slug), colorHex: "red", priceFen: -1 } as CatalogRow, // 8: schema
    ];
    const errors = await checkCatalogRows(brand.id, rows);
    const fields = errors.map((e) => `${e.row}:${e.field}`);
    expect(fields).toEqual(
      expect.arrayContaining(["2:gtin", "3:categorySlug", "4:gtin", "5:size", "6:listPriceFen", "7:gtin", "8:colorHex", "8:priceFen"]),
    );
    expect(fields).not.toContain("1:gtin");
    for (const e of errors) expect(e.message).toMatch(/ \/ /);
    await expect(upsertCatalogRows(brand.id, rows, "test")).rejects.toBeInstanceOf(CatalogFeedError);
    expect(await db.product.count({ where: { styleCode: { startsWith: `${run}` }, NOT: { styleCode: `${run}A` } } })).toBe(0);
    expect(await db.sku.count({ where: { gtin: good.gtin } })).toBe(0);
  });

  it("checks and writes text fields trimmed (spreadsheet cells often carry spaces)", async () => {
    const brand = await lumi();
    const slug = await leafOf(brand.id);
    const code = `${run}W`;
    const rows = [row(` ${code} `, ` ${slug}`), row(code, slug, { size: "L " })];
    expect(await checkCatalogRows(brand.id, rows)).toEqual([]);
    expect(await upsertCatalogRows(brand.id, rows, "test")).toMatchObject({ stylesCreated: 1, skusCreated: 2 });
    const skus = await db.sku.findMany({ where: { product: { styleCode: code, brandId: brand.id } }, orderBy: { size: "asc" } });
    expect(skus.map((s) => s.size)).toEqual(["L", "M"]);
  });

  it("numbers rows from the caller's first row (a file's header offset)", async () => {
    const brand = await lumi();
    const errors = await checkCatalogRows(brand.id, [row(`${run}F`, "nope")], 2);
    expect(errors).toEqual([{ row: 2, field: "categorySlug", message: expect.stringContaining("Unknown category") }]);
  });
});

describe("price rows", () => {
  it("sets style and SKU prices in one batch; a bad row anywhere changes nothing", async () => {
    const brand = await lumi();
    const slug = await leafOf(brand.id);
    const code = `${run}P`;
    const rows = [row(code, slug), row(code, slug, { size: "L" })];
    await upsertCatalogRows(brand.id, rows, "test");

    const bad = [
      { styleCode: code, priceFen: 9900, listPriceFen: 12900 },
      { styleCode: "NOPE-STYLE", priceFen: 100 },
      { styleCode: code, gtin: rows[1]!.gtin, priceFen: 100, listPriceFen: 200 },
      { styleCode: code, priceFen: 100 },
    ];
    expect((await checkPriceRows(brand.id, bad)).map((e) => `${e.row}:${e.field}`)).toEqual(["2:styleCode", "3:listPriceFen", "4:styleCode"]);
    await expect(applyPrices(brand.id, bad, "test")).rejects.toBeInstanceOf(CatalogFeedError);
    expect(await db.product.findUniqueOrThrow({ where: { brandId_styleCode: { brandId: brand.id, styleCode: code } } })).toMatchObject({ priceFen: 19900 });

    expect(await applyPrices(brand.id, [{ styleCode: code, priceFen: 9900, listPriceFen: null }, { styleCode: code, gtin: rows[1]!.gtin, priceFen: 8800 }], "test")).toEqual({ updated: 2 });
    const product = await db.product.findUniqueOrThrow({ where: { brandId_styleCode: { brandId: brand.id, styleCode: code } }, include: { skus: true } });
    expect(product).toMatchObject({ priceFen: 9900, listPriceFen: null });
    expect(product.skus.find((s) => s.gtin === rows[1]!.gtin)?.priceFen).toBe(8800);
  });

  it("refuses a price above the style's current list price and a GTIN of another style", async () => {
    const brand = await lumi();
    const [a, b] = await db.product.findMany({ where: { brandId: brand.id, listPriceFen: { not: null } }, include: { skus: { take: 1 } }, take: 2 });
    const errors = await checkPriceRows(brand.id, [
      { styleCode: a!.styleCode, priceFen: a!.listPriceFen! + 1 },
      { styleCode: a!.styleCode, gtin: b!.skus[0]!.gtin, priceFen: 100 },
    ]);
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual(["1:priceFen", "2:gtin"]);
  });
});
