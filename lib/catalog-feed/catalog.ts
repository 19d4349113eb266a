import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { isValidGtin13 } from "@/lib/catalog/gtin";
import { invalidateProduct } from "@/lib/catalog/cache-tags";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/refusal";

// Catalog rows from outside (CSV imports and the ERP API): one row per SKU carrying its style's fields.
// checkCatalogRows finds, without writing, everything the database would refuse; upsertCatalogRows writes
// every row or none in ONE batch transaction (no interactive transaction: decision 013).

const text = (max: number) => z.string().trim().min(1).max(max);

// One row per SKU, carrying its style's fields (what ERPs and spreadsheets export).
export const catalogRow = z.object({
  styleCode: text(64),
  name: text(200),
  nameEn: z.string().trim().max(200).optional(),
  categorySlug: text(100),
  priceFen: z.number().int().min(0).max(100_000_000),
  listPriceFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
  season: z.string().trim().max(40).optional(),
  description: z.string().max(5000).optional(),
  active: z.boolean().optional(),
  gtin: z.string().trim().regex(/^\d{13}$/, "GTIN 须为 13 位数字 / GTIN must be 13 digits"),
  colorCode: text(32),
  colorName: text(64),
  colorHex: z.string().regex(/^#[0-9a-fA-F]{6}$/, "颜色须为 #rrggbb / Colour must be #rrggbb"),
  size: text(32),
  sizeOrder: z.number().int().min(-1000).max(1000),
  skuPriceFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export type CatalogRow = z.infer<typeof catalogRow>;
export type RowError = { row: number; field: string; message: string }; // row = 1-based index in the batch/file; message "中文 / English"

/** Thrown by the writers when rows were refused: nothing was written. */
export class CatalogFeedError extends Refusal {
  readonly code = "rows_refused";
  constructor(readonly errors: RowError[]) {
    super(`${errors.length} 行被拒绝 / ${errors.length} row(s) refused`);
  }
}

/** Thrown when the batch met a concurrent writer (a style or GTIN created meanwhile): nothing was written, send again. */
export class CatalogConflictError extends Error {
  readonly code = "conflict";
  constructor() {
    super("数据已被同时修改，请重试 / The catalog changed meanwhile: please send again");
  }
}

const STYLE_FIELDS = ["name", "nameEn", "categorySlug", "priceFen", "listPriceFen", "season", "description", "active"] as const;
const CHUNK = 500;

/** Reads `where: { <field>: { in } }` in chunks (SQLite caps bound parameters). */
export async function inChunks<T>(values: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await read(unique.slice(i, i + CHUNK))));
  return out;
}

/** zod issues of one row as RowErrors. */
export function schemaErrors<T>(schema: z.ZodType<T>, rows: unknown[], firstRowNo: number): { errors: RowError[]; good: { r: T; rowNo: number }[] } {
  const errors: RowError[] = [];
  const good: { r: T; rowNo: number }[] = [];
  rows.forEach((raw, i) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return good.push({ r: parsed.data, rowNo: firstRowNo + i });
    for (const issue of parsed.error.issues) errors.push({ row: firstRowNo + i, field: issue.path.join(".") || "row", message: bilingual(issue.message) });
  });
  return { errors, good };
}

function bilingual(message: string): string {
  return message.includes(" / ") ? message : `格式错误 / ${message}`;
}

type ExistingSku = { id: string; gtin: string; productId: string; colorCode: string; size: string; product: { brandId: string; styleCode: string } };

