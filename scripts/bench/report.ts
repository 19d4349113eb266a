// Steps 3–5: targets checked, a table on the terminal, bench-results/latest.{json,md} on disk.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { FirstLoadJs } from "./bundle";
import { RESULTS_DIR, ROOT } from "./env";
import type { LoadResult, Probe } from "./load";
import type { ImportBenchResult } from "./imports";
import type { OrderIntegrity, OrderLoad, OrderSetup } from "./orders";
import type { Target, TargetName } from "./targets";

/** The goals the pages are held to (docs/decisions/005-benchmarks.md). */
export const THRESHOLDS = {
  /** Product and category pages: req/s at least this share of the static page's, measured in the same run. */
  minRatioToStatic: 0.5,
  /** Product and category pages: 95th percentile latency under 50 connections. */
  maxP95Ms: 150,
  /** Product page: first-load JS, gzip -9, in kB of 1000 bytes (as `next build` prints them). */
  maxFirstLoadKbGzip: 130,
  /** Order placement: 201s per second sustained with 50 buyers, with no oversell and no 5xx. */
  minOrdersPerSec: 100,
  /** CSV import: a 100,000-row stock file validated and applied end to end, rows per second. */
  minImportRowsPerSec: 5_000,
} as const;

export interface Check {
  pass: boolean;
  reasons: string[];
}

export interface PageResult extends Target {
  url: string;
  probe: Probe | { error: string };
  load: LoadResult;
  /** This page's req/s ÷ the static page's req/s; null for the static page itself. */
  ratioToStatic: number | null;
  /** Null for the static page (it is the reference, not a target). */
  check: Check | null;
}

export interface BundleResult extends FirstLoadJs {
  name: TargetName;
  path: string;
  /** Why the page or its scripts could not be fetched; null when they were. */
  error: string | null;
  check: Check | null;
}

export interface BenchReport {
  date: string;
  command: string;
  machine: { cores: number; cpuModel: string; memoryGiB: number; platform: string; arch: string; osRelease: string };
  node: string;
  next: string | null;
  gitCommit: string | null;
  config: {
    baseUrl: string;
    managedServer: boolean;
    connections: number;
    durationS: number;
    warmupRequests: number;
    headers: Record<string, string>;
  };
  /** How the bench server ended when it ended before the run did (killed, crashed); null otherwise. */
  serverDied: string | null;
  thresholds: typeof THRESHOLDS;
  /** What was measured (--only). */
  only: "all" | "pages" | "orders" | "import";
  pages: PageResult[];
  firstLoadJs: BundleResult[];
  /** Null when not measured (--only pages) or skipped (reason in `ordersSkipped`). */
  orders: OrderResult | null;
  ordersSkipped: string | null;
  /** The CSV import measurement; null when not measured (reason in `importSkipped`). Absent in older reports. */
  import?: (ImportBenchResult & { check: Check }) | null;
  importSkipped?: string | null;
  pass: boolean;
}

export function checkImport(result: ImportBenchResult): Check {
  const reasons: string[] = [];
  if (result.rowsPerSec < THRESHOLDS.minImportRowsPerSec) reasons.push(`${result.rowsPerSec.toFixed(0)} rows/s < ${THRESHOLDS.minImportRowsPerSec}`);
  if (result.ledgerRows !== result.expectedLedgerRows) reasons.push(`${result.ledgerRows} ledger rows, expected ${result.expectedLedgerRows}`);
  return { pass: reasons.length === 0, reasons };
}

function importLine(r: ImportBenchResult): string {
  return (
    `${r.rows.toLocaleString("en")} rows (${(r.csvBytes / 1e6).toFixed(1)} MB, ${r.brand}: ${r.stores} stores × ${r.skus} SKUs${r.benchStoresAdded ? `, ${r.benchStoresAdded} bench-only stores added to the copy` : ""}): ` +
    `${r.rowsPerSec.toFixed(0)} rows/s end to end; validate ${r.validateS.toFixed(2)} s, apply ${r.applyS.toFixed(2)} s in ${r.batches} batches; ` +
    `${r.ledgerRows.toLocaleString("en")} ledger rows (expected ${r.expectedLedgerRows.toLocaleString("en")})`
  );
}

