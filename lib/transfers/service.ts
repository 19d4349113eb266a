import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import { guardedUpdate, LOST_RACE_ERROR } from "@/lib/db/guard";
import { isConstraintFailure, stockChanged, stockStatements, type Movement } from "@/lib/inventory/movements";
import { sellableQuantity } from "@/lib/inventory/levels";
import { decide, type Capability, type Principal } from "@/lib/auth/policy";
import { memberNotifier, type MemberNotifier } from "@/lib/notify/member-notifier";
import { rankSources, type SourceProposal } from "./proposals";
import { SourceShort, TransferChangedMeanwhile, TransferRefused, transferNotFound } from "./errors";
import { arrivalNotice } from "./arrival";

// Out-of-stock demand (缺货登记) and the transfer that answers it (docs/decisions/014-transfers.md):
//   REQUESTED  a guide of the requesting store asks a source store (nothing reserved yet)
//   APPROVED   the source's manager (or a brand admin) approves: the units are RESERVED at the source
//   SHIPPED    the source sends them: they leave its stock (TRANSFER_OUT: on hand and reserved down)
//   RECEIVED   the requesting store books them in (TRANSFER_IN: on hand up) and the customer is told
//   REFUSED / CANCELLED  end it; an APPROVED one gives its reservation back (RELEASE)
// Every change is ONE batch transaction: the guarded status UPDATE (… WHERE status = expected), a guard that
// fails the batch when it changed nothing (lib/db/guard.ts), and the stock statements of lib/inventory —
// so a lost race moves no stock and stock that went meanwhile moves no status (decisions 010, 013).

export type TransferActor = Extract<Principal, { kind: "staff" }>;

const id = z.string({ error: "参数无效 / Invalid request" }).min(1, "参数无效 / Invalid request").max(64, "参数无效 / Invalid request");
export const transferRequest = z.object({
  skuId: id,
  quantity: z.coerce.number().int("数量须为整数 / The quantity must be a whole number").min(1, "至少 1 件 / At least 1").max(99, "最多 99 件 / At most 99"),
  fromStoreId: id,
  memberId: id.optional(),
  note: z.string().trim().max(200, "备注最多 200 字 / A note has at most 200 characters").default(""),
});

const refOf = (transferId: string) => `transfer:${transferId}`;
const actorOf = (staff: TransferActor) => `staff:${staff.staffId}`;

function allowed(staff: TransferActor, capability: Capability, brandId: string, storeId: string): boolean {
  return decide(staff, capability, { brandId, storeId }) === "allow";
}

/** The figure a refusal quotes: what the store can give of the SKU right now. */
async function sellableAt(storeId: string, skuId: string): Promise<number> {
  const [row, store] = await Promise.all([
    db.inventory.findUnique({ where: { storeId_skuId: { storeId, skuId } }, select: { onHand: true, reserved: true } }),
    db.store.findUnique({ where: { id: storeId }, select: { safetyStock: true } }),
  ]);
  return row ? sellableQuantity(row.onHand, row.reserved, store?.safetyStock ?? 0) : 0;
}

/** Stores of the brand (warehouses too, never the requesting one) that can give `quantity` now, nearest first. */
export async function proposeSources(brandId: string, toStoreId: string, skuId: string, quantity: number): Promise<SourceProposal[]> {
  const target = await db.store.findFirst({ where: { id: toStoreId, brandId }, select: { id: true, lat: true, lng: true } });
  if (!target) throw new TransferRefused("not_found", "门店不存在 / Unknown store", 404);
  const rows = await db.inventory.findMany({
    where: { skuId, storeId: { not: toStoreId }, store: { brandId, active: true }, onHand: { gte: quantity } },
    select: { onHand: true, reserved: true, store: { select: { id: true, code: true, name: true, city: true, kind: true, lat: true, lng: true, safetyStock: true } } },
  });
  return rankSources(
    { storeId: target.id, lat: target.lat, lng: target.lng },
    rows.map(({ onHand, reserved, store }) => ({ storeId: store.id, code: store.code, name: store.name, city: store.city, kind: store.kind, lat: store.lat, lng: store.lng, safetyStock: store.safetyStock, onHand, reserved })),
    quantity,
  );
}

