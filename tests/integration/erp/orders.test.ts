import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as getOrders } from "@/app/api/v1/orders/route";
import { decodeCursor } from "@/lib/erp/orders";
import { call, newKey } from "./support";

// The order export pages through the key's brand's orders by (updatedAt, id): every order exactly once, ties on
// updatedAt included, never another brand's.
async function cancelledOrders(brandSlug: string, count: number, updatedAt: Date) {
  const brand = await db.brand.findUniqueOrThrow({ where: { slug: brandSlug } });
  const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { code: "asc" } });
  const sku = await db.sku.findFirstOrThrow({ where: { product: { brandId: brand.id } }, include: { product: true } });
  const member = await db.member.create({ data: { phone: `137${crypto.randomInt(10_000_000, 99_999_999)}` } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const order = await db.order.create({
      data: {
        number: `9${crypto.randomInt(10 ** 10, 10 ** 11 - 1)}`,
        brandId: brand.id,
        memberId: member.id,
        fulfilment: "PICKUP",
        status: "CANCELLED",
        paymentMethod: "ONLINE",
        storeId: store.id,
        itemsFen: 19900,
        totalFen: 19900,
        idempotencyKey: crypto.randomUUID(),
        requestHash: "test",
        createdAt: updatedAt,
        updatedAt,
        lines: { create: [{ skuId: sku.id, storeId: store.id, quantity: 1, releasedQty: 1, unitPriceFen: 19900, styleCode: sku.product.styleCode, productName: sku.product.name, colorName: sku.colorName, size: sku.size }] },
      },
    });
    ids.push(order.id);
  }
  return { ids, store, sku };
}

describe("orders since a cursor", () => {
  it("pages through every order of the brand exactly once, ties on updatedAt included", async () => {
    const tie = new Date("2020-01-01T00:00:00.000Z");
    const mine = await cancelledOrders("lumi", 5, tie);
    await cancelledOrders("nord", 2, tie);
    const key = await newKey("lumi");
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await call(getOrders, "GET", `/api/v1/orders?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { secret: key.secret });
      expect(page.status).toBe(200);
      seen.push(...page.body.orders.map((o: { id: string }) => o.id));
      cursor = page.body.nextCursor;
      if (page.body.orders.length < 2) break;
    }
    const expected = (await db.order.findMany({ where: { brand: { slug: "lumi" } }, select: { id: true } })).map((o) => o.id);
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(new Set(expected));
    expect(seen.slice(0, 5)).toEqual([...mine.ids].sort());

    // Caught up: the same cursor answers nothing new until an order changes, then exactly that order.
    const idle = await call(getOrders, "GET", `/api/v1/orders?cursor=${cursor}`, { secret: key.secret });
    expect(idle.body).toEqual({ orders: [], nextCursor: cursor });
    // (Other files' orders carry injected future clocks: change it after the newest one seen.)
    const later = new Date(Math.max(Date.now(), decodeCursor(cursor!).updatedAt.getTime()) + 1000);
    await db.order.update({ where: { id: mine.ids[2]! }, data: { mallReceiptNo: "R-1", updatedAt: later } });
    const changed = await call(getOrders, "GET", `/api/v1/orders?cursor=${cursor}`, { secret: key.secret });
    expect(changed.body.orders.map((o: { id: string }) => o.id)).toEqual([mine.ids[2]]);
  });

  it("answers lines, store codes, amounts in fen and UTC times", async () => {
    const at = new Date("2020-01-02T03:04:05.678Z");
    const { ids, store, sku } = await cancelledOrders("nord", 1, at);
    const key = await newKey("nord");
    const page = await call(getOrders, "GET", `/api/v1/orders?limit=200`, { secret: key.secret });
    const order = page.body.orders.find((o: { id: string }) => o.id === ids[0]);
    expect(order).toMatchObject({
      status: "CANCELLED",
      storeCode: store.code,
      totalFen: 19900,
      updatedAt: "2020-01-02T03:04:05.678Z",
      paidAt: null,
      lines: [{ gtin: sku.gtin, storeCode: store.code, quantity: 1, releasedQty: 1, unitPriceFen: 19900 }],
    });
  });

  it("refuses a bad cursor or page size with 400 and the field path", async () => {
    const key = await newKey();
    const bad = await call(getOrders, "GET", "/api/v1/orders?cursor=bm9wZQ", { secret: key.secret });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_query", issues: [{ path: "cursor" }] });
    const big = await call(getOrders, "GET", "/api/v1/orders?limit=201", { secret: key.secret });
    expect(big.status).toBe(400);
    expect(big.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["limit"]);
  });
});