export interface OrderResult {
  path: string;
  store: OrderSetup["store"];
  buyers: number;
  durationS: number;
  warmupOrders: number;
  skus: { hot: number; hotBudgets: number[]; deep: number; deepBudget: number; hotShare: number };
  load: OrderLoad;
  /** Orders/s ÷ the static page's req/s of the same run; null when the static page was not measured. */
  ratioToStatic: number | null;
  integrity: OrderIntegrity;
  /** Suspicious lines of the server log written during the order phase (null: no server log, --base-url). */
  serverLogErrors: string[] | null;
  check: Check;
}

export function checkPage(page: Omit<PageResult, "check" | "ratioToStatic">, reference: LoadResult): {
  ratioToStatic: number;
  check: Check;
} {
  const reasons: string[] = [];
  const ratio = reference.reqPerSec > 0 ? page.load.reqPerSec / reference.reqPerSec : Number.NaN;
  if (page.load.requests === 0) {
    reasons.push(`no response in ${page.load.durationS} s (the page hangs or the server is down)`);
    if (page.load.errors > 0) reasons.push(`${page.load.errors} connection errors`);
    return { ratioToStatic: ratio, check: { pass: false, reasons } };
  }
  if (page.load.non2xx > 0) reasons.push(`${page.load.non2xx} non-2xx responses (${statusSummary(page.load)})`);
  if (page.load.errors > 0) reasons.push(`${page.load.errors} connection errors`);
  if (reference.non2xx > 0 || reference.errors > 0) reasons.push("static page had non-2xx/errors: ratio not meaningful");
  if (!(ratio >= THRESHOLDS.minRatioToStatic)) reasons.push(`ratio ${fmt(ratio, 2)} < ${THRESHOLDS.minRatioToStatic}`);
  if (!(page.load.latencyMs.p95 <= THRESHOLDS.maxP95Ms)) {
    reasons.push(`p95 ${fmt(page.load.latencyMs.p95, 1)} ms > ${THRESHOLDS.maxP95Ms} ms`);
  }
  return { ratioToStatic: ratio, check: { pass: reasons.length === 0, reasons } };
}

export function checkOrders(load: OrderLoad, integrity: OrderIntegrity, serverDied: string | null, serverLog: string[] | null = null): Check {
  const reasons: string[] = [];
  const busy = (serverLog ?? []).filter((line) => /SQLITE_BUSY|database is locked/i.test(line));
  if (busy.length > 0) reasons.push(`${busy.length} SQLITE_BUSY / "database is locked" lines in the server log`);
  if (serverDied !== null) reasons.push(`the server ended during the run (${serverDied})`);
  if (load.requests === 0) reasons.push(`no response in ${load.durationS} s`);
  if (!(load.ordersPerSec >= THRESHOLDS.minOrdersPerSec)) {
    reasons.push(`${fmt(load.ordersPerSec, 1)} orders/s < ${THRESHOLDS.minOrdersPerSec}`);
  }
  if (load.server5xx > 0) reasons.push(`${load.server5xx} 5xx responses`);
  if (load.otherNon2xx > 0) reasons.push(`${load.otherNon2xx} responses neither 201 nor sold out (${statusSummary(load)})`);
  if (load.errors > 0) reasons.push(`${load.errors} connection errors`);
  if (integrity.oversoldUnits > 0) reasons.push(`${integrity.oversoldUnits} units OVERSOLD`);
  for (const problem of integrity.problems) if (!/OVERSOLD/.test(problem)) reasons.push(problem);
  if (load.requests > 0 && integrity.hotSoldOut === 0) reasons.push("no SKU sold out during the run: the oversell guard was not exercised");
  return { pass: reasons.length === 0, reasons };
}

