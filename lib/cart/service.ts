import { z } from "zod";
import { db } from "@/lib/db";
import {
  addLine,
  brandSlug,
  countForBrand,
  decodeCart,
  encodeCart,
  MAX_ANONYMOUS_CART_LINES,
  MAX_LINE_QUANTITY,
  skuIdSchema,
  type AnonymousCartLine,
} from "./anonymous";
import { MAX_MEMBER_CART_LINES, planCartMerge } from "./merge";
import { Refusal } from "@/lib/refusal";

// The shopping bag (购物袋), one per brand. A signed-in member's lines are rows (CartLine, theirs only); a
// signed-out shopper's live in the signed mc_cart cookie and move into the member on sign-in. Every change
// is validated first and either happens completely or not at all.

export { MAX_MEMBER_CART_LINES };

export type CartErrorCode = "invalid" | "not_found" | "unknown_sku" | "unavailable" | "too_many" | "full";

export class CartError extends Refusal {
  constructor(
    readonly code: CartErrorCode,
    message: string,
    readonly status: 400 | 404 | 409 = code === "not_found" || code === "unknown_sku" ? 404 : code === "invalid" ? 400 : 409,
  ) {
    super(message);
  }
}

const MESSAGES: Record<CartErrorCode, string> = {
  invalid: "参数无效 / Invalid request",
  not_found: "找不到该商品 / Item not found",
  unknown_sku: "商品不存在 / Product not found",
  unavailable: "该商品已下架 / This item is no longer sold",
  too_many: `每件商品最多 ${MAX_LINE_QUANTITY} 件 / At most ${MAX_LINE_QUANTITY} of one item`,
  full: `购物袋最多 ${MAX_ANONYMOUS_CART_LINES} 种商品 / Your bag holds at most ${MAX_ANONYMOUS_CART_LINES} items`,
};
const fail = (code: CartErrorCode) => new CartError(code, MESSAGES[code]);

/** Whose bag: a member (rows) or this device (the cookie's value, absent when empty). */
export type CartOwner = { memberId: string } | { cookie: string | undefined };

// Quantity messages are specific because they are what a shopper most often gets wrong.
const quantity = z
  .number({ error: "数量无效 / Invalid quantity" })
  .int("数量须为整数 / Quantity must be a whole number")
  .min(1, "数量至少为 1 / Quantity must be at least 1")
  .max(MAX_LINE_QUANTITY, `数量最多为 ${MAX_LINE_QUANTITY} / Quantity must be at most ${MAX_LINE_QUANTITY}`);

export const addToCartInput = z.object({ brand: brandSlug, skuId: skuIdSchema, quantity: quantity.default(1) });
/** `line` is the line's id for a member, the SKU id for the cookie cart (what loadCart returns as `id`). */
export const setQuantityInput = z.object({ brand: brandSlug, line: skuIdSchema, quantity });
export const removeLineInput = z.object({ brand: brandSlug, line: skuIdSchema });
export type AddToCartInput = z.input<typeof addToCartInput>;
export type SetQuantityInput = z.input<typeof setQuantityInput>;
export type RemoveLineInput = z.input<typeof removeLineInput>;

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const quantityIssue = parsed.error.issues.find((i) => i.path[0] === "quantity");
  throw quantityIssue ? new CartError("invalid", quantityIssue.message) : fail("invalid");
}

/** The result of a change: the cookie to write back (anonymous only) and the bag's piece count for the badge. */
export type CartChange = { cookie?: string; count: number };

/** The SKU of an active product of this brand; refused otherwise. */
async function sellableSku(brand: string, skuId: string): Promise<{ id: string; brandId: string }> {
  const sku = await db.sku.findUnique({
    where: { id: skuId },
    select: { id: true, product: { select: { brandId: true, active: true, brand: { select: { slug: true } } } } },
  });
  if (!sku || sku.product.brand.slug !== brand) throw fail("unknown_sku");
  if (!sku.product.active) throw fail("unavailable");
  return { id: sku.id, brandId: sku.product.brandId };
}

