// `npm run bench -- --matrix` (issue 8): one run, one build, four cells — SQLite × 1, SQLite × 2, PostgreSQL × 1,
// PostgreSQL × 2 instances — each behind nginx (the same proxy everywhere), each on a freshly set-up database of its
// own (`node scripts/setup.mjs`, DEMO_ACTIVITY=off). Per cell: the static page and the product page (autocannon), then
// order placement by signed-in buyers, checked afterwards through a Prisma client on that cell's database. The two
// SQLite instances open the same file (WAL). Instances, copies of the build, nginx, databases and the throwaway
// PostgreSQL server are undone by the Cleanup, each cell's as soon as the cell ends.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { clientFor } from "../../lib/db";
import { copyBuild } from "../build-snapshot.mjs";
import { Cleanup, log, RESULTS_DIR, ROOT, runNode, sleep } from "./env";
import { measure, probe, warmUp } from "./load";
import { type MatrixCellResult, type MatrixReport, cellName, cellPasses, matrixMarkdown } from "./matrix-report";
import { prepareCellOrders, verifyCellOrders, waitForCellQuiet } from "./matrix-orders";
import { startNginx } from "./nginx";
import type { BenchOptions } from "./options";
import { fileSize, OrderLedger, placeOrders, serverLogErrors, sessionCookies } from "./orders";
import { createPgDatabase, dropPgDatabase, ensurePgServer, removePgOrphans, uniquePgName } from "./pg-databases";
import { buildApp } from "./prepare";
import { commandLine, environment } from "./report";
import { freePort, startServer } from "./server";
import { resolveTargets } from "./targets";

export const MATRIX_DIST_DIR = ".next-matrix";
const CELLS: Array<Pick<MatrixCellResult, "database" | "instances">> = [
  { database: "SQLite", instances: 1 },
  { database: "SQLite", instances: 2 },
  { database: "PostgreSQL", instances: 1 },
  { database: "PostgreSQL", instances: 2 },
];

/** A database of the cell's kind, migrated and seeded by scripts/setup.mjs; removed by `cleanup`. */
async function cellDatabase(database: MatrixCellResult["database"], tmp: string, index: number, appSecret: string, cleanup: Cleanup): Promise<string> {
  let url: string;
  if (database === "SQLite") {
    const file = path.join(tmp, `cell-${index}.db`);
    url = `file:${file}`;
    cleanup.add(`${file}`, () => {
      for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    });
  } else {
    const name = uniquePgName("matrix");
    url = await createPgDatabase(name);
    cleanup.add(`database ${name}`, () => dropPgDatabase(name));
  }
  log(`${cellName({ database, instances: 1 }).split(" ")[0]} database for cell ${index}: setup (migrate, seed)`);
  await runNode("setup (migrate, seed)", path.join(ROOT, "scripts", "setup.mjs"), [], { ...process.env, DATABASE_URL: url, DEMO_ACTIVITY: "off", APP_SECRET: appSecret }, cleanup);
  return url;
}

