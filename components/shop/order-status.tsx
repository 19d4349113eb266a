import type { OrderStatus } from "@/lib/generated/prisma/enums";

// Status chip colours: waiting on the shopper (amber), in progress (brand), done (green), ended (grey).
const TONE: Record<OrderStatus, string> = {
  PLACED: "bg-amber-100 text-warn",
  AWAITING_CASHIER: "bg-amber-100 text-warn",
  PAID: "bg-brand-soft text-brand",
  READY_FOR_PICKUP: "bg-brand-soft text-brand",
  SHIPPED: "bg-brand-soft text-brand",
  COMPLETED: "bg-green-50 text-ok",
  PARTIALLY_REFUNDED: "bg-gray-100 text-muted",
  REFUNDED: "bg-gray-100 text-muted",
  CANCELLED: "bg-gray-100 text-muted",
};

export function OrderStatusChip({ status, label }: { status: OrderStatus; label: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status]}`} data-testid="order-status" data-status={status}>
      {label}
    </span>
  );
}
