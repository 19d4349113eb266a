import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { guardedUpdate, LOST_RACE_ERROR } from "@/lib/db/guard";
import { isConstraintFailure, stockChanged, stockStatements } from "@/lib/inventory/movements";
import { OrderRefused } from "@/lib/orders/errors";
import type { StaffActor } from "@/lib/orders/staff-actor";

// 试穿预留: a member holds one unit of a size at a named store for a few hours to try it on. The unit is
// reserved like an order's (so nobody else can buy it online) and comes back by itself when the hold ends.

export const HOLD_HOURS = 3;
export const MAX_ACTIVE_HOLDS = 3;

export const holdInput = z.object({ brandId: z.string().min(1), storeId: z.string().min(1), skuId: z.string().min(1) });

export async function createTryOnHold(memberId: string, raw: z.input<typeof holdInput>, now = new Date()) {
  const input = holdInput.parse(raw);
  const [store, sku, active] = await Promise.all([
    db.store.findFirst({ where: { id: input.storeId, brandId: input.brandId, active: true, pickupEnabled: true, kind: { not: "WAREHOUSE" } }, select: { id: true, name: true } }),
    db.sku.findFirst({ where: { id: input.skuId, product: { brandId: input.brandId, active: true } }, select: { id: true } }),
    db.tryOnHold.count({ where: { memberId, status: "ACTIVE" } }),
  ]);
  if (!store || !sku) throw new OrderRefused("not_found", "门店或商品不存在 / Unknown store or item", 404);
  if (active >= MAX_ACTIVE_HOLDS) throw new OrderRefused("too_many_holds", `最多同时预留 ${MAX_ACTIVE_HOLDS} 件 / At most ${MAX_ACTIVE_HOLDS} holds at a time`, 409);
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + HOLD_HOURS * 3600_000);
  try {
    await db.$transaction([
      ...stockStatements("RESERVE", [{ storeId: store.id, skuId: sku.id, quantity: 1 }], { actor: `member:${memberId}`, reference: `hold:${id}`, now }),
      db.tryOnHold.create({ data: { id, memberId, brandId: input.brandId, storeId: store.id, skuId: sku.id, expiresAt, createdAt: now } }),
    ]);
  } catch (error) {
    if (isConstraintFailure(error)) throw new OrderRefused("sold_out", "该门店这个尺码已无货 / This size is not available at this store", 409);
    throw error;
  }
  await stockChanged([{ skuId: sku.id }]);
  return { id, expiresAt, storeName: store.name };
}

/** Ends an active hold and gives its unit back, once: a second ender (sweeper, staff, member) changes nothing. */
async function endHold(hold: { id: string; storeId: string; skuId: string }, status: "RELEASED" | "EXPIRED", actor: string, now: Date): Promise<boolean> {
  try {
    await db.$transaction([
      ...guardedUpdate(Prisma.sql`UPDATE "TryOnHold" SET "status" = ${status}, "endedAt" = ${now} WHERE "id" = ${hold.id} AND "status" = 'ACTIVE'`, `hold ${hold.id}`),
      ...stockStatements("RELEASE", [{ storeId: hold.storeId, skuId: hold.skuId, quantity: 1 }], { actor, reference: `hold:${hold.id}`, now, note: status.toLowerCase() }),
    ]);
    await stockChanged([hold]);
    return true;
  } catch (error) {
    if (LOST_RACE_ERROR.test(String((error as Error)?.message ?? error))) return false;
    throw error;
  }
}

export async function cancelTryOnHold(memberId: string, holdId: string, now = new Date()): Promise<void> {
  const hold = await db.tryOnHold.findUnique({ where: { id: holdId }, select: { id: true, memberId: true, storeId: true, skuId: true } });
  if (!hold || hold.memberId !== memberId) throw new OrderRefused("not_found", "预留不存在 / Hold not found", 404);
  await endHold(hold, "RELEASED", `member:${memberId}`, now);
}

/** Staff end a hold at their store (tried on, or the shopper bought it at the till). */
export async function releaseTryOnHold(staff: StaffActor, holdId: string, now = new Date()): Promise<void> {
  const hold = await db.tryOnHold.findUnique({ where: { id: holdId }, select: { id: true, storeId: true, skuId: true } });
  if (!hold || hold.storeId !== staff.storeId) throw new OrderRefused("not_found", "预留不存在 / Hold not found", 404);
  await endHold(hold, "RELEASED", `staff:${staff.staffId}`, now);
}

export async function expireTryOnHolds(now = new Date()): Promise<number> {
  const due = await db.tryOnHold.findMany({ where: { status: "ACTIVE", expiresAt: { lte: now } }, select: { id: true, storeId: true, skuId: true }, take: 500 });
  let n = 0;
  for (const hold of due) if (await endHold(hold, "EXPIRED", "system:sweeper", now)) n++;
  return n;
}

export async function memberHolds(memberId: string, brandId: string) {
  return db.tryOnHold.findMany({
    where: { memberId, brandId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, status: true, expiresAt: true, createdAt: true, store: { select: { code: true, name: true, address: true } }, sku: { select: { colorName: true, size: true, product: { select: { styleCode: true, name: true, nameEn: true } } } } },
  });
}

export async function storeHolds(storeId: string) {
  return db.tryOnHold.findMany({
    where: { storeId, status: "ACTIVE" },
    orderBy: { expiresAt: "asc" },
    select: { id: true, expiresAt: true, createdAt: true, member: { select: { phone: true, nickname: true } }, sku: { select: { gtin: true, colorName: true, size: true, product: { select: { styleCode: true, name: true } } } } },
  });
}
