import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "../../setup/dialect";
import { clientFor, createFreshDatabase, type FreshDatabase } from "../../setup/fresh-db";
import { seed } from "../../setup/sqlite-files";

// The quick start's data: the demo seed plus `npm run db:demo-activity` on a fresh database of its own. Every
// figure lib/analytics shows for it (headline card, each chart) must equal a count made here, independently: rows
// read with plain SQL (a client of the test's own on the fresh database, SQLite or PostgreSQL), filtered by store and
// counted per Shanghai day in JS. lib/db binds to the DATABASE_URL of the process, so the activity and the dashboards
// run as child processes against the fresh database (scripts/demo-activity.ts and support/dashboard-figures.ts), like
// the seed.
//
// The SQL is written for both databases: every identifier quoted (PostgreSQL folds unquoted names to lower case),
// `?` placeholders (numbered $1, $2… by sql() on PostgreSQL; SQLite's adapter takes only `?`), instants bound as the
// column compares them (bound()) and read back as ISO text (iso()), counts and sums read back through Number()
// (PostgreSQL returns COUNT as bigint, SUM as bigint or numeric).

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const root = process.cwd();
const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
const VALID = new Set(["PAID", "READY_FOR_PICKUP", "SHIPPED", "COMPLETED", "PARTIALLY_REFUNDED"]);

let fresh: FreshDatabase;
let client: ReturnType<typeof clientFor>;
let activity: ReturnType<typeof spawnSync>;
let now: Date;

