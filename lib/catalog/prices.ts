import { z } from "zod";
import { db } from "@/lib/db";
import { invalidateProduct } from "./cache-tags";
import { Refusal } from "@/lib/refusal";

// Price changes of a style (the admin console and the ERP API call this one door): validated, written,
// and the cached product page and listings of the brand invalidated by tag.
export const stylePriceInput = z
  .object({
    priceFen: z.number().int().min(0).max(10_000_000),
    listPriceFen: z.number().int().min(0).max(10_000_000).nullable(),
  })
  .refine((p) => p.listPriceFen === null || p.listPriceFen >= p.priceFen, {
    message: "原价不能低于售价 / The list price cannot be below the price",
    path: ["listPriceFen"],
  });

export class PriceError extends Refusal {
  constructor(readonly code: "invalid_price" | "unknown_product", message: string) {
    super(message);
  }
}

export async function setStylePrice(
  brandId: string,
  styleCode: string,
  input: unknown,
  invalidate: (brandId: string, styleCode: string) => void = invalidateProduct,
): Promise<{ priceFen: number; listPriceFen: number | null }> {
  const parsed = stylePriceInput.safeParse(input);
  if (!parsed.success) throw new PriceError("invalid_price", parsed.error.issues[0]?.message ?? "价格无效 / Invalid price");
  const { count } = await db.product.updateMany({ where: { brandId, styleCode }, data: parsed.data });
  if (count === 0) throw new PriceError("unknown_product", "商品不存在 / Product not found");
  invalidate(brandId, styleCode);
  return parsed.data;
}