export function checkBundle(bundle: FirstLoadJs & { error: string | null }): Check {
  const reasons: string[] = [];
  if (bundle.error !== null) return { pass: false, reasons: [bundle.error] };
  if (bundle.status < 200 || bundle.status >= 300) reasons.push(`page answered ${bundle.status}: not the real page's JS`);
  const broken = bundle.files.filter((f) => f.status !== 200);
  if (broken.length > 0) reasons.push(`${broken.length} script(s) did not answer 200`);
  const kb = bundle.totalGzipBytes / 1000;
  if (kb > THRESHOLDS.maxFirstLoadKbGzip) reasons.push(`${fmt(kb, 1)} kB > ${THRESHOLDS.maxFirstLoadKbGzip} kB gzip`);
  return { pass: reasons.length === 0, reasons };
}

export function statusSummary(load: Pick<LoadResult, "statusCodes">): string {
  const entries = Object.entries(load.statusCodes).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "no responses" : entries.map(([code, n]) => `${code}×${n}`).join(", ");
}

function fmt(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "—";
}

function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

function verdict(check: Check | null): string {
  if (check === null) return "(reference)";
  return check.pass ? "PASS" : "FAIL";
}

/** How this run was invoked, as someone would type it again. */
export function commandLine(argv: string[], script: "bench" | "soak" = "bench"): string {
  const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  const args = argv.map(quote).join(" ");
  if (process.env.npm_lifecycle_event === script) return `npm run ${script}${args ? ` -- ${args}` : ""}`;
  return `tsx scripts/${script}.ts${args ? ` ${args}` : ""}`;
}

export function environment(): Pick<BenchReport, "machine" | "node" | "next" | "gitCommit"> {
  const cpus = os.cpus();
  let next: string | null = null;
  try {
    next = (createRequire(import.meta.url)(path.join(ROOT, "node_modules", "next", "package.json")) as { version: string }).version;
  } catch {
    next = null;
  }
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return {
    machine: {
      cores: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      platform: os.platform(),
      arch: os.arch(),
      osRelease: os.release(),
    },
    node: process.version,
    next,
    gitCommit: git.status === 0 ? git.stdout.trim() : null,
  };
}

function table(header: string[], rows: string[][], align: Array<"l" | "r">): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (align[i] === "r" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const LOAD_HEADER = ["page", "path", "req/s", "× static", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "errors", "check"];
const LOAD_ALIGN: Array<"l" | "r"> = ["l", "l", "r", "r", "r", "r", "r", "r", "r", "l"];
const JS_HEADER = ["page", "status", "files", "raw kB", "gzip kB", "inline gzip kB (not counted)", "check"];
const JS_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "r", "r", "l"];

function loadRows(report: BenchReport): string[][] {
  return report.pages.map((p) => [
    p.name,
    p.path,
    fmt(p.load.reqPerSec, 0),
    p.ratioToStatic === null ? "1.00" : fmt(p.ratioToStatic, 2),
    fmt(p.load.latencyMs.p50, 1),
    fmt(p.load.latencyMs.p95, 1),
    fmt(p.load.latencyMs.p99, 1),
    p.load.non2xx === 0 ? "0" : `${p.load.non2xx} (${statusSummary(p.load)})`,
    String(p.load.errors),
    verdict(p.check),
  ]);
}

const ORDER_HEADER = ["endpoint", "buyers", "orders/s", "× static", "p50 ms", "p95 ms", "p99 ms", "201", "409 sold out", "other non-2xx", "5xx", "errors", "oversold", "check"];
const ORDER_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"];

function orderRows(o: OrderResult): string[][] {
  const other = o.load.otherNon2xx === 0 ? "0" : `${o.load.otherNon2xx} (${statusSummary(o.load)})`;
  return [
    [
      `POST ${o.path}`,
      String(o.buyers),
      fmt(o.load.ordersPerSec, 0),
      o.ratioToStatic === null ? "—" : fmt(o.ratioToStatic, 2),
      fmt(o.load.latencyMs.p50, 1),
      fmt(o.load.latencyMs.p95, 1),
      fmt(o.load.latencyMs.p99, 1),
      String(o.load.placed),
      String(o.load.soldOut),
      other,
      String(o.load.server5xx),
      String(o.load.errors),
      String(o.integrity.oversoldUnits),
      verdict(o.check),
    ],
  ];
}

