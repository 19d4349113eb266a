// `npm run bench`: load-tests the shopper pages against a static page of the same build, in the same run,
// measures their first-load JS, then places orders with 50 signed-in buyers and checks the database for
// oversells. Why it is built this way: docs/decisions/005-benchmarks.md.
import crypto from "node:crypto";
import path from "node:path";
import { emptyFirstLoadJs, firstLoadJs, type FirstLoadJs } from "./bench/bundle";
import { BENCH_DB, type Cleanup, log, ROOT, runScript, SERVER_LOG, sleep } from "./bench/env";
import { measure, probe, warmUp, type Probe } from "./bench/load";
import { parseOptions, USAGE } from "./bench/options";
import {
  fileSize,
  ORDER_PATH,
  ORDER_PLAN,
  OrderLedger,
  placeOrders,
  prepareOrders,
  serverLogErrors,
  serverSecret,
  sessionCookies,
  verifyOrders,
  waitForQuiet,
} from "./bench/orders";
import { copyBenchDatabase, type ImportBenchResult, measureImport } from "./bench/imports";
import { buildApp, prepareDatabase } from "./bench/prepare";
import {
  type BenchReport,
  type BundleResult,
  checkBundle,
  checkImport,
  checkOrders,
  checkPage,
  commandLine,
  environment,
  type OrderResult,
  type PageResult,
  printReport,
  statusSummary,
  THRESHOLDS,
  writeReport,
} from "./bench/report";
import { runMatrixBench } from "./bench/matrix";
import { runScaleBench } from "./bench/scale";
import { assertPortFree, type RunningServer, startServer } from "./bench/server";
import { discoveryDatabase, resolveTargets, type Target } from "./bench/targets";