async function runCell(
  cell: Pick<MatrixCellResult, "database" | "instances">,
  index: number,
  opts: BenchOptions,
  productPath: string | null,
  tmp: string,
  cleanup: Cleanup,
): Promise<MatrixCellResult> {
  const result: MatrixCellResult = { ...cell, static: null, product: null, orders: null, integrity: null, serverLogErrors: 0, error: null };
  const appSecret = crypto.randomBytes(32).toString("base64url");
  const databaseUrl = await cellDatabase(cell.database, tmp, index, appSecret, cleanup);
  if (productPath === null) {
    // Found in the first (SQLite) cell's freshly seeded file, then used in every cell: the seed is the same on both.
    if (cell.database !== "SQLite") throw new Error("no product page: the SQLite cell that discovers it failed; pass --product <path>");
    productPath = resolveTargets({ ...opts, categoryPath: opts.categoryPath ?? "/" }, databaseUrl.slice("file:".length)).find((t) => t.name === "product")!.path;
    log(`product page: ${productPath}`);
  }

  const letters = ["a", "b"].slice(0, cell.instances);
  const logs = letters.map((l) => path.join(RESULTS_DIR, `matrix-${index}-${l}.log`));
  const instances = [];
  for (const [i, letter] of letters.entries()) {
    // A fresh copy per instance and per cell: nothing one rendered and cached on disk (from another database) is served.
    const distDir = `${MATRIX_DIST_DIR}-${letter}`;
    copyBuild(path.join(ROOT, MATRIX_DIST_DIR), path.join(ROOT, distDir));
    cleanup.add(`${distDir} copy`, () => fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true }));
    const env: Record<string, string> = { DATABASE_URL: databaseUrl, APP_SECRET: appSecret, NEXT_DIST_DIR: distDir, TRUSTED_PROXY_HOPS: "1" };
    if (i > 0) env.ORDER_SWEEPER = "off"; // one sweeper per database, as in the cluster test
    instances.push(startServer(await freePort(), opts.health, cleanup, env, { logFile: logs[i] }));
  }
  const servers = await Promise.all(instances);
  const nginx = await startNginx(await freePort(), servers.map((s) => new URL(s.baseUrl).host), cleanup);
  const base = nginx.baseUrl;
  const died = () => servers.map((s) => s.unexpectedExit()).find((d) => d !== null) ?? null;

  const product = productPath;
  for (const page of [opts.staticPath, product]) {
    const p = await probe(base + page, opts.headers);
    log(`${cellName(cell)}: probe ${page}: HTTP ${p.status}`);
    await warmUp(base + page, opts.warmup, opts.headers);
  }
  const load = async (page: string) => {
    log(`${cellName(cell)}: measuring ${page}: ${opts.connections} connections × ${opts.duration} s`);
    const r = await measure(base + page, { connections: opts.connections, duration: opts.duration, headers: opts.headers });
    log(`  ${r.reqPerSec.toFixed(0)} req/s, p99 ${r.latencyMs.p99.toFixed(1)} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
    await sleep(1000);
    return { reqPerSec: r.reqPerSec, p99: r.latencyMs.p99, non2xx: r.non2xx, errors: r.errors };
  };
  result.static = await load(opts.staticPath);
  result.product = { path: product, ...(await load(product)) };

  const db = clientFor(databaseUrl);
  try {
    const setup = await prepareCellOrders(db, `${cellName(cell)} database`, opts.brand, opts.connections);
    const cookies = await sessionCookies(setup.members, appSecret);
    const ledger = new OrderLedger();
    const logFrom = logs.map(fileSize);
    const { accept: _accept, ...headers } = opts.headers;
    const orders = await placeOrders(base, setup, cookies, ledger, { connections: opts.connections, duration: opts.orderDuration, warmup: opts.orderWarmup, headers });
    await waitForCellQuiet(db, setup);
    const integrity = await verifyCellOrders(db, setup, ledger);
    result.orders = {
      ordersPerSec: orders.ordersPerSec, p95: orders.latencyMs.p95, placed: orders.placed, soldOut: orders.soldOut,
      otherNon2xx: orders.otherNon2xx + orders.server5xx, server5xx: orders.server5xx, errors: orders.errors,
    };
    result.integrity = integrity;
    result.serverLogErrors = logs.reduce((n, file, i) => n + serverLogErrors(file, logFrom[i]!).length, 0);
    log(
      `${cellName(cell)}: ${orders.ordersPerSec.toFixed(0)} orders/s, p95 ${orders.latencyMs.p95.toFixed(0)} ms, 201×${orders.placed}, sold out×${orders.soldOut}, ` +
        `5xx×${orders.server5xx}, errors×${orders.errors}; ${integrity.ordersInDb} orders, ${integrity.ordersWithReservation} with reservations, oversold ${integrity.oversoldUnits}` +
        (integrity.problems.length > 0 ? `; PROBLEMS: ${integrity.problems.join("; ")}` : ""),
    );
  } finally {
    await db.$disconnect();
  }
  const ended = died();
  if (ended !== null) result.error = `an instance ended during the run (${ended})`;
  return result;
}

export async function runMatrixBench(argv: string[], opts: BenchOptions, cleanup: Cleanup): Promise<number> {
  const loadAverage = os.loadavg();
  log(`--matrix: load average before the run ${loadAverage.map((n) => n.toFixed(2)).join(", ")}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mc-matrix-"));
  cleanup.add("matrix temp folder", () => fs.rmSync(tmp, { recursive: true, force: true }));
  const ownPg = ensurePgServer(cleanup);
  await removePgOrphans();
  // One build for every cell; the build holds nothing of a database (scripts/build-snapshot.mjs).
  await buildApp(opts.build, cleanup, path.join(tmp, "build.db"), { distDir: MATRIX_DIST_DIR });

  let productPath = opts.productPath;
  const cells: MatrixCellResult[] = [];
  for (const [i, cell] of CELLS.entries()) {
    // Each cell's processes, copies and database go as soon as it ends (and with the run on Ctrl-C or an error).
    const cellCleanup = new Cleanup();
    const unregister = cleanup.add(`cell ${cellName(cell)}`, () => cellCleanup.run());
    try {
      const result = await runCell(cell, i + 1, opts, productPath, tmp, cellCleanup);
      productPath ??= result.product?.path ?? null;
      cells.push(result);
    } catch (error) {
      log(`${cellName(cell)} FAILED: ${(error as Error).message}`);
      cells.push({ ...cell, static: null, product: null, orders: null, integrity: null, serverLogErrors: 0, error: (error as Error).message.split("\n")[0]! });
    } finally {
      await cellCleanup.run();
      unregister();
    }
  }

  const report: MatrixReport = {
    date: new Date().toISOString(),
    command: commandLine(argv),
    ...environment(),
    loadAverage,
    connections: opts.connections,
    durationS: opts.duration,
    orderDurationS: opts.orderDuration,
    warmupRequests: opts.warmup,
    warmupOrders: opts.orderWarmup,
    postgres: ownPg ? "throwaway server (scripts/pg-server.sh: fsync off)" : "PG_ADMIN_URL's server",
    cells,
  };
  const markdown = matrixMarkdown(report);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, "matrix-latest.json"), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(RESULTS_DIR, "matrix-latest.md"), markdown);
  console.log(`\n${markdown}`);
  log("wrote bench-results/matrix-latest.json and bench-results/matrix-latest.md");
  const pass = cells.every(cellPasses);
  return !pass && opts.strict ? 1 : 0;
}
