// Step 6: the order-placement benchmark. 50 signed-in buyers post orders to POST /api/shop/orders for a
// known stock budget, some SKUs sell out during the run, and afterwards the database must show no unit sold
// twice, one order per 201, and a ledger that adds up. Why it is built this way: docs/decisions/005-benchmarks.md.
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { claimsOf, SESSION_COOKIES, type SessionClaims } from "../../lib/auth/principal";
import { LIFETIME } from "../../lib/auth/session-lifetime";
import { memberSearchKeys } from "../../lib/members/search-keys";
import { BenchError, log, sleep } from "./env";
import { latencyOf, percentile } from "./load";

export const ORDER_PATH = "/api/shop/orders";
/** The session cookie over plain HTTP (the bench server runs without COOKIE_SECURE). */
const SESSION_COOKIE = SESSION_COOKIES[1];
const BENCH_ACTOR = "system:bench";
const BENCH_REFERENCE = "bench:orders";

/**
 * The stock the buyers compete for, at one pickup store. Hot SKUs have a few units each and sell out during
 * the run (sold-out answers, races on the last units: an oversell would show here); deep SKUs have more
 * units than any run can sell, so the throughput of successful placements is measured to the end.
 */
export const ORDER_PLAN = {
  hotBudgets: [5, 10, 20, 40, 80],
  /** Share of requests that ask for a hot SKU (spread evenly over them). */
  hotShare: 0.2,
  deepSkus: 20,
  deepBudget: 2000,
} as const;

export interface OrderSku {
  skuId: string;
  role: "hot" | "deep";
  /** Units the bench lets the buyers reserve: on hand − reserved − the store's safety stock, set before the run. */
  budget: number;
  before: { onHand: number; reserved: number };
}

export interface OrderSetup {
  dbFile: string;
  brand: { id: string; slug: string };
  store: { id: string; code: string; name: string; safetyStock: number };
  members: string[];
  skus: OrderSku[];
}

// ---------------------------------------------------------------------------------------------------------
// Setup: buyers and a stock budget, written straight into the bench database.

/** SQLite text timestamps as Prisma's adapter writes them (the seed's format). */
function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

interface StoreRow {
  id: string;
  code: string;
  name: string;
  safetyStock: number;
}

// A store where a member can collect (active, pickup on, not a warehouse) of the brand: the one with the
// most stocked SKUs of active products, least safety stock first, ties by code (the same store every run).
const STORE_SQL = `
  SELECT st.id AS id, st.code AS code, st.name AS name, st.safetyStock AS safetyStock
  FROM Store st
  JOIN Inventory i ON i.storeId = st.id
  JOIN Sku s ON s.id = i.skuId
  JOIN Product p ON p.id = s.productId AND p.active = 1 AND p.brandId = st.brandId
  WHERE st.brandId = ? AND st.active = 1 AND st.pickupEnabled = 1 AND st.kind <> 'WAREHOUSE'
  GROUP BY st.id
  ORDER BY st.safetyStock ASC, COUNT(*) DESC, st.code ASC
  LIMIT 1`;

const SKUS_SQL = `
  SELECT s.id AS skuId, i.onHand AS onHand, i.reserved AS reserved
  FROM Inventory i
  JOIN Sku s ON s.id = i.skuId
  JOIN Product p ON p.id = s.productId AND p.active = 1 AND p.brandId = ?
  WHERE i.storeId = ?
  ORDER BY s.id ASC
  LIMIT ?`;

/**
 * The plan applied to a store's SKUs (by id, the first 25: hot ones first) and the buyers' member ids bench_buyer_01….
 * Shared with the matrix (scripts/bench/matrix-orders.ts), which reads the rows through Prisma.
 */
export function orderPlanOf(rows: Array<{ skuId: string; onHand: number; reserved: number }>, storeCode: string, buyers: number): { skus: OrderSku[]; members: string[] } {
  const wanted = ORDER_PLAN.hotBudgets.length + ORDER_PLAN.deepSkus;
  if (rows.length < wanted) throw new BenchError(`orders: store ${storeCode} stocks only ${rows.length} SKUs, the bench needs ${wanted}`);
  const skus: OrderSku[] = rows.slice(0, wanted).map((r, i) => ({
    skuId: r.skuId,
    role: i < ORDER_PLAN.hotBudgets.length ? "hot" : "deep",
    budget: ORDER_PLAN.hotBudgets[i] ?? ORDER_PLAN.deepBudget,
    before: { onHand: r.onHand, reserved: r.reserved },
  }));
  return { skus, members: Array.from({ length: buyers }, (_, i) => `bench_buyer_${String(i + 1).padStart(2, "0")}`) };
}