async function memberCount(memberId: string, brandId: string): Promise<number> {
  const sum = await db.cartLine.aggregate({ where: { memberId, brandId }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

function cookieChange(lines: AnonymousCartLine[], brand: string): CartChange {
  return { cookie: encodeCart(lines), count: countForBrand(lines, brand) };
}

/** Adds pieces of a SKU (1 by default) to the bag; a line already there grows. */
export async function addToCart(owner: CartOwner, raw: AddToCartInput): Promise<CartChange> {
  const input = parse(addToCartInput, raw);
  const sku = await sellableSku(input.brand, input.skuId);
  if (!("memberId" in owner)) {
    const result = addLine(decodeCart(owner.cookie), { b: input.brand, s: sku.id, q: input.quantity });
    if ("refused" in result) throw fail(result.refused);
    return cookieChange(result.lines, input.brand);
  }
  const { memberId } = owner;
  // Conditional increment: two taps at once cannot push a line past 99 (the CHECK would refuse it anyway).
  const grown = await db.cartLine.updateMany({
    where: { memberId, skuId: sku.id, quantity: { lte: MAX_LINE_QUANTITY - input.quantity } },
    data: { quantity: { increment: input.quantity } },
  });
  if (grown.count === 0) {
    if (await db.cartLine.count({ where: { memberId, skuId: sku.id } })) throw fail("too_many");
    if ((await db.cartLine.count({ where: { memberId, brandId: sku.brandId } })) >= MAX_MEMBER_CART_LINES) throw fail("full");
    try {
      await db.cartLine.create({ data: { memberId, brandId: sku.brandId, skuId: sku.id, quantity: input.quantity } });
    } catch (error) {
      // The same SKU added from another tab in between: grow that line instead.
      if (!/Unique constraint|UNIQUE constraint/i.test(String((error as Error)?.message))) throw error;
      const retried = await db.cartLine.updateMany({
        where: { memberId, skuId: sku.id, quantity: { lte: MAX_LINE_QUANTITY - input.quantity } },
        data: { quantity: { increment: input.quantity } },
      });
      if (retried.count === 0) throw fail("too_many");
    }
  }
  return { count: await memberCount(memberId, sku.brandId) };
}

/** Sets a line's quantity (1..99). Only the owner's own line; anything else reads as "not found". */
export async function setCartQuantity(owner: CartOwner, raw: SetQuantityInput): Promise<CartChange> {
  const input = parse(setQuantityInput, raw);
  if (!("memberId" in owner)) {
    const lines = decodeCart(owner.cookie);
    const line = lines.find((l) => l.s === input.line && l.b === input.brand);
    if (!line) throw fail("not_found");
    await sellableSku(input.brand, line.s);
    return cookieChange(lines.map((l) => (l === line ? { ...l, q: input.quantity } : l)), input.brand);
  }
  const line = await db.cartLine.findFirst({
    where: { id: input.line, memberId: owner.memberId, brand: { slug: input.brand } },
    select: { id: true, brandId: true, sku: { select: { product: { select: { active: true } } } } },
  });
  if (!line) throw fail("not_found");
  if (!line.sku.product.active) throw fail("unavailable");
  // memberId in the where as well: the row is only ever written as its owner.
  const updated = await db.cartLine.updateMany({ where: { id: line.id, memberId: owner.memberId }, data: { quantity: input.quantity } });
  if (updated.count === 0) throw fail("not_found");
  return { count: await memberCount(owner.memberId, line.brandId) };
}

/** Removes a line. Only the owner's own line; anything else reads as "not found". */
export async function removeCartLine(owner: CartOwner, raw: RemoveLineInput): Promise<CartChange> {
  const input = parse(removeLineInput, raw);
  if (!("memberId" in owner)) {
    const lines = decodeCart(owner.cookie);
    if (!lines.some((l) => l.s === input.line && l.b === input.brand)) throw fail("not_found");
    return cookieChange(lines.filter((l) => !(l.s === input.line && l.b === input.brand)), input.brand);
  }
  const brand = await db.brand.findUnique({ where: { slug: input.brand }, select: { id: true } });
  const removed = brand ? await db.cartLine.deleteMany({ where: { id: input.line, memberId: owner.memberId, brandId: brand.id } }) : { count: 0 };
  if (removed.count === 0 || !brand) throw fail("not_found");
  return { count: await memberCount(owner.memberId, brand.id) };
}

export type CartLineView = {
  /** What setCartQuantity/removeCartLine take as `line`. */
  id: string;
  skuId: string;
  styleCode: string;
  name: string;
  nameEn: string;
  colorName: string;
  size: string;
  imageUrl: string | null;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
  /** No active store (or the warehouse) can sell it right now. */
  soldOut: boolean;
};

export type CartView = {
  lines: CartLineView[];
  /** Pieces in the bag. */
  count: number;
  /** Lines that can be ordered now (not sold out), as checkout takes them. */
  checkoutLines: { skuId: string; quantity: number }[];
  /** What those lines cost, in fen. */
  totalFen: number;
};

/**
 * The bag of one brand, newest first, priced now (a SKU's own price, else its style's). Lines of products
 * no longer sold are left out; sold-out ones are shown but not counted in the total.
 */
export async function loadCart(owner: CartOwner, brand: { id: string; slug: string }): Promise<CartView> {
  const raw: { id: string; skuId: string; quantity: number }[] =
    "memberId" in owner
      ? await db.cartLine.findMany({
          where: { memberId: owner.memberId, brandId: brand.id },
          // Newest first, and a line keeps its place while its quantity changes.
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          select: { id: true, skuId: true, quantity: true },
        })
      : decodeCart(owner.cookie).filter((l) => l.b === brand.slug).map((l) => ({ id: l.s, skuId: l.s, quantity: l.q }));
  if (!raw.length) return { lines: [], count: 0, checkoutLines: [], totalFen: 0 };
  const skuIds = raw.map((l) => l.skuId);
  const [skus, stock] = await Promise.all([
    db.sku.findMany({
      where: { id: { in: skuIds }, product: { brandId: brand.id, active: true } },
      select: {
        id: true,
        colorCode: true,
        colorName: true,
        size: true,
        priceFen: true,
        product: {
          select: {
            styleCode: true,
            name: true,
            nameEn: true,
            priceFen: true,
            images: { select: { url: true, colorCode: true }, orderBy: { sort: "asc" } },
          },
        },
      },
    }),
    db.inventory.groupBy({ by: ["skuId"], where: { skuId: { in: skuIds }, store: { active: true } }, _sum: { onHand: true, reserved: true } }),
  ]);
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const sellable = new Map(stock.map((s) => [s.skuId, (s._sum.onHand ?? 0) - (s._sum.reserved ?? 0)]));
  const lines = raw.flatMap((l): CartLineView[] => {
    const s = skuById.get(l.skuId);
    if (!s) return [];
    const unitPriceFen = s.priceFen ?? s.product.priceFen;
    const image = s.product.images.find((i) => i.colorCode === s.colorCode) ?? s.product.images[0];
    return [{
      id: l.id,
      skuId: s.id,
      styleCode: s.product.styleCode,
      name: s.product.name,
      nameEn: s.product.nameEn,
      colorName: s.colorName,
      size: s.size,
      imageUrl: image?.url ?? null,
      quantity: l.quantity,
      unitPriceFen,
      lineTotalFen: unitPriceFen * l.quantity,
      soldOut: (sellable.get(s.id) ?? 0) <= 0,
    }];
  });
  const orderable = lines.filter((l) => !l.soldOut);
  return {
    lines,
    count: lines.reduce((n, l) => n + l.quantity, 0),
    checkoutLines: orderable.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
    totalFen: orderable.reduce((sum, l) => sum + l.lineTotalFen, 0),
  };
}

/**
 * On sign-in: adds the cookie's lines to the member's (quantities summed, capped at 99), only SKUs of active
 * products of the brand the line was added under, in one batch transaction. Returns how many lines changed;
 * the caller then clears the cookie so the same lines are never added twice.
 */
export async function mergeAnonymousCart(memberId: string, cookie: string | undefined): Promise<number> {
  const entries = decodeCart(cookie);
  if (!entries.length) return 0;
  const skus = await db.sku.findMany({
    where: { id: { in: entries.map((e) => e.s) }, product: { active: true } },
    select: { id: true, product: { select: { brandId: true, brand: { select: { slug: true } } } } },
  });
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const incoming = entries.flatMap((e) => {
    const s = skuById.get(e.s);
    return s && s.product.brand.slug === e.b ? [{ skuId: s.id, brandId: s.product.brandId, quantity: e.q }] : [];
  });
  if (!incoming.length) return 0;
  const existing = await db.cartLine.findMany({
    where: { memberId, brandId: { in: [...new Set(incoming.map((l) => l.brandId))] } },
    select: { skuId: true, brandId: true, quantity: true },
  });
  const plan = planCartMerge(existing, incoming);
  const writes = [
    ...plan.updates.map((u) => db.cartLine.updateMany({ where: { memberId, skuId: u.skuId }, data: { quantity: u.quantity } })),
    ...(plan.creates.length ? [db.cartLine.createMany({ data: plan.creates.map((c) => ({ memberId, ...c })) })] : []),
  ];
  if (writes.length) await db.$transaction(writes);
  return plan.updates.length + plan.creates.length;
}

/** The bag's piece count for the badge. */
export async function cartCount(owner: CartOwner, brand: { id: string; slug: string }): Promise<number> {
  if ("memberId" in owner) return memberCount(owner.memberId, brand.id);
  return countForBrand(decodeCart(owner.cookie), brand.slug);
}