/** A guide of the requesting store asks a source for a SKU (for a customer, or to restock). */
export async function requestTransfer(staff: TransferActor, raw: z.input<typeof transferRequest>, now = new Date()): Promise<{ id: string }> {
  const input = transferRequest.parse(raw);
  if (!staff.brandId || !staff.storeId) throw new TransferRefused("store_staff_only", "仅门店员工可发起调货 / Only store staff can request a transfer", 403);
  if (!allowed(staff, "guide.workspace", staff.brandId, staff.storeId)) throw new TransferRefused("forbidden", "没有权限 / You do not have access to this", 403);
  if (input.fromStoreId === staff.storeId) throw new TransferRefused("same_store", "不能从本店调货 / Choose another store than your own", 400);
  const [source, sku, member] = await Promise.all([
    db.store.findFirst({ where: { id: input.fromStoreId, brandId: staff.brandId, active: true }, select: { id: true } }),
    db.sku.findFirst({ where: { id: input.skuId, product: { brandId: staff.brandId } }, select: { id: true } }),
    // Only the guide's own customer can be told of the arrival: no guide writes into a stranger's inbox.
    input.memberId ? db.guideBinding.findFirst({ where: { memberId: input.memberId, brandId: staff.brandId, guideId: staff.staffId, endedAt: null }, select: { memberId: true } }) : null,
  ]);
  if (!source) throw new TransferRefused("not_found", "来源门店不存在 / Unknown source store", 404);
  if (!sku) throw new TransferRefused("not_found", "商品不存在 / Unknown item", 404);
  if (input.memberId && !member) throw new TransferRefused("not_found", "顾客不存在 / Unknown customer", 404);
  // Checked now so the guide hears it at once; approval checks again, in its own guarded batch.
  const sellable = await sellableAt(source.id, sku.id);
  if (sellable < input.quantity) throw new SourceShort(sellable, input.quantity);
  const transfer = await db.transfer.create({
    data: {
      brandId: staff.brandId,
      skuId: sku.id,
      quantity: input.quantity,
      fromStoreId: source.id,
      toStoreId: staff.storeId,
      memberId: input.memberId ?? null,
      requestedById: staff.staffId,
      note: input.note,
      requestedAt: now,
    },
    select: { id: true },
  });
  return transfer;
}

type Loaded = { id: string; brandId: string; skuId: string; quantity: number; fromStoreId: string; toStoreId: string; memberId: string | null; requestedById: string; status: TransferStatus };

async function load(transferId: string): Promise<Loaded> {
  const t = await db.transfer.findUnique({
    where: { id: transferId },
    select: { id: true, brandId: true, skuId: true, quantity: true, fromStoreId: true, toStoreId: true, memberId: true, requestedById: true, status: true },
  });
  if (!t) throw transferNotFound();
  return t;
}

const COLUMN_OF: Partial<Record<TransferStatus, string>> = { APPROVED: "approvedAt", SHIPPED: "shippedAt", RECEIVED: "receivedAt", REFUSED: "endedAt", CANCELLED: "endedAt" };

/**
 * One guarded move from → to with the stock movement that goes with it, as one batch. A lost race (someone
 * moved it first) is TransferChangedMeanwhile; a stock guard that failed is `onShort()`'s refusal.
 */
async function move(t: Loaded, from: TransferStatus, to: TransferStatus, staff: TransferActor, now: Date, stock: { movement: Movement; storeId: string } | null, extra: Prisma.Sql[] = [], onShort?: () => Promise<Error>) {
  const assignments = [Prisma.sql`"status" = ${to}`, Prisma.sql`${Prisma.raw(`"${COLUMN_OF[to]}"`)} = ${now}`, ...extra];
  if (to === "RECEIVED") assignments.push(Prisma.sql`"endedAt" = ${now}`);
  try {
    await db.$transaction([
      ...guardedUpdate(Prisma.sql`UPDATE "Transfer" SET ${Prisma.join(assignments, ", ")} WHERE "id" = ${t.id} AND "status" = ${from}`, `transfer ${t.id} ${from}→${to}`),
      ...(stock ? stockStatements(stock.movement, [{ storeId: stock.storeId, skuId: t.skuId, quantity: t.quantity }], { actor: actorOf(staff), reference: refOf(t.id), now, note: `${from}→${to}` }) : []),
    ]);
  } catch (error) {
    if (LOST_RACE_ERROR.test(String((error as Error)?.message ?? error))) throw new TransferChangedMeanwhile();
    if (onShort && isConstraintFailure(error)) throw await onShort();
    throw error;
  }
  if (stock) await stockChanged([{ skuId: t.skuId }]);
}

