import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { decode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { principalOf } from "@/lib/auth/principal";
import { ORDER_PLAN, OrderLedger, type OrderLoad, type OrderSetup, sessionCookies, skuSchedule, verifyOrders } from "../../../scripts/bench/orders";
import { parseOptions } from "../../../scripts/bench/options";
import { checkOrders } from "../../../scripts/bench/report";

const SECRET = "a-bench-test-secret-of-at-least-32-characters";

const hotAndDeep = [
  { skuId: "hot1", role: "hot" as const, budget: 2, before: { onHand: 2, reserved: 0 } },
  { skuId: "deep1", role: "deep" as const, budget: 100, before: { onHand: 100, reserved: 0 } },
  { skuId: "deep2", role: "deep" as const, budget: 100, before: { onHand: 100, reserved: 0 } },
];

describe("the order bench's SKU schedule", () => {
  it("sends the plan's share of requests to the hot SKUs, the same way every run", () => {
    const schedule = skuSchedule(hotAndDeep, 1000);
    expect(schedule).toHaveLength(1000);
    expect(schedule.filter((s) => s === "hot1")).toHaveLength(1000 * ORDER_PLAN.hotShare);
    expect(new Set(schedule)).toEqual(new Set(["hot1", "deep1", "deep2"]));
    expect(skuSchedule(hotAndDeep, 1000)).toEqual(schedule);
  });

  it("uses only deep SKUs when given no hot one (the warm-up)", () => {
    expect(new Set(skuSchedule(hotAndDeep.filter((s) => s.role === "deep")))).toEqual(new Set(["deep1", "deep2"]));
  });
});

describe("the order bench's session cookies", () => {
  it("are member sessions the app reads as that member", async () => {
    const [cookie] = await sessionCookies(["bench_buyer_01"], SECRET);
    const [name, token] = cookie!.split("=");
    expect(name).toBe("next-auth.session-token");
    expect(principalOf(await decode({ token: token!, secret: SECRET }))).toEqual({ kind: "member", memberId: "bench_buyer_01" });
  });
});

describe("the order bench's options", () => {
  it("runs everything by default and one part with --only", () => {
    expect(parseOptions([]).only).toBe("all");
    expect(parseOptions(["--only", "orders"]).only).toBe("orders");
    expect(() => parseOptions(["--only", "checkout"])).toThrow(/--only/);
    expect(parseOptions(["--order-duration", "12"]).orderDuration).toBe(12);
  });
});

// verifyOrders against a database with just the columns it reads.
let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function fixture(): { setup: OrderSetup; db: Database.Database } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-orders-"));
  const file = path.join(dir, "bench.db");
  const db = new Database(file);
  db.exec(`
    CREATE TABLE Inventory (storeId TEXT, skuId TEXT, onHand INT, reserved INT);
    CREATE TABLE StockLedger (storeId TEXT, skuId TEXT, reason TEXT, onHandDelta INT, reservedDelta INT, reference TEXT);
    CREATE TABLE "Order" (id TEXT, number TEXT, memberId TEXT, idempotencyKey TEXT);
    CREATE TABLE OrderLine (orderId TEXT, skuId TEXT, storeId TEXT, quantity INT);
  `);
  for (const sku of hotAndDeep) {
    db.prepare("INSERT INTO Inventory VALUES ('s1', ?, ?, 0)").run(sku.skuId, sku.before.onHand);
    db.prepare("INSERT INTO StockLedger VALUES ('s1', ?, 'ADJUST', ?, 0, 'bench:orders')").run(sku.skuId, sku.before.onHand);
  }
  const setup: OrderSetup = {
    dbFile: file,
    brand: { id: "b1", slug: "lumi" },
    store: { id: "s1", code: "SH01", name: "store", safetyStock: 0 },
    members: ["m1"],
    skus: hotAndDeep,
  };
  return { setup, db };
}

/** What the app does for one placed order: the reservation, its ledger row, the order and its line. */
function place(db: Database.Database, ledger: OrderLedger, key: string, sku: string, status = 201): void {
  const number = `n-${key}`;
  db.prepare("UPDATE Inventory SET reserved = reserved + 1 WHERE storeId = 's1' AND skuId = ?").run(sku);
  db.prepare("INSERT INTO StockLedger VALUES ('s1', ?, 'RESERVE', 0, 1, ?)").run(sku, `order:${number}`);
  db.prepare(`INSERT INTO "Order" VALUES (?, ?, 'm1', ?)`).run(key, number, key);
  db.prepare("INSERT INTO OrderLine VALUES (?, ?, 's1', 1)").run(key, sku);
  ledger.sent.set(key, { sku, phase: "measure" });
  ledger.answered.set(key, { status, code: null });
}