async function run(argv: string[], cleanup: Cleanup): Promise<number> {
  const opts = parseOptions(argv);
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }

  if (opts.only === "import") return importOnly(argv, opts, cleanup);
  if (opts.scale) return runScaleBench(argv, opts, cleanup);
  if (opts.matrix) return runMatrixBench(argv, opts, cleanup);

  // 1. Database, build, server — unless we were pointed at a running server.
  let baseUrl: string;
  let server: RunningServer | null = null;
  const managedServer = opts.baseUrl === null;
  // The managed server signs sessions with a secret of this run, so the order phase can mint buyers' cookies.
  const appSecret = managedServer ? crypto.randomBytes(32).toString("base64url") : null;
  if (opts.baseUrl !== null) {
    baseUrl = opts.baseUrl;
    log(`--base-url: benchmarking ${baseUrl} as it is (no database, build or server of our own)`);
  } else {
    await assertPortFree(opts.port);
    await prepareDatabase(cleanup);
    await copyBenchDatabase(); // the import measurement's fresh copy, before the server and orders write
    await buildApp(opts.build, cleanup);
    server = await startServer(opts.port, opts.health, cleanup, { APP_SECRET: appSecret! });
    baseUrl = server.baseUrl;
  }

  // 2. Pages.
  const dbFile = discoveryDatabase(opts, managedServer);
  const targets: Target[] =
    opts.only === "orders"
      ? [{ name: "static", path: opts.staticPath, source: "the reference for the order placement's ratio" }]
      : resolveTargets(opts, dbFile);
  for (const t of targets) log(`${t.name.padEnd(8)} ${t.path}  (${t.source})`);

  // Probe and warm every page before measuring any, so each one is measured with caches filled.
  const probes = new Map<string, Probe | { error: string }>();
  for (const t of targets) {
    const url = baseUrl + t.path;
    let answered = false;
    try {
      const p = await probe(url, opts.headers);
      probes.set(t.name, p);
      answered = true;
      const hints = [p.contentType, p.nextCache && `x-nextjs-cache: ${p.nextCache}`, p.prerender && "prerendered", p.location && `→ ${p.location}`]
        .filter(Boolean)
        .join(", ");
      const warning = p.status >= 200 && p.status < 300 ? "" : "   <-- not 2xx: measured anyway, reported as non-2xx";
      log(`probe ${t.name}: HTTP ${p.status} (${hints})${warning}`);
    } catch (error) {
      probes.set(t.name, { error: (error as Error).message });
      log(`probe ${t.name}: request failed (${(error as Error).message})`);
    }
    if (opts.warmup === 0) continue;
    if (!answered) {
      log(`warm-up ${t.name}: skipped, the page did not answer at all`);
      continue;
    }
    log(`warm-up ${t.name}: ${opts.warmup} requests`);
    await warmUp(url, opts.warmup, opts.headers);
  }

  // 3. Load, one page after the other, static first: it is the yardstick for the others.
  const pages: PageResult[] = [];
  for (const t of targets) {
    const url = baseUrl + t.path;
    log(`measuring ${t.name}: ${opts.connections} connections × ${opts.duration} s`);
    const load = await measure(url, { connections: opts.connections, duration: opts.duration, headers: opts.headers });
    log(
      (load.requests === 0 ? "  NO RESPONSES" : `  ${load.reqPerSec.toFixed(0)} req/s, p95 ${load.latencyMs.p95.toFixed(1)} ms`) +
        (load.non2xx > 0 ? `, NON-2xx: ${load.non2xx} (${statusSummary(load)})` : "") +
        (load.errors > 0 ? `, errors: ${load.errors}` : ""),
    );
    pages.push({ ...t, url, probe: probes.get(t.name) ?? { error: "not probed" }, load, ratioToStatic: null, check: null });
    const died = server?.unexpectedExit() ?? null;
    if (died !== null) log(`THE SERVER ENDED (${died}) by the end of ${t.name}: its figures and what follows are connection errors`);
    await sleep(1000); // let sockets close and the server settle before the next page
  }
  const reference = pages.find((p) => p.name === "static");
  if (reference === undefined) throw new Error("static page missing from the targets");
  for (const page of pages) {
    if (page === reference) continue;
    Object.assign(page, checkPage(page, reference.load));
  }

  // 4. First-load JS.
  const firstLoad: BundleResult[] = [];
  for (const t of opts.only === "orders" ? [] : targets) {
    log(`first-load JS of ${t.name}`);
    let bundle: FirstLoadJs & { error: string | null };
    try {
      bundle = { ...(await firstLoadJs(baseUrl + t.path, opts.headers)), error: null };
    } catch (error) {
      const message = `could not fetch the page or its scripts: ${(error as Error).message}`;
      log(`  ${message}`);
      bundle = { ...emptyFirstLoadJs(baseUrl + t.path), error: message };
    }
    firstLoad.push({ ...bundle, name: t.name, path: t.path, check: t.name === "product" ? checkBundle(bundle) : null });
  }

  // 5. Order placement, last: it writes into the database (buyers, stock budget, orders).
  let orders: OrderResult | null = null;
  let ordersSkipped: string | null = null;
  if (opts.only !== "pages") {
    const ordersDb = managedServer ? BENCH_DB : opts.db === null ? null : path.resolve(opts.db);
    if (ordersDb === null) {
      ordersSkipped = "--base-url without --db: the order phase writes buyers and stock into the server's database, name it with --db";
      log(`orders: skipped (${ordersSkipped})`);
    } else {
      orders = await measureOrders(opts, baseUrl, ordersDb, appSecret ?? serverSecret(ROOT), server, pages.find((p) => p.name === "static"));
    }
  }

  // 5b. The CSV import, on the copy taken before the server started (no server involved).
  let imported: (ImportBenchResult & { check: ReturnType<typeof checkImport> }) | null = null;
  let importSkipped: string | null = null;
  if (opts.only === "pages" || opts.only === "orders") importSkipped = `--only ${opts.only}`;
  else if (!managedServer) importSkipped = "--base-url: no fresh bench database of our own to copy";
  else {
    const result = await measureImport(opts.brand, cleanup);
    imported = { ...result, check: checkImport(result) };
  }

  // 6. Report.
  const serverDied = server?.unexpectedExit() ?? null;
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: commandLine(argv),
    ...environment(),
    config: {
      baseUrl,
      managedServer,
      connections: opts.connections,
      durationS: opts.duration,
      warmupRequests: opts.warmup,
      headers: opts.headers,
    },
    serverDied,
    thresholds: THRESHOLDS,
    only: opts.only,
    pages,
    firstLoadJs: firstLoad,
    orders,
    ordersSkipped,
    import: imported,
    importSkipped,
    pass:
      serverDied === null &&
      pages.every((p) => p.check === null || p.check.pass) &&
      firstLoad.every((b) => b.check === null || b.check.pass) &&
      (orders === null || orders.check.pass) &&
      (imported === null || imported.check.pass),
  };
  printReport(report);
  const written = writeReport(report);
  log(`wrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.md)}`);
  if (!report.pass && opts.strict) {
    log("--strict: exiting 1 because a target failed");
    return 1;
  }
  return 0;
}