/**
 * Creates `buyers` members (bench_buyer_01…) and sets the stock of the chosen SKUs at the chosen store to the
 * plan's budgets, each change with its ADJUST ledger row (actor system:bench), so the ledger still adds up.
 */
export function prepareOrders(dbFile: string, brandSlug: string, buyers: number): OrderSetup {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const brand = db.prepare<[string], { id: string }>("SELECT id FROM Brand WHERE slug = ?").get(brandSlug);
    if (!brand) throw new BenchError(`orders: no brand "${brandSlug}" in ${dbFile} (is it seeded?)`);
    const store = db.prepare<[string], StoreRow>(STORE_SQL).get(brand.id);
    if (!store) throw new BenchError(`orders: brand "${brandSlug}" has no pickup store with stock in ${dbFile}`);
    const wanted = ORDER_PLAN.hotBudgets.length + ORDER_PLAN.deepSkus;
    const rows = db.prepare<[string, string, number], { skuId: string; onHand: number; reserved: number }>(SKUS_SQL).all(brand.id, store.id, wanted);
    const { skus, members } = orderPlanOf(rows, store.code, buyers);

    const now = sqlTime(new Date());
    const setStock = db.prepare<[number, string, string, string]>(
      `UPDATE Inventory SET onHand = ?, updatedAt = ? WHERE storeId = ? AND skuId = ?`,
    );
    const ledger = db.prepare(
      `INSERT INTO StockLedger (id, storeId, skuId, reason, onHandDelta, reservedDelta, onHandAfter, reservedAfter, actor, reference, note, createdAt)
       VALUES (?, ?, ?, 'ADJUST', ?, 0, ?, ?, ?, ?, 'stock budget of the order-placement benchmark', ?)`,
    );
    const member = db.prepare(
      `INSERT INTO Member (id, nickname, createdAt, updatedAt) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET sessionsRevokedAt = NULL`,
    );
    const memberBrand = db.prepare(
      `INSERT INTO MemberBrand (id, memberId, brandId, joinedAt) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    // The console finds members by these keys (decision 028); the buyers are members like any other.
    const searchKey = db.prepare(`INSERT INTO MemberSearchKey (key, memberId) VALUES (?, ?) ON CONFLICT DO NOTHING`);
    db.transaction(() => {
      for (const sku of skus) {
        const onHand = sku.before.reserved + store.safetyStock + sku.budget;
        const delta = onHand - sku.before.onHand;
        if (delta === 0) continue;
        setStock.run(onHand, now, store.id, sku.skuId);
        ledger.run(crypto.randomUUID(), store.id, sku.skuId, delta, onHand, sku.before.reserved, BENCH_ACTOR, BENCH_REFERENCE, now);
      }
      for (const [i, id] of members.entries()) {
        member.run(id, `bench buyer ${i + 1}`, now, now);
        memberBrand.run(`${id}_${brand.id}`, id, brand.id, now);
        for (const key of memberSearchKeys({ nickname: `bench buyer ${i + 1}` })) searchKey.run(key, id);
      }
    })();
    return { dbFile, brand: { id: brand.id, slug: brandSlug }, store, members, skus };
  } finally {
    db.close();
  }
}

/** The secret the server signs sessions with, found the way lib/security/app-secret.ts finds it. */
export function serverSecret(root: string): string {
  const fromEnv = process.env.APP_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  const file = process.env.APP_SECRET_FILE ?? `${root}/data/.app-secret`;
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    throw new BenchError(`orders: no APP_SECRET and no ${file}: the bench cannot sign in as the server's members`);
  }
}

