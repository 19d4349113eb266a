import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { newStyleForm, skuForm, styleForm } from "@/lib/catalog/admin-input";
import { addStyleImage, createStyle, deleteImage, deleteStyle, moveImage, saveSku, setImageColour, updateStyle } from "@/lib/catalog/manage";
import { listStyles } from "@/lib/catalog/admin-queries";
import { parseListParams } from "@/lib/admin/list-params";

// The console's style and SKU writes against the seeded database: a style made, edited and given SKUs and
// pictures; bad GTINs (check digit, already used) and another brand's ids refused with nothing written.

// Uploaded test pictures go to a temporary folder, not the worktree's data/media.
process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-admin-media-"));

const ACTOR = "staff:catalog-admin-test" as const;
const CODE = "ITCAT0001";
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

let lumi = "";
let nord = "";
let category = "";
let nordProduct = "";
let productId = "";
const style = (over: Record<string, unknown> = {}) => ({ styleCode: CODE, name: "测试大衣", nameEn: "Test coat", description: "", categoryId: category, season: "26AW", active: true, price: "899", listPrice: "1299", ...over });
const sku = (over: Record<string, unknown> = {}) => skuForm.parse({ gtin: makeGtin13("690000000101"), colorCode: "01", colorName: "黑色", colorHex: "#1C1C1E", size: "M", sizeOrder: "3", price: "", ...over });
const snapshot = () => db.product.findUnique({ where: { id: productId }, include: { skus: { orderBy: { gtin: "asc" } }, images: { orderBy: { sort: "asc" } } } });

beforeAll(async () => {
  lumi = (await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } })).id;
  nord = (await db.brand.findUniqueOrThrow({ where: { slug: "nord" } })).id;
  category = (await db.category.findFirstOrThrow({ where: { brandId: lumi, parentId: { not: null } } })).id;
  nordProduct = (await db.product.findFirstOrThrow({ where: { brandId: nord } })).id;
});

afterAll(async () => {
  // Leave the shared database as seeded: the test style has no orders or stock, so it can go entirely.
  const p = await db.product.findFirst({ where: { brandId: lumi, styleCode: CODE } });
  if (p) {
    await db.sku.deleteMany({ where: { productId: p.id } });
    await db.product.delete({ where: { id: p.id } });
  }
  await db.auditLog.deleteMany({ where: { actor: ACTOR } });
});

