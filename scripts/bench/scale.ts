// `npm run bench -- --scale`: the chain-size database (npm run seed:scale), every page a shopper, a guide and
// an admin opens most, add to cart and order placement, at 10, 50 and 100 connections, each figure as a ratio
// to the static page measured at the same level in the same run. Why: docs/decisions/027-scale-benchmarks.md.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { BenchError, type Cleanup, DIST_DIR, log, RESULTS_DIR, ROOT, runNode, SERVER_LOG, sleep } from "./env";
import { type LoadResult, loadResultOf, measure, probe, warmUp } from "./load";
import type { BenchOptions } from "./options";
import { ORDER_PLAN, OrderLedger, placeOrders, prepareOrders, serverLogErrors, sessionCookie, sessionCookies, verifyOrders, waitForQuiet, fileSize, type OrderIntegrity, type OrderLoad } from "./orders";
import { buildApp } from "./prepare";
import { commandLine, environment } from "./report";
import { startServer } from "./server";
import { resolveTargets } from "./targets";

const require = createRequire(import.meta.url);
export const SCALE_DB = path.join(ROOT, "data", "scale.db");
const SCALE_BRAND = "chain";
const GUIDE_PREFIX = "chain.g";
const ADMIN_LOGIN = "chain.admin";

/** The figures the chain must reach (issue 7): judged at the level named, reported at every level. */
export const SCALE_TARGETS = {
  /** Catalog pages: req/s ≥ this share of the static page's at 50 connections. */
  minCatalogRatio: 0.7,
  /** Catalog pages: p99 at 50 connections. */
  maxCatalogP99Ms: 250,
  catalogLevel: 50,
  /** 201s per second at 50 buyers. */
  minOrdersPerSec: 100,
  ordersLevel: 50,
  /** Admin lists: p95 with 10 admins working at once (a brand's head office, not a crowd). */
  maxAdminP95Ms: 300,
  adminLevel: 10,
} as const;

type Group = "reference" | "catalog" | "shop" | "staff" | "admin";

interface ScaleTarget {
  name: string;
  group: Group;
  path: string;
  /** Who asks: a session cookie, or none (a visitor). */
  cookie: string | null;
  source: string;
}

export interface ScaleRow {
  name: string;
  group: Group | "cart" | "orders";
  path: string;
  connections: number;
  reqPerSec: number;
  ratioToStatic: number | null;
  latencyMs: { p50: number; p95: number; p99: number };
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  /** Order placement only: 201s per second, oversold units. */
  ordersPerSec?: number;
}

export interface ScaleCheck {
  target: string;
  figure: string;
  goal: string;
  pass: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// The database and what to ask for.

function ensureScaleDatabase(file: string, cleanup: Cleanup): Promise<void> {
  if (fs.existsSync(file)) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const brand = db.prepare("SELECT id FROM Brand WHERE slug = ?").get(SCALE_BRAND);
      if (!brand) throw new BenchError(`${file} has no brand "${SCALE_BRAND}": build it with npm run seed:scale -- --reset`);
    } finally {
      db.close();
    }
    log(`chain-scale database: ${path.relative(ROOT, file)} (${(fs.statSync(file).size / 2 ** 30).toFixed(2)} GiB)`);
    return Promise.resolve();
  }
  log(`no ${path.relative(ROOT, file)} yet: building it (npm run seed:scale, ~70 s)`);
  return runNode("seed:scale", require.resolve("tsx/cli"), [path.join(ROOT, "scripts", "seed-scale.ts")], { ...process.env, DATABASE_URL: `file:${file}` }, cleanup);
}

interface Discovered {
  targets: ScaleTarget[];
  productPath: string;
  cartSkus: string[];
}

