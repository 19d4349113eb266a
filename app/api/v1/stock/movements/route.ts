import { erpHandler } from "@/lib/erp/http";
import { moveStock } from "@/lib/erp/feed";
import { stockMovesBody } from "@/lib/erp/schemas";

// ERP: stock movements by delta, each with its own idempotency key, a ledger row each.
export const POST = erpHandler({ body: stockMovesBody }, moveStock);
