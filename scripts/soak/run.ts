// `npm run soak` from start to verdict; the integration test calls runSoak with a short duration and its own files.
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { type Cleanup, log, ROOT } from "../bench/env";
import { fileSize, OrderLedger, type OrderIntegrity, prepareOrders, serverLogErrors, sessionCookies, skuSchedule, verifyOrders, waitForQuiet } from "../bench/orders";
import { buildApp, prepareDatabase } from "../bench/prepare";
import { commandLine, environment } from "../bench/report";
import { assertPortFree, startServer } from "../bench/server";
import { readShopActions } from "./actions";
import { favouriteMembers, readCatalog } from "./catalog";
import { checkLedger, type LedgerCheck, takeBaseline } from "./ledger";
import { type MemorySample, startSampler, type TrendVerdict, trendVerdict } from "./memory";
import { MIX } from "./mix";
import type { SoakOptions } from "./options";
import { type FavouriteBook, type KindSummary, runTraffic, summarise } from "./traffic";

export interface FavouriteCheck {
  members: number;
  adds: number;
  removes: number;
  /** (member, product) pairs whose last answer disagrees with the member's favourites in the database. */
  mismatches: number;
  problems: string[];
}

export interface PaymentCheck {
  placed: number;
  /** Orders of the soak's buyers the sweeper cancelled because nobody paid within 15 minutes (long runs only). */
  expiredUnpaid: number;
  paidAnswers: number;
  /** Orders we were told were paid that the database does not show as PAID. */
  notPaidInDb: number;
  /** Orders of the soak's buyers the database shows as paid that we never paid. */
  paidUnasked: number;
}

export interface SoakReport {
  date: string;
  command: string;
  machine: ReturnType<typeof environment>["machine"];
  node: string;
  next: string | null;
  gitCommit: string | null;
  config: { durationS: number; users: number; sampleIntervalS: number; seed: number; payEvery: number; mix: typeof MIX; port: number; build: boolean; cacheMemoryMb: number };
  elapsedS: number;
  traffic: Record<"browse" | "favourite" | "order" | "all", KindSummary>;
  memory: { serverPid: number; samples: MemorySample[]; rss: TrendVerdict; heap: TrendVerdict | null; liveHeap: TrendVerdict | null; fullGcs: number; rssPeakMB: number | null };
  orders: OrderIntegrity & { soldOutAnswers: number };
  payments: PaymentCheck;
  favourites: FavouriteCheck;
  ledger: LedgerCheck;
  serverDied: string | null;
  serverLogErrors: string[];
  failures: string[];
  pass: boolean;
}

