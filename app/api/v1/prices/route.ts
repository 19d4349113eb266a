import { erpHandler } from "@/lib/erp/http";
import { updatePrices } from "@/lib/erp/feed";
import { pricesBody } from "@/lib/erp/schemas";

// ERP: style and SKU prices (batch, idempotent with Idempotency-Key).
export const PUT = erpHandler({ body: pricesBody }, updatePrices);
export const POST = PUT;