describe("styles", () => {
  it("creates a style with prices in fen, audited", async () => {
    const result = await createStyle(lumi, newStyleForm.parse(style()), ACTOR);
    expect(result.ok).toBe(true);
    productId = result.ok ? result.id : "";
    expect(await db.product.findUnique({ where: { id: productId } })).toMatchObject({ brandId: lumi, styleCode: CODE, priceFen: 89900, listPriceFen: 129900 });
    expect(await db.auditLog.count({ where: { actor: ACTOR, action: "catalog.changed", target: `product:${productId}` } })).toBe(1);
  });

  it("refuses the same style code twice", async () => {
    expect(await createStyle(lumi, newStyleForm.parse(style()), ACTOR)).toEqual({ ok: false, message: `款号 ${CODE} 已存在 / Style code ${CODE} already exists` });
  });

  it("edits name, price and active state", async () => {
    const { styleCode: _code, ...fields } = style({ name: "测试大衣 改", price: "799.5", listPrice: "", active: false });
    expect(await updateStyle(lumi, productId, styleForm.parse(fields), ACTOR)).toEqual({ ok: true });
    expect(await db.product.findUnique({ where: { id: productId } })).toMatchObject({ name: "测试大衣 改", priceFen: 79950, listPriceFen: null, active: false });
  });

  it("is found by style code, name and GTIN in the list, and filtered by active state", async () => {
    const params = (q: string) => parseListParams({ q }, { sorts: ["styleCode", "name", "price", "launchedAt", "createdAt"], defaultSort: "styleCode" });
    expect((await listStyles(lumi, params("itcat"), "all")).rows.map((r) => r.styleCode)).toEqual([CODE]);
    expect((await listStyles(lumi, params("测试大衣"), "inactive")).rows.map((r) => r.styleCode)).toEqual([CODE]);
    expect((await listStyles(lumi, params(CODE), "active")).total).toBe(0);
    expect((await listStyles(nord, params(CODE), "all")).total).toBe(0);
  });

  it("refuses another brand's style and a category of another brand, changing nothing", async () => {
    const nordBefore = await db.product.findUniqueOrThrow({ where: { id: nordProduct } });
    const { styleCode: _code, ...fields } = style();
    expect(await updateStyle(lumi, nordProduct, styleForm.parse(fields), ACTOR)).toEqual({ ok: false, message: "商品不存在 / Product not found" });
    expect(await db.product.findUniqueOrThrow({ where: { id: nordProduct } })).toEqual(nordBefore);
    const nordCategory = (await db.category.findFirstOrThrow({ where: { brandId: nord } })).id;
    const before = await snapshot();
    expect(await updateStyle(lumi, productId, styleForm.parse({ ...fields, categoryId: nordCategory }), ACTOR)).toEqual({ ok: false, message: "分类不存在 / Category not found" });
    expect(await saveSku(lumi, nordProduct, null, sku(), ACTOR)).toEqual({ ok: false, message: "商品不存在 / Product not found" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("SKUs", () => {
  it("adds SKUs and edits one", async () => {
    const a = await saveSku(lumi, productId, null, sku(), ACTOR);
    const b = await saveSku(lumi, productId, null, sku({ gtin: makeGtin13("690000000102"), size: "L", sizeOrder: "4", price: "899.00" }), ACTOR);
    expect(a.ok && b.ok).toBe(true);
    const edited = await saveSku(lumi, productId, a.ok ? a.id : "", sku({ colorName: "曜石黑", price: "850" }), ACTOR);
    expect(edited.ok).toBe(true);
    const skus = (await snapshot())!.skus;
    expect(skus.map((s) => [s.size, s.colorName, s.priceFen])).toEqual([["M", "曜石黑", 85000], ["L", "黑色", 89900]]);
  });

  it("refuses a wrong check digit before anything is looked up", () => {
    const bad = skuForm.safeParse({ gtin: "6900000001012", colorCode: "01", colorName: "黑", colorHex: "#000000", size: "S", sizeOrder: "1", price: "" });
    // 690000000101 + check digit 1 is valid, so 2 is not.
    expect(makeGtin13("690000000101")).not.toBe("6900000001012");
    expect(bad.success).toBe(false);
  });

  it("refuses a GTIN another SKU already has (here a seeded one) and a duplicate colour + size, writing nothing", async () => {
    const seeded = await db.sku.findFirstOrThrow({ where: { product: { brandId: nord } }, include: { product: true } });
    const before = await snapshot();
    expect(await saveSku(lumi, productId, null, sku({ gtin: seeded.gtin, size: "XL", sizeOrder: "5" }), ACTOR)).toEqual({
      ok: false,
      message: `GTIN ${seeded.gtin} 已用于款号 ${seeded.product.styleCode} / GTIN ${seeded.gtin} is already used by style ${seeded.product.styleCode}`,
    });
    expect(await saveSku(lumi, productId, null, sku({ gtin: makeGtin13("690000000103") }), ACTOR)).toMatchObject({ ok: false, message: expect.stringMatching(/ \/ This style already has a SKU in colour 01, size M$/) });
    expect(await snapshot()).toEqual(before);
    expect(await db.sku.count({ where: { gtin: makeGtin13("690000000103") } })).toBe(0);
  });
});

describe("pictures", () => {
  it("uploads, colours, reorders and deletes pictures", async () => {
    const first = await addStyleImage(lumi, productId, { bytes: PNG, colorCode: null, alt: "" }, ACTOR);
    const second = await addStyleImage(lumi, productId, { bytes: Buffer.concat([PNG, Buffer.from([1])]), colorCode: "01", alt: "back" }, ACTOR);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.url).toMatch(/^\/api\/media\/products\/[0-9a-f]{64}\.png$/);
    expect(await moveImage(lumi, second.id, "up", ACTOR)).toEqual({ ok: true });
    expect((await snapshot())!.images.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(await setImageColour(lumi, first.id, "99", ACTOR)).toEqual({ ok: false, message: "该款没有颜色 99 / This style has no colour 99" });
    expect(await setImageColour(lumi, first.id, "01", ACTOR)).toEqual({ ok: true });
    expect(await addStyleImage(lumi, productId, { bytes: Buffer.from("not a picture"), colorCode: null, alt: "" }, ACTOR)).toEqual({ ok: false, message: "只接受 JPEG、PNG、WebP 图片 / Only JPEG, PNG or WebP pictures" });
    // Another brand's admin cannot touch this style's pictures.
    expect(await deleteImage(nord, first.id, ACTOR)).toEqual({ ok: false, message: "图片不存在 / Picture not found" });
    expect(await deleteImage(lumi, first.id, ACTOR)).toEqual({ ok: true });
    expect((await snapshot())!.images.map((i) => [i.id, i.colorCode])).toEqual([[second.id, "01"]]);
  });
});

describe("deleting a style", () => {
  it("refuses a style with orders and says to deactivate it, then lets it go once the order is gone", async () => {
    // A cancelled order of the test style (no stock moved), removed again below.
    const member = await db.memberBrand.findFirstOrThrow({ where: { brandId: lumi } });
    const line = (await snapshot())!.skus[0]!;
    const store = await db.store.findFirstOrThrow({ where: { brandId: lumi, kind: "DIRECT" } });
    const order = await db.order.create({
      data: {
        number: "IT-CATALOG-ADMIN-1", brandId: lumi, memberId: member.memberId, fulfilment: "PICKUP", status: "CANCELLED", paymentMethod: "ONLINE", storeId: store.id,
        itemsFen: 79950, totalFen: 79950, idempotencyKey: "it-catalog-admin", requestHash: "x",
        lines: { create: { skuId: line.id, storeId: store.id, quantity: 1, unitPriceFen: 79950, styleCode: CODE, productName: "测试大衣", colorName: "黑色", size: "M" } },
      },
    });
    try {
      expect(await deleteStyle(lumi, productId, ACTOR)).toEqual({ ok: false, message: "该款已有订单，不能删除，请改为停用 / This style has orders and cannot be deleted: deactivate it instead" });
      expect(await db.product.count({ where: { id: productId } })).toBe(1);
    } finally {
      await db.order.delete({ where: { id: order.id } });
    }
  });

  it("deletes a style made by mistake (no orders, no stock) with its SKUs and pictures", async () => {
    expect(await deleteStyle(nord, productId, ACTOR)).toEqual({ ok: false, message: "商品不存在 / Product not found" });
    expect(await deleteStyle(lumi, productId, ACTOR)).toEqual({ ok: true });
    expect(await db.product.count({ where: { id: productId } })).toBe(0);
    expect(await db.sku.count({ where: { productId } })).toBe(0);
  });
});
