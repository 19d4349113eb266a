import { z } from "zod";
import "zod-openapi";
import { isValidGtin13 } from "@/lib/catalog/gtin";
import { catalogRow } from "@/lib/catalog-feed/catalog";
import { priceRow } from "@/lib/catalog-feed/prices";
import { stockRow } from "@/lib/catalog-feed/stock";

// The ERP/POS API's bodies, queries and answers: the route handlers parse with these and the OpenAPI document
// (lib/erp/openapi.ts) is generated from the very same objects, so the two cannot drift apart.

export const MAX_BATCH_ROWS = 1000;
export const MAX_ORDERS_PAGE = 200;

const gtin = z
  .string()
  .regex(/^\d{13}$/, "GTIN 须为 13 位数字 / A GTIN is 13 digits")
  .refine(isValidGtin13, "GTIN 校验位错误 / Wrong GTIN check digit")
  .meta({ description: "EAN-13 / GTIN-13 (13 digits, valid check digit)", example: "6901234567892" });

export const productsBody = z
  .object({ rows: z.array(catalogRow.meta({ id: "CatalogRow", description: "One SKU with its style's fields" })).min(1).max(MAX_BATCH_ROWS) })
  .meta({ id: "ProductsBatch" });
export const productsResult = z
  .object({ stylesCreated: z.number().int(), stylesUpdated: z.number().int(), skusCreated: z.number().int(), skusUpdated: z.number().int() })
  .meta({ id: "ProductsResult" });

export const pricesBody = z
  .object({
    rows: z
      .array(priceRow.meta({ id: "PriceRow", description: "Without gtin: the style's price (and list price; null clears it). With gtin: that SKU's own price." }))
      .min(1)
      .max(MAX_BATCH_ROWS),
  })
  .meta({ id: "PricesBatch" });
export const pricesResult = z.object({ updated: z.number().int() }).meta({ id: "PricesResult" });

const countedAt = z.iso
  .datetime({ offset: true, message: "countedAt 须为 ISO-8601 时间 / countedAt must be an ISO-8601 date-time" })
  .optional()
  .meta({
    description:
      "When the count was taken (ISO-8601, UTC). A count older than the last count applied to the same store and GTIN is not applied and is listed in `conflicts`. Omitted: the time the request arrives. At most 5 minutes ahead of the server's clock.",
    example: "2026-11-23T08:00:00Z",
  });
export const stockCountRow = stockRow.extend({ countedAt }).meta({ id: "StockCount", description: "The counted on-hand quantity of a SKU in a store" });
export const stockSetBody = z.object({ rows: z.array(stockCountRow).min(1).max(MAX_BATCH_ROWS) }).meta({ id: "StockSetBatch" });

const isoTime = z.string().meta({ format: "date-time", description: "ISO-8601, UTC" });
export const stockCountConflict = z
  .object({
    path: z.string().meta({ description: "The row of the batch", example: "rows.3" }),
    storeCode: z.string(),
    gtin: z.string(),
    countedAt: isoTime.meta({ description: "This row's count time (or the request's arrival)" }),
    quantity: z.number().int(),
    newerCountedAt: isoTime.meta({ description: "The time of the newer count already applied" }),
    newerQuantity: z.number().int().nullable().meta({ description: "The figure that newer count gave" }),
  })
  .meta({ id: "StockCountConflict", description: "A count not applied: a newer count of the same store and GTIN was applied first (the newer one wins, whatever the order of arrival)" });
const conflicts = z.array(stockCountConflict).meta({ description: "Counts not applied because a newer count of the same store and GTIN was applied first; empty when none" });
export const stockSetResult = z
  .object({
    status: z.literal("applied"),
    received: z.number().int().meta({ description: "Rows in the batch" }),
    changed: z.number().int().meta({ description: "Rows whose on-hand changed (one ledger row each)" }),
    conflicts,
  })
  .meta({ id: "StockSetResult" });
export const heldStore = z
  .object({
    storeCode: z.string(),
    unitsBefore: z.number().int().meta({ description: "Units on hand in the store now (all its SKUs)" }),
    unitsAfter: z.number().int().meta({ description: "Units on hand the batch would leave" }),
    skusBefore: z.number().int().meta({ description: "SKUs with stock in the store now" }),
    skusAfter: z.number().int().meta({ description: "SKUs with stock the batch would leave" }),
  })
  .meta({ id: "HeldStore" });
