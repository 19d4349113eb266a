import { erpHandler } from "@/lib/erp/http";
import { upsertProducts } from "@/lib/erp/feed";
import { productsBody } from "@/lib/erp/schemas";

// ERP: upsert styles and SKUs (batch, idempotent with Idempotency-Key).
export const PUT = erpHandler({ body: productsBody }, upsertProducts);
export const POST = PUT;