function run(script: string, args: string[] = []) {
  return spawnSync(process.execPath, [tsx, "--conditions=react-server", path.join(root, script), ...args], {
    cwd: root,
    // A fixed key: pickup codes are signed with it, and no data/.app-secret is written by the test.
    env: { ...process.env, DATABASE_URL: fresh.url, APP_SECRET: "seeded-activity-test-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
}

/** Rows of a read-only query; `?` placeholders (none of the queries has a `?` anywhere else). */
async function sql<T>(query: string, ...params: unknown[]): Promise<T[]> {
  let n = 0;
  return client.$queryRawUnsafe<T[]>(onPostgres ? query.replace(/\?/g, () => `$${++n}`) : query, ...params);
}

beforeAll(async () => {
  fresh = await createFreshDatabase();
  client = clientFor(fresh.url);
  seed(fresh.url);
  activity = run("scripts/demo-activity.ts");
  now = new Date();
}, 180_000);

afterAll(async () => {
  await client?.$disconnect();
  await fresh?.cleanup();
});

// --- The independent figures. ---

const shanghaiDay = (iso: string | number) => new Date(new Date(iso).getTime() + SHANGHAI).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** The stored form of an instant (Prisma's SQLite DateTime text), so bounds compare as text. */
const stored = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
/** An instant as a query parameter its column compares with: SQLite's stored text; on PostgreSQL a Date (UTC). */
const bound = (at: number | string) => {
  const ms = typeof at === "number" ? at : Date.parse(at);
  return onPostgres ? new Date(ms) : stored(ms);
};
/** A DateTime read back (SQLite text, a Date on PostgreSQL) as ISO text in UTC ("…Z"), so instants compare as text. */
const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string | number | Date).toISOString());
/** A DateTime read back as epoch ms; NaN for NULL, so every comparison with it fails as it did on the text. */
const msOf = (value: unknown) => (value === null || value === undefined ? Number.NaN : new Date(value as string | number | Date).getTime());
/** A count or sum read back (bigint/numeric on PostgreSQL) as a number; NULL stays null. */
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

type Scope = { brandId: string; storeIds: string[] | null; from: string; to: string; start: string; end: string; days: string[] };

async function scopeOf(brand: string, query: { store?: string; city?: string; from?: string; to?: string }): Promise<Scope> {
  const [{ id: brandId }] = (await sql<{ id: string }>(`SELECT "id" FROM "Brand" WHERE "slug" = ?`, brand)) as [{ id: string }];
  const to = query.to ?? shanghaiDay(now.getTime());
  const from = query.from ?? addDays(to, -29);
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  // A set of stores is written "SH01,BJ01" (the URL's repeated store=).
  const codes = query.store?.split(",");
  const storeIds = codes
    ? (await sql<{ id: string }>(`SELECT "id" FROM "Store" WHERE "brandId" = ? AND "code" IN (${codes.map(() => "?").join(", ")})`, brandId, ...codes)).map((r) => r.id)
    : query.city
      ? (await sql<{ id: string }>(`SELECT "id" FROM "Store" WHERE "brandId" = ? AND "city" = ?`, brandId, query.city)).map((r) => r.id)
      : null;
  // ISO text in UTC, as iso() reads instants back; bound() turns them into query parameters.
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - SHANGHAI).toISOString();
  const end = new Date(Date.parse(`${addDays(to, 1)}T00:00:00Z`) - SHANGHAI).toISOString();
  return { brandId, storeIds, from, to, start, end, days };
}

const selected = (scope: Scope, storeId: string | null) => scope.storeIds === null || (storeId !== null && scope.storeIds.includes(storeId));
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

function perDay<T extends Record<string, number>>(scope: Scope, zero: () => T, rows: { at: string }[], add: (cell: T, row: never) => void) {
  const cells = new Map(scope.days.map((d) => [d, zero()]));
  for (const r of rows) add(cells.get(shanghaiDay(r.at))!, r as never);
  return scope.days.map((day) => ({ day, ...cells.get(day)! }));
}

type OrderRow = { id: string; at: string; status: string; paidAt: string | null; totalFen: number; refundedFen: number; fulfilment: string; storeId: string | null; guideId: string | null; memberId: string };

async function expected(scope: Scope) {
  const { brandId } = scope;
  const start = bound(scope.start);
  const end = bound(scope.end);
  const scans = (
    await sql<{ at: unknown; kind: string; storeId: string | null; targetId: string | null }>(
      `SELECT s."createdAt" AS "at", q."kind", q."storeId", q."targetId" FROM "SceneScan" s JOIN "QrScene" q ON q."id" = s."sceneId" WHERE q."brandId" = ? AND s."createdAt" >= ? AND s."createdAt" < ?`,
      brandId, start, end,
    )
  ).map((s) => ({ ...s, at: iso(s.at)! }));
  const favourites = (
    await sql<{ at: unknown; memberId: string; storeId: string | null }>(
      `SELECT f."createdAt" AS "at", f."memberId", f."storeId" FROM "Favourite" f JOIN "Product" p ON p."id" = f."productId" WHERE p."brandId" = ? AND f."createdAt" >= ? AND f."createdAt" < ?`,
      brandId, start, end,
    )
  )
    .map((f) => ({ ...f, at: iso(f.at)! }))
    .filter((f) => selected(scope, f.storeId));
  const allOrders: OrderRow[] = (
    await sql<Omit<OrderRow, "at" | "paidAt" | "totalFen" | "refundedFen"> & { at: unknown; paidAt: unknown; totalFen: unknown; refundedFen: unknown }>(
      `SELECT "id", "createdAt" AS "at", "status", "paidAt", "totalFen", "refundedFen", "fulfilment", "storeId", "guideId", "memberId" FROM "Order" WHERE "brandId" = ? AND "createdAt" >= ? AND "createdAt" < ?`,
      brandId, start, end,
    )
  ).map((o) => ({ ...o, at: iso(o.at)!, paidAt: iso(o.paidAt), totalFen: num(o.totalFen)!, refundedFen: num(o.refundedFen)! }));
  const lineStores = new Map<string, Set<string>>();
  for (const l of await sql<{ orderId: string; storeId: string }>(`SELECT l."orderId", l."storeId" FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId" WHERE o."brandId" = ?`, brandId)) {
    lineStores.set(l.orderId, (lineStores.get(l.orderId) ?? new Set()).add(l.storeId));
  }
  /** Pickup and counter: the order's store; delivery: every store its lines ship from. */
  const storesOf = (o: OrderRow) => (o.storeId ? [o.storeId] : [...(lineStores.get(o.id) ?? [])]);
  const orders = allOrders.filter((o) => scope.storeIds === null || storesOf(o).some((s) => selected(scope, s)));
  const isValid = (o: OrderRow) => VALID.has(o.status) && o.paidAt !== null;
  const valid = orders.filter(isValid);
  const members = new Set((await sql<{ memberId: string }>(`SELECT "memberId" FROM "MemberBrand" WHERE "brandId" = ?`, brandId)).map((r) => r.memberId));
  const joins = (await sql<{ at: unknown }>(`SELECT "joinedAt" AS "at" FROM "MemberBrand" WHERE "brandId" = ?`, brandId)).map((j) => ({ at: iso(j.at)! }));
  const transfers = (
    await sql<{ at: unknown; toStoreId: string; approvedAt: unknown; receivedAt: unknown; status: string }>(
      // Stock-outs that became transfers: a customer's demand (memberId set); plain restocks are not counted.
      `SELECT "requestedAt" AS "at", "toStoreId", "approvedAt", "receivedAt", "status" FROM "Transfer" WHERE "brandId" = ? AND "memberId" IS NOT NULL AND "requestedAt" >= ? AND "requestedAt" < ?`,
      brandId, start, end,
    )
  )
    .map((t) => ({ ...t, at: iso(t.at)!, approvedAt: iso(t.approvedAt), receivedAt: iso(t.receivedAt) }))
    .filter((t) => selected(scope, t.toStoreId));
  const storeScans = scans.filter((s) => selected(scope, s.storeId));

  const headline = {
    activeFollowers: new Set([...favourites.map((f) => f.memberId), ...orders.map((o) => o.memberId)].filter((m) => members.has(m))).size,
    favourites: favourites.length,
    validOrders: valid.length,
  };
  let total = joins.filter((j) => j.at < scope.start).length;
  const followers = perDay(scope, () => ({ newFollowers: 0, followers: 0 }), joins.filter((j) => j.at >= scope.start && j.at < scope.end), (c) => c.newFollowers++).map((d) => {
    total += d.newFollowers;
    return { ...d, followers: total };
  });
  const scansByDay = perDay(scope, () => ({ PRODUCT: 0, STORE: 0, GUIDE: 0, CATALOG: 0, total: 0 }), storeScans, (c: Record<string, number>, r: { kind: string }) => {
    c[r.kind]!++;
    c.total!++;
  });
  const favouritesByDay = perDay(scope, () => ({ favourites: 0 }), favourites, (c) => c.favourites++);
  const ordersByDay = perDay(scope, () => ({ orders: 0, validOrders: 0, salesFen: 0 }), orders, (c, o: OrderRow) => {
    c.orders++;
    if (isValid(o)) {
      c.validOrders++;
      c.salesFen += o.totalFen - o.refundedFen;
    }
  });
  const fulfilment = perDay(scope, () => ({ PICKUP: 0, DELIVERY: 0, COUNTER: 0 }), valid, (c: Record<string, number>, o: OrderRow) => c[o.fulfilment]!++);
  const transfersByDay = perDay(scope, () => ({ requested: 0, approved: 0, received: 0, refused: 0 }), transfers, (c, t: { approvedAt: string | null; receivedAt: string | null; status: string }) => {
    c.requested++;
    if (t.approvedAt) c.approved++;
    if (t.receivedAt) c.received++;
    if (t.status === "REFUSED") c.refused++;
  });

  const stores = (await sql<{ id: string; code: string; name: string; city: string }>(`SELECT "id", "code", "name", "city" FROM "Store" WHERE "brandId" = ?`, brandId)).filter((s) =>
    selected(scope, s.id),
  );
  const storeConversion = stores
    .map((s) => {
      const n = storeScans.filter((x) => x.storeId === s.id).length;
      const v = valid.filter((o) => storesOf(o).includes(s.id)).length;
      return { storeCode: s.code, storeName: s.name, city: s.city, scans: n, validOrders: v, conversion: ratio(v, n) };
    })
    .filter((r) => r.scans > 0 || r.validOrders > 0)
    .sort((a, b) => b.validOrders - a.validOrders || b.scans - a.scans || (a.storeCode < b.storeCode ? -1 : 1));

  // Guides: by their own code's scans, the valid orders credited to them and their commission on orders of the period.
  const brandValid = allOrders.filter(isValid);
  const commission = (
    await sql<{ staffId: string; amountFen: unknown; at: unknown }>(
      `SELECT e."staffId", e."amountFen", o."createdAt" AS "at" FROM "CommissionEntry" e JOIN "Order" o ON o."id" = e."orderId" WHERE e."brandId" = ? AND e."staffId" IS NOT NULL AND e."kind" IN ('EARN', 'REVERSAL')`,
      brandId,
    )
  )
    .map((e) => ({ staffId: e.staffId, amountFen: num(e.amountFen)!, at: iso(e.at)! }))
    .filter((e) => e.at >= scope.start && e.at < scope.end);
  const guides = (
    await sql<{ id: string; name: string; username: string; storeId: string; code: string }>(
      `SELECT g."id", g."name", g."username", g."storeId", st."code" FROM "Staff" g JOIN "Store" st ON st."id" = g."storeId" WHERE g."brandId" = ?`,
      brandId,
    )
  )
    .filter((g) => selected(scope, g.storeId))
    .map((g) => {
      const credited = brandValid.filter((o) => o.guideId === g.id);
      const entries = commission.filter((e) => e.staffId === g.id);
      return {
        guideName: g.name,
        username: g.username,
        storeCode: g.code,
        scans: scans.filter((s) => s.kind === "GUIDE" && s.targetId === g.id).length,
        validOrders: credited.length,
        salesFen: credited.reduce((sum, o) => sum + o.totalFen - o.refundedFen, 0),
        commissionFen: entries.reduce((sum, e) => sum + e.amountFen, 0),
        any: entries.length > 0,
      };
    })
    .filter((g) => g.scans > 0 || g.validOrders > 0 || g.any);
  const byName = (a: { username: string }, b: { username: string }) => (a.username < b.username ? -1 : 1);
  const guideConversion = [...guides]
    .sort((a, b) => b.scans - a.scans || b.validOrders - a.validOrders || byName(a, b))
    .map(({ guideName, username, storeCode, scans: n, validOrders }) => ({ guideName, username, storeCode, scans: n, validOrders, conversion: ratio(validOrders, n) }));
  const leaderboard = [...guides]
    .sort((a, b) => b.validOrders - a.validOrders || b.salesFen - a.salesFen || b.commissionFen - a.commissionFen || byName(a, b))
    .slice(0, 20)
    .map(({ guideName, username, storeCode, validOrders, salesFen, commissionFen }, i) => ({ rank: i + 1, guideName, username, storeCode, validOrders, salesFen, commissionFen }));

  return {
    headline,
    followers,
    scans: scansByDay,
    favourites: favouritesByDay,
    orders: ordersByDay,
    fulfilment,
    "store-conversion": storeConversion,
    "guide-conversion": guideConversion,
    "guide-leaderboard": leaderboard,
    transfers: transfersByDay,
  };
}

type Figures = { from: string; to: string; storeIds: string[] | null; overview: unknown; dashboard: Record<string, unknown> };

function dashboards(requests: { brand: string; query: Record<string, string> }[]): Figures[] {
  const result = run("tests/integration/analytics/support/dashboard-figures.ts", [now.toISOString(), JSON.stringify(requests)]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Figures[];
}

const sum = (rows: Record<string, unknown>[], key: string) => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);

describe("the demo activity on a fresh seeded database", () => {
  it("runs through the domain functions within a minute and reports what it made", async () => {
    expect(activity.status, `${activity.stdout}${activity.stderr}`).toBe(0);
    expect(activity.stdout).toMatch(/demo activity: done in \d+ ms/);
    const ms = Number(/done in (\d+) ms/.exec(String(activity.stdout))![1]);
    expect(ms).toBeLessThan(60_000);
    const [orders] = await sql<{ n: unknown; statuses: unknown; kinds: unknown }>(
      `SELECT COUNT(*) AS "n", COUNT(DISTINCT "status") AS "statuses", COUNT(DISTINCT "fulfilment") AS "kinds" FROM "Order" WHERE "idempotencyKey" LIKE 'demo-activity-%'`,
    );
    expect(num(orders!.n)).toBeGreaterThanOrEqual(250);
    expect(num(orders!.kinds)).toBe(3);
    const statuses = (await sql<{ status: string }>(`SELECT DISTINCT "status" FROM "Order"`)).map((r) => r.status);
    for (const s of ["COMPLETED", "REFUNDED", "CANCELLED", "PARTIALLY_REFUNDED", "SHIPPED", "READY_FOR_PICKUP"]) expect(statuses).toContain(s);
    // Paid orders have their payment and, when credited to a guide, their commission; refunds their reversal.
    const [unpaid] = await sql<{ n: unknown }>(
      `SELECT COUNT(*) AS "n" FROM "Order" o WHERE o."paidAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Payment" p WHERE p."orderId" = o."id" AND p."status" = 'SUCCEEDED')`,
    );
    expect(num(unpaid!.n)).toBe(0);
    const [uncredited] = await sql<{ n: unknown }>(
      `SELECT COUNT(*) AS "n" FROM "Order" o WHERE o."paidAt" IS NOT NULL AND o."guideId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CommissionEntry" e WHERE e."orderId" = o."id" AND e."kind" = 'EARN')`,
    );
    expect(num(uncredited!.n)).toBe(0);
    expect(num((await sql<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "Transfer" WHERE "status" = 'RECEIVED'`))[0]!.n)).toBeGreaterThan(0);
    // Everything happened in the 60 days before the run, nothing after it (compared as instants; a NULL fails).
    const bounds = { from: now.getTime() - 61 * DAY, to: now.getTime() };
    for (const [table, column] of [["Order", "createdAt"], ["Order", "paidAt"], ["SceneScan", "createdAt"], ["Favourite", "createdAt"], ["Refund", "createdAt"], ["Payment", "createdAt"], ["StockLedger", "createdAt"], ["Transfer", "requestedAt"]] as const) {
      const [r] = await sql<{ first: unknown; last: unknown }>(
        `SELECT MIN("${column}") AS "first", MAX("${column}") AS "last" FROM "${table}" WHERE "${column}" >= ?`,
        bound(now.getTime() - 90 * DAY),
      );
      expect(msOf(r!.last) <= bounds.to, `${table}.${column} ${iso(r!.last)}`).toBe(true);
      expect(msOf(r!.first) >= bounds.from, `${table}.${column} ${iso(r!.first)}`).toBe(true);
    }
  });

  it("leaves every inventory row equal to the sums of its ledger", async () => {
    const rows = await sql<{ storeId: string; skuId: string }>(`
      SELECT i."storeId", i."skuId" FROM "Inventory" i
      LEFT JOIN (SELECT "storeId", "skuId", SUM("onHandDelta") AS "oh", SUM("reservedDelta") AS "rs" FROM "StockLedger" GROUP BY "storeId", "skuId") l ON l."storeId" = i."storeId" AND l."skuId" = i."skuId"
      WHERE COALESCE(l."oh", 0) <> i."onHand" OR COALESCE(l."rs", 0) <> i."reserved"`);
    expect(rows).toEqual([]);
    // Reserved units are exactly those of orders still holding stock and approved transfers.
    const [held] = await sql<{ reserved: unknown; open: unknown }>(`
      SELECT (SELECT SUM("reserved") FROM "Inventory") AS "reserved",
        (SELECT COALESCE(SUM(l."quantity" - l."soldQty" - l."releasedQty"), 0) FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId" WHERE o."status" IN ('PLACED', 'AWAITING_CASHIER', 'PAID', 'READY_FOR_PICKUP'))
        + (SELECT COALESCE(SUM("quantity"), 0) FROM "Transfer" WHERE "status" = 'APPROVED') AS "open"`);
    expect(num(held!.reserved)).toBe(num(held!.open));
  });

  it("shows on every dashboard exactly the figures counted directly in the database", { timeout: 60_000 }, async () => {
    const today = shanghaiDay(now.getTime());
    const requests: { brand: string; query: Record<string, string> }[] = [
      { brand: "lumi", query: {} },
      { brand: "lumi", query: { from: addDays(today, -59), to: today } },
      { brand: "lumi", query: { store: "SH01", from: addDays(today, -45), to: addDays(today, -10) } },
      { brand: "nord", query: {} },
      { brand: "nord", query: { city: "上海", from: addDays(today, -50), to: addDays(today, -5) } },
      { brand: "lumi", query: { store: "BJ01" } },
      { brand: "lumi", query: { store: "SH01,BJ01,GZ01", from: addDays(today, -59), to: today } },
    ];
    const figures = dashboards(requests);
    expect(figures).toHaveLength(requests.length);
    for (const [i, request] of requests.entries()) {
      const scope = await scopeOf(request.brand, request.query);
      const shown = figures[i]!;
      expect([shown.from, shown.to]).toEqual([scope.from, scope.to]);
      expect(shown.storeIds === null ? null : [...shown.storeIds].sort()).toEqual(scope.storeIds === null ? null : [...scope.storeIds].sort());
      const want = await expected(scope);
      for (const [chart, rows] of Object.entries(want)) expect(shown.dashboard[chart], `${request.brand} ${JSON.stringify(request.query)} ${chart}`).toEqual(rows);
      // The console overview's headline card: the whole brand over the last 30 days.
      expect(shown.overview).toEqual((await expected(await scopeOf(request.brand, {}))).headline);
    }

    // And they are not zeros: the quick start's dashboards have something to show.
    const lumi30 = figures[0]!.dashboard as Record<string, Record<string, unknown>[]> & { headline: Record<string, number> };
    expect(lumi30.headline.validOrders).toBeGreaterThan(30);
    expect(lumi30.headline.favourites).toBeGreaterThan(10);
    expect(lumi30.headline.activeFollowers).toBeGreaterThan(10);
    const lumi60 = figures[1]!.dashboard as Record<string, Record<string, unknown>[]>;
    for (const kind of ["PRODUCT", "STORE", "GUIDE"]) expect(sum(lumi60.scans!, kind)).toBeGreaterThan(0);
    for (const kind of ["PICKUP", "DELIVERY", "COUNTER"]) expect(sum(lumi60.fulfilment!, kind)).toBeGreaterThan(0);
    expect(sum(lumi60.followers!, "newFollowers")).toBeGreaterThan(20);
    expect(sum(lumi60.transfers!, "requested")).toBeGreaterThan(0);
    expect(sum(lumi60.transfers!, "received")).toBeGreaterThan(0);
    expect(sum(lumi60["guide-leaderboard"]!, "commissionFen")).toBeGreaterThan(0);
    expect(lumi60["store-conversion"]!.length).toBeGreaterThan(5);
    expect(sum(figures[2]!.dashboard.orders as Record<string, unknown>[], "validOrders")).toBeGreaterThan(0);
  });

  it("refuses to run a second time on the same database and changes nothing", async () => {
    const count = async () => {
      const [r] = await sql<{ orders: unknown; scans: unknown; members: unknown }>(
        `SELECT (SELECT COUNT(*) FROM "Order") AS "orders", (SELECT COUNT(*) FROM "SceneScan") AS "scans", (SELECT COUNT(*) FROM "Member") AS "members"`,
      );
      return { orders: num(r!.orders), scans: num(r!.scans), members: num(r!.members) };
    };
    const before = await count();
    expect(before.orders).toBeGreaterThan(0);
    const again = run("scripts/demo-activity.ts");
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already in this database/);
    expect(await count()).toEqual(before);
  });
});