/** The integrity checks, one line each, for the terminal and the Markdown. */
function integrityLines(o: OrderResult): string[] {
  const i = o.integrity;
  const ok = (good: boolean): string => (good ? "ok" : "**WRONG**");
  const hot = i.skus.filter((s) => s.role === "hot");
  return [
    `Placed orders (201, warm-up included): ${i.placed}; this run's orders in the database: ${i.ordersInDb} ` +
      `(${i.ordersUnanswered} of them placed for requests still in flight when the load stopped) — 201 without an order: ${i.missingOrders} ${ok(i.missingOrders === 0)}; ` +
      `orders for refused requests: ${i.ordersForRefusals} ${ok(i.ordersForRefusals === 0)}`,
    `Oversold units: ${i.oversoldUnits} ${ok(i.oversoldUnits === 0)} (reserved beyond each SKU's budget, or beyond on hand anywhere); inventory rows with negative or over-reserved stock: ${i.badInventoryRows} ${ok(i.badInventoryRows === 0)}`,
    `Reserved units = units in this run's orders for every SKU: ${ok(i.reservedMismatches === 0)}; RESERVE ledger rows = ordered units: ${ok(i.reserveRowMismatches === 0)}; ` +
      `ledger sums = onHand/reserved for every inventory row of the database: ${i.ledgerMismatches} mismatches ${ok(i.ledgerMismatches === 0)}`,
    `Hot SKUs sold out: ${i.hotSoldOut} of ${hot.length} (budgets ${hot.map((s) => `${s.placed}/${s.budget}`).join(", ")} placed/units); ` +
      `sold-out answers while units were left: ${i.spuriousSoldOut} ${ok(i.spuriousSoldOut === 0)}`,
    `Latency of placements (201 only): p50 ${fmt(o.load.placedLatencyMs.p50, 1)} ms, p95 ${fmt(o.load.placedLatencyMs.p95, 1)} ms, p99 ${fmt(o.load.placedLatencyMs.p99, 1)} ms; ` +
      `all answers: ${fmt(o.load.reqPerSec, 0)} req/s; requests unanswered at the stop: ${o.load.unanswered}`,
    `Each connection's first answer took up to ${fmt(o.load.firstAnswerMaxMs, 0)} ms (a new connection waits while the server is saturated, ` +
      `so the ${o.buyers} connections ramp up over the first seconds); p99 without those first answers: ${fmt(o.load.laterP99Ms, 1)} ms`,
    o.serverLogErrors === null
      ? "Server log: not ours (--base-url)"
      : `Server log during the order phase: ${o.serverLogErrors.length === 0 ? "no errors, no SQLITE_BUSY" : `${o.serverLogErrors.length} suspicious lines, first: ${o.serverLogErrors.slice(0, 3).join(" / ")}`}`,
  ];
}

function orderSetupLine(o: OrderResult): string {
  return (
    `${o.buyers} signed-in members, one connection each, × ${o.durationS} s after ${o.warmupOrders} warm-up orders; 1-unit pickup orders at ` +
    `${o.store.code} (${o.store.name}, safety stock ${o.store.safetyStock}): ${o.skus.hot} hot SKUs with ${o.skus.hotBudgets.join("/")} units ` +
    `(${Math.round(o.skus.hotShare * 100)} % of requests) and ${o.skus.deep} SKUs with ${o.skus.deepBudget} units each (the rest)`
  );
}

function jsRows(report: BenchReport): string[][] {
  return report.firstLoadJs.map((b) => [
    b.name,
    b.error === null ? String(b.status) : "error",
    String(b.files.length),
    kB(b.totalRawBytes),
    kB(b.totalGzipBytes),
    kB(b.inline.gzipBytes),
    b.check === null ? "(comparison)" : verdict(b.check),
  ]);
}