/** A next-auth session cookie carrying the claims the app's jwt callback writes (members and staff alike). */
export async function sessionCookie(claims: Omit<SessionClaims, "signedInAt" | "lastSeenAt">, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const full = { ...claims, signedInAt: now, lastSeenAt: now };
  if (claimsOf(full) === null) throw new Error("bench session claims no longer match lib/auth/principal.ts");
  const token = await encode({ token: { ...full, sub: claims.principalId }, secret, maxAge: LIFETIME[claims.kind].absoluteSeconds });
  return `${SESSION_COOKIE}=${token}`;
}

/** One session cookie per buyer. */
export function sessionCookies(members: string[], secret: string): Promise<string[]> {
  return Promise.all(members.map((principalId) => sessionCookie({ kind: "member", principalId }, secret)));
}

// ---------------------------------------------------------------------------------------------------------
// Load.

/** Every request the bench sent (by idempotency key) and what came back. Shared by warm-up and measurement. */
export class OrderLedger {
  readonly sent = new Map<string, { sku: string; phase: "warmup" | "measure" }>();
  readonly answered = new Map<string, { status: number; code: string | null }>();
}

export interface OrderLoad {
  durationS: number;
  /** Requests answered during the measured run (all statuses). */
  requests: number;
  placed: number;
  /** 201s per second of the measured run: the figure the target is about. */
  ordersPerSec: number;
  reqPerSec: number;
  /** Every response. Milliseconds. */
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** 201s only. */
  placedLatencyMs: { p50: number; p95: number; p99: number };
  /**
   * The first answer on each connection, and p99 without those: while the server is saturated, a new
   * connection waits seconds for its first answer (connections ramp up over the first seconds of a run).
   */
  firstAnswerMaxMs: number;
  laterP99Ms: number;
  statusCodes: Record<string, number>;
  /** 409 by error code (sold_out, idempotency_conflict…). */
  refusals: Record<string, number>;
  soldOut: number;
  server5xx: number;
  /** Anything else that is not 201 or a sold-out 409 (401, 400, 403, a key conflict…). */
  otherNon2xx: number;
  errors: number;
  timeouts: number;
  /** Requests still in flight when the run stopped: the server may have placed them, nobody heard back. */
  unanswered: number;
}

/** A fixed order in which the requests ask for SKUs, weighted by the plan, shuffled with a seeded generator. */
export function skuSchedule(skus: OrderSku[], length = 1000, seed = 20261123): string[] {
  const hot = skus.filter((s) => s.role === "hot");
  const deep = skus.filter((s) => s.role === "deep");
  const hotSlots = hot.length === 0 ? 0 : Math.round(length * ORDER_PLAN.hotShare);
  const schedule: string[] = [];
  for (let i = 0; i < hotSlots; i++) schedule.push(hot[i % hot.length]!.skuId);
  for (let i = hotSlots; i < length; i++) schedule.push(deep[i % deep.length]!.skuId);
  let state = seed >>> 0;
  const random = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
  }
  return schedule;
}

interface RunSpec {
  url: string;
  origin: string;
  setup: OrderSetup;
  cookies: string[];
  schedule: string[];
  ledger: OrderLedger;
  phase: "warmup" | "measure";
  connections: number;
  duration?: number;
  amount?: number;
  headers: Record<string, string>;
}

interface RawRun {
  result: autocannon.Result;
  samples: number[];
  placedSamples: number[];
  firstSamples: number[];
  laterSamples: number[];
}

function runOnce(spec: RunSpec): Promise<RawRun> {
  const samples: number[] = [];
  const placedSamples: number[] = [];
  const firstSamples: number[] = [];
  const laterSamples: number[] = [];
  const answeredClients = new WeakSet<object>();
  let counter = 0;
  const request: autocannon.Request = {
    method: "POST",
    path: ORDER_PATH,
    setupRequest: (req, context) => {
      const i = counter++;
      const sku = spec.schedule[i % spec.schedule.length]!;
      const key = crypto.randomUUID();
      // Request i is buyer i mod 50: with one request in flight per connection, 50 buyers order at once.
      const cookie = spec.cookies[i % spec.cookies.length]!;
      spec.ledger.sent.set(key, { sku, phase: spec.phase });
      (context as { key?: string }).key = key;
      return {
        ...req,
        headers: { ...req.headers, cookie },
        body: JSON.stringify({ brand: spec.setup.brand.slug, idempotencyKey: key, fulfilment: "PICKUP", storeId: spec.setup.store.id, lines: [{ skuId: sku, quantity: 1 }] }),
      };
    },
    onResponse: (status, body, context) => {
      let code: string | null = null;
      if (status !== 201) {
        try {
          code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? null;
        } catch {
          code = null;
        }
      }
      spec.ledger.answered.set(String((context as { key?: string }).key), { status, code });
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        ...(spec.duration !== undefined ? { duration: spec.duration } : {}),
        ...(spec.amount !== undefined ? { amount: spec.amount } : {}),
        timeout: 10,
        headers: { ...spec.headers, origin: spec.origin, "content-type": "application/json", accept: "application/json" },
        requests: [request],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ result, samples, placedSamples, firstSamples, laterSamples });
      },
    );
    instance.on("response", (client, status, _bytes, responseTime) => {
      samples.push(responseTime);
      if (status === 201) placedSamples.push(responseTime);
      if (answeredClients.has(client)) laterSamples.push(responseTime);
      else {
        answeredClients.add(client);
        firstSamples.push(responseTime);
      }
    });
  });
}