async function loadContext(brandId: string, rows: CatalogRow[]) {
  const [categories, products, skusByGtin] = await Promise.all([
    db.category.findMany({ where: { brandId }, select: { id: true, slug: true } }),
    inChunks(
      rows.map((r) => r.styleCode),
      (codes) => db.product.findMany({ where: { brandId, styleCode: { in: codes } }, select: { id: true, styleCode: true, priceFen: true, listPriceFen: true } }),
    ),
    inChunks(
      rows.map((r) => r.gtin),
      (gtins) =>
        db.sku.findMany({
          where: { gtin: { in: gtins } },
          select: { id: true, gtin: true, productId: true, colorCode: true, size: true, product: { select: { brandId: true, styleCode: true } } },
        }),
    ),
  ]);
  // SKUs already on the styles named: a (colour, size) taken by another GTIN would break the style's unique pair.
  const skusOfStyles = await inChunks(
    products.map((p) => p.id),
    (ids) => db.sku.findMany({ where: { productId: { in: ids } }, select: { id: true, gtin: true, productId: true, colorCode: true, size: true } }),
  );
  return {
    categoryBySlug: new Map(categories.map((c) => [c.slug, c.id])),
    productByCode: new Map(products.map((p) => [p.styleCode, p])),
    skuByGtin: new Map<string, ExistingSku>(skusByGtin.map((s) => [s.gtin, s])),
    gtinByPair: new Map(skusOfStyles.map((s) => [`${s.productId}\u0000${s.colorCode}\u0000${s.size}`, s.gtin])),
  };
}

/** Everything the database would refuse, per row, without writing: unknown category, GTIN already used by
 *  another style or brand, the same GTIN or (style, colour, size) twice in the rows, price > list price… */
export async function checkCatalogRows(brandId: string, rows: CatalogRow[], firstRowNo = 1): Promise<RowError[]> {
  return (await checkWithContext(brandId, rows, firstRowNo)).errors;
}

async function checkWithContext(brandId: string, rows: CatalogRow[], firstRowNo: number) {
  // Checked as parsed (trimmed), the form in which they are written.
  const { errors, good } = schemaErrors(catalogRow, rows, firstRowNo);
  const ctx = await loadContext(
    brandId,
    good.map((g) => g.r),
  );
  const seenGtin = new Map<string, number>();
  const seenPair = new Map<string, number>();
  const firstOfStyle = new Map<string, CatalogRow>();
  for (const { r, rowNo } of good) {
    const fail = (field: string, message: string) => errors.push({ row: rowNo, field, message });
    if (!isValidGtin13(r.gtin)) fail("gtin", `GTIN 校验位错误 / Invalid EAN-13 check digit: ${r.gtin}`);
    if (!ctx.categoryBySlug.has(r.categorySlug)) fail("categorySlug", `分类不存在 / Unknown category: ${r.categorySlug}`);
    if (r.listPriceFen != null && r.listPriceFen < r.priceFen) fail("listPriceFen", "原价不能低于售价 / The list price cannot be below the price");
    const product = ctx.productByCode.get(r.styleCode);
    if (r.listPriceFen === undefined && product?.listPriceFen != null && product.listPriceFen < r.priceFen)
      fail("priceFen", "售价不能高于现有原价 / The price cannot exceed the style's current list price");

    const dupGtin = seenGtin.get(r.gtin);
    if (dupGtin !== undefined) fail("gtin", `GTIN 在第 ${dupGtin} 行已出现 / GTIN already in row ${dupGtin}`);
    else seenGtin.set(r.gtin, rowNo);
    const pair = `${r.styleCode}\u0000${r.colorCode}\u0000${r.size}`;
    const dupPair = seenPair.get(pair);
    if (dupPair !== undefined) fail("size", `同款同色同码在第 ${dupPair} 行已出现 / Same style, colour and size already in row ${dupPair}`);
    else seenPair.set(pair, rowNo);

    const first = firstOfStyle.get(r.styleCode);
    if (!first) firstOfStyle.set(r.styleCode, r);
    else
      for (const f of STYLE_FIELDS)
        if (first[f] !== r[f]) fail(f, `同一款号的款式字段不一致 / Rows of style ${r.styleCode} disagree on ${f}`);

    const existing = ctx.skuByGtin.get(r.gtin);
    if (existing && (existing.product.brandId !== brandId || existing.product.styleCode !== r.styleCode))
      fail("gtin", `GTIN 已属于其他款式或品牌 / GTIN already belongs to another style or brand`);
    if (product) {
      const taken = ctx.gtinByPair.get(`${product.id}\u0000${r.colorCode}\u0000${r.size}`);
      if (taken && taken !== r.gtin) fail("size", `该款此颜色尺码已有 GTIN ${taken} / This style already has ${taken} for that colour and size`);
    }
  }
  return { errors: errors.sort((a, b) => a.row - b.row), ctx };
}

