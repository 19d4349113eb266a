import { z } from "zod";
import { db } from "@/lib/db";
import { ErpError } from "./errors";
import type { ApiKeyPrincipal } from "./keys";
import type { ErpAnswer } from "./receipts";
import type { OrderOut, ordersQuery } from "./schemas";

// GET /api/v1/orders: the brand's orders in the order they last changed, (updatedAt, id) ascending, from an opaque
// cursor. An order that changes later comes again after the cursor, so an ERP that keeps the last cursor and polls
// sees every change; paging a quiet database returns each order exactly once (index Order(brandId, updatedAt, id)).

const cursorShape = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

export function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const [at, id] = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { updatedAt: new Date(at), id };
  } catch {
    throw new ErpError(400, "invalid_query", "游标无效 / Invalid cursor", [{ path: "cursor", message: "not a cursor this API returned" }]);
  }
}

export async function exportOrders(c: { key: ApiKeyPrincipal; query: z.infer<typeof ordersQuery> }): Promise<ErpAnswer> {
  const after = c.query.cursor ? decodeCursor(c.query.cursor) : null;
  const rows = await db.order.findMany({
    where: {
      brandId: c.key.brandId,
      ...(after ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: c.query.limit,
    include: {
      store: { select: { code: true } },
      lines: { orderBy: { id: "asc" }, include: { sku: { select: { gtin: true } }, store: { select: { code: true } } } },
    },
  });
  const orders: OrderOut[] = rows.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    fulfilment: o.fulfilment,
    paymentMethod: o.paymentMethod,
    storeCode: o.store?.code ?? null,
    memberId: o.memberId,
    itemsFen: o.itemsFen,
    deliveryFen: o.deliveryFen,
    totalFen: o.totalFen,
    refundedFen: o.refundedFen,
    mallReceiptNo: o.mallReceiptNo,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    completedAt: o.completedAt?.toISOString() ?? null,
    lines: o.lines.map((l) => ({
      gtin: l.sku.gtin,
      styleCode: l.styleCode,
      productName: l.productName,
      colorName: l.colorName,
      size: l.size,
      storeCode: l.store.code,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      soldQty: l.soldQty,
      releasedQty: l.releasedQty,
      refundedQty: l.refundedQty,
    })),
  }));
  const last = rows.at(-1);
  // The cursor always moves to the last order returned (or stays): keep it and poll for later changes.
  const nextCursor = last ? encodeCursor(last.updatedAt, last.id) : (c.query.cursor ?? null);
  return { status: 200, body: { orders, nextCursor }, replayed: false };
}