/** `--only import`: a fresh bench database, its copy, the import; no build, no server. */
async function importOnly(argv: string[], opts: ReturnType<typeof parseOptions>, cleanup: Cleanup): Promise<number> {
  await prepareDatabase(cleanup);
  await copyBenchDatabase();
  const result = await measureImport(opts.brand, cleanup);
  const imported = { ...result, check: checkImport(result) };
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: commandLine(argv),
    ...environment(),
    config: { baseUrl: "(none: --only import)", managedServer: false, connections: 0, durationS: 0, warmupRequests: 0, headers: {} },
    serverDied: null,
    thresholds: THRESHOLDS,
    only: "import",
    pages: [],
    firstLoadJs: [],
    orders: null,
    ordersSkipped: "--only import",
    import: imported,
    importSkipped: null,
    pass: imported.check.pass,
  };
  printReport(report);
  const written = writeReport(report);
  log(`wrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.md)}`);
  return !report.pass && opts.strict ? 1 : 0;
}

async function measureOrders(
  opts: ReturnType<typeof parseOptions>,
  baseUrl: string,
  dbFile: string,
  secret: string,
  server: RunningServer | null,
  reference: PageResult | undefined,
): Promise<OrderResult> {
  const setup = prepareOrders(dbFile, opts.brand, opts.connections);
  log(
    `orders: ${setup.members.length} buyers; store ${setup.store.code} (${setup.store.name}); ` +
      `${ORDER_PLAN.hotBudgets.length} hot SKUs (${ORDER_PLAN.hotBudgets.join("/")} units), ${ORDER_PLAN.deepSkus} SKUs × ${ORDER_PLAN.deepBudget} units`,
  );
  const cookies = await sessionCookies(setup.members, secret);
  const ledger = new OrderLedger();
  const logFrom = server === null ? null : fileSize(SERVER_LOG);
  // JSON in, JSON out: the page headers' Accept would only matter to pages.
  const { accept: _accept, ...headers } = opts.headers;
  const load = await placeOrders(baseUrl, setup, cookies, ledger, {
    connections: opts.connections,
    duration: opts.orderDuration,
    warmup: opts.orderWarmup,
    headers,
  });
  await waitForQuiet(dbFile, setup);
  const integrity = verifyOrders(setup, ledger);
  const died = server?.unexpectedExit() ?? null;
  const logErrors = logFrom === null ? null : serverLogErrors(SERVER_LOG, logFrom);
  const ratio = reference && reference.load.reqPerSec > 0 ? load.ordersPerSec / reference.load.reqPerSec : null;
  log(
    `  ${load.ordersPerSec.toFixed(0)} orders/s, p95 ${load.latencyMs.p95.toFixed(1)} ms; 201×${load.placed}, sold out×${load.soldOut}, ` +
      `other×${load.otherNon2xx}, 5xx×${load.server5xx}, errors×${load.errors}; oversold ${integrity.oversoldUnits}` +
      (integrity.problems.length > 0 ? `; PROBLEMS: ${integrity.problems.join("; ")}` : ""),
  );
  if (logErrors && logErrors.length > 0) log(`  server log: ${logErrors.length} suspicious lines, e.g. ${logErrors[0]}`);
  return {
    path: ORDER_PATH,
    store: setup.store,
    buyers: opts.connections,
    durationS: opts.orderDuration,
    warmupOrders: opts.orderWarmup,
    skus: {
      hot: ORDER_PLAN.hotBudgets.length,
      hotBudgets: [...ORDER_PLAN.hotBudgets],
      deep: ORDER_PLAN.deepSkus,
      deepBudget: ORDER_PLAN.deepBudget,
      hotShare: ORDER_PLAN.hotShare,
    },
    load,
    ratioToStatic: ratio,
    integrity,
    serverLogErrors: logErrors,
    check: checkOrders(load, integrity, died, logErrors),
  };
}

await runScript("bench", (cleanup) => run(process.argv.slice(2), cleanup));
