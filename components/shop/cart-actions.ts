"use server";

import { cookies } from "next/headers";
import { CART_COOKIE } from "@/lib/cart/anonymous";
import { addToCart, addToCartInput, CartError, removeCartLine, removeLineInput, setCartQuantity, setQuantityInput, type CartChange, type CartOwner } from "@/lib/cart/service";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";

export type CartResult = { ok: true; count: number } | { ok: false; message: string };

const THIRTY_DAYS = 30 * 24 * 3600;

/**
 * Whose bag an action changes, from the session only (no member id is ever taken from the client): a member's
 * own lines, otherwise this device's cookie (signed-out shoppers, and staff browsing the shop).
 */
async function owner(): Promise<CartOwner> {
  const principal = await currentPrincipal();
  if (principal.kind === "member" && decide(principal, "member.self", { memberId: principal.memberId }) === "allow") {
    return { memberId: principal.memberId };
  }
  return { cookie: (await cookies()).get(CART_COOKIE)?.value };
}

async function run(change: (who: CartOwner) => Promise<CartChange>): Promise<CartResult> {
  try {
    const result = await change(await owner());
    if (result.cookie !== undefined) {
      // Readable by the page's script (the bag badge on cached pages) and lax, so it survives WeChat's redirects.
      (await cookies()).set(CART_COOKIE, result.cookie, { path: "/", sameSite: "lax", httpOnly: false, maxAge: THIRTY_DAYS, secure: process.env.COOKIE_SECURE === "true" });
    }
    return { ok: true, count: result.count };
  } catch (error) {
    if (error instanceof CartError) return { ok: false, message: error.message };
    console.error("[cart]", error);
    return { ok: false, message: "购物袋更新失败，请重试 / Could not update your bag, please retry" };
  }
}

/** Refused input: a quantity problem says which (the most common mistake), anything else is just invalid. */
function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): CartResult {
  return { ok: false, message: error.issues.find((i) => i.path[0] === "quantity")?.message ?? "参数无效 / Invalid request" };
}

/** Adds pieces of one SKU (1 by default) to the shopper's bag. */
export async function addToCartAction(raw: unknown): Promise<CartResult> {
  const parsed = addToCartInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return run((who) => addToCart(who, parsed.data));
}

/** Sets the quantity of one of the shopper's own lines (1..99). */
export async function setCartQuantityAction(raw: unknown): Promise<CartResult> {
  const parsed = setQuantityInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return run((who) => setCartQuantity(who, parsed.data));
}

/** Removes one of the shopper's own lines. */
export async function removeCartLineAction(raw: unknown): Promise<CartResult> {
  const parsed = removeLineInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return run((who) => removeCartLine(who, parsed.data));
}
