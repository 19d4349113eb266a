import { describe, expect, it } from "vitest";
import { cellPasses, matrixMarkdown, matrixTable, type MatrixCellResult, type MatrixReport } from "../../../scripts/bench/matrix-report";

const good: MatrixCellResult = {
  database: "SQLite",
  instances: 1,
  static: { reqPerSec: 800.4, p99: 120.2, non2xx: 0, errors: 0 },
  product: { path: "/lumi/p/LM1", reqPerSec: 600, p99: 150.6, non2xx: 0, errors: 0 },
  orders: { ordersPerSec: 101.6, p95: 480.2, placed: 900, soldOut: 150, otherNon2xx: 0, server5xx: 0, errors: 0 },
  integrity: { ordersInDb: 1000, ordersWithReservation: 1000, orderedUnits: 1000, reservedInLedger: 1000, oversoldUnits: 0, ledgerMismatches: 0, missingOrders: 0, problems: [] },
  serverLogErrors: 0,
  error: null,
};

describe("bench matrix report", () => {
  it("one row per cell: product as a ratio to the static page of the same cell, orders and the books", () => {
    const table = matrixTable([good, { ...good, database: "PostgreSQL", instances: 2 }]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[2]).toBe("| SQLite × 1 | 800 | 600 | 0.75 | 151 | 102 | 480 | 900 | 150 | 0 | 0 | 0 | 1,000 = 1,000 | 0 | 0 | PASS |");
    expect(table[3]).toMatch(/^\| PostgreSQL × 2 \|/);
  });

  it("a failed cell shows dashes and FAIL, and its error is listed under the table", () => {
    const failed: MatrixCellResult = { ...good, database: "PostgreSQL", static: null, product: null, orders: null, integrity: null, error: "nginx did not start" };
    expect(cellPasses(failed)).toBe(false);
    expect(matrixTable([failed]).split("\n")[2]).toBe("| PostgreSQL × 1 | – | – | – | – | – | – | – | – | – | – | – | – | – | – | FAIL |");
    const report: MatrixReport = {
      date: "2026-12-08T10:00:00.000Z",
      command: "npm run bench -- --matrix",
      machine: { cores: 2, cpuModel: "EPYC", memoryGiB: 23.5, platform: "linux", arch: "x64", osRelease: "6" },
      node: "v20",
      next: "16.4.6",
      gitCommit: "abc1234",
      loadAverage: [1, 2, 3],
      connections: 50,
      durationS: 8,
      orderDurationS: 8,
      warmupRequests: 200,
      warmupOrders: 100,
      postgres: "throwaway",
      cells: [good, failed],
    };
    const md = matrixMarkdown(report);
    expect(md).toContain("load average before the run 1.00, 2.00, 3.00");
    expect(md).toContain("50 connections × 8 s after 200 warm-up requests; orders 50 signed-in buyers × 8 s after 100 warm-up orders");
    expect(md).toContain("- PostgreSQL × 1: error: nginx did not start");
  });

  it("5xx, oversold units or a ledger problem fail the cell", () => {
    expect(cellPasses(good)).toBe(true);
    expect(cellPasses({ ...good, orders: { ...good.orders!, server5xx: 1, otherNon2xx: 1 } })).toBe(false);
    expect(cellPasses({ ...good, integrity: { ...good.integrity!, oversoldUnits: 1 } })).toBe(false);
    expect(cellPasses({ ...good, integrity: { ...good.integrity!, problems: ["x"] } })).toBe(false);
  });

  it("units that differ from the ledger are shown next to the order count", () => {
    const row = matrixTable([{ ...good, integrity: { ...good.integrity!, reservedInLedger: 998 } }]).split("\n")[2];
    expect(row).toContain("1,000 = 1,000 (units 1000 ≠ 998)");
  });
});