function refuseUnless(ok: boolean): void {
  // Another store's transfer reads as not found, as another store's order does: ids are not confirmed.
  if (!ok) throw transferNotFound();
}

/** The source's manager (or a brand admin) approves: the units are reserved at the source in the same batch. */
export async function approveTransfer(staff: TransferActor, transferId: string, now = new Date()): Promise<void> {
  const t = await load(transferId);
  refuseUnless(allowed(staff, "store.operate", t.brandId, t.fromStoreId));
  if (t.status !== "REQUESTED") throw new TransferChangedMeanwhile();
  await move(t, "REQUESTED", "APPROVED", staff, now, { movement: "RESERVE", storeId: t.fromStoreId }, [Prisma.sql`"approvedById" = ${staff.staffId}`], async () => new SourceShort(await sellableAt(t.fromStoreId, t.skuId), t.quantity));
}

/** The source's manager (or a brand admin) says no; an approved one gives its reservation back. */
export async function refuseTransfer(staff: TransferActor, transferId: string, now = new Date()): Promise<void> {
  const t = await load(transferId);
  refuseUnless(allowed(staff, "store.operate", t.brandId, t.fromStoreId));
  if (t.status !== "REQUESTED" && t.status !== "APPROVED") throw new TransferChangedMeanwhile();
  await move(t, t.status, "REFUSED", staff, now, t.status === "APPROVED" ? { movement: "RELEASE", storeId: t.fromStoreId } : null, [Prisma.sql`"approvedById" = COALESCE("approvedById", ${staff.staffId})`]);
}

/** Staff of the source send the approved units: they leave its stock (on hand and reserved down). */
export async function shipTransfer(staff: TransferActor, transferId: string, now = new Date()): Promise<void> {
  const t = await load(transferId);
  refuseUnless(allowed(staff, "store.fulfil", t.brandId, t.fromStoreId));
  if (t.status !== "APPROVED") throw new TransferChangedMeanwhile();
  await move(t, "APPROVED", "SHIPPED", staff, now, { movement: "TRANSFER_OUT", storeId: t.fromStoreId });
}

/**
 * Staff of the requesting store book the units in (on hand up, on sale at once) and the customer who asked
 * is told, once: only the request whose guarded batch won gets here.
 */
export async function receiveTransfer(staff: TransferActor, transferId: string, now = new Date(), notifier: MemberNotifier = memberNotifier()): Promise<void> {
  const t = await load(transferId);
  refuseUnless(allowed(staff, "guide.workspace", t.brandId, t.toStoreId));
  if (t.status !== "SHIPPED") throw new TransferChangedMeanwhile();
  await move(t, "SHIPPED", "RECEIVED", staff, now, { movement: "TRANSFER_IN", storeId: t.toStoreId });
  if (t.memberId) {
    const notice = await arrivalNotice(t.id);
    if (notice) await notifier.notify(t.memberId, t.brandId, notice);
  }
}

/** The requester (or a manager of the requesting store) withdraws it before it ships; an approved one is released. */
export async function cancelTransfer(staff: TransferActor, transferId: string, now = new Date()): Promise<void> {
  const t = await load(transferId);
  const mine = t.requestedById === staff.staffId && allowed(staff, "guide.workspace", t.brandId, t.toStoreId);
  refuseUnless(mine || allowed(staff, "store.operate", t.brandId, t.toStoreId));
  if (t.status !== "REQUESTED" && t.status !== "APPROVED") {
    throw new TransferRefused("already_shipped", "调货已发出或已结束，不能取消 / The transfer has shipped or ended: it cannot be cancelled", 409);
  }
  await move(t, t.status, "CANCELLED", staff, now, t.status === "APPROVED" ? { movement: "RELEASE", storeId: t.fromStoreId } : null);
}