export const stockSetHeld = z
  .object({
    status: z.literal("held"),
    holdId: z.string().meta({ description: "The held feed, listed on the brand's console (/admin/stock-feeds)" }),
    received: z.number().int(),
    message: z.string().meta({ description: "中文 / English" }),
    stores: z.array(heldStore).meta({ description: "The stores the batch would (almost) empty" }),
    conflicts,
  })
  .meta({
    id: "StockSetHeld",
    description:
      "Nothing was applied: the batch would leave a store with no stock (or at most a tenth of the SKUs it stocks). A brand admin confirms it (applied as sent) or rejects it (discarded) on the console. Re-sending the same batch (same Idempotency-Key, or the same body while it waits) answers this same hold.",
  });

export const stockMove = z
  .object({
    key: z.string().trim().min(1).max(100).meta({ description: "The movement's own idempotency key: applied once, ever, per brand" }),
    storeCode: z.string().trim().min(1).max(32),
    gtin,
    delta: z.number().int().min(-1_000_000).max(1_000_000).refine((d) => d !== 0, { message: "数量变化不能为 0 / delta cannot be 0" }),
    note: z.string().max(200).optional(),
  })
  .meta({ id: "StockMovement" });
export type StockMove = z.infer<typeof stockMove>;
export const stockMovesBody = z.object({ movements: z.array(stockMove).min(1).max(MAX_BATCH_ROWS) }).meta({ id: "StockMovementsBatch" });
export const stockMovesResult = z
  .object({
    applied: z.number().int(),
    alreadyApplied: z.number().int(),
    movements: z.array(z.object({ key: z.string(), status: z.enum(["applied", "already_applied"]) })),
  })
  .meta({ id: "StockMovementsResult" });

const appliedMovement = z
  .object({ storeCode: z.string(), gtin: z.string(), delta: z.number().int(), appliedAt: isoTime })
  .meta({ id: "AppliedMovement", description: "What a movement key was applied as" });

export const ordersQuery = z.object({
  cursor: z.string().max(500).optional().meta({ description: "nextCursor of the previous page; omit for the first page" }),
  limit: z.coerce.number().int().min(1).max(MAX_ORDERS_PAGE).default(100).meta({ description: `Page size, 1..${MAX_ORDERS_PAGE}` }),
});

export const orderLineOut = z
  .object({
    gtin: z.string(),
    styleCode: z.string(),
    productName: z.string(),
    colorName: z.string(),
    size: z.string(),
    storeCode: z.string().meta({ description: "The store whose stock the line takes" }),
    quantity: z.number().int(),
    unitPriceFen: z.number().int(),
    soldQty: z.number().int(),
    releasedQty: z.number().int(),
    refundedQty: z.number().int(),
  })
  .meta({ id: "OrderLine" });
export const orderOut = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(["PLACED", "AWAITING_CASHIER", "PAID", "READY_FOR_PICKUP", "SHIPPED", "COMPLETED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED"]),
    fulfilment: z.enum(["PICKUP", "DELIVERY", "COUNTER"]),
    paymentMethod: z.enum(["ONLINE", "MALL_CASHIER"]),
    storeCode: z.string().nullable().meta({ description: "Pickup / counter store; null for delivery (see each line)" }),
    memberId: z.string(),
    itemsFen: z.number().int(),
    deliveryFen: z.number().int(),
    totalFen: z.number().int(),
    refundedFen: z.number().int(),
    mallReceiptNo: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    paidAt: isoTime.nullable(),
    completedAt: isoTime.nullable(),
    lines: z.array(orderLineOut),
  })
  .meta({ id: "Order" });
export type OrderOut = z.infer<typeof orderOut>;
export const ordersPage = z
  .object({
    orders: z.array(orderOut),
    nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page (after the last order returned; unchanged when none). A page shorter than limit means: caught up for now, poll again later with this cursor. Null only when the brand has no order yet." }),
  })
  .meta({ id: "OrdersPage" });

export const ERROR_CODES = [
  "unauthorized",
  "rate_limited",
  "invalid_body",
  "invalid_query",
  "invalid_idempotency_key",
  "body_too_large",
  "unprocessable_rows",
  "idempotency_conflict",
  "conflict",
  "internal",
] as const;
export type ErpErrorCode = (typeof ERROR_CODES)[number];
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: "中文 / English" }),
      requestId: z.string().optional(),
      issues: z
        .array(
          z
            .object({
              path: z.string().meta({ example: "rows.3.gtin" }),
              message: z.string(),
              key: z.string().optional().meta({ description: "Movement key conflicts: the key already used for another movement" }),
              applied: appliedMovement.optional(),
            })
            .meta({ id: "Issue", description: "A field path and its problem; a movement key reused for other content adds `key` and `applied` (what it was applied as, when known)" }),
        )
        .optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof errorBody>;

export const idempotencyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,100}$/)
  .optional()
  .meta({ description: "Same key + same body: the stored answer, nothing applied again. Same key + another body: 409." });
