import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PUT as setStock } from "@/app/api/v1/stock/route";
import { call, ledgerMismatches, newKey } from "../erp/support";
import { feedStore } from "./support";

// ERP count conflicts: a count carries the time it was taken; one older than the last count applied to its
// (store, SKU) is not applied and is reported (path, store, GTIN, the newer count's time and figure). Of two
// conflicting batches the newer count wins whatever the order they arrive in — also when they arrive at once.

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const onHand = async (storeId: string, skuId: string) => (await db.inventory.findUniqueOrThrow({ where: { storeId_skuId: { storeId, skuId } } })).onHand;

describe("ERP count conflicts", () => {
  it("an older count is reported, not applied; the same count again is simply already applied", async () => {
    const key = await newKey();
    const { store, skus } = await feedStore(3, 5);
    const [a, b] = skus;
    const newerAt = at(1);
    const newer = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: 9, countedAt: newerAt }] } });
    expect(newer.body).toMatchObject({ status: "applied", changed: 1, conflicts: [] });
    expect((await db.inventory.findUniqueOrThrow({ where: { storeId_skuId: { storeId: store.id, skuId: a!.id } } })).lastCountAt!.toISOString()).toBe(newerAt);

    const older = await call(setStock, "PUT", "/api/v1/stock", {
      secret: key.secret,
      body: { rows: [{ storeCode: store.code, gtin: b!.gtin, quantity: 2, countedAt: at(5) }, { storeCode: store.code, gtin: a!.gtin, quantity: 1, countedAt: at(5) }] },
    });
    expect(older.status).toBe(200);
    expect(older.body).toMatchObject({ status: "applied", received: 2, changed: 1 });
    expect(older.body.conflicts).toEqual([{ path: "rows.1", storeCode: store.code, gtin: a!.gtin, countedAt: expect.any(String), quantity: 1, newerCountedAt: newerAt, newerQuantity: 9 }]);
    expect(await onHand(store.id, a!.id)).toBe(9);
    expect(await onHand(store.id, b!.id)).toBe(2);

    // The newer count sent again (same time, same figure): no conflict, nothing changed.
    const ledger = await db.stockLedger.count({ where: { storeId: store.id } });
    const same = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: 9, countedAt: newerAt }] } });
    expect(same.body).toMatchObject({ changed: 0, conflicts: [] });
    expect(await db.stockLedger.count({ where: { storeId: store.id } })).toBe(ledger);

    // A count far in the future is refused (a wrong clock must not lock the SKU's counts).
    const future = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: a!.gtin, quantity: 3, countedAt: at(-60) }] } });
    expect(future.status).toBe(422);
    expect(future.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["rows.0.countedAt"]);
  });

  it("two conflicting batches one after the other: the newer count wins in both orders, the older is reported when it comes last", async () => {
    const key = await newKey();
    const { store, skus } = await feedStore(3, 5);
    for (const [order, sku] of [["newer first", skus[0]!], ["older first", skus[1]!]] as const) {
      const older = { rows: [{ storeCode: store.code, gtin: sku.gtin, quantity: 11, countedAt: at(10) }] };
      const newer = { rows: [{ storeCode: store.code, gtin: sku.gtin, quantity: 22, countedAt: at(2) }] };
      const headers = () => ({ "Idempotency-Key": crypto.randomUUID() });
      const sequence = order === "newer first" ? [newer, older] : [older, newer];
      const answers = [];
      for (const body of sequence) answers.push(await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body, headers: headers() }));
      expect(await onHand(store.id, sku.id), order).toBe(22);
      const olderAnswer = answers[sequence.indexOf(older)]!;
      if (order === "newer first") expect(olderAnswer.body.conflicts).toEqual([expect.objectContaining({ path: "rows.0", gtin: sku.gtin, quantity: 11, newerQuantity: 22 })]);
      else expect(olderAnswer.body.conflicts).toEqual([]);
      expect(answers[sequence.indexOf(newer)]!.body.conflicts).toEqual([]);
    }
  });

  it("two conflicting batches at once: the newer count wins whatever commits first, the older is reported when it lost", async () => {
    const key = await newKey();
    const { store, skus } = await feedStore(6, 5);
    for (const [i, sku] of skus.entries()) {
      const older = { rows: [{ storeCode: store.code, gtin: sku.gtin, quantity: 30 + i, countedAt: at(10) }] };
      const newer = { rows: [{ storeCode: store.code, gtin: sku.gtin, quantity: 60 + i, countedAt: at(3) }] };
      const send = (body: typeof older) => call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body, headers: { "Idempotency-Key": crypto.randomUUID() } });
      // Both orders of sending: the first sent usually commits first, so "newer first" makes the older one race.
      const [first, second] = i % 2 === 0 ? await Promise.all([send(newer), send(older)]) : await Promise.all([send(older), send(newer)]);
      const olderAnswer = i % 2 === 0 ? second : first;
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(await onHand(store.id, sku.id), `pair ${i}`).toBe(60 + i);
      // The older was reported unless it was applied before the newer one.
      const olderApplied = await db.stockLedger.count({ where: { storeId: store.id, skuId: sku.id, reason: "ERP_SET", onHandAfter: 30 + i } });
      expect(olderApplied + olderAnswer.body.conflicts.length, `pair ${i}: the older count was either applied before the newer one or reported`).toBe(1);
    }
    expect(await ledgerMismatches()).toEqual([]);
  });
});
