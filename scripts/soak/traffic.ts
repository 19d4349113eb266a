// The soak's virtual shoppers: each one, in a closed loop, takes the next action of the shared schedule (browse 90 %,
// favourite 5 %, order 5 %) through the same HTTP requests the shop's pages send, and records every answer.
import crypto from "node:crypto";
import { percentile } from "../bench/load";
import { ORDER_PATH, type OrderLedger, type OrderSetup } from "../bench/orders";
import { DEFAULT_USER_AGENT } from "../bench/options";
import { actionHeaders, favouriteAnswer, payActionBody, payAnswer, type ShopActions } from "./actions";
import { type ActionKind, blockSchedule, BROWSE_MIX, type BrowsePage, browsePath, type Catalog, MIX, seededRandom } from "./mix";

const REQUEST_TIMEOUT_MS = 15_000;
/** Products each favouriting member toggles: few, so the heart goes on and off again (adds and removes). */
const FAVOURITE_PRODUCTS_PER_MEMBER = 4;

export interface LatencySummary {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface StepLog {
  kind: ActionKind;
  latencies: number[];
  statusCodes: Record<string, number>;
  errors: number;
  /** Answers that were not what the step expects (a 404 page, a refused favourite, an unpaid order…). */
  unexpected: number;
  examples: string[];
}

/** Every request the soak sent, by step ("browse:product", "order:place"…), and how it was answered. */
export class TrafficRecorder {
  readonly steps = new Map<string, StepLog>();
  readonly actions: Record<ActionKind, number> = { browse: 0, favourite: 0, order: 0 };
  requests = 0;

  record(kind: ActionKind, step: string, status: number | null, ms: number, expected: boolean, detail = ""): void {
    let log = this.steps.get(step);
    if (!log) {
      log = { kind, latencies: [], statusCodes: {}, errors: 0, unexpected: 0, examples: [] };
      this.steps.set(step, log);
    }
    this.requests += 1;
    log.latencies.push(ms);
    if (status === null) log.errors += 1;
    else log.statusCodes[String(status)] = (log.statusCodes[String(status)] ?? 0) + 1;
    if (!expected) {
      log.unexpected += 1;
      if (log.examples.length < 5) log.examples.push(`${status ?? "no answer"} ${detail}`.trim());
    }
  }
}

export interface KindSummary {
  actions: number;
  requests: number;
  reqPerSec: number;
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
  server5xx: number;
  errors: number;
  unexpected: number;
  steps: Record<string, { requests: number; latencyMs: LatencySummary; statusCodes: Record<string, number>; errors: number; unexpected: number; examples: string[] }>;
}

export function latencySummary(samples: number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const last = sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!;
  return { requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: last };
}

function fiveHundreds(codes: Record<string, number>): number {
  return Object.entries(codes).reduce((sum, [code, n]) => sum + (code.startsWith("5") ? n : 0), 0);
}

function addCodes(into: Record<string, number>, from: Record<string, number>): void {
  for (const [code, n] of Object.entries(from)) into[code] = (into[code] ?? 0) + n;
}

/** Per kind (browse, favourite, order, and "all"): requests, req/s over `durationS`, percentiles, statuses. */
export function summarise(recorder: TrafficRecorder, durationS: number): Record<ActionKind | "all", KindSummary> {
  const kinds: Array<ActionKind | "all"> = ["browse", "favourite", "order", "all"];
  const out = {} as Record<ActionKind | "all", KindSummary>;
  for (const kind of kinds) {
    const latencies: number[] = [];
    const statusCodes: Record<string, number> = {};
    let errors = 0;
    let unexpected = 0;
    const steps: KindSummary["steps"] = {};
    for (const [step, log] of recorder.steps) {
      if (kind !== "all" && log.kind !== kind) continue;
      for (const ms of log.latencies) latencies.push(ms);
      addCodes(statusCodes, log.statusCodes);
      errors += log.errors;
      unexpected += log.unexpected;
      steps[step] = { requests: log.latencies.length, latencyMs: latencySummary(log.latencies), statusCodes: log.statusCodes, errors: log.errors, unexpected: log.unexpected, examples: log.examples };
    }
    const actions = kind === "all" ? recorder.actions.browse + recorder.actions.favourite + recorder.actions.order : recorder.actions[kind];
    out[kind] = {
      actions,
      requests: latencies.length,
      reqPerSec: durationS > 0 ? latencies.length / durationS : 0,
      latencyMs: latencySummary(latencies),
      statusCodes,
      server5xx: fiveHundreds(statusCodes),
      errors,
      unexpected,
      steps,
    };
  }
  return out;
}

/** What the favouriting members should have at the end: the last answer per member and product. */
export class FavouriteBook {
  readonly last = new Map<string, Map<string, boolean>>();
  adds = 0;
  removes = 0;
  set(memberId: string, productKey: string, favourited: boolean): void {
    let mine = this.last.get(memberId);
    if (!mine) this.last.set(memberId, (mine = new Map()));
    mine.set(productKey, favourited);
    if (favourited) this.adds += 1;
    else this.removes += 1;
  }
}

export interface TrafficPlan {
  baseUrl: string;
  catalog: Catalog;
  actions: ShopActions;
  users: number;
  durationS: number;
  seed: number;
  /** One cookie per favouriting member (member_001…), in the same order as `favouriteMembers`. */
  favouriteMembers: string[];
  favouriteCookies: string[];
  /** The order bench's setup (its buyers, store and SKU budget) and one cookie per buyer. */
  orders: OrderSetup;
  orderCookies: string[];
  orderSchedule: string[];
  /** Every other placed order is paid through the sandbox pay sheet. */
  payEvery: number;
}

export interface TrafficOutcome {
  recorder: TrafficRecorder;
  favourites: FavouriteBook;
  orderLedger: OrderLedger;
  placed: string[];
  paid: string[];
  elapsedS: number;
}

interface Answer {
  status: number | null;
  body: string;
  headers: Headers | null;
  ms: number;
  error: string;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    return { status: response.status, body, headers: response.headers, ms: performance.now() - started, error: "" };
  } catch (error) {
    // undici says "fetch failed" and puts the reason (ECONNREFUSED, ECONNRESET, a timeout…) in `cause`.
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? "";
    return { status: null, body: "", headers: null, ms: performance.now() - started, error: `${(error as Error).message}${reason ? ` (${reason})` : ""}` };
  }
}