function checkFavourites(dbFile: string, book: FavouriteBook): FavouriteCheck {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare<[string, string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM Favourite f JOIN Product p ON p.id = f.productId JOIN Brand b ON b.id = p.brandId
       WHERE f.memberId = ? AND b.slug = ? AND p.styleCode = ?`,
    );
    const problems: string[] = [];
    for (const [memberId, products] of book.last) {
      for (const [key, favourited] of products) {
        const [brand, styleCode] = key.split("/") as [string, string];
        const inDb = has.get(memberId, brand, styleCode)!.n > 0;
        if (inDb !== favourited) problems.push(`${memberId} ${key}: last answer ${favourited ? "favourited" : "removed"}, the database ${inDb ? "has it" : "does not"}`);
      }
    }
    return { members: book.last.size, adds: book.adds, removes: book.removes, mismatches: problems.length, problems: problems.slice(0, 10) };
  } finally {
    db.close();
  }
}

function checkPayments(dbFile: string, buyers: string[], placed: string[], paid: string[]): PaymentCheck {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const status = db.prepare<[string], { status: string; paidAt: string | null }>(`SELECT status, paidAt FROM "Order" WHERE number = ?`);
    const notPaidInDb = paid.filter((n) => {
      const row = status.get(n);
      return !row || row.status !== "PAID" || row.paidAt === null;
    }).length;
    const placeholders = buyers.map(() => "?").join(",");
    const paidInDb = (db.prepare(`SELECT number FROM "Order" WHERE memberId IN (${placeholders}) AND paidAt IS NOT NULL`).all(...buyers) as Array<{ number: string }>).map((r) => r.number);
    const asked = new Set(paid);
    const expiredUnpaid = (db.prepare(`SELECT COUNT(*) AS n FROM "Order" WHERE memberId IN (${placeholders}) AND status = 'CANCELLED' AND paidAt IS NULL`).get(...buyers) as { n: number }).n;
    return { placed: placed.length, expiredUnpaid, paidAnswers: paid.length, notPaidInDb, paidUnasked: paidInDb.filter((n) => !asked.has(n)).length };
  } finally {
    db.close();
  }
}

export function soakFailures(r: Omit<SoakReport, "failures" | "pass">): string[] {
  const f: string[] = [];
  const all = r.traffic.all;
  if (all.server5xx > 0) f.push(`${all.server5xx} answers were 5xx (must be 0)`);
  if (all.errors > 0) f.push(`${all.errors} requests got no answer (connection error or ${15} s timeout)`);
  for (const kind of ["browse", "favourite", "order"] as const) {
    const k = r.traffic[kind];
    if (k.unexpected > 0) f.push(`${kind}: ${k.unexpected} unexpected answers, e.g. ${Object.entries(k.steps).flatMap(([s, v]) => v.examples.map((e) => `${s} ${e}`)).slice(0, 2).join(" | ")}`);
    if (k.actions === 0) f.push(`${kind}: no action of this kind ran`);
  }
  if (!r.memory.rss.pass) f.push(`memory (RSS): ${r.memory.rss.verdict}: ${r.memory.rss.reason}`);
  // verifyOrders compares each SKU's reserved growth with every order placed; orders the sweeper cancelled unpaid
  // (runs past their 15 minutes to pay) gave their units back, which the per-order ledger check accounts for instead.
  const orderProblems = r.payments.expiredUnpaid > 0 ? r.orders.problems.filter((p) => !/reserved grew by/.test(p)) : r.orders.problems;
  if (orderProblems.length > 0) f.push(`orders: ${orderProblems.slice(0, 3).join("; ")}`);
  if (r.payments.notPaidInDb > 0) f.push(`${r.payments.notPaidInDb} orders answered as paid are not PAID in the database`);
  if (r.payments.paidUnasked > 0) f.push(`${r.payments.paidUnasked} orders are paid that the soak never paid`);
  if (r.favourites.mismatches > 0) f.push(`favourites: ${r.favourites.problems.slice(0, 3).join("; ")}`);
  if (!r.ledger.pass) f.push(`ledger: ${r.ledger.problems.slice(0, 3).join("; ")}`);
  if (r.serverDied !== null) f.push(`the server ended during the soak (${r.serverDied})`);
  if (r.serverLogErrors.length > 0) f.push(`server log: ${r.serverLogErrors.length} error lines, e.g. ${r.serverLogErrors[0]}`);
  return f;
}

export async function runSoak(opts: SoakOptions, argv: string[], cleanup: Cleanup): Promise<SoakReport> {
  await assertPortFree(opts.port);
  await prepareDatabase(cleanup, opts.dbFile);
  await buildApp(opts.build, cleanup, opts.dbFile);
  const actions = readShopActions();
  const catalog = readCatalog(opts.dbFile);
  const members = favouriteMembers(opts.dbFile, 30);
  const setup = prepareOrders(opts.dbFile, opts.brand, opts.users);
  const baseline = takeBaseline(opts.dbFile);
  log(
    `soak: ${catalog.brands.map((b) => `${b.slug} ${b.styleCodes.length} products/${b.categorySlugs.length} categories/${b.storeCodes.length} stores`).join(", ")}; ` +
      `${members.length} favouriting members, ${setup.members.length} buyers at ${setup.store.code}; baseline: ${baseline.inventory.size} stock rows`,
  );

  // A secret of this run signs the members' and buyers' sessions; the sandbox pays (no WeChat Pay configured).
  const secret = crypto.randomBytes(32).toString("base64url");
  const server = await startServer(
    opts.port,
    "/api/health",
    cleanup,
    { APP_SECRET: secret, DATABASE_URL: `file:${opts.dbFile}`, PAYMENT_PROVIDER: "sandbox", PRISMA_QUERY_EVENTS: "0", NEXT_CACHE_MEMORY_MB: String(opts.cacheMemoryMb) },
    { logFile: opts.logFile, nodeArgs: ["--trace-gc"] },
  );
  const favouriteCookies = await sessionCookies(members, secret);
  const orderCookies = await sessionCookies(setup.members, secret);
  const orderLedger = new OrderLedger();
  let answered = 0;
  const logFrom = fileSize(opts.logFile);
  const sampler = startSampler({ pid: server.pid, logFile: opts.logFile, logFrom, intervalMs: opts.sampleInterval * 1000, requests: () => answered });
  log(`soak: ${opts.users} shoppers × ${opts.duration} s against ${server.baseUrl} (memory every ${opts.sampleInterval} s)`);
  const progress = setInterval(() => log(`  ${answered} requests so far`), 60_000);
  let outcome;
  try {
    outcome = await runTraffic(
      {
        baseUrl: server.baseUrl,
        catalog,
        actions,
        users: opts.users,
        durationS: opts.duration,
        seed: opts.seed,
        favouriteMembers: members,
        favouriteCookies,
        orders: setup,
        orderCookies,
        orderSchedule: skuSchedule(setup.skus),
        payEvery: opts.payEvery,
      },
      orderLedger,
      () => (answered += 1),
    );
  } finally {
    clearInterval(progress);
  }
  const samples = sampler.stop();
  const logErrors = serverLogErrors(opts.logFile, logFrom);
  const serverDied = server.unexpectedExit();
  await server.stop();

  await waitForQuiet(opts.dbFile, setup);
  const integrity = verifyOrders(setup, orderLedger);
  const traffic = summarise(outcome.recorder, outcome.elapsedS);
  const soldOutAnswers = Object.values(integrity.skus).reduce((s, sku) => s + sku.soldOutAnswers, 0);
  const rss = trendVerdict(samples.map((s) => ({ tS: s.tS, valueMB: s.rssMB })), { durationS: opts.duration, metric: "RSS" });
  const heapPoints = samples.map((s) => ({ tS: s.tS, valueMB: s.heapAfterGcMB }));
  const heap = heapPoints.some((p) => p.valueMB !== null) ? trendVerdict(heapPoints, { durationS: opts.duration, metric: "V8 heap after GC" }) : null;
  const livePoints = samples.map((s) => ({ tS: s.tS, valueMB: s.liveHeapMB }));
  const liveHeap = livePoints.some((p) => p.valueMB !== null) ? trendVerdict(livePoints, { durationS: opts.duration, metric: "V8 live heap (after full GCs)" }) : null;
  const rssValues = samples.flatMap((s) => (s.rssMB === null ? [] : [s.rssMB]));

  const env = environment();
  const partial: Omit<SoakReport, "failures" | "pass"> = {
    date: new Date().toISOString(),
    command: commandLine(argv, "soak"),
    ...env,
    config: { durationS: opts.duration, users: opts.users, sampleIntervalS: opts.sampleInterval, seed: opts.seed, payEvery: opts.payEvery, mix: MIX, port: opts.port, build: opts.build, cacheMemoryMb: opts.cacheMemoryMb },
    elapsedS: outcome.elapsedS,
    traffic,
    memory: { serverPid: server.pid, samples, rss, heap, liveHeap, fullGcs: samples.reduce((n, s) => n + s.fullGcs, 0), rssPeakMB: rssValues.length ? Math.max(...rssValues) : null },
    orders: { ...integrity, soldOutAnswers },
    payments: checkPayments(opts.dbFile, setup.members, outcome.placed, outcome.paid),
    favourites: checkFavourites(opts.dbFile, outcome.favourites),
    ledger: checkLedger(opts.dbFile, baseline),
    serverDied,
    serverLogErrors: logErrors.slice(0, 20),
  };
  const failures = soakFailures(partial);
  log(`soak: database checked (${path.relative(ROOT, opts.dbFile)})`);
  return { ...partial, failures, pass: failures.length === 0 };
}
