import { z } from "zod";
import type { ImportKind } from "@/lib/generated/prisma/enums";

// The three CSV formats, column for column as lib/catalog-feed names the fields (catalogRow, priceRow,
// stockRow), so an export re-imports unchanged. Cells arrive as strings: these schemas turn them into the
// feed's rows ("" = not given), with a "中文 / English" message per field.

export const COLUMNS = {
  PRODUCTS: ["styleCode", "name", "nameEn", "categorySlug", "priceFen", "listPriceFen", "season", "description", "active", "gtin", "colorCode", "colorName", "colorHex", "size", "sizeOrder", "skuPriceFen"],
  PRICES: ["styleCode", "gtin", "priceFen", "listPriceFen"],
  STOCK: ["storeCode", "gtin", "quantity"],
} as const satisfies Record<ImportKind, readonly string[]>;

export const IMPORT_KINDS = ["PRODUCTS", "PRICES", "STOCK"] as const satisfies readonly ImportKind[];

export const messages = {
  required: "必填 / required",
  wholeNumber: "必须是 0 或正整数 / must be a whole number, 0 or more",
  integer: "必须是整数 / must be a whole number",
  boolean: "必须是 true 或 false / must be true or false",
  colorHex: "颜色必须是 #rrggbb / colour must be #rrggbb",
  tooLong: "内容过长 / too long",
  missingColumn: (c: string) => `缺少列标题 / missing column header: ${c}`,
  unreadable: (why: string) => `无法读取 CSV 文件 / the CSV file cannot be read: ${why}`,
  failed: "导入失败，请重试 / The import failed, please retry",
  empty: "文件没有数据行 / the file has no data rows",
  tooManyRows: (max: number) => `行数超过上限 ${max} / more than ${max} rows`,
  duplicateGtin: (first: number) => `同一 GTIN 重复（首次出现在第 ${first} 行）/ the same GTIN again (first on row ${first})`,
  duplicatePrice: (first: number) => `同一款号/GTIN 重复（首次出现在第 ${first} 行）/ the same style/GTIN again (first on row ${first})`,
  belowReserved: (reserved: number) => `数量低于已预留的 ${reserved} 件 / below the ${reserved} units reserved for orders`,
} as const;

const text = (max = 200) => z.string({ error: messages.required }).trim().min(1, messages.required).max(max, messages.tooLong);
const optionalText = (max = 2000) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .pipe(z.string().max(max, messages.tooLong).optional());
const count = z
  .string({ error: messages.required })
  .trim()
  .min(1, messages.required)
  .regex(/^\d{1,9}$/, messages.wholeNumber)
  .transform(Number);
const signedInt = z.string({ error: messages.required }).trim().min(1, messages.required).regex(/^-?\d{1,9}$/, messages.integer).transform(Number);
const optionalCount = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? null : v.trim()))
  .pipe(z.string().regex(/^\d{1,9}$/, messages.wholeNumber).transform(Number).nullable());
const optionalBool = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim().toLowerCase()))
  .pipe(z.enum(["true", "false", "1", "0"], { error: messages.boolean }).transform((v) => v === "true" || v === "1").optional());

export const stockCsvRow = z.object({ storeCode: text(40), gtin: text(20), quantity: count });

export const priceCsvRow = z.object({
  styleCode: text(40),
  gtin: optionalText(20),
  priceFen: count,
  listPriceFen: optionalCount,
});

export const catalogCsvRow = z.object({
  styleCode: text(40),
  name: text(),
  nameEn: optionalText(200),
  categorySlug: text(80),
  priceFen: count,
  listPriceFen: optionalCount,
  season: optionalText(40),
  description: optionalText(4000),
  active: optionalBool,
  gtin: text(20),
  colorCode: text(40),
  colorName: text(80),
  colorHex: z.string({ error: messages.required }).trim().regex(/^#[0-9a-fA-F]{6}$/, messages.colorHex),
  size: text(20),
  sizeOrder: signedInt,
  skuPriceFen: optionalCount,
});

export const CSV_ROW = { PRODUCTS: catalogCsvRow, PRICES: priceCsvRow, STOCK: stockCsvRow } as const;

/** Headers the file lacks (the whole file is refused when any is missing). */
export function missingColumns(kind: ImportKind, headers: string[]): string[] {
  const have = new Set(headers.map((h) => h.trim()));
  return COLUMNS[kind].filter((c) => !have.has(c));
}
