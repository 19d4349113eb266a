import { mergeQuantity } from "./anonymous";

/** Lines per member per brand: what one checkout takes (lib/orders/checkout.ts caps lines at 20). */
export const MAX_MEMBER_CART_LINES = 20;

export type MergeLine = { skuId: string; brandId: string; quantity: number };

/**
 * Plans a merge: the member's quantities plus the cookie's per SKU (capped at 99), new lines only while
 * the brand's bag has room. Pure, so the arithmetic is unit-tested.
 */
export function planCartMerge(
  existing: MergeLine[],
  incoming: MergeLine[],
  maxLinesPerBrand = MAX_MEMBER_CART_LINES,
): { updates: { skuId: string; quantity: number }[]; creates: MergeLine[] } {
  const current = new Map(existing.map((l) => [l.skuId, l.quantity]));
  const linesPerBrand = new Map<string, number>();
  for (const l of existing) linesPerBrand.set(l.brandId, (linesPerBrand.get(l.brandId) ?? 0) + 1);
  const updates = new Map<string, number>();
  const creates = new Map<string, MergeLine>();
  for (const l of incoming) {
    if (current.has(l.skuId)) {
      const q = mergeQuantity(updates.get(l.skuId) ?? current.get(l.skuId)!, l.quantity);
      if (q !== current.get(l.skuId)) updates.set(l.skuId, q);
    } else if (creates.has(l.skuId)) {
      const c = creates.get(l.skuId)!;
      c.quantity = mergeQuantity(c.quantity, l.quantity);
    } else if ((linesPerBrand.get(l.brandId) ?? 0) < maxLinesPerBrand) {
      linesPerBrand.set(l.brandId, (linesPerBrand.get(l.brandId) ?? 0) + 1);
      creates.set(l.skuId, { skuId: l.skuId, brandId: l.brandId, quantity: mergeQuantity(0, l.quantity) });
    }
  }
  return { updates: [...updates].map(([skuId, quantity]) => ({ skuId, quantity })), creates: [...creates.values()] };
}

