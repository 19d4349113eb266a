// Issue 8: "the oversell test (100 buyers, 10 units) holds across both instances" (tests/integration/orders/
// placement.test.ts, here over HTTP against two processes with a connection pool each on one PostgreSQL database).
// Buyers and stock are made as the integration fixtures make them; each buyer's session cookie is minted as the
// order benchmark mints it (scripts/bench/orders.ts): signing in is what sessions.test.ts tests.
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { ORDER_PATH, sessionCookies } from "../../scripts/bench/orders";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "../integration/orders/fixtures";
import { request } from "./http";
import { upstreamsFor } from "./nginx";

const cluster = inject("cluster");
const BUYERS = 100;
const UNITS = 10;

/** 100 buyers at once for the last 10 units of a new SKU at one store, each request sent to `targetOf(i)`. */
async function rush(targetOf: (i: number) => string) {
  const brand = await brandOf("nord");
  const [here, elsewhere] = await db.store.findMany({ where: { brandId: brand.id, kind: "DIRECT", active: true, pickupEnabled: true, mallName: { not: "" } }, orderBy: { code: "asc" }, take: 2 });
  const sku = await newSku(brand.id);
  await stock(here!.id, sku.id, UNITS);
  await stock(elsewhere!.id, sku.id, 4);
  const members = await Promise.all(Array.from({ length: BUYERS }, () => newMember()));
  const cookies = await sessionCookies(members.map((m) => m.id), cluster.appSecret);
  const marker = key();
  const answers = await Promise.all(
    cookies.map(async (cookie, i) => {
      const target = targetOf(i);
      const answer = await request(target, `${ORDER_PATH}?rush=${marker}`, {
        cookie,
        json: { brand: "nord", idempotencyKey: key(), fulfilment: "PICKUP", storeId: here!.id, lines: [{ skuId: sku.id, quantity: 1 }] },
      });
      const body = JSON.parse(answer.text) as { number?: string; error?: { code: string; message: string; details?: { alternatives?: { stores: { code: string }[] }[] } } };
      return { target, status: answer.status, body };
    }),
  );
  return { here: here!, elsewhere: elsewhere!, sku, answers, marker };
}

/** Exactly UNITS placed, the rest told it is sold out here and where it is still in stock; the books agree. */
async function expectNoOversell({ here, elsewhere, sku, answers }: Awaited<ReturnType<typeof rush>>) {
  const statuses: Record<number, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const byTarget: Record<string, number> = {};
  for (const a of answers.filter((x) => x.status === 201)) byTarget[a.target] = (byTarget[a.target] ?? 0) + 1;
  console.log(`[cluster] ${BUYERS} buyers, ${UNITS} units: answers ${JSON.stringify(statuses)}; placed per instance ${JSON.stringify(byTarget)}`);

  expect(statuses).toEqual({ 201: UNITS, 409: BUYERS - UNITS });
  for (const refused of answers.filter((a) => a.status === 409)) {
    expect(refused.body.error).toMatchObject({ code: "sold_out", message: expect.stringContaining("Just sold out here") });
    expect(refused.body.error!.details!.alternatives![0]!.stores.map((s) => s.code)).toContain(elsewhere.code);
  }
  expect(await inventoryOf(here.id, sku.id)).toMatchObject({ onHand: UNITS, reserved: UNITS });
  expect(await db.order.count({ where: { lines: { some: { skuId: sku.id } } } })).toBe(UNITS);
  const reserve = await db.stockLedger.aggregate({ where: { storeId: here.id, skuId: sku.id, reason: "RESERVE" }, _count: true, _sum: { reservedDelta: true } });
  expect(reserve).toMatchObject({ _count: UNITS, _sum: { reservedDelta: UNITS } });
  expect(await ledgerMismatches()).toEqual([]);
}

describe("100 buyers, 10 units, two instances", () => {
  it("half straight to A, half straight to B, all at once: exactly 10 orders, 90 sold-out answers, no 5xx", async () => {
    await expectNoOversell(await rush((i) => (i % 2 === 0 ? cluster.a : cluster.b)));
  });

  it("all through nginx (round robin): the same", async () => {
    const result = await rush(() => cluster.proxy);
    await expectNoOversell(result);
    const upstreams = upstreamsFor(cluster.accessLog, result.marker);
    expect(upstreams).toHaveLength(BUYERS);
    expect(new Set(upstreams)).toEqual(new Set([new URL(cluster.a).host, new URL(cluster.b).host]));
  });
});