const PAGE_HEADERS = {
  "user-agent": DEFAULT_USER_AGENT,
  "accept-language": "zh-CN,zh;q=0.9,en;q=0.8",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
};

/** Products member `memberIndex` toggles, spread over the catalog so members do not all share one product. */
export function favouriteTargets(catalog: Catalog, memberIndex: number, count = FAVOURITE_PRODUCTS_PER_MEMBER): Array<{ brand: string; styleCode: string }> {
  const targets: Array<{ brand: string; styleCode: string }> = [];
  for (let i = 0; i < count; i++) {
    const brand = catalog.brands[(memberIndex + i) % catalog.brands.length]!;
    const styleCode = brand.styleCodes[(memberIndex * 7 + i * 13) % brand.styleCodes.length]!;
    targets.push({ brand: brand.slug, styleCode });
  }
  return targets;
}

function cookieValue(setCookies: string[], name: string): string | null {
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0 && pair!.slice(0, eq).trim() === name) return pair!.slice(eq + 1).trim();
  }
  return null;
}

export async function runTraffic(plan: TrafficPlan, orderLedger: OrderLedger, onRequest: () => void = () => {}): Promise<TrafficOutcome> {
  if (plan.users > plan.favouriteMembers.length) throw new Error(`soak: ${plan.users} users but only ${plan.favouriteMembers.length} favouriting members`);
  if (plan.users > plan.orderCookies.length) throw new Error(`soak: ${plan.users} users but only ${plan.orderCookies.length} buyers`);
  const recorder = new TrafficRecorder();
  const favourites = new FavouriteBook();
  const random = seededRandom(plan.seed);
  const nextAction = blockSchedule(MIX, random);
  const nextPage = blockSchedule(BROWSE_MIX, random);
  const origin = new URL(plan.baseUrl).origin;
  const placed: string[] = [];
  const paid: string[] = [];
  let orderCounter = 0;
  const favCookies = new Map<number, string | null>();
  const favTurn = new Map<number, number>();
  const started = performance.now();
  const deadline = started + plan.durationS * 1000;

  const record = (kind: ActionKind, step: string, a: Answer, expected: boolean, detail = ""): void => {
    recorder.record(kind, step, a.status, a.ms, expected, a.status === null ? `${a.error} ${detail}`.trim() : detail);
    onRequest();
  };

  async function browse(): Promise<void> {
    const page: BrowsePage = nextPage();
    const path = browsePath(plan.catalog, page, random);
    const a = await send(plan.baseUrl + path, { headers: PAGE_HEADERS });
    record("browse", `browse:${page}`, a, a.status === 200, path);
  }

  // Member i (member_00i) belongs to user i mod users: one request at a time per member, so its cookie and its
  // favourites never race with themselves.
  async function favourite(user: number): Promise<void> {
    const mine = plan.favouriteMembers.map((_, i) => i).filter((i) => i % plan.users === user);
    const turn = favTurn.get(user) ?? 0;
    favTurn.set(user, turn + 1);
    const memberIndex = mine[turn % mine.length]!;
    const targets = favouriteTargets(plan.catalog, memberIndex);
    const target = targets[Math.floor(turn / mine.length) % targets.length]!;
    const favCookie = favCookies.get(memberIndex) ?? null;
    const cookie = plan.favouriteCookies[memberIndex]! + (favCookie ? `; mc_fav=${favCookie}` : "");
    const a = await send(`${plan.baseUrl}/${target.brand}/p/${encodeURIComponent(target.styleCode)}`, {
      method: "POST",
      headers: { ...actionHeaders(plan.actions.toggleFavourite, origin, cookie), "content-type": "text/plain;charset=UTF-8", "user-agent": DEFAULT_USER_AGENT },
      body: JSON.stringify([{ brand: target.brand, styleCode: target.styleCode }]),
    });
    const answer = a.status === 200 ? favouriteAnswer(a.body) : null;
    if (answer?.ok) {
      favourites.set(plan.favouriteMembers[memberIndex]!, `${target.brand}/${target.styleCode}`, answer.favourited);
      const next = cookieValue(a.headers?.getSetCookie() ?? [], "mc_fav");
      if (next !== null) favCookies.set(memberIndex, next);
    }
    record("favourite", "favourite:toggle", a, answer?.ok === true, answer && !answer.ok ? answer.message : a.body.slice(0, 120));
  }

  async function order(user: number): Promise<void> {
    const n = orderCounter++;
    const sku = plan.orderSchedule[n % plan.orderSchedule.length]!;
    const key = crypto.randomUUID();
    const cookie = plan.orderCookies[user]!;
    const setup = plan.orders;
    orderLedger.sent.set(key, { sku, phase: "measure" });
    const a = await send(plan.baseUrl + ORDER_PATH, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/json", accept: "application/json", "user-agent": DEFAULT_USER_AGENT },
      body: JSON.stringify({ brand: setup.brand.slug, idempotencyKey: key, fulfilment: "PICKUP", storeId: setup.store.id, lines: [{ skuId: sku, quantity: 1 }] }),
    });
    let code: string | null = null;
    let number: string | null = null;
    try {
      const json = JSON.parse(a.body) as { number?: string; error?: { code?: string } };
      code = json.error?.code ?? null;
      number = json.number ?? null;
    } catch {
      // Not JSON: recorded as unexpected below.
    }
    if (a.status !== null) orderLedger.answered.set(key, { status: a.status, code });
    // A sold-out SKU is a clean refusal (409 sold_out), not a failure.
    record("order", "order:place", a, a.status === 201 || (a.status === 409 && code === "sold_out"), a.body.slice(0, 120));
    if (a.status !== 201 || number === null) return;
    placed.push(number);
    if (n % plan.payEvery !== 0) return;

    const pay = `${plan.baseUrl}/${setup.brand.slug}/pay/${number}`;
    const sheet = await send(pay, { headers: { ...PAGE_HEADERS, cookie } });
    record("order", "order:pay-sheet", sheet, sheet.status === 200, number);
    if (sheet.status !== 200) return;
    const confirm = await send(pay, {
      method: "POST",
      headers: { ...actionHeaders(plan.actions.confirmSandboxPay, origin, cookie), "user-agent": DEFAULT_USER_AGENT },
      body: payActionBody(setup.brand.slug, number),
    });
    const answer = payAnswer(confirm.headers?.get("x-action-redirect") ?? null, confirm.body);
    if (confirm.status === 200 && answer.paid) paid.push(number);
    record("order", "order:pay", confirm, confirm.status === 200 && answer.paid, answer.paid ? number : answer.message);
  }

  async function shopper(user: number): Promise<void> {
    while (performance.now() < deadline) {
      const kind = nextAction();
      recorder.actions[kind] += 1;
      if (kind === "browse") await browse();
      else if (kind === "favourite") await favourite(user);
      else await order(user);
    }
  }

  await Promise.all(Array.from({ length: plan.users }, (_, user) => shopper(user)));
  return { recorder, favourites, orderLedger, placed, paid, elapsedS: (performance.now() - started) / 1000 };
}