export async function placeOrders(
  baseUrl: string,
  setup: OrderSetup,
  cookies: string[],
  ledger: OrderLedger,
  opts: { connections: number; duration: number; warmup: number; headers: Record<string, string> },
): Promise<OrderLoad> {
  const url = baseUrl + ORDER_PATH;
  const origin = new URL(baseUrl).origin;
  const common = { url, origin, setup, cookies, ledger, headers: opts.headers };
  if (opts.warmup > 0) {
    // Deep SKUs only: the hot ones must sell out while we measure, not before.
    const deep = skuSchedule(setup.skus.filter((s) => s.role === "deep"));
    log(`warm-up orders: ${opts.warmup} placements (deep SKUs only)`);
    await runOnce({ ...common, schedule: deep, phase: "warmup", connections: Math.min(10, opts.warmup), amount: opts.warmup });
  }
  log(`placing orders: ${opts.connections} buyers × ${opts.duration} s`);
  const { result, samples, placedSamples, firstSamples, laterSamples } = await runOnce({
    ...common,
    schedule: skuSchedule(setup.skus),
    phase: "measure",
    connections: opts.connections,
    duration: opts.duration,
  });

  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const refusals: Record<string, number> = {};
  let unanswered = 0;
  for (const [key, sent] of ledger.sent) {
    if (sent.phase !== "measure") continue;
    const answer = ledger.answered.get(key);
    if (!answer) unanswered += 1;
    else if (answer.status === 409) refusals[answer.code ?? "?"] = (refusals[answer.code ?? "?"] ?? 0) + 1;
  }
  const placedSorted = Float64Array.from(placedSamples).sort();
  const placed = statusCodes["201"] ?? 0;
  const soldOut = refusals.sold_out ?? 0;
  const server5xx = Object.entries(statusCodes).reduce((sum, [code, n]) => sum + (code.startsWith("5") ? n : 0), 0);
  const requests = samples.length;
  return {
    durationS: result.duration,
    requests,
    placed,
    ordersPerSec: placed / result.duration,
    reqPerSec: requests / result.duration,
    latencyMs: latencyOf(samples),
    placedLatencyMs: { p50: percentile(placedSorted, 50), p95: percentile(placedSorted, 95), p99: percentile(placedSorted, 99) },
    firstAnswerMaxMs: firstSamples.length === 0 ? Number.NaN : Math.max(...firstSamples),
    laterP99Ms: percentile(Float64Array.from(laterSamples).sort(), 99),
    statusCodes,
    refusals,
    soldOut,
    server5xx,
    otherNon2xx: requests - placed - soldOut - server5xx,
    errors: result.errors,
    timeouts: result.timeouts,
    unanswered,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Integrity: what the database says after the run.

export interface SkuOutcome {
  skuId: string;
  role: "hot" | "deep";
  budget: number;
  /** 201s the bench received for this SKU (warm-up included). */
  placed: number;
  soldOutAnswers: number;
  /** Units reserved during the run: reserved after − reserved before. */
  reservedGain: number;
  /** Units in this run's order lines. */
  orderedUnits: number;
  sellableAfter: number;
}

export interface OrderIntegrity {
  /** Orders in the database placed with one of this run's idempotency keys. */
  ordersInDb: number;
  /** 201s received, warm-up included. */
  placed: number;
  /** A 201 without its order in the database. */
  missingOrders: number;
  /** An order whose request was answered with something other than 201 (a sold-out that still wrote an order). */
  ordersForRefusals: number;
  /** Orders whose request was still in flight when the run stopped (placed, answer never read). */
  ordersUnanswered: number;
  /** Units reserved beyond the budget, plus units reserved beyond on hand anywhere in the database. */
  oversoldUnits: number;
  /** Inventory rows with reserved < 0 or reserved > onHand or onHand < 0 (the CHECK constraints forbid them). */
  badInventoryRows: number;
  /** SKUs whose reserved gain differs from the units in this run's orders. */
  reservedMismatches: number;
  /** Inventory rows (whole database) whose ledger sums differ from onHand / reserved. */
  ledgerMismatches: number;
  /** Inventory rows of the bench's SKUs whose RESERVE ledger rows of this run differ from their ordered units. */
  reserveRowMismatches: number;
  /** Sold-out answers for a SKU that still had sellable units after the run. */
  spuriousSoldOut: number;
  hotSoldOut: number;
  skus: SkuOutcome[];
  problems: string[];
}

export async function waitForQuiet(dbFile: string, setup: OrderSetup): Promise<void> {
  // Requests in flight when autocannon stopped still complete on the server: wait until nothing changes.
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const placeholders = setup.members.map(() => "?").join(",");
    const count = db.prepare(`SELECT COUNT(*) AS n FROM "Order" WHERE memberId IN (${placeholders})`);
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const n = (count.get(...setup.members) as { n: number }).n;
      if (n === last) return;
      last = n;
      await sleep(500);
    }
  } finally {
    db.close();
  }
}

