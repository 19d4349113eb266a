import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as moveStock } from "@/app/api/v1/stock/movements/route";
import { PUT as setStock } from "@/app/api/v1/stock/route";
import { PUT as putPrices } from "@/app/api/v1/prices/route";
import { stockStatements } from "@/lib/inventory/movements";
import { call, ledgerMismatches, newKey, onHandOf, stockFixture } from "./support";

// A re-sent ERP batch is applied once: the same Idempotency-Key answers the stored response; each stock movement
// carries its own key and is applied once, ever; every applied movement is one ledger row by the key.
const k = () => crypto.randomUUID();
const ledgerOfKey = (keyId: string) => db.stockLedger.count({ where: { actor: `api-key:${keyId}` } });

describe("ERP stock batches", () => {
  it("a re-sent movements batch (same Idempotency-Key) answers the same and applies nothing twice", async () => {
    const key = await newKey();
    const { store, skus } = await stockFixture(key.brandId);
    const [a, b] = skus;
    const before = [await onHandOf(store.id, a!.id), await onHandOf(store.id, b!.id)];
    const body = { movements: [{ key: k(), storeCode: store.code, gtin: a!.gtin, delta: 5, note: "收货 / received" }, { key: k(), storeCode: store.code, gtin: b!.gtin, delta: 2 }] };
    const headers = { "Idempotency-Key": k() };
    const first = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body, headers });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ applied: 2, alreadyApplied: 0, movements: body.movements.map((m) => ({ key: m.key, status: "applied" })) });
    const again = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body, headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await ledgerOfKey(key.id)).toBe(2);
    expect([await onHandOf(store.id, a!.id), await onHandOf(store.id, b!.id)]).toEqual([before[0]! + 5, before[1]! + 2]);
    const rows = await db.stockLedger.findMany({ where: { actor: `api-key:${key.id}` } });
    expect(rows.every((r) => r.reason === "ERP_MOVE")).toBe(true);
    expect(rows.map((r) => r.reference).sort()).toEqual(body.movements.map((m) => m.key).sort());

    // Same key, another body: 409 and nothing applied.
    const other = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, headers, body: { movements: [{ key: k(), storeCode: store.code, gtin: a!.gtin, delta: 1 }] } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
    expect(await ledgerOfKey(key.id)).toBe(2);

    // Restore the figures through the API itself (ledgered).
    await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [{ key: k(), storeCode: store.code, gtin: a!.gtin, delta: -5 }, { key: k(), storeCode: store.code, gtin: b!.gtin, delta: -2 }] } });
    expect([await onHandOf(store.id, a!.id), await onHandOf(store.id, b!.id)]).toEqual(before);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("a batch with one already-applied movement applies only the new ones; a movement key reused for other content is refused", async () => {
    const key = await newKey();
    const { store, skus } = await stockFixture(key.brandId);
    const [a] = skus;
    const before = await onHandOf(store.id, a!.id);
    const m1 = { key: k(), storeCode: store.code, gtin: a!.gtin, delta: 3 };
    const m2 = { key: k(), storeCode: store.code, gtin: a!.gtin, delta: 4 };
    expect((await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [m1] } })).body).toMatchObject({ applied: 1 });
    const mixed = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [m1, m2] } });
    expect(mixed.body).toEqual({ applied: 1, alreadyApplied: 1, movements: [{ key: m1.key, status: "already_applied" }, { key: m2.key, status: "applied" }] });
    expect(await ledgerOfKey(key.id)).toBe(2);
    expect(await onHandOf(store.id, a!.id)).toBe(before + 7);

    const reused = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [{ ...m1, delta: 9 }] } });
    expect(reused.status).toBe(409);
    // The conflict names the key and what it was applied as.
    expect(reused.body.error.issues).toEqual([
      { path: "movements.0.key", key: m1.key, applied: { storeCode: store.code, gtin: a!.gtin, delta: 3, appliedAt: expect.any(String) }, message: expect.stringContaining(m1.key) },
    ]);

    const dup = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [m2, m2] } });
    expect(dup.status).toBe(400);
    expect(dup.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["movements.1.key"]);

    await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [{ key: k(), storeCode: store.code, gtin: a!.gtin, delta: -7 }] } });
    expect(await onHandOf(store.id, a!.id)).toBe(before);
  });

  it("two identical batches at once apply each movement once", async () => {
    const key = await newKey();
    const { store, skus } = await stockFixture(key.brandId);
    const before = await Promise.all(skus.map((s) => onHandOf(store.id, s.id)));
    const movements = skus.map((s) => ({ key: k(), storeCode: store.code, gtin: s.gtin, delta: 1 }));
    const answers = await Promise.all([1, 2, 3].map(() => call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements } })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((n, a) => n + a.body.applied, 0)).toBe(skus.length);
    expect(await ledgerOfKey(key.id)).toBe(skus.length);
    expect(await Promise.all(skus.map((s) => onHandOf(store.id, s.id)))).toEqual(before.map((n) => n + 1));
    await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: skus.map((s) => ({ key: k(), storeCode: store.code, gtin: s.gtin, delta: -1 })) } });
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("refuses a movement below zero or an unknown store / GTIN with row paths, applying nothing", async () => {
    const key = await newKey();
    const { store, skus } = await stockFixture(key.brandId);
    const [a, b] = skus;
    const onHand = await onHandOf(store.id, a!.id);
    const nordSku = await db.sku.findFirstOrThrow({ where: { product: { brand: { slug: "nord" } } } });
    const bad = await call(moveStock, "POST", "/api/v1/stock/movements", {
      secret: key.secret,
      body: { movements: [{ key: k(), storeCode: store.code, gtin: b!.gtin, delta: 1 }, { key: k(), storeCode: "NOPE", gtin: a!.gtin, delta: 1 }, { key: k(), storeCode: store.code, gtin: nordSku.gtin, delta: 1 }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["movements.1.storeCode", "movements.2.gtin"]);
    const below = await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [{ key: k(), storeCode: store.code, gtin: b!.gtin, delta: 1 }, { key: k(), storeCode: store.code, gtin: a!.gtin, delta: -(onHand + 1) }] } });
    expect(below.status).toBe(422);
    expect(below.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["movements.1.delta"]);
    expect(await ledgerOfKey(key.id)).toBe(0);
  });

  it("stock counts: set, replayed by key, unchanged figures write nothing, unknown rows and counts below reserved refused", async () => {
    const key = await newKey();
    const { store, skus } = await stockFixture(key.brandId);
    const [a, b] = skus;
    const before = [await onHandOf(store.id, a!.id), await onHandOf(store.id, b!.id)];
    const body = { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: before[0]! + 10 }, { storeCode: store.code, gtin: b!.gtin, quantity: before[1]! }] };
    const headers = { "Idempotency-Key": k() };
    const first = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body, headers });
    expect(first).toMatchObject({ status: 200, body: { received: 2, changed: 1 } });
    const again = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body, headers });
    expect(again.body).toEqual(first.body);
    expect(await db.stockLedger.findMany({ where: { actor: `api-key:${key.id}` } })).toMatchObject([{ reason: "ERP_SET", onHandDelta: 10, reference: `erp:${headers["Idempotency-Key"]}` }]);

    const unknown = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: 1 }, { storeCode: "NOPE", gtin: "1234567890123", quantity: 1 }] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["rows.1.storeCode", "rows.1.gtin"]);
    const negative = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: -1 }] } });
    expect(negative.status).toBe(400);
    expect(negative.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["rows.0.quantity"]);

    // Two units reserved for an order (through the inventory module, ledgered): a count of 1 is refused.
    const c = skus[2]!;
    const cBefore = await onHandOf(store.id, c.id);
    await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: c.gtin, quantity: cBefore + 2 }] } });
    const ctx = { actor: "system:test", reference: "erp-reserved", now: new Date(), safetyStock: false };
    await db.$transaction(stockStatements("RESERVE", [{ storeId: store.id, skuId: c.id, quantity: 2 }], ctx));
    const below = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: c.gtin, quantity: 1 }] } });
    expect(below.status).toBe(422);
    expect(below.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["rows.0.quantity"]);
    await db.$transaction(stockStatements("RELEASE", [{ storeId: store.id, skuId: c.id, quantity: 2 }], ctx));
    await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: c.gtin, quantity: cBefore }] } });

    await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: before[0]! }] } });
    expect(await onHandOf(store.id, a!.id)).toBe(before[0]);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("price batches: same key and body replayed, same key and another body 409", async () => {
    const key = await newKey();
    const product = await db.product.findFirstOrThrow({ where: { brandId: key.brandId, listPriceFen: null }, orderBy: { styleCode: "desc" }, skip: 3 });
    const headers = { "Idempotency-Key": k() };
    const body = { rows: [{ styleCode: product.styleCode, priceFen: product.priceFen }] };
    const first = await call(putPrices, "PUT", "/api/v1/prices", { secret: key.secret, body, headers });
    expect(first).toMatchObject({ status: 200, body: { updated: 1 } });
    expect((await call(putPrices, "PUT", "/api/v1/prices", { secret: key.secret, body, headers })).body).toEqual(first.body);
    const conflict = await call(putPrices, "PUT", "/api/v1/prices", { secret: key.secret, headers, body: { rows: [{ styleCode: product.styleCode, priceFen: product.priceFen + 1 }] } });
    expect(conflict.status).toBe(409);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).priceFen).toBe(product.priceFen);
  });
});
