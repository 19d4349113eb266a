// A busy database: another connection holds the lock the order needs. SQLite: the write lock (BEGIN IMMEDIATE, in
// a worker thread so this event loop stays free); PostgreSQL: the row lock on the stock row (SELECT … FOR UPDATE
// from a connection of its own). Shorter than lib/db.ts's wait (SQLite busy_timeout 5 s, PostgreSQL
// lock_timeout 4 s) → the order waits and succeeds; longer → POST /api/shop/orders answers a clean JSON 503 with Retry-After,
// nothing half-written, and the same request (same idempotency key) succeeds once the lock is gone.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { databaseFile } from "@/lib/ops/backup";
import type { Principal } from "@/lib/auth/policy";
import { expectConsoleError } from "../../setup/console-error";
import { onPostgres } from "../../setup/dialect";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "../orders/fixtures";

const signedIn = vi.hoisted(() => ({ principal: { kind: "anonymous" } as Principal }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  currentPrincipal: async () => signedIn.principal,
}));
// The brand lookup's Next data cache needs a running Next server; read the brand straight from the database.
vi.mock("@/lib/catalog/cached", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/catalog/cached")>()),
  getBrand: (slug: string) => db.brand.findUnique({ where: { slug } }),
}));
const { POST } = await import("@/app/api/shop/orders/route");

const sqlitePath = createRequire(import.meta.url).resolve("better-sqlite3");

/** Holds the lock an order of `row` needs for `ms`; resolves `locked` once held, `released` after. */
function holdWriteLock(ms: number, row: { storeId: string; skuId: string }) {
  if (onPostgres) return holdRowLock(ms, row);
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require(workerData.sqlitePath);
     const conn = new Database(workerData.file, { timeout: 0 });
     conn.exec("BEGIN IMMEDIATE");
     parentPort.postMessage("locked");
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     conn.exec("ROLLBACK");
     conn.close();
     parentPort.postMessage("released");`,
    { eval: true, workerData: { sqlitePath, file: databaseFile(process.env.DATABASE_URL), ms } },
  );
  const messages: string[] = [];
  const next = (want: string) =>
    new Promise<void>((resolve, reject) => {
      if (messages.includes(want)) return resolve();
      worker.on("message", (m: string) => m === want && resolve());
      worker.on("error", reject);
    });
  worker.on("message", (m: string) => messages.push(m));
  return { locked: next("locked"), released: next("released") };
}

function holdRowLock(ms: number, row: { storeId: string; skuId: string }) {
  const conn = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const locked = (async () => {
    await conn.connect();
    await conn.query("BEGIN");
    await conn.query('SELECT 1 FROM "Inventory" WHERE "storeId" = $1 AND "skuId" = $2 FOR UPDATE', [row.storeId, row.skuId]);
  })();
  const released = locked.then(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await conn.query("ROLLBACK");
    await conn.end();
  });
  return { locked, released };
}

async function setup() {
  const brand = await brandOf();
  const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT", active: true, pickupEnabled: true, mallName: { not: "" } }, orderBy: { code: "desc" } });
  const sku = await newSku(brand.id, 19900);
  await stock(store.id, sku.id, 3);
  const member = await newMember();
  signedIn.principal = { kind: "member", memberId: member.id };
  return { brand, store, sku, member };
}

function orderRequest(body: object) {
  return new NextRequest("http://shop.test/api/shop/orders", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://shop.test", host: "shop.test" },
    body: JSON.stringify(body),
  });
}

afterAll(() => {
  signedIn.principal = { kind: "anonymous" };
});

describe("a write lock held by another connection", () => {
  it("released within the busy timeout: the order waits for it and is placed", async () => {
    const { brand, store, sku } = await setup();
    const lock = holdWriteLock(1500, { storeId: store.id, skuId: sku.id });
    await lock.locked;
    const started = Date.now();
    const response = await POST(orderRequest({ brand: brand.slug, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines: [{ skuId: sku.id, quantity: 1 }] }));
    const waited = Date.now() - started;
    await lock.released;
    expect(response.status).toBe(201);
    expect(waited).toBeGreaterThanOrEqual(1000); // it really waited for the lock
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(1);
  });

  it("held beyond it: a clean 503 JSON with Retry-After, nothing written, and the same request succeeds afterwards", async () => {
    const { brand, store, sku, member } = await setup();
    const body = { brand: brand.slug, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines: [{ skuId: sku.id, quantity: 2 }] };
    const lock = holdWriteLock(6500, { storeId: store.id, skuId: sku.id });
    await lock.locked;
    const consoleError = expectConsoleError(); // the server logs the busy database; the shopper gets no stack
    const response = await POST(orderRequest(body));
    await lock.released;
    expect(consoleError).toHaveBeenCalled();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("unavailable");
    expect(json.error.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts|SQLITE|55P03|lock timeout|stack/i);
    // Nothing half-written: no order, no reservation, ledger still equals stock.
    expect(await db.order.count({ where: { memberId: member.id } })).toBe(0);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(0);
    expect(await ledgerMismatches()).toEqual([]);

    const retried = await POST(orderRequest(body));
    expect(retried.status).toBe(201);
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(2);
  }, 20_000);
});