export function verifyOrders(setup: OrderSetup, ledger: OrderLedger): OrderIntegrity {
  const db = new Database(setup.dbFile, { readonly: true, fileMustExist: true });
  try {
    const placeholders = setup.members.map(() => "?").join(",");
    const orders = db
      .prepare(
        `SELECT o.number AS number, o.idempotencyKey AS key, l.skuId AS skuId, l.storeId AS storeId, l.quantity AS quantity
         FROM "Order" o JOIN OrderLine l ON l.orderId = o.id
         WHERE o.memberId IN (${placeholders})`,
      )
      .all(...setup.members) as Array<{ number: string; key: string; skuId: string; storeId: string; quantity: number }>;
    const ours = orders.filter((o) => ledger.sent.has(o.key));
    const orderKeys = new Set(ours.map((o) => o.key));
    const numbers = new Set(ours.map((o) => o.number));

    let placed = 0;
    let missingOrders = 0;
    let ordersForRefusals = 0;
    let ordersUnanswered = 0;
    const perSku = new Map<string, { placed: number; soldOut: number; ordered: number }>(setup.skus.map((s) => [s.skuId, { placed: 0, soldOut: 0, ordered: 0 }]));
    for (const [key, sent] of ledger.sent) {
      const answer = ledger.answered.get(key);
      const stats = perSku.get(sent.sku)!;
      if (answer?.status === 201) {
        placed += 1;
        stats.placed += 1;
        if (!orderKeys.has(key)) missingOrders += 1;
      } else if (answer) {
        if (answer.status === 409 && answer.code === "sold_out") stats.soldOut += 1;
        if (orderKeys.has(key)) ordersForRefusals += 1;
      } else if (orderKeys.has(key)) {
        ordersUnanswered += 1;
      }
    }
    for (const o of ours) {
      const stats = perSku.get(o.skuId);
      if (stats && o.storeId === setup.store.id) stats.ordered += o.quantity;
    }

    const inventory = db.prepare<[string, string], { onHand: number; reserved: number }>(
      "SELECT onHand, reserved FROM Inventory WHERE storeId = ? AND skuId = ?",
    );
    const reserveRows = db.prepare<[string, string, string], { units: number | null }>(
      `SELECT SUM(reservedDelta) AS units FROM StockLedger WHERE storeId = ? AND skuId = ? AND reason = 'RESERVE' AND reference LIKE 'order:%'
       AND reference IN (SELECT 'order:' || value FROM json_each(?))`,
    );
    const numbersJson = JSON.stringify([...numbers]);
    const problems: string[] = [];
    let oversoldUnits = 0;
    let reservedMismatches = 0;
    let reserveRowMismatches = 0;
    let spuriousSoldOut = 0;
    let hotSoldOut = 0;
    const skus: SkuOutcome[] = setup.skus.map((sku) => {
      const now = inventory.get(setup.store.id, sku.skuId)!;
      const stats = perSku.get(sku.skuId)!;
      const reservedGain = now.reserved - sku.before.reserved;
      const sellableAfter = now.onHand - now.reserved - setup.store.safetyStock;
      if (reservedGain > sku.budget) {
        oversoldUnits += reservedGain - sku.budget;
        problems.push(`${sku.skuId}: ${reservedGain} units reserved, the budget was ${sku.budget} (OVERSOLD)`);
      }
      if (reservedGain !== stats.ordered) {
        reservedMismatches += 1;
        problems.push(`${sku.skuId}: reserved grew by ${reservedGain}, this run's orders hold ${stats.ordered}`);
      }
      const reserved = reserveRows.get(setup.store.id, sku.skuId, numbersJson)?.units ?? 0;
      if (reserved !== stats.ordered) {
        reserveRowMismatches += 1;
        problems.push(`${sku.skuId}: RESERVE ledger rows of this run's orders add up to ${reserved}, the orders hold ${stats.ordered}`);
      }
      if (stats.soldOut > 0 && sellableAfter > 0) {
        spuriousSoldOut += stats.soldOut;
        problems.push(`${sku.skuId}: ${stats.soldOut} sold-out answers, yet ${sellableAfter} units still sellable`);
      }
      if (sku.role === "hot" && sellableAfter <= 0) hotSoldOut += 1;
      return { skuId: sku.skuId, role: sku.role, budget: sku.budget, placed: stats.placed, soldOutAnswers: stats.soldOut, reservedGain, orderedUnits: stats.ordered, sellableAfter };
    });

    const bad = db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(MAX(reserved - onHand, 0)), 0) AS over FROM Inventory WHERE reserved < 0 OR onHand < 0 OR reserved > onHand").get() as { n: number; over: number };
    oversoldUnits += bad.over;
    if (bad.n > 0) problems.push(`${bad.n} inventory rows with negative or over-reserved stock`);
    const ledgerMismatches = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM Inventory i
           LEFT JOIN (SELECT storeId, skuId, SUM(onHandDelta) AS onHand, SUM(reservedDelta) AS reserved FROM StockLedger GROUP BY storeId, skuId) l
             ON l.storeId = i.storeId AND l.skuId = i.skuId
           WHERE COALESCE(l.onHand, 0) <> i.onHand OR COALESCE(l.reserved, 0) <> i.reserved`,
        )
        .get() as { n: number }
    ).n;
    if (ledgerMismatches > 0) problems.push(`${ledgerMismatches} inventory rows whose ledger does not add up to onHand/reserved`);
    if (missingOrders > 0) problems.push(`${missingOrders} answers 201 without an order in the database`);
    if (ordersForRefusals > 0) problems.push(`${ordersForRefusals} orders written for requests that were refused`);
    if (ordersUnanswered > ledger.sent.size - ledger.answered.size) problems.push(`${ordersUnanswered} orders without an answer, more than the requests in flight`);
    return {
      ordersInDb: orderKeys.size,
      placed,
      missingOrders,
      ordersForRefusals,
      ordersUnanswered,
      oversoldUnits,
      badInventoryRows: bad.n,
      reservedMismatches,
      ledgerMismatches,
      reserveRowMismatches,
      spuriousSoldOut,
      hotSoldOut,
      skus,
      problems,
    };
  } finally {
    db.close();
  }
}

/** Lines of the server log written during the order phase that look like trouble (SQLITE_BUSY, stack traces). */
export function serverLogErrors(logFile: string, fromByte: number): string[] {
  let text: string;
  try {
    const fd = fs.openSync(logFile, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.max(0, size - fromByte));
      fs.readSync(fd, buffer, 0, buffer.length, fromByte);
      text = buffer.toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
  return text.split("\n").filter((line) => /SQLITE_BUSY|database is locked|error|exception|unhandled/i.test(line));
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