async function discoverTargets(opts: BenchOptions, file: string, secret: string): Promise<Discovered> {
  const started = Date.now();
  const [, product, category] = resolveTargets({ ...opts, brand: SCALE_BRAND, productPath: null, categoryPath: null }, file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const brand = db.prepare<[string], { id: string }>("SELECT id FROM Brand WHERE slug = ?").get(SCALE_BRAND)!;
    // A word of a product name shared by many styles: the search lists a full page.
    const word = db.prepare<[string], { name: string }>("SELECT name FROM Product WHERE brandId = ? AND active = 1 ORDER BY styleCode LIMIT 1").get(brand.id)!.name.slice(-2);
    const guide = db
      .prepare<[string, string], { id: string; username: string; role: string; storeId: string | null }>(
        `SELECT s.id, s.username, s.role, s.storeId FROM Staff s
         WHERE s.brandId = ? AND s.role = 'GUIDE' AND s.username LIKE ? || '%'
         ORDER BY (SELECT COUNT(*) FROM GuideBinding b WHERE b.guideId = s.id) DESC, s.username LIMIT 1`,
      )
      .get(brand.id, GUIDE_PREFIX);
    const admin = db.prepare<[string], { id: string; role: string; brandId: string }>("SELECT id, role, brandId FROM Staff WHERE username = ?").get(ADMIN_LOGIN);
    if (!guide || !admin) throw new BenchError(`${file}: no ${GUIDE_PREFIX}… guide or ${ADMIN_LOGIN}; rebuild it with npm run seed:scale -- --reset`);
    const order = db.prepare<[string], { number: string }>(`SELECT number FROM "Order" WHERE brandId = ? ORDER BY createdAt DESC LIMIT 1 OFFSET 5000`).get(brand.id);
    const phone = db.prepare<[string], { phone: string }>("SELECT m.phone FROM Member m JOIN MemberBrand mb ON mb.memberId = m.id WHERE mb.brandId = ? AND m.phone IS NOT NULL LIMIT 1 OFFSET 777").get(brand.id);
    const cartSkus = db
      .prepare<[string, string], { id: string }>(
        `SELECT s.id FROM Sku s JOIN Product p ON p.id = s.productId WHERE p.brandId = ? AND p.active = 1 AND p.styleCode = ? ORDER BY s.id LIMIT 20`,
      )
      .all(brand.id, decodeURIComponent(product!.path.split("/").pop()!))
      .map((r) => r.id);

    const guideCookie = await sessionCookie({ kind: "staff", principalId: guide.id, role: "GUIDE", brandId: brand.id, storeId: guide.storeId }, secret);
    const adminCookie = await sessionCookie({ kind: "staff", principalId: admin.id, role: admin.role as "BRAND_ADMIN", brandId: admin.brandId, storeId: null }, secret);
    const search = `/${SCALE_BRAND}/search?q=${encodeURIComponent(word)}`;
    const targets: ScaleTarget[] = [
      { name: "static", group: "reference", path: opts.staticPath, cookie: null, source: "prerendered, no data" },
      { name: "home", group: "catalog", path: `/${SCALE_BRAND}`, cookie: null, source: "brand home" },
      { name: "category", group: "catalog", path: category!.path, cookie: null, source: category!.source },
      { name: "product", group: "catalog", path: product!.path, cookie: null, source: product!.source },
      { name: "stores", group: "catalog", path: `/${SCALE_BRAND}/stores`, cookie: null, source: "store finder, 1,800 stores" },
      { name: "search", group: "shop", path: search, cookie: null, source: `search "${word}"` },
      { name: "guide home", group: "staff", path: "/guide", cookie: guideCookie, source: `${guide.username}, the guide with the most bound customers` },
      { name: "admin orders", group: "admin", path: "/admin/orders", cookie: adminCookie, source: `${ADMIN_LOGIN}: newest orders, page 1` },
      { name: "admin order search", group: "admin", path: `/admin/orders?q=${order?.number ?? ""}`, cookie: adminCookie, source: "one order number" },
      { name: "admin members", group: "admin", path: `/admin/members?q=${(phone?.phone ?? "1380").slice(3, 8)}`, cookie: adminCookie, source: "part of a phone number" },
      { name: "admin stock", group: "admin", path: "/admin/inventory", cookie: adminCookie, source: "stock per store, page 1" },
    ];
    log(`targets discovered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { targets, productPath: product!.path, cartSkus };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Add to cart: the product page's own server action, as the browser sends it.

function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!found) throw new BenchError(`no server action ${exportedName} of ${file} in ${DIST_DIR}: rebuild without --no-build`);
  return found[0];
}

interface CartLoad extends LoadResult {
  added: number;
  refused: number;
}

function addToCartLoad(baseUrl: string, productPath: string, actionId: string, skus: string[], cookies: string[], connections: number, duration: number, headers: Record<string, string>): Promise<CartLoad> {
  const samples: number[] = [];
  let counter = 0;
  let added = 0;
  let refused = 0;
  const request: autocannon.Request = {
    method: "POST",
    path: productPath,
    setupRequest: (req) => {
      const i = counter++;
      // Buyer i mod n adds SKU (i div n) mod 20: each buyer's bag stays within 20 lines of ≤ 99 pieces.
      const cookie = cookies[i % cookies.length]!;
      const skuId = skus[Math.floor(i / cookies.length) % skus.length]!;
      return { ...req, headers: { ...req.headers, cookie }, body: JSON.stringify([{ brand: SCALE_BRAND, skuId, quantity: 1 }]) };
    },
    onResponse: (status, body) => {
      if (status === 200 && body.includes('"ok":true')) added += 1;
      else refused += 1;
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl + productPath,
        connections,
        duration,
        timeout: 10,
        headers: { "user-agent": headers["user-agent"] ?? "", origin: new URL(baseUrl).origin, "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        requests: [request],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          ...loadResultOf(result, samples),
          added,
          refused,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  });
}

// ---------------------------------------------------------------------------------------------------------
// The run.

function row(name: string, group: ScaleRow["group"], p: string, connections: number, load: Pick<LoadResult, "reqPerSec" | "latencyMs" | "statusCodes" | "non2xx" | "errors">, staticReqPerSec: number): ScaleRow {
  return {
    name,
    group,
    path: p,
    connections,
    reqPerSec: load.reqPerSec,
    ratioToStatic: group === "reference" ? null : load.reqPerSec / staticReqPerSec,
    latencyMs: { p50: load.latencyMs.p50, p95: load.latencyMs.p95, p99: load.latencyMs.p99 },
    statusCodes: load.statusCodes,
    non2xx: load.non2xx,
    errors: load.errors,
  };
}

export function scaleChecks(rows: ScaleRow[], integrity: OrderIntegrity | null): ScaleCheck[] {
  const t = SCALE_TARGETS;
  const checks: ScaleCheck[] = [];
  for (const r of rows) {
    if (r.non2xx > 0 || r.errors > 0) checks.push({ target: `${r.name} @${r.connections}`, figure: `${r.non2xx} non-2xx, ${r.errors} errors`, goal: "every answer 2xx (sold out is a clean 409)", pass: false });
    if (r.group === "catalog" && r.connections === t.catalogLevel) {
      checks.push({ target: `${r.name} @${r.connections}`, figure: `${fmt(r.ratioToStatic, 2)} × static`, goal: `≥ ${t.minCatalogRatio} × static`, pass: (r.ratioToStatic ?? 0) >= t.minCatalogRatio });
      checks.push({ target: `${r.name} @${r.connections}`, figure: `p99 ${fmt(r.latencyMs.p99, 0)} ms`, goal: `p99 ≤ ${t.maxCatalogP99Ms} ms`, pass: r.latencyMs.p99 <= t.maxCatalogP99Ms });
    }
    if (r.group === "admin" && r.connections === t.adminLevel) {
      checks.push({ target: `${r.name} @${r.connections}`, figure: `p95 ${fmt(r.latencyMs.p95, 0)} ms`, goal: `p95 ≤ ${t.maxAdminP95Ms} ms`, pass: r.latencyMs.p95 <= t.maxAdminP95Ms });
    }
    if (r.group === "orders" && r.connections === t.ordersLevel) {
      checks.push({ target: `place order @${r.connections}`, figure: `${fmt(r.ordersPerSec ?? 0, 0)} orders/s`, goal: `≥ ${t.minOrdersPerSec} orders/s`, pass: (r.ordersPerSec ?? 0) >= t.minOrdersPerSec });
    }
  }
  if (integrity) {
    checks.push({ target: "orders, all levels", figure: `${integrity.oversoldUnits} units oversold, ${integrity.ledgerMismatches} ledger mismatches`, goal: "0 and 0", pass: integrity.oversoldUnits === 0 && integrity.ledgerMismatches === 0 && integrity.missingOrders === 0 });
  }
  return checks;
}

function fmt(n: number | null | undefined, digits: number): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits);
}

export async function runScaleBench(argv: string[], opts: BenchOptions, cleanup: Cleanup): Promise<number> {
  const dbFile = path.resolve(opts.db ?? SCALE_DB);
  await ensureScaleDatabase(dbFile, cleanup);
  const secret = crypto.randomBytes(32).toString("base64url");
  const discovered = await discoverTargets(opts, dbFile, secret);
  for (const t of discovered.targets) log(`${t.name.padEnd(20)} ${t.path}  (${t.source})`);

  const buyersNeeded = Math.max(...opts.levels);
  log(`orders: preparing ${buyersNeeded} buyers and the stock budget`);
  const setup = prepareOrders(dbFile, SCALE_BRAND, buyersNeeded);
  const buyerCookies = await sessionCookies(setup.members, secret);

  await buildApp(opts.build, cleanup);
  const actionId = serverActionId("components/shop/cart-actions.ts", "addToCartAction");
  // Sweeper off: the synthetic history's completed guide orders have no commission rows, which the sweeper repairs
  // 100 a minute (and earlier runs' unpaid orders it cancels 200 a minute): background writes, not the pages' cost.
  const server = await startServer(opts.port, opts.health, cleanup, { APP_SECRET: secret, DATABASE_URL: `file:${dbFile}`, ORDER_SWEEPER: "off" });
  const baseUrl = server.baseUrl;
  const logFrom = fileSize(SERVER_LOG);

  for (const t of discovered.targets) {
    const headers = t.cookie ? { ...opts.headers, cookie: t.cookie } : opts.headers;
    const p = await probe(baseUrl + t.path, headers);
    log(`probe ${t.name}: HTTP ${p.status}${p.nextCache ? `, x-nextjs-cache ${p.nextCache}` : ""}${p.location ? ` → ${p.location}` : ""}`);
    if (p.status !== 200) throw new BenchError(`${t.name} (${t.path}) answered ${p.status}, not the page: nothing to measure`);
    await warmUp(baseUrl + t.path, opts.warmup, headers);
  }

  const rows: ScaleRow[] = [];
  const ledger = new OrderLedger();
  const orderLoads: Array<OrderLoad & { connections: number }> = [];
  for (const connections of opts.levels) {
    let staticReqPerSec = Number.NaN;
    for (const t of discovered.targets) {
      const headers = t.cookie ? { ...opts.headers, cookie: t.cookie } : opts.headers;
      // Untimed: open this level's connections first, so the figures are not the ramp-up of 100 new sockets.
      await warmUp(baseUrl + t.path, connections * 2, headers, connections);
      const load = await measure(baseUrl + t.path, { connections, duration: opts.duration, headers });
      if (t.group === "reference") staticReqPerSec = load.reqPerSec;
      rows.push(row(t.name, t.group, t.path, connections, load, staticReqPerSec));
      log(`@${connections} ${t.name.padEnd(20)} ${load.reqPerSec.toFixed(0).padStart(5)} req/s  p50 ${fmt(load.latencyMs.p50, 0)}  p95 ${fmt(load.latencyMs.p95, 0)}  p99 ${fmt(load.latencyMs.p99, 0)} ms${load.non2xx ? `  NON-2xx ${load.non2xx}` : ""}`);
      await sleep(500);
    }
    const cart = await addToCartLoad(baseUrl, discovered.productPath, actionId, discovered.cartSkus, buyerCookies, connections, opts.duration, opts.headers);
    rows.push(row("add to cart", "cart", discovered.productPath, connections, cart, staticReqPerSec));
    log(`@${connections} add to cart           ${cart.reqPerSec.toFixed(0).padStart(5)} req/s  p95 ${fmt(cart.latencyMs.p95, 0)} ms  added ${cart.added}, refused ${cart.refused}`);
    if (cart.refused > 0) rows.at(-1)!.non2xx += cart.refused;
    await sleep(500);
    // Each level's answers on their own ledger (placeOrders counts refusals over the ledger it is given); all of
    // them together for the database check at the end.
    const levelLedger = new OrderLedger();
    const orders = await placeOrders(baseUrl, setup, buyerCookies, levelLedger, { connections, duration: opts.orderDuration, warmup: connections === opts.levels[0] ? opts.orderWarmup : 0, headers: { "user-agent": opts.headers["user-agent"] ?? "" } });
    for (const [key, sent] of levelLedger.sent) ledger.sent.set(key, sent);
    for (const [key, answer] of levelLedger.answered) ledger.answered.set(key, answer);
    orderLoads.push({ ...orders, connections });
    rows.push({ ...row("place order", "orders", "/api/shop/orders", connections, { ...orders, non2xx: orders.server5xx + orders.otherNon2xx }, staticReqPerSec), ordersPerSec: orders.ordersPerSec });
    log(`@${connections} place order           ${orders.ordersPerSec.toFixed(0).padStart(5)} orders/s  p95 ${fmt(orders.latencyMs.p95, 0)} ms  sold out ${orders.soldOut}, 5xx ${orders.server5xx}`);
    await sleep(1000);
  }
  await waitForQuiet(dbFile, setup);
  log("checking the database: orders, stock and the whole ledger");
  const integrity = verifyOrders(setup, ledger);
  const died = server.unexpectedExit();
  const logErrors = serverLogErrors(SERVER_LOG, logFrom);
  const checks = scaleChecks(rows, integrity);
  if (died !== null) checks.push({ target: "server", figure: died, goal: "runs to the end", pass: false });
  checks.push({ target: "server log", figure: `${logErrors.length} error lines`, goal: "none", pass: logErrors.length === 0 });

  const report = {
    date: new Date().toISOString(),
    command: commandLine(argv),
    ...environment(),
    database: { file: path.relative(ROOT, dbFile), bytes: fs.statSync(dbFile).size, counts: tableCounts(dbFile) },
    config: { levels: opts.levels, durationS: opts.duration, orderDurationS: opts.orderDuration, warmupRequests: opts.warmup, orderPlan: ORDER_PLAN },
    targets: SCALE_TARGETS,
    rows,
    orders: orderLoads,
    integrity,
    serverLogErrors: logErrors.slice(0, 20),
    checks,
    pass: checks.every((c) => c.pass),
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, "scale-latest.json");
  const md = path.join(RESULTS_DIR, "scale-latest.md");
  fs.writeFileSync(json, JSON.stringify(report, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n");
  fs.writeFileSync(md, scaleMarkdown(report));
  console.log("\n" + fs.readFileSync(md, "utf8"));
  log(`wrote ${path.relative(ROOT, json)} and ${path.relative(ROOT, md)}`);
  return !report.pass && opts.strict ? 1 : 0;
}

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ["Store", "Product", "Sku", "Inventory", "StockLedger", "Member", "Staff", "Order"]) {
      counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    db.close();
  }
}

export function scaleMarkdown(report: {
  date: string;
  command: string;
  machine: { cores: number; cpuModel: string; memoryGiB: number };
  node: string;
  next: string | null;
  gitCommit: string | null;
  database: { file: string; bytes: number; counts: Record<string, number> };
  config: { levels: number[]; durationS: number; orderDurationS: number };
  rows: ScaleRow[];
  checks: ScaleCheck[];
  pass: boolean;
}): string {
  const lines: string[] = [];
  lines.push(`### Chain scale, ${report.date.slice(0, 16).replace("T", " ")} UTC`);
  lines.push("");
  lines.push(`\`${report.command}\` — ${report.machine.cores} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.node}, Next ${report.next ?? "?"}, commit ${report.gitCommit ?? "?"}.`);
  const c = report.database.counts;
  lines.push(
    `Database ${report.database.file} (${(report.database.bytes / 2 ** 30).toFixed(2)} GiB): ${c.Store?.toLocaleString("en")} stores, ${c.Product?.toLocaleString("en")} styles, ${c.Sku?.toLocaleString("en")} SKUs, ` +
      `${c.Inventory?.toLocaleString("en")} stock rows, ${c.StockLedger?.toLocaleString("en")} ledger rows, ${c.Member?.toLocaleString("en")} members, ${c.Staff?.toLocaleString("en")} staff, ${c.Order?.toLocaleString("en")} orders.`,
  );
  lines.push("The order sweeper is off for the run (ORDER_SWEEPER=off): the synthetic history would keep it repairing commission rows in the background.");
  lines.push(`Each figure: ${report.config.durationS} s of load (orders ${report.config.orderDurationS} s) per level; × static = req/s ÷ the static page's req/s at the same level.`);
  lines.push("");
  lines.push("| page | conns | req/s | × static | p50 ms | p95 ms | p99 ms | non-2xx |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of report.rows) {
    const rate = r.group === "orders" ? `${fmt(r.ordersPerSec, 0)} orders/s` : fmt(r.reqPerSec, 0);
    lines.push(`| ${r.name} | ${r.connections} | ${rate} | ${fmt(r.ratioToStatic, 2)} | ${fmt(r.latencyMs.p50, 0)} | ${fmt(r.latencyMs.p95, 0)} | ${fmt(r.latencyMs.p99, 0)} | ${r.non2xx} |`);
  }
  lines.push("");
  lines.push("| target | figure | goal | |");
  lines.push("|---|---|---|---|");
  for (const check of report.checks) lines.push(`| ${check.target} | ${check.figure} | ${check.goal} | ${check.pass ? "pass" : "**FAIL**"} |`);
  lines.push("");
  lines.push(report.pass ? "All targets met." : "**Some targets missed** (above).");
  return lines.join("\n") + "\n";
}
