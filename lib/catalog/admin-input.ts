import { z } from "zod";
import { isValidGtin13 } from "./gtin";

// What the console's product forms post, checked before anything is looked up: money typed in yuan (stored as
// integer fen), a style's text, a SKU's colour, size and GTIN. Every refusal reads "中文 / English".

const YUAN = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** "129", "129.5", "129.50" → 12950 fen; anything else (negative, 3 decimals, letters, blank) → null. */
export function yuanToFen(text: string): number | null {
  const m = YUAN.exec(text.trim());
  if (!m) return null;
  // Whole and decimal parts as integers: no binary-float rounding on the way to fen.
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 12950 → "129.50", as the form shows a stored price. */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

function fenOrIssue(s: string, label: string, ctx: z.RefinementCtx): number {
  const fen = yuanToFen(s);
  if (fen === null) {
    ctx.addIssue({ code: "custom", message: `${label.split(" / ")[0]}须为金额，最多两位小数 / ${label.split(" / ")[1]} must be an amount in yuan with at most 2 decimals` });
    return z.NEVER;
  }
  return fen;
}

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, message);

export const STYLE_CODE = /^[A-Z0-9][A-Z0-9-]{2,19}$/;

/** A style's editable fields as the form posts them (strings); prices come out in fen. */
export const styleForm = z
  .object({
    name: text(80, "请填写中文名（最多 80 字） / Enter the Chinese name (at most 80 characters)"),
    nameEn: text(120, "请填写英文名（最多 120 字） / Enter the English name (at most 120 characters)"),
    description: z.string().trim().max(2000, "描述最多 2000 字 / The description is at most 2000 characters"),
    categoryId: z.string().min(1, "请选择分类 / Choose a category").max(64),
    season: z.string().trim().max(20, "季节最多 20 字 / The season is at most 20 characters"),
    active: z.boolean(),
    price: z.string().transform((s, ctx) => fenOrIssue(s, "售价 / The price", ctx)),
    listPrice: z.string().transform((s, ctx) => (s.trim() === "" ? null : fenOrIssue(s, "原价 / The list price", ctx))),
  })
  .refine((s) => s.listPrice === null || s.listPrice >= s.price, { message: "原价不能低于售价 / The list price cannot be below the price", path: ["listPrice"] });
export type StyleForm = z.infer<typeof styleForm>;

export const newStyleForm = z
  .object({
    styleCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(STYLE_CODE, "款号为 3–20 位大写字母、数字或连字符 / A style code is 3–20 capital letters, digits or hyphens"),
  })
  .and(styleForm);
export type NewStyleForm = z.infer<typeof newStyleForm>;

/** A SKU as the form posts it; an empty own price means "the style's price". */
export const skuForm = z.object({
  gtin: z
    .string()
    .trim()
    .refine(isValidGtin13, "GTIN 须为 13 位数字且校验位正确 / A GTIN is 13 digits with a valid check digit"),
  colorCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,8}$/, "颜色代码为 1–8 位字母或数字 / A colour code is 1–8 letters or digits"),
  colorName: text(20, "请填写颜色名称（最多 20 字） / Enter the colour name (at most 20 characters)"),
  colorHex: z
    .string()
    .trim()
    .regex(/^#?[0-9A-Fa-f]{6}$/, "色值须为 #RRGGBB / A colour value is #RRGGBB")
    .transform((h) => `#${h.replace("#", "").toUpperCase()}`),
  size: text(10, "请填写尺码（最多 10 字） / Enter the size (at most 10 characters)"),
  sizeOrder: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "尺码顺序为 0–999 的整数 / The size order is a whole number 0–999")
    .transform(Number),
  price: z.string().transform((s, ctx) => (s.trim() === "" ? null : fenOrIssue(s, "单品价 / The SKU price", ctx))),
});
export type SkuForm = z.infer<typeof skuForm>;

/** The first refusal of a failed parse, as it is shown. */
export function firstMessage(error: z.ZodError): string {
  const m = error.issues[0]?.message ?? "";
  return m.includes(" / ") ? m : "输入有误 / Invalid input";
}
