import { z } from "zod";
import { sign, verify } from "@/lib/security/app-secret";

// The anonymous cart (未登录购物袋) lives in a signed cookie until sign-in merges it into the member's own
// lines. Like mc_fav, the payload is readable by the page's script (the product page shows the bag count on
// a cached page without a request); the signature stops anyone from planting lines the server would trust.
// Prices are never stored here: they are read from the catalog whenever the cart is shown.

export const CART_COOKIE = "mc_cart";
/** Lines across all brands; keeps the cookie well under the 4 KB browser limit, and matches checkout's 20. */
export const MAX_ANONYMOUS_CART_LINES = 20;
export const MAX_LINE_QUANTITY = 99;

export const brandSlug = z.string().regex(/^[a-z0-9-]{1,32}$/);
export const skuIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const quantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY);

const entrySchema = z.object({
  b: brandSlug,
  s: skuIdSchema,
  q: quantitySchema,
});
export type AnonymousCartLine = z.infer<typeof entrySchema>;
const listSchema = z
  .array(entrySchema)
  .max(MAX_ANONYMOUS_CART_LINES)
  // One line per SKU: a cookie that says otherwise was not written by us.
  .refine((lines) => new Set(lines.map((l) => l.s)).size === lines.length);

export function encodeCart(lines: AnonymousCartLine[]): string {
  const payload = Buffer.from(JSON.stringify(lines)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** A tampered, malformed or absent cookie reads as an empty cart. */
export function decodeCart(cookie: string | undefined): AnonymousCartLine[] {
  if (!cookie) return [];
  const [payload, signature, extra] = cookie.split(".");
  if (!payload || !signature || extra !== undefined || !verify(payload, signature)) return [];
  try {
    const parsed = listSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export type CartLimitBreach = "too_many" | "full";

/**
 * Adds `quantity` of a SKU: an existing line grows (newest activity first), a new line goes on top.
 * Refuses rather than trims, so the shopper is told and nothing silently disappears.
 */
export function addLine(
  lines: AnonymousCartLine[],
  line: AnonymousCartLine,
): { lines: AnonymousCartLine[] } | { refused: CartLimitBreach } {
  const existing = lines.find((l) => l.s === line.s);
  if (existing) {
    const q = existing.q + line.q;
    if (q > MAX_LINE_QUANTITY) return { refused: "too_many" };
    return { lines: [{ ...existing, q }, ...lines.filter((l) => l.s !== line.s)] };
  }
  if (lines.length >= MAX_ANONYMOUS_CART_LINES) return { refused: "full" };
  return { lines: [line, ...lines] };
}

/** Quantities summed per SKU and capped at 99: what merging two carts means for one line. */
export function mergeQuantity(a: number, b: number): number {
  return Math.min(MAX_LINE_QUANTITY, a + b);
}

/** How many pieces of one brand the bag holds (the badge on the product page). */
export function countForBrand(lines: AnonymousCartLine[], brand: string): number {
  return lines.filter((l) => l.b === brand).reduce((n, l) => n + l.q, 0);
}
