import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { pickupCodeFor } from "./pickup-code";
import { OrderRefused } from "./errors";

// Reading orders: the member's own list and detail (with the pickup code, derived, never stored), and the
// store's work queues for staff. Writes live in placement / payment / fulfilment / refunds.

const lineView = { select: { id: true, skuId: true, storeId: true, quantity: true, soldQty: true, releasedQty: true, refundedQty: true, unitPriceFen: true, styleCode: true, productName: true, colorName: true, size: true, store: { select: { code: true, name: true } } } } as const;

export async function memberOrders(memberId: string, brandId: string, take = 30) {
  return db.order.findMany({
    where: { memberId, brandId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      number: true, status: true, fulfilment: true, totalFen: true, createdAt: true,
      store: { select: { name: true } },
      lines: { select: { productName: true, colorName: true, size: true, quantity: true, styleCode: true }, take: 3 },
      _count: { select: { lines: true } },
    },
  });
}

export async function memberOrderDetail(memberId: string, number: string) {
  const order = await db.order.findUnique({
    where: { number },
    select: {
      id: true, number: true, memberId: true, brandId: true, status: true, fulfilment: true, paymentMethod: true, itemsFen: true, deliveryFen: true, totalFen: true, refundedFen: true,
      contactName: true, contactPhone: true, address: true, payBy: true, pickupExpiresAt: true, mallReceiptNo: true, paidAt: true, completedAt: true, createdAt: true,
      store: { select: { code: true, name: true, address: true, mallName: true, phone: true, lat: true, lng: true, opensAt: true, closesAt: true } },
      lines: lineView,
      events: { orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, actor: true, note: true, createdAt: true } },
      refunds: { orderBy: { createdAt: "asc" }, select: { amountFen: true, status: true, reason: true, createdAt: true } },
      payments: { select: { provider: true, status: true } },
    },
  });
  if (!order || order.memberId !== memberId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  const collect = order.fulfilment !== "DELIVERY" && ["AWAITING_CASHIER", "PAID", "READY_FOR_PICKUP"].includes(order.status);
  return { ...order, pickupCode: collect ? pickupCodeFor(order.id) : null };
}

export type StoreQueue = "prepare" | "ready" | "cashier" | "ship" | "done";

const QUEUE_WHERE: Record<StoreQueue, (storeId: string, toSend: string[], finished: string[]) => object> = {
  prepare: (storeId) => ({ storeId, status: "PAID" as OrderStatus, fulfilment: { in: ["PICKUP", "COUNTER"] } }),
  ready: (storeId) => ({ storeId, status: "READY_FOR_PICKUP" as OrderStatus }),
  cashier: (storeId) => ({ storeId, status: "AWAITING_CASHIER" as OrderStatus }),
  ship: (_storeId, toSend) => ({ id: { in: toSend } }),
  done: (_storeId, _toSend, finished) => ({ id: { in: finished } }),
};

const DONE: OrderStatus[] = ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED", "SHIPPED"];

/**
 * The newest finished orders the store took part in: its own (Order storeId, status index) and deliveries it sent
 * lines for (OrderLine storeId index), each side cut to `take` before they are merged. One query with
 * `storeId = ? OR EXISTS(line at the store)` read every finished order of the chain (≈ 1 s at 300,000 orders).
 */
async function finishedOrders(storeId: string, take: number): Promise<string[]> {
  const [own, sent] = await Promise.all([
    db.order.findMany({ where: { storeId, status: { in: DONE } }, orderBy: { createdAt: "desc" }, take, select: { id: true } }),
    db.orderLine.findMany({ where: { storeId, order: { status: { in: DONE } } }, orderBy: { order: { createdAt: "desc" } }, take, select: { orderId: true } }),
  ]);
  return [...new Set([...own.map((o) => o.id), ...sent.map((l) => l.orderId)])];
}

/**
 * Paid delivery orders with lines this store still has to send, found from the store's open lines (index on
 * OrderLine storeId, releasedQty, soldQty): asking every paid order whether it has such a line scanned the
 * chain's 60,000 paid orders on each guide's home page (≈ 150 ms at 1,800 stores).
 */
async function deliveriesToSend(storeId: string): Promise<string[]> {
  const lines = await db.orderLine.findMany({
    where: { storeId, releasedQty: 0, soldQty: 0, order: { fulfilment: "DELIVERY", status: "PAID" } },
    select: { orderId: true },
  });
  return [...new Set(lines.map((l) => l.orderId))];
}

/** A store's work queue, oldest first (done: newest first), with each queue's count for the tabs. */
export async function storeQueue(storeId: string, queue: StoreQueue, take = 50) {
  const [toSend, finished] = await Promise.all([deliveriesToSend(storeId), queue === "done" ? finishedOrders(storeId, take) : []]);
  const [orders, counts] = await Promise.all([
    db.order.findMany({
      where: QUEUE_WHERE[queue](storeId, toSend, finished),
      orderBy: { createdAt: queue === "done" ? "desc" : "asc" },
      take,
      select: {
        id: true, number: true, status: true, fulfilment: true, paymentMethod: true, totalFen: true, createdAt: true, payBy: true, contactName: true, contactPhone: true, address: true,
        member: { select: { phone: true, nickname: true } },
        lines: lineView,
      },
    }),
    Promise.all((["prepare", "ready", "cashier"] as const).map(async (q) => [q, await db.order.count({ where: QUEUE_WHERE[q](storeId, toSend, finished) })] as const)),
  ]);
  return { orders, counts: { ...(Object.fromEntries(counts) as Record<"prepare" | "ready" | "cashier", number>), ship: toSend.length } };
}

/** Staff look an order up by its number (returns are taken at any store of the brand). */
export async function staffOrderByNumber(brandId: string, number: string) {
  const order = await db.order.findUnique({
    where: { number },
    select: {
      id: true, number: true, brandId: true, storeId: true, status: true, fulfilment: true, paymentMethod: true, totalFen: true, refundedFen: true, deliveryFen: true, createdAt: true, mallReceiptNo: true,
      store: { select: { code: true, name: true } },
      member: { select: { phone: true, nickname: true } },
      lines: lineView,
      events: { orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, actor: true, note: true, createdAt: true } },
      refunds: { orderBy: { createdAt: "asc" }, select: { id: true, amountFen: true, status: true, reason: true, createdAt: true, store: { select: { name: true } } } },
    },
  });
  if (!order || order.brandId !== brandId) throw new OrderRefused("not_found", "订单不存在 / Order not found", 404);
  return order;
}
