import type { Fulfilment, OrderStatus } from "@/lib/generated/prisma/enums";
import { OrderRefused } from "./errors";

// The one place that says how an order may move. Every change is also guarded in the database (the UPDATE
// names the status it expects, lib/orders/transitions.ts), so two people acting at once cannot both win.
//
//   PLACED ──pay──▶ PAID ──prepare──▶ READY_FOR_PICKUP ──hand over──▶ COMPLETED ──return──▶ (PARTIALLY_)REFUNDED
//   AWAITING_CASHIER ─receipt─▶ PAID      PAID ──ship──▶ SHIPPED ──received──▶ COMPLETED
//   unpaid past payBy ──▶ CANCELLED        paid, never fulfilled ──▶ REFUNDED

export const ORDER_STATUSES = [
  "PLACED", "AWAITING_CASHIER", "PAID", "READY_FOR_PICKUP", "SHIPPED", "COMPLETED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED",
] as const satisfies readonly OrderStatus[];

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PLACED: ["PAID", "CANCELLED"],
  AWAITING_CASHIER: ["PAID", "CANCELLED"],
  // Counter and pickup goods may be handed over straight after payment; a partial hand-over refunds the rest.
  PAID: ["READY_FOR_PICKUP", "SHIPPED", "COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"],
  READY_FOR_PICKUP: ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"],
  SHIPPED: ["COMPLETED"],
  COMPLETED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  PARTIALLY_REFUNDED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  CANCELLED: [],
  REFUNDED: [],
};

/** Transitions that only make sense for some fulfilments. */
const ONLY_FOR: Partial<Record<`${OrderStatus}>${OrderStatus}`, readonly Fulfilment[]>> = {
  "PAID>READY_FOR_PICKUP": ["PICKUP", "COUNTER"],
  "PAID>COMPLETED": ["PICKUP", "COUNTER"],
  "PAID>SHIPPED": ["DELIVERY"],
  "SHIPPED>COMPLETED": ["DELIVERY"],
};

export class IllegalTransition extends OrderRefused {
  constructor(readonly from: OrderStatus, readonly to: OrderStatus) {
    super("illegal_transition", `订单状态为「${from}」，不能变为「${to}」 / An order that is ${from} cannot become ${to}`, 409);
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus, fulfilment: Fulfilment): boolean {
  if (!NEXT[from].includes(to)) return false;
  const only = ONLY_FOR[`${from}>${to}`];
  return !only || only.includes(fulfilment);
}

export function assertTransition(from: OrderStatus, to: OrderStatus, fulfilment: Fulfilment): void {
  if (!canTransition(from, to, fulfilment)) throw new IllegalTransition(from, to);
}

/** The status an order starts in. */
export function initialStatus(paymentMethod: "ONLINE" | "MALL_CASHIER"): OrderStatus {
  return paymentMethod === "MALL_CASHIER" ? "AWAITING_CASHIER" : "PLACED";
}

/** Statuses whose lines still hold reserved stock. */
export const HOLDS_STOCK: readonly OrderStatus[] = ["PLACED", "AWAITING_CASHIER", "PAID", "READY_FOR_PICKUP"];

/** After a refund, what the order becomes: everything paid for is back → REFUNDED. */
export function statusAfterRefund(refundedFen: number, totalFen: number): OrderStatus {
  return refundedFen >= totalFen ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
