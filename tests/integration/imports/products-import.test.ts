import { describe, expect, it } from "vitest";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { db } from "@/lib/db";
import { COLUMNS } from "@/lib/imports/formats";
import { applyImport, dryRunImport } from "@/lib/imports/jobs";
import { bytesOf, csv, importFixture } from "./support";

// A products file: bad rows listed with their row numbers and nothing written; the fixed file creates the style
// and its SKUs through the catalog feed. The test style is inactive, its code sorts just after the brand's first
// seeded style (other files take the first, last and newest active styles), and it is deleted at the end.

const HEADER = COLUMNS.PRODUCTS.join(",");
const gtin = (n: number) => makeGtin13(`29900${String(Date.now() % 10_000_000).padStart(7, "0")}`.slice(0, 11) + String(n));

describe("products import", () => {
  it("lists bad rows, writes nothing, then creates the style and its SKUs from the fixed file", async () => {
    const { brand, actor } = await importFixture(0);
    const category = await db.category.findFirstOrThrow({ where: { brandId: brand.id, products: { some: {} } } });
    const first = await db.product.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { styleCode: "asc" } });
    const code = `${first.styleCode}-I${Date.now() % 100_000}`;
    const [g1, g2] = [gtin(1), gtin(2)];
    const row = (g: string, size: string, order: number, slug = category.slug, hex = "#112233") => [code, "导入测试款", "Import test style", slug, 19900, "", "2026 春夏", "", "false", g, "01", "黑色", hex, size, order, ""];

    try {
      const bad = await dryRunImport({ brandId: brand.id, kind: "PRODUCTS", fileName: "p.csv", actor, source: bytesOf(csv(HEADER, [row(g1, "S", 1), row(g2, "M", 2, "no-such-category"), row(g1, "L", 3), row(gtin(3), "XL", 4, category.slug, "black")])) });
      expect(bad.status).toBe("INVALID");
      expect(bad.errors).toEqual([
        { row: 3, field: "categorySlug", message: "分类不存在 / Unknown category: no-such-category" },
        { row: 3, field: "categorySlug", message: `同一款号的款式字段不一致 / Rows of style ${code} disagree on categorySlug` },
        { row: 4, field: "gtin", message: "同一 GTIN 重复（首次出现在第 2 行）/ the same GTIN again (first on row 2)" },
        { row: 5, field: "colorHex", message: "颜色必须是 #rrggbb / colour must be #rrggbb" },
      ]);
      expect(await db.product.count({ where: { brandId: brand.id, styleCode: code } })).toBe(0);

      const good = await dryRunImport({ brandId: brand.id, kind: "PRODUCTS", fileName: "p.csv", actor, source: bytesOf(csv(HEADER, [row(g1, "S", 1), row(g2, "M", 2)])) });
      expect(good).toMatchObject({ status: "READY", totalRows: 2 });
      await applyImport(good.jobId);
      const product = await db.product.findUniqueOrThrow({ where: { brandId_styleCode: { brandId: brand.id, styleCode: code } }, include: { skus: { orderBy: { sizeOrder: "asc" } } } });
      expect(product).toMatchObject({ name: "导入测试款", nameEn: "Import test style", priceFen: 19900, active: false, categoryId: category.id });
      expect(product.skus.map((s) => [s.gtin, s.size, s.colorHex])).toEqual([[g1, "S", "#112233"], [g2, "M", "#112233"]]);
    } finally {
      await db.$transaction([db.sku.deleteMany({ where: { product: { brandId: brand.id, styleCode: code } } }), db.product.deleteMany({ where: { brandId: brand.id, styleCode: code } })]);
    }
  });
});