function soldOut(ledger: OrderLedger, key: string, sku: string): void {
  ledger.sent.set(key, { sku, phase: "measure" });
  ledger.answered.set(key, { status: 409, code: "sold_out" });
}

describe("verifyOrders", () => {
  it("passes a run where the hot SKU sold out exactly at its budget", () => {
    const { setup, db } = fixture();
    const ledger = new OrderLedger();
    place(db, ledger, "k1", "hot1");
    place(db, ledger, "k2", "hot1");
    soldOut(ledger, "k3", "hot1");
    place(db, ledger, "k4", "deep1");
    db.close();
    const integrity = verifyOrders(setup, ledger);
    expect(integrity.problems).toEqual([]);
    expect(integrity).toMatchObject({ placed: 3, ordersInDb: 3, oversoldUnits: 0, hotSoldOut: 1, spuriousSoldOut: 0, ledgerMismatches: 0 });
  });

  it("reports units reserved beyond the budget as oversold", () => {
    const { setup, db } = fixture();
    db.exec("UPDATE Inventory SET onHand = 3 WHERE skuId = 'hot1'; UPDATE StockLedger SET onHandDelta = 3 WHERE skuId = 'hot1'");
    const ledger = new OrderLedger();
    for (const key of ["k1", "k2", "k3"]) place(db, ledger, key, "hot1");
    db.close();
    const integrity = verifyOrders(setup, ledger);
    expect(integrity.oversoldUnits).toBe(1);
    expect(integrity.problems.join("\n")).toMatch(/OVERSOLD/);
  });

  it("reports a 201 without its order, an order for a refusal, a false sold-out and a ledger that does not add up", () => {
    const { setup, db } = fixture();
    const ledger = new OrderLedger();
    place(db, ledger, "k1", "deep1");
    place(db, ledger, "k2", "deep1", 409); // an order written although the answer was a refusal
    ledger.sent.set("k3", { sku: "deep2", phase: "measure" });
    ledger.answered.set("k3", { status: 201, code: null }); // a 201 with no order behind it
    soldOut(ledger, "k4", "deep2"); // deep2 still has 100 units
    db.exec("UPDATE Inventory SET onHand = onHand + 1 WHERE skuId = 'deep2'"); // no ledger row
    db.close();
    const integrity = verifyOrders(setup, ledger);
    expect(integrity).toMatchObject({ missingOrders: 1, ordersForRefusals: 1, spuriousSoldOut: 1, ledgerMismatches: 1 });
  });
});

describe("checkOrders", () => {
  const load: OrderLoad = {
    durationS: 10,
    requests: 1300,
    placed: 1200,
    ordersPerSec: 120,
    reqPerSec: 130,
    latencyMs: { mean: 300, p50: 290, p95: 400, p99: 500, max: 900 },
    placedLatencyMs: { p50: 290, p95: 400, p99: 500 },
    firstAnswerMaxMs: 900,
    laterP99Ms: 450,
    statusCodes: { "201": 1200, "409": 100 },
    refusals: { sold_out: 100 },
    soldOut: 100,
    server5xx: 0,
    otherNon2xx: 0,
    errors: 0,
    timeouts: 0,
    unanswered: 50,
  };
  const clean = { oversoldUnits: 0, problems: [] as string[], hotSoldOut: 3 } as unknown as Parameters<typeof checkOrders>[1];

  it("passes at 100 orders/s or more with nothing wrong", () => {
    expect(checkOrders(load, clean, null, [])).toEqual({ pass: true, reasons: [] });
  });

  it("fails below the target, on 5xx, on SQLITE_BUSY in the log and when nothing sold out", () => {
    const slow = checkOrders({ ...load, ordersPerSec: 80, server5xx: 2, statusCodes: { ...load.statusCodes, "500": 2 } }, clean, null, [
      "Error: SQLITE_BUSY: database is locked",
    ]);
    expect(slow.pass).toBe(false);
    expect(slow.reasons.join("\n")).toMatch(/80\.0 orders\/s < 100/);
    expect(slow.reasons.join("\n")).toMatch(/2 5xx/);
    expect(slow.reasons.join("\n")).toMatch(/SQLITE_BUSY/);
    expect(checkOrders(load, { ...clean, hotSoldOut: 0 }, null, []).reasons.join("\n")).toMatch(/not exercised/);
  });
});