function failures(report: BenchReport): string[] {
  const lines: string[] = [];
  if (report.serverDied !== null) {
    lines.push(`the bench server ended during the run (${report.serverDied}; see bench-results/server.log): the figures are not valid`);
  }
  for (const p of report.pages) if (p.check && !p.check.pass) lines.push(`${p.name} ${p.path}: ${p.check.reasons.join("; ")}`);
  for (const b of report.firstLoadJs) {
    if (b.check && !b.check.pass) lines.push(`first-load JS of ${b.name} ${b.path}: ${b.check.reasons.join("; ")}`);
  }
  if (report.orders && !report.orders.check.pass) lines.push(`order placement POST ${report.orders.path}: ${report.orders.check.reasons.join("; ")}`);
  if (report.import && !report.import.check.pass) lines.push(`CSV import: ${report.import.check.reasons.join("; ")}`);
  return lines;
}

export function printReport(report: BenchReport): void {
  const m = report.machine;
  console.log("");
  console.log(`Benchmark ${report.date} — ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, node ${report.node}, next ${report.next ?? "?"}`);
  console.log(`${report.config.connections} connections × ${report.config.durationS} s per page after ${report.config.warmupRequests} warm-up requests, against ${report.config.baseUrl}`);
  console.log("");
  if (report.pages.length > 0) console.log(table(LOAD_HEADER, loadRows(report), LOAD_ALIGN));
  console.log("");
  if (report.pages.length > 0) console.log(
    `Targets: product and category ≥ ${THRESHOLDS.minRatioToStatic} × static req/s, p95 ≤ ${THRESHOLDS.maxP95Ms} ms, all 2xx; ` +
      `product first-load JS ≤ ${THRESHOLDS.maxFirstLoadKbGzip} kB gzip.`,
  );
  if (report.firstLoadJs.length > 0) {
    console.log("");
    console.log("First-load JS (external /_next/ scripts, gzip -9, kB = 1000 bytes):");
    console.log(table(JS_HEADER, jsRows(report), JS_ALIGN));
    for (const b of report.firstLoadJs) {
      console.log(`\n  ${b.name} ${b.path}`);
      if (b.error !== null) console.log(`    ${b.error}`);
      else if (b.files.length === 0) console.log("    (no /_next/ scripts found)");
      for (const f of b.files) {
        console.log(`    ${kB(f.gzipBytes).padStart(7)} kB gzip ${kB(f.rawBytes).padStart(8)} kB raw  ${f.src}${f.status === 200 ? "" : `  [HTTP ${f.status}]`}`);
      }
    }
  }
  if (report.orders) {
    const o = report.orders;
    console.log("");
    console.log(`Order placement: ${orderSetupLine(o)}`);
    console.log(table(ORDER_HEADER, orderRows(o), ORDER_ALIGN));
    for (const line of integrityLines(o)) console.log(`  ${line.replaceAll("**", "")}`);
    console.log(`Target: ≥ ${THRESHOLDS.minOrdersPerSec} orders/s (201s), 0 oversold, no 5xx, every order accounted for.`);
  }
  if (report.import) {
    console.log("");
    console.log(`CSV stock import: ${importLine(report.import)}`);
    console.log(`Target: ≥ ${THRESHOLDS.minImportRowsPerSec} rows/s (validate + apply), one ledger row per changed figure.`);
  }
  const failed = failures(report);
  console.log("");
  if (report.importSkipped) console.log(`CSV import not measured: ${report.importSkipped}.`);
  if (report.ordersSkipped !== null) console.log(`Order placement not measured: ${report.ordersSkipped}.`);
  if (failed.length === 0) console.log("All targets PASS.");
  else for (const line of failed) console.log(`FAIL ${line}`);
}

