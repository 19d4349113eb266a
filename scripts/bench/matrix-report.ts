// The report of `npm run bench -- --matrix`: pure functions from the cells' figures to Markdown (unit-tested).
import type { BenchReport } from "./report";

export interface MatrixCellResult {
  database: "SQLite" | "PostgreSQL";
  instances: 1 | 2;
  /** Null when the cell failed before measuring (then `error` says why). */
  static: { reqPerSec: number; p99: number; non2xx: number; errors: number } | null;
  product: { path: string; reqPerSec: number; p99: number; non2xx: number; errors: number } | null;
  orders: {
    ordersPerSec: number;
    p95: number;
    placed: number;
    soldOut: number;
    /** Non-2xx other than a sold-out 409 (5xx included). */
    otherNon2xx: number;
    server5xx: number;
    errors: number;
  } | null;
  integrity: {
    ordersInDb: number;
    ordersWithReservation: number;
    orderedUnits: number;
    reservedInLedger: number;
    oversoldUnits: number;
    ledgerMismatches: number;
    missingOrders: number;
    problems: string[];
  } | null;
  /** Suspicious lines in the instances' logs during the order phase. */
  serverLogErrors: number;
  error: string | null;
}

export interface MatrixReport extends Pick<BenchReport, "machine" | "node" | "next" | "gitCommit"> {
  date: string;
  command: string;
  loadAverage: number[];
  connections: number;
  durationS: number;
  orderDurationS: number;
  warmupRequests: number;
  warmupOrders: number;
  postgres: string;
  cells: MatrixCellResult[];
}

export function cellName(cell: Pick<MatrixCellResult, "database" | "instances">): string {
  return `${cell.database} × ${cell.instances}`;
}

/** A cell passes when it measured everything, answered no 5xx, had no connection errors and its books agree. */
export function cellPasses(cell: MatrixCellResult): boolean {
  return (
    cell.error === null &&
    cell.static !== null && cell.static.non2xx === 0 &&
    cell.product !== null && cell.product.non2xx === 0 &&
    cell.orders !== null && cell.orders.server5xx === 0 && cell.orders.otherNon2xx === 0 && cell.orders.errors === 0 &&
    cell.integrity !== null && cell.integrity.problems.length === 0 && cell.integrity.oversoldUnits === 0
  );
}

const int = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "–" : Math.round(n).toLocaleString("en-US"));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? "–" : (a / b).toFixed(2));

/** One row per cell: pages (static, product as a ratio to static), then orders and the integrity check. */
export function matrixTable(cells: MatrixCellResult[]): string {
  const lines = [
    "| cell | static req/s | product req/s | product × static | product p99 ms | orders/s | order p95 ms | 201 | 409 sold out | other non-2xx | 5xx | errors | orders = reservations | oversold | ledger mismatches | check |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
  ];
  for (const c of cells) {
    const i = c.integrity;
    const books = i === null ? "–" : `${int(i.ordersInDb)} = ${int(i.ordersWithReservation)}${i.orderedUnits === i.reservedInLedger ? "" : ` (units ${i.orderedUnits} ≠ ${i.reservedInLedger})`}`;
    lines.push(
      `| ${cellName(c)} | ${int(c.static?.reqPerSec)} | ${int(c.product?.reqPerSec)} | ${ratio(c.product?.reqPerSec, c.static?.reqPerSec)} | ${int(c.product?.p99)} | ` +
        `${int(c.orders?.ordersPerSec)} | ${int(c.orders?.p95)} | ${int(c.orders?.placed)} | ${int(c.orders?.soldOut)} | ${int(c.orders?.otherNon2xx)} | ${int(c.orders?.server5xx)} | ` +
        `${int(c.orders?.errors)} | ${books} | ${int(i?.oversoldUnits)} | ${int(i?.ledgerMismatches)} | ${cellPasses(c) ? "PASS" : "FAIL"} |`,
    );
  }
  return lines.join("\n");
}

export function matrixMarkdown(report: MatrixReport): string {
  const m = report.machine;
  const out = [
    `# Bench matrix: SQLite vs PostgreSQL, one vs two instances`,
    "",
    `- Date: ${report.date}`,
    `- Command: \`${report.command}\``,
    `- Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB, ${m.platform} ${m.arch}; load average before the run ${report.loadAverage.map((n) => n.toFixed(2)).join(", ")}`,
    `- Node ${report.node}, Next ${report.next ?? "?"}, commit ${report.gitCommit ?? "?"}; PostgreSQL: ${report.postgres}`,
    `- Every cell behind nginx (round robin, keep-alive); pages ${report.connections} connections × ${report.durationS} s after ${report.warmupRequests} warm-up requests; ` +
      `orders ${report.connections} signed-in buyers × ${report.orderDurationS} s after ${report.warmupOrders} warm-up orders`,
    "",
    matrixTable(report.cells),
    "",
  ];
  for (const c of report.cells) {
    const notes = [...(c.error ? [`error: ${c.error}`] : []), ...(c.integrity?.problems ?? []), ...(c.serverLogErrors > 0 ? [`${c.serverLogErrors} suspicious server log lines`] : [])];
    if (notes.length > 0) out.push(`- ${cellName(c)}: ${notes.slice(0, 5).join("; ")}`);
  }
  out.push(
    "",
    "× static = product req/s ÷ the static page's req/s of the same cell. orders = reservations: this run's orders (warm-up included) in the cell's database = those with RESERVE rows in its ledger. " +
      "Oversold: units reserved beyond a SKU's budget or beyond on hand anywhere. Ledger mismatches: inventory rows whose ledger sums differ from onHand/reserved.",
    "",
  );
  return out.join("\n");
}