/** Upserts styles (by brand + styleCode) and SKUs (by GTIN) in ONE batch transaction: all rows or none.
 *  Invalidates catalog cache tags after commit. */
export async function upsertCatalogRows(
  brandId: string,
  rows: CatalogRow[],
  actor: string,
): Promise<{ stylesCreated: number; stylesUpdated: number; skusCreated: number; skusUpdated: number }> {
  const plan = await planCatalogUpsert(brandId, rows);
  await commitFeed(brandId, plan, actor);
  return plan.counts;
}

/** Commits a planned feed batch alone (the API adds its receipt and commits itself), then refreshes the cache. */
export async function commitFeed(brandId: string, plan: { statements: Prisma.PrismaPromise<unknown>[]; styleCodes: string[] }, actor: string): Promise<void> {
  try {
    await db.$transaction(plan.statements);
  } catch (e) {
    throw asConflict(e);
  }
  catalogChanged(brandId, plan.styleCodes);
  void actor; // who wrote is recorded by the caller (audit log, ERP receipt)
}

/** The checked write of catalog rows as statements, for a caller that adds its own (the ERP receipt) to the batch. */
export async function planCatalogUpsert(brandId: string, raw: CatalogRow[], now = new Date()) {
  const { errors, ctx } = await checkWithContext(brandId, raw, 1);
  if (errors.length) throw new CatalogFeedError(errors);
  const rows = raw.map((r) => catalogRow.parse(r));
  const statements: Prisma.PrismaPromise<unknown>[] = [];
  const counts = { stylesCreated: 0, stylesUpdated: 0, skusCreated: 0, skusUpdated: 0 };
  const productIds = new Map<string, string>();
  for (const r of rows) {
    if (productIds.has(r.styleCode)) continue;
    const categoryId = ctx.categoryBySlug.get(r.categorySlug)!;
    const existing = ctx.productByCode.get(r.styleCode);
    const data = {
      name: r.name,
      categoryId,
      priceFen: r.priceFen,
      ...(r.nameEn !== undefined && { nameEn: r.nameEn }),
      ...(r.listPriceFen !== undefined && { listPriceFen: r.listPriceFen }),
      ...(r.season !== undefined && { season: r.season }),
      ...(r.description !== undefined && { description: r.description }),
      ...(r.active !== undefined && { active: r.active }),
    };
    if (existing) {
      productIds.set(r.styleCode, existing.id);
      statements.push(db.product.update({ where: { id: existing.id }, data }));
      counts.stylesUpdated++;
    } else {
      const id = crypto.randomUUID();
      productIds.set(r.styleCode, id);
      statements.push(db.product.create({ data: { ...data, id, brandId, styleCode: r.styleCode, nameEn: r.nameEn || r.name, launchedAt: now } }));
      counts.stylesCreated++;
    }
  }
  for (const r of rows) {
    const data = {
      colorCode: r.colorCode,
      colorName: r.colorName,
      colorHex: r.colorHex.toLowerCase(),
      size: r.size,
      sizeOrder: r.sizeOrder,
      ...(r.skuPriceFen !== undefined && { priceFen: r.skuPriceFen }),
    };
    const existing = ctx.skuByGtin.get(r.gtin);
    if (existing) {
      statements.push(db.sku.update({ where: { id: existing.id }, data }));
      counts.skusUpdated++;
    } else {
      statements.push(db.sku.create({ data: { ...data, gtin: r.gtin, productId: productIds.get(r.styleCode)! } }));
      counts.skusCreated++;
    }
  }
  return { statements, counts, styleCodes: [...productIds.keys()] };
}

/** A refused batch (unique or check constraint): someone wrote the same style or GTIN meanwhile. */
export function asConflict(e: unknown): unknown {
  const message = String((e as { message?: string })?.message ?? e);
  return /constraint|unique|P2002|P2025/i.test(message) || (e as { code?: string })?.code === "P2002" ? new CatalogConflictError() : e;
}

/** After commit: the product pages and the brand's listings are refreshed on every instance. */
export function catalogChanged(brandId: string, styleCodes: string[]): void {
  try {
    for (const code of styleCodes) invalidateProduct(brandId, code);
  } catch {
    // The write has committed; a failed refresh must not undo the answer (the cached reads' lifetime is the safety net).
  }
}
