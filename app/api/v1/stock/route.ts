import { erpHandler } from "@/lib/erp/http";
import { setStock } from "@/lib/erp/feed";
import { stockSetBody } from "@/lib/erp/schemas";

// ERP: absolute stock counts per (store, GTIN), a ledger row per change.
export const PUT = erpHandler({ body: stockSetBody }, setStock);
export const POST = PUT;
