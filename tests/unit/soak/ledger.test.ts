import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkLedger, orderLineProblem, takeBaseline } from "../../../scripts/soak/ledger";

// The columns of the real tables that the check reads (prisma/schema.prisma), in a throw-away file.
const SCHEMA = `
  CREATE TABLE Inventory (storeId TEXT, skuId TEXT, onHand INT, reserved INT, PRIMARY KEY (storeId, skuId));
  CREATE TABLE StockLedger (id INTEGER PRIMARY KEY AUTOINCREMENT, storeId TEXT, skuId TEXT, reason TEXT, onHandDelta INT, reservedDelta INT,
                            onHandAfter INT, reservedAfter INT, reference TEXT DEFAULT '');
  CREATE TABLE "Order" (id TEXT PRIMARY KEY, number TEXT, paidAt TEXT);
  CREATE TABLE OrderLine (id INTEGER PRIMARY KEY AUTOINCREMENT, orderId TEXT, storeId TEXT, skuId TEXT, quantity INT, soldQty INT DEFAULT 0, releasedQty INT DEFAULT 0);`;

let dir: string;
let file: string;
let db: Database.Database;

/** A stock movement the way lib/inventory/movements.ts writes it: the row changes and its ledger row records it. */
function move(storeId: string, skuId: string, reason: string, onHand: number, reserved: number, reference = ""): void {
  db.prepare("INSERT INTO Inventory (storeId, skuId, onHand, reserved) VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING").run(storeId, skuId);
  db.prepare("UPDATE Inventory SET onHand = onHand + ?, reserved = reserved + ? WHERE storeId = ? AND skuId = ?").run(onHand, reserved, storeId, skuId);
  const now = db.prepare("SELECT onHand, reserved FROM Inventory WHERE storeId = ? AND skuId = ?").get(storeId, skuId) as { onHand: number; reserved: number };
  db.prepare("INSERT INTO StockLedger (storeId, skuId, reason, onHandDelta, reservedDelta, onHandAfter, reservedAfter, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
    storeId, skuId, reason, onHand, reserved, now.onHand, now.reserved, reference,
  );
}

function order(number: string, lines: Array<{ sku: string; quantity: number; sold?: number; released?: number }>, paid = false): void {
  db.prepare(`INSERT INTO "Order" (id, number, paidAt) VALUES (?, ?, ?)`).run(`o${number}`, number, paid ? "2026-11-23T10:00:00.000+00:00" : null);
  for (const l of lines) db.prepare("INSERT INTO OrderLine (orderId, storeId, skuId, quantity, soldQty, releasedQty) VALUES (?, 'S1', ?, ?, ?, ?)").run(`o${number}`, l.sku, l.quantity, l.sold ?? 0, l.released ?? 0);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "soak-ledger-"));
  file = path.join(dir, "soak.db");
  db = new Database(file);
  db.exec(SCHEMA);
  move("S1", "A", "SEED", 10, 0);
  move("S1", "B", "SEED", 5, 0);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the soak's ledger check", () => {
  it("passes when every change since the baseline went through the ledger: reserve, pay, sell, release", () => {
    const baseline = takeBaseline(file);
    order("1", [{ sku: "A", quantity: 2 }], true); // paid, still reserved
    move("S1", "A", "RESERVE", 0, 2, "order:1");
    order("2", [{ sku: "A", quantity: 1, sold: 1 }], true); // paid and handed over
    move("S1", "A", "RESERVE", 0, 1, "order:2");
    move("S1", "A", "SELL", -1, -1, "order:2");
    order("3", [{ sku: "B", quantity: 1, released: 1 }]); // unpaid, released by the sweeper
    move("S1", "B", "RESERVE", 0, 1, "order:3");
    move("S1", "B", "RELEASE", 0, -1, "order:3");
    move("S2", "B", "ADJUST", 4, 0); // a new stock row after the baseline

    const check = checkLedger(file, baseline);
    expect(check.problems).toEqual([]);
    expect(check.pass).toBe(true);
    expect(check.ledgerRowsSinceBaseline).toBe(6);
    expect(check.orders).toEqual({ checked: 3, lineMismatches: 0, paid: 2, paidMismatches: 0 });
    expect(check.totals).toEqual({ onHand: 18, reserved: 2, ledgerOnHand: 18, ledgerReserved: 2 });
  });

  it("catches a quantity changed without a ledger row, both from the baseline and over all rows", () => {
    const baseline = takeBaseline(file);
    db.prepare("UPDATE Inventory SET onHand = 0 WHERE skuId = 'B'").run(); // the pilot's "all stock shows zero"
    const check = checkLedger(file, baseline);
    expect(check.pass).toBe(false);
    expect(check.baselineMismatches).toBe(1);
    expect(check.totalMismatches).toBe(1);
    expect(check.afterValueMismatches).toBe(1);
    expect(check.problems.join("\n")).toMatch(/S1\|B: onHand 5→0/);
  });

  it("catches a ledger row that moved nothing, and a change hidden before the baseline", () => {
    db.prepare("UPDATE Inventory SET onHand = 11 WHERE skuId = 'A'").run(); // before the baseline: only the all-rows sum sees it
    const baseline = takeBaseline(file);
    db.prepare("INSERT INTO StockLedger (storeId, skuId, reason, onHandDelta, reservedDelta, onHandAfter, reservedAfter) VALUES ('S1', 'B', 'ADJUST', 3, 0, 8, 0)").run();
    const check = checkLedger(file, baseline);
    expect(check.baselineMismatches).toBe(1); // B: a row since, no change
    expect(check.totalMismatches).toBe(2); // A and B
    expect(check.pass).toBe(false);
  });

  it("catches negative and over-reserved stock", () => {
    const baseline = takeBaseline(file);
    move("S1", "A", "ADJUST", -11, 0);
    move("S1", "B", "RESERVE", 0, 6, "hold:x");
    const check = checkLedger(file, baseline);
    expect(check.negativeRows).toBe(1);
    expect(check.overReservedRows).toBe(1);
    expect(check.baselineMismatches).toBe(0); // the ledger explains both: the check still fails on the figures themselves
    expect(check.pass).toBe(false);
  });

  it("catches a paid order whose units were never reserved, or sold without a SELL row", () => {
    const baseline = takeBaseline(file);
    order("7", [{ sku: "A", quantity: 2 }], true); // no RESERVE row
    order("8", [{ sku: "B", quantity: 1, sold: 1 }], true);
    move("S1", "B", "RESERVE", 0, 1, "order:8");
    move("S1", "B", "RELEASE", 0, -1, "order:8"); // released instead of sold
    const check = checkLedger(file, baseline);
    expect(check.orders).toEqual({ checked: 2, lineMismatches: 2, paid: 2, paidMismatches: 2 });
    expect(check.pass).toBe(false);
  });

  it("says what is wrong with an order line", () => {
    const line = { number: "9", paid: 1, storeId: "S1", skuId: "A", quantity: 3, sold: 1, released: 0, reservedIn: 3, stillReserved: 2, soldOut: 1 };
    expect(orderLineProblem(line)).toBeNull();
    expect(orderLineProblem({ ...line, reservedIn: 2, stillReserved: 1 })).toBe("order 9 (paid) S1/A: reserved 2 of 3 ordered; still reserved 1, expected 2 (ordered − sold − released)");
    expect(orderLineProblem({ ...line, soldOut: 0 })).toMatch(/SELL rows took 0, the line sold 1/);
  });
});
