import { erpHandler } from "@/lib/erp/http";
import { exportOrders } from "@/lib/erp/orders";
import { ordersQuery } from "@/lib/erp/schemas";

// ERP: the key's brand's orders since a cursor.
export const GET = erpHandler({ query: ordersQuery }, exportOrders);
export const dynamic = "force-dynamic";
