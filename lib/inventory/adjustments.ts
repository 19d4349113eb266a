import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { authorize, type Principal } from "@/lib/auth/policy";
import { adjustStatements, isConstraintFailure, setStatements, stockChanged } from "./movements";
import { Refusal } from "@/lib/refusal";

// A manual stock correction from the console: by a delta ("3 damaged") or to a counted figure ("we count 7"),
// always with a reason that becomes the ledger row's note. One batch through lib/inventory/movements.ts; a figure
// below what is reserved (or below zero) is refused by the ledger's CHECK and nothing changes.

export class StockAdjustRefused extends Refusal {
  constructor(
    readonly code: "not_found" | "invalid" | "below_reserved" | "unchanged",
    message: string,
  ) {
    super(message);
  }
}

export const stockAdjustment = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("delta"),
    value: z.coerce
      .number({ error: "请填写数量 / Enter a quantity" })
      .int("数量须为整数 / Quantities are whole numbers")
      .min(-100_000, "单次调整最多 100,000 件 / At most 100,000 units at a time")
      .max(100_000, "单次调整最多 100,000 件 / At most 100,000 units at a time")
      .refine((v) => v !== 0, "调整数量不能为 0 / The change cannot be 0"),
    reason: z.string().trim().min(2, "请填写调整原因 / Enter the reason for the adjustment").max(200, "原因最多 200 字 / A reason has at most 200 characters"),
  }),
  z.object({
    mode: z.literal("count"),
    value: z.coerce
      .number({ error: "请填写数量 / Enter a quantity" })
      .int("数量须为整数 / Quantities are whole numbers")
      .min(0, "盘点数不能为负数 / A counted figure cannot be negative")
      .max(1_000_000, "盘点数过大 / That count is too large"),
    reason: z.string().trim().min(2, "请填写调整原因 / Enter the reason for the adjustment").max(200, "原因最多 200 字 / A reason has at most 200 characters"),
  }),
], { error: "请选择调整方式 / Choose how to adjust" });

/** Adjusts one SKU's on-hand in one store of the brand; returns the new figures. */
export async function adjustStoreStock(actor: Principal, brandId: string, storeId: string, skuId: string, raw: unknown, now = new Date()): Promise<{ onHand: number; reserved: number }> {
  authorize(actor, "brand.manage", { brandId });
  const parsed = stockAdjustment.safeParse(raw);
  if (!parsed.success) throw new StockAdjustRefused("invalid", parsed.error.issues[0]!.message);
  const input = parsed.data;
  const [store, sku] = await Promise.all([
    db.store.findUnique({ where: { id: storeId }, select: { brandId: true } }),
    db.sku.findUnique({ where: { id: skuId }, select: { product: { select: { id: true, brandId: true, styleCode: true } } } }),
  ]);
  if (!store || store.brandId !== brandId || !sku || sku.product.brandId !== brandId) throw new StockAdjustRefused("not_found", "门店或商品不存在 / No such store or SKU");
  const before = await db.inventory.findUnique({ where: { storeId_skuId: { storeId, skuId } }, select: { onHand: true, reserved: true } });
  if (input.mode === "count" && (before?.onHand ?? 0) === input.value) throw new StockAdjustRefused("unchanged", "盘点数与现有库存相同，无需调整 / The count equals the stock on hand: nothing to change");
  const who = actor.kind === "staff" ? (`staff:${actor.staffId}` as const) : ("anonymous" as const);
  const ctx = { actor: who, reference: `adjust:${crypto.randomUUID().slice(0, 8)}`, note: input.reason, now };
  try {
    await db.$transaction(
      input.mode === "delta" ? adjustStatements("ADJUST", [{ storeId, skuId, delta: input.value }], ctx) : setStatements("ADJUST", [{ storeId, skuId, onHand: input.value }], ctx),
    );
  } catch (e) {
    if (!isConstraintFailure(e)) throw e;
    const now2 = await db.inventory.findUnique({ where: { storeId_skuId: { storeId, skuId } }, select: { onHand: true, reserved: true } });
    throw new StockAdjustRefused(
      "below_reserved",
      `库存不能低于已预留数量或小于零（现有 ${now2?.onHand ?? 0}，已预留 ${now2?.reserved ?? 0}）/ Stock on hand cannot go below what is reserved or below zero (on hand ${now2?.onHand ?? 0}, reserved ${now2?.reserved ?? 0})`,
    );
  }
  await stockChanged([{ skuId }], [{ productId: sku.product.id, brandId, styleCode: sku.product.styleCode }]);
  const after = await db.inventory.findUniqueOrThrow({ where: { storeId_skuId: { storeId, skuId } }, select: { onHand: true, reserved: true } });
  await audit({ actor: who, action: "stock.adjusted", target: `store:${storeId}/sku:${skuId}`, brandId, detail: { mode: input.mode, value: input.value, reason: input.reason, reference: ctx.reference, onHandBefore: before?.onHand ?? 0, onHandAfter: after.onHand } }, now);
  return after;
}