function markdown(report: BenchReport): string {
  const m = report.machine;
  const mdTable = (header: string[], rows: string[][], align: Array<"l" | "r">): string =>
    [
      `| ${header.join(" | ")} |`,
      `| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`,
      ...rows.map((r) => `| ${r.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`),
    ].join("\n");
  const failed = failures(report);
  const parts = [
    `## Benchmark ${report.date.slice(0, 10)}`,
    "",
    `- Date: ${report.date}`,
    `- Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.platform} ${m.arch} ${m.osRelease}`,
    `- Node ${report.node}, Next ${report.next ?? "?"}, commit ${report.gitCommit ?? "?"}`,
    `- Command: \`${report.command}\``,
    `- Load: autocannon, ${report.config.connections} connections × ${report.config.durationS} s per page, ` +
      `after ${report.config.warmupRequests} warm-up requests; server ${report.config.managedServer ? "`next start` (production build, bench database)" : report.config.baseUrl}`,
    "",
    ...(report.pages.length === 0 ? [] : ["### Throughput and latency", "", mdTable(LOAD_HEADER, loadRows(report), LOAD_ALIGN), ""]),
    report.pages.length === 0
      ? "No pages measured (`--only import`)."
      : report.pages.length > 1
      ? `Targets: product and category pages ≥ ${THRESHOLDS.minRatioToStatic} × the static page's req/s (same run), ` +
        `p95 ≤ ${THRESHOLDS.maxP95Ms} ms, no non-2xx.`
      : "The static page only: the reference for the order placement's ratio (`--only orders`).",
    "",
  ];
  if (report.firstLoadJs.length > 0) {
    parts.push(
      "### First-load JS",
      "",
      mdTable(JS_HEADER, jsRows(report), JS_ALIGN),
      "",
      `External \`/_next/\` scripts of the page's HTML, each gzipped at level 9, kB = 1000 bytes. ` +
        `Target: product page ≤ ${THRESHOLDS.maxFirstLoadKbGzip} kB.`,
      "",
    );
  }
  for (const b of report.firstLoadJs) {
    parts.push(`<details><summary>${b.name} <code>${b.path}</code>: ${b.files.length} files, ${kB(b.totalGzipBytes)} kB gzip</summary>`, "");
    parts.push(mdTable(["file", "gzip kB", "raw kB"], b.files.map((f) => [`\`${f.src}\``, kB(f.gzipBytes), kB(f.rawBytes)]), ["l", "r", "r"]));
    parts.push("", "</details>", "");
  }
  if (report.orders) {
    const o = report.orders;
    parts.push(
      "### Order placement",
      "",
      `${orderSetupLine(o)}.`,
      "",
      mdTable(ORDER_HEADER, orderRows(o), ORDER_ALIGN),
      "",
      ...integrityLines(o).map((line) => `- ${line}`),
      "",
      `Target: ≥ ${THRESHOLDS.minOrdersPerSec} orders/s (201s per second) at ${o.buyers} concurrent buyers, 0 oversold, no 5xx; ` +
        "latency over every answer (201 and 409). × static = orders/s ÷ the static page's req/s of the same run.",
      "",
    );
  }
  if (report.import) {
    parts.push(
      "### CSV stock import",
      "",
      `${importLine(report.import)}.`,
      "",
      `Through lib/imports (streamed dry run, staging, set-based batches of 5,000) on a copy of the fresh bench database. Target: ≥ ${THRESHOLDS.minImportRowsPerSec} rows/s.`,
      "",
    );
  }
  if (report.importSkipped) parts.push(`CSV import not measured: ${report.importSkipped}.`, "");
  if (report.ordersSkipped !== null) parts.push(`Order placement not measured: ${report.ordersSkipped}.`, "");
  parts.push(failed.length === 0 ? "**All targets PASS.**" : failed.map((line) => `- **FAIL** ${line}`).join("\n"), "");
  return parts.join("\n");
}

export function writeReport(report: BenchReport): { json: string; md: string } {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, "latest.json");
  const md = path.join(RESULTS_DIR, "latest.md");
  // NaN (no responses at all) becomes null in JSON.
  fs.writeFileSync(json, JSON.stringify(report, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2) + "\n");
  fs.writeFileSync(md, markdown(report));
  return { json, md };
}
