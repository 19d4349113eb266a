import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Fulfilment, OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";

// The console's orders and returns: brand-scoped lists (count + one page, the (brandId, createdAt) and
// (brandId, status, createdAt) indexes) and one order's whole story. Another brand's order reads as not found.

export const ORDER_SORTS = ["createdAt", "totalFen", "number"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export type OrderFilter = { status?: OrderStatus; fulfilment?: Fulfilment; storeId?: string; from?: Date; to?: Date };

const orderRowSelect = {
  id: true,
  number: true,
  status: true,
  fulfilment: true,
  paymentMethod: true,
  totalFen: true,
  refundedFen: true,
  contactPhone: true,
  createdAt: true,
  store: { select: { code: true, name: true } },
  member: { select: { phone: true, nickname: true } },
} as const satisfies Prisma.OrderSelect;
export type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderRowSelect }>;

/**
 * Search, index-friendly: a whole mobile number is the member's phone (exact, by Member's unique phone and the order's (memberId) index); other
 * digits are the start of an order number (a range on its unique index, which LIKE could not use); anything else
 * matches nothing.
 */
function orderSearch(q: string): Prisma.OrderWhereInput {
  if (!q) return {};
  if (/^1[3-9]\d{9}$/.test(q)) return { member: { phone: q } };
  if (/^\d{1,13}$/.test(q)) return { number: { gte: q, lt: `${q}:` } };
  return { id: { in: [] } };
}

/** One page of the brand's orders, filtered and sorted. */
export async function listBrandOrders(brandId: string, params: ListParams<OrderSort>, filter: OrderFilter = {}): Promise<Page<OrderRow>> {
  const q = params.q.replace(/\s/g, "");
  const where: Prisma.OrderWhereInput = {
    brandId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.fulfilment ? { fulfilment: filter.fulfilment } : {}),
    ...(filter.storeId ? { OR: [{ storeId: filter.storeId }, { lines: { some: { storeId: filter.storeId } } }] } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...orderSearch(q),
  };
  const [total, rows] = await Promise.all([
    db.order.count({ where, ...countUpTo({ [params.sort]: params.dir }) }),
    db.order.findMany({ where, select: orderRowSelect, orderBy: [{ [params.sort]: params.dir }, { id: "asc" }], skip: params.skip, take: params.take }),
  ]);
  return pageOf(rows, total, params);
}

/** One order of the brand with its lines, payments, refunds and status events (oldest first), or null. */
export async function brandOrderDetail(brandId: string, number: string) {
  const order = await db.order.findUnique({
    where: { number },
    select: {
      ...orderRowSelect,
      brandId: true,
      memberId: true,
      contactName: true,
      address: true,
      itemsFen: true,
      deliveryFen: true,
      mallReceiptNo: true,
      paidAt: true,
      completedAt: true,
      guide: { select: { name: true, username: true } },
      lines: { select: { id: true, styleCode: true, productName: true, colorName: true, size: true, quantity: true, unitPriceFen: true, soldQty: true, releasedQty: true, refundedQty: true, sku: { select: { gtin: true } }, store: { select: { code: true } } }, orderBy: { id: "asc" } },
      payments: { select: { id: true, provider: true, outTradeNo: true, amountFen: true, status: true, transactionId: true, paidAt: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      refunds: { select: { id: true, outRefundNo: true, amountFen: true, status: true, reason: true, actor: true, createdAt: true, store: { select: { code: true } } }, orderBy: { createdAt: "asc" } },
      events: { select: { id: true, fromStatus: true, toStatus: true, actor: true, note: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  return order && order.brandId === brandId ? order : null;
}

export const REFUND_SORTS = ["createdAt", "amountFen"] as const;
export type RefundSort = (typeof REFUND_SORTS)[number];

const refundRowSelect = {
  id: true,
  outRefundNo: true,
  amountFen: true,
  status: true,
  reason: true,
  actor: true,
  createdAt: true,
  store: { select: { code: true, name: true } },
  order: { select: { number: true } },
} as const satisfies Prisma.RefundSelect;
export type RefundRow = Prisma.RefundGetPayload<{ select: typeof refundRowSelect }>;

/** The brand's refunds (returns, missing lines, cancellations after payment): filter status, search order number. */
export async function listBrandRefunds(brandId: string, params: ListParams<RefundSort>, filter: { status?: RefundStatus } = {}): Promise<Page<RefundRow>> {
  const q = params.q.replace(/\s/g, "");
  const where: Prisma.RefundWhereInput = {
    order: { brandId, ...(q ? { number: { startsWith: q } } : {}) },
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.refund.count({ where, ...countUpTo({ [params.sort]: params.dir }) }),
    db.refund.findMany({ where, select: refundRowSelect, orderBy: [{ [params.sort]: params.dir }, { id: "asc" }], skip: params.skip, take: params.take }),
  ]);
  return pageOf(rows, total, params);
}
