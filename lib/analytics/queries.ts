import "server-only";
import { replicaForRaw, replicaReads } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { day } from "@/lib/db/sql";
import { DashboardRefused, type DashboardQuery, type Period } from "./filters";

// The brand dashboards: every figure is aggregated by SQL (GROUP BY a Shanghai day, a scene kind, a store, a
// guide) over index ranges of (brand, time); JS only fills the days without rows with zeros.
// Definitions (docs/decisions/019-dashboards.md):
//   valid order   status PAID | READY_FOR_PICKUP | SHIPPED | COMPLETED | PARTIALLY_REFUNDED and paidAt set
//                 (unpaid, cancelled and fully refunded orders are not); counted on the day it was placed.
//   order's store pickup and counter: the order's store; delivery: the store(s) its lines ship from.
//   scan's store  the scene's store: store posters, product tags printed for the store, guides' codes (the
//                 guide's current store). Generic product tags have no store: counted brand-wide only.
//   active follower a member of the brand who favourited or placed an order (any status) in the period, at the
//                 selected stores. Scans are anonymous and cannot name a member.
//   followers     MemberBrand.joinedAt: a member belongs to the brand, not to a store, so this chart is brand-wide.
//   transfers     stock-outs that became transfers: transfers requested for a named customer (memberId set;
//                 plain restocks are not demand), by the day they were requested at the (requesting) store, with
//                 how many of them were approved, received or refused since.

export const VALID_ORDER_STATUSES = ["PAID", "READY_FOR_PICKUP", "SHIPPED", "COMPLETED", "PARTIALLY_REFUNDED"] as const;
export const SCENE_KINDS = ["PRODUCT", "STORE", "GUIDE", "CATALOG"] as const;
export const FULFILMENTS = ["PICKUP", "DELIVERY", "COUNTER"] as const;
/** The leaderboard's length; the per-guide conversion lists at most GUIDE_ROWS guides (most scans first). */
export const LEADERBOARD_SIZE = 20;
export const GUIDE_ROWS = 200;

const VALID = Prisma.sql`(o."status" IN ('PAID', 'READY_FOR_PICKUP', 'SHIPPED', 'COMPLETED', 'PARTIALLY_REFUNDED') AND o."paidAt" IS NOT NULL)`;
const n = (v: number | bigint | null | undefined) => Number(v ?? 0);

// Dashboards tolerate replica lag (decision 033): model reads go through replicaReads, raw SQL to one of its replicas.
const raw = () => replicaForRaw(replicaReads);

/** What one dashboard looks at: a brand, the selected stores (null = the whole brand, including store-less rows), a period. */
export type DashboardScope = { brandId: string; storeIds: string[] | null; period: Period };

export type StoreOption = { id: string; code: string; name: string; city: string };

/** The brand's stores and cities, for the filter form. */
export async function dashboardStoreOptions(brandId: string): Promise<{ stores: StoreOption[]; cities: string[] }> {
  const stores = await replicaReads.store.findMany({ where: { brandId }, select: { id: true, code: true, name: true, city: true }, orderBy: { code: "asc" } });
  return { stores, cities: [...new Set(stores.map((s) => s.city))].sort((a, b) => a.localeCompare(b, "zh-CN")) };
}

/**
 * The stores a query selects: none named = the whole brand; a city = its stores; store codes = that set of the
 * brand's stores. A code that is not one of the brand's stores (or not in the named city) is refused, never widened.
 */
export async function dashboardScope(brandId: string, query: DashboardQuery, period: Period): Promise<DashboardScope> {
  if (!query.city && !query.store?.length) return { brandId, storeIds: null, period };
  if (query.store?.length) {
    const stores = await replicaReads.store.findMany({ where: { brandId, code: { in: query.store } }, select: { id: true, code: true, city: true } });
    const missing = query.store.filter((code) => !stores.some((s) => s.code === code));
    if (missing.length) throw new DashboardRefused(`该品牌没有这个门店 / This brand has no such store (${missing.join(", ")})`);
    if (query.city && stores.some((s) => s.city !== query.city)) throw new DashboardRefused("门店不在所选城市 / The store is not in the chosen city");
    return { brandId, storeIds: stores.map((s) => s.id), period };
  }
  const stores = await replicaReads.store.findMany({ where: { brandId, city: query.city }, select: { id: true } });
  return { brandId, storeIds: stores.map((s) => s.id), period };
}

/** `AND <column> IN (selected stores)`, nothing for the whole brand, never true for an empty selection. */
function inStores(scope: DashboardScope, column: string): Prisma.Sql {
  if (scope.storeIds === null) return Prisma.empty;
  if (scope.storeIds.length === 0) return Prisma.sql`AND FALSE`;
  return Prisma.sql`AND ${Prisma.raw(column)} IN (${Prisma.join(scope.storeIds)})`;
}

/** Orders of the selected stores: pickup/counter by the order's store, delivery by the stores its lines ship from. */
function orderInStores(scope: DashboardScope): Prisma.Sql {
  if (scope.storeIds === null) return Prisma.empty;
  if (scope.storeIds.length === 0) return Prisma.sql`AND FALSE`;
  const ids = Prisma.join(scope.storeIds);
  return Prisma.sql`AND (o."storeId" IN (${ids}) OR (o."storeId" IS NULL AND EXISTS (SELECT 1 FROM "OrderLine" ol WHERE ol."orderId" = o."id" AND ol."storeId" IN (${ids}))))`;
}

const during = (scope: DashboardScope, column: string) => Prisma.sql`AND ${Prisma.raw(column)} >= ${scope.period.start} AND ${Prisma.raw(column)} < ${scope.period.end}`;

/** One row per day of the period, zeros where SQL returned no group. */
function everyDay<T extends Record<string, number>>(period: Period, rows: Map<string, T>, zero: T): ({ day: string } & T)[] {
  return period.days.map((d) => ({ day: d, ...(rows.get(d) ?? zero) }));
}

export type Headline = { activeFollowers: number; favourites: number; validOrders: number };

/** The pilot's three figures for the selected stores over the period. */
export async function headline(scope: DashboardScope): Promise<Headline> {
  const [row] = await raw().$queryRaw<{ active: bigint | number; favourites: bigint | number; valid: bigint | number }[]>`
    SELECT
      (SELECT COUNT(*) FROM (
          SELECT f."memberId" AS "memberId" FROM "Favourite" f JOIN "Product" p ON p."id" = f."productId"
          WHERE p."brandId" = ${scope.brandId} ${during(scope, 'f."createdAt"')} ${inStores(scope, 'f."storeId"')}
          UNION
          SELECT o."memberId" FROM "Order" o WHERE o."brandId" = ${scope.brandId} ${during(scope, 'o."createdAt"')} ${orderInStores(scope)}
        ) a JOIN "MemberBrand" mb ON mb."memberId" = a."memberId" AND mb."brandId" = ${scope.brandId}) AS active,
      (SELECT COUNT(*) FROM "Favourite" f JOIN "Product" p ON p."id" = f."productId"
        WHERE p."brandId" = ${scope.brandId} ${during(scope, 'f."createdAt"')} ${inStores(scope, 'f."storeId"')}) AS favourites,
      (SELECT COUNT(*) FROM "Order" o WHERE o."brandId" = ${scope.brandId} AND ${VALID} ${during(scope, 'o."createdAt"')} ${orderInStores(scope)}) AS valid`;
  return { activeFollowers: n(row?.active), favourites: n(row?.favourites), validOrders: n(row?.valid) };
}

export type FollowersDay = { day: string; newFollowers: number; followers: number };

/** Members who joined the brand per day, and the running total (everyone who had joined by the end of that day). */
export async function followersByDay(scope: DashboardScope): Promise<FollowersDay[]> {
  const [rows, [before]] = await Promise.all([
    raw().$queryRaw<{ day: string; joined: bigint | number }[]>`
      SELECT ${day('mb."joinedAt"')} AS day, COUNT(*) AS joined FROM "MemberBrand" mb
      WHERE mb."brandId" = ${scope.brandId} ${during(scope, 'mb."joinedAt"')} GROUP BY 1`,
    raw().$queryRaw<{ joined: bigint | number }[]>`
      SELECT COUNT(*) AS joined FROM "MemberBrand" mb WHERE mb."brandId" = ${scope.brandId} AND mb."joinedAt" < ${scope.period.start}`,
  ]);
  const byDay = new Map(rows.map((r) => [r.day, n(r.joined)]));
  let total = n(before?.joined);
  return scope.period.days.map((d) => {
    const joined = byDay.get(d) ?? 0;
    total += joined;
    return { day: d, newFollowers: joined, followers: total };
  });
}

export type ScansDay = { day: string; PRODUCT: number; STORE: number; GUIDE: number; CATALOG: number; total: number };

/** Scans per day by the kind of code scanned. */
export async function scansByDay(scope: DashboardScope): Promise<ScansDay[]> {
  const rows = await raw().$queryRaw<{ day: string; kind: string; scans: bigint | number }[]>`
    SELECT ${day('s."createdAt"')} AS day, q."kind" AS kind, COUNT(*) AS scans
    FROM "QrScene" q JOIN "SceneScan" s ON s."sceneId" = q."id"
    WHERE q."brandId" = ${scope.brandId} ${inStores(scope, 'q."storeId"')} ${during(scope, 's."createdAt"')}
    GROUP BY 1, 2`;
  const byDay = new Map<string, Omit<ScansDay, "day">>();
  for (const r of rows) {
    const cell = byDay.get(r.day) ?? { PRODUCT: 0, STORE: 0, GUIDE: 0, CATALOG: 0, total: 0 };
    cell[r.kind as (typeof SCENE_KINDS)[number]] = n(r.scans);
    cell.total += n(r.scans);
    byDay.set(r.day, cell);
  }
  return everyDay(scope.period, byDay, { PRODUCT: 0, STORE: 0, GUIDE: 0, CATALOG: 0, total: 0 });
}

export type FavouritesDay = { day: string; favourites: number };

/** Favourites made per day (a favourite taken back is gone: the figure counts the ones that are still kept). */
export async function favouritesByDay(scope: DashboardScope): Promise<FavouritesDay[]> {
  const rows = await raw().$queryRaw<{ day: string; favourites: bigint | number }[]>`
    SELECT ${day('f."createdAt"')} AS day, COUNT(*) AS favourites
    FROM "Favourite" f JOIN "Product" p ON p."id" = f."productId"
    WHERE p."brandId" = ${scope.brandId} ${during(scope, 'f."createdAt"')} ${inStores(scope, 'f."storeId"')}
    GROUP BY 1`;
  return everyDay(scope.period, new Map(rows.map((r) => [r.day, { favourites: n(r.favourites) }])), { favourites: 0 });
}

export type OrdersDay = { day: string; orders: number; validOrders: number; salesFen: number };
export type FulfilmentDay = { day: string; PICKUP: number; DELIVERY: number; COUNTER: number };

/** Orders placed per day, how many of them are valid, their sales (paid less refunded), and valid ones by fulfilment. */
export async function ordersByDay(scope: DashboardScope): Promise<{ orders: OrdersDay[]; fulfilment: FulfilmentDay[] }> {
  const rows = await raw().$queryRaw<{ day: string; orders: bigint | number; valid: bigint | number; salesFen: bigint | number | null; pickup: bigint | number; delivery: bigint | number; counter: bigint | number }[]>`
    SELECT ${day('o."createdAt"')} AS day, COUNT(*) AS orders,
      SUM(CASE WHEN ${VALID} THEN 1 ELSE 0 END) AS valid,
      SUM(CASE WHEN ${VALID} THEN o."totalFen" - o."refundedFen" ELSE 0 END) AS "salesFen",
      SUM(CASE WHEN ${VALID} AND o."fulfilment" = 'PICKUP' THEN 1 ELSE 0 END) AS pickup,
      SUM(CASE WHEN ${VALID} AND o."fulfilment" = 'DELIVERY' THEN 1 ELSE 0 END) AS delivery,
      SUM(CASE WHEN ${VALID} AND o."fulfilment" = 'COUNTER' THEN 1 ELSE 0 END) AS counter
    FROM "Order" o
    WHERE o."brandId" = ${scope.brandId} ${during(scope, 'o."createdAt"')} ${orderInStores(scope)}
    GROUP BY 1`;
  const orders = new Map(rows.map((r) => [r.day, { orders: n(r.orders), validOrders: n(r.valid), salesFen: n(r.salesFen) }]));
  const fulfilment = new Map(rows.map((r) => [r.day, { PICKUP: n(r.pickup), DELIVERY: n(r.delivery), COUNTER: n(r.counter) }]));
  return {
    orders: everyDay(scope.period, orders, { orders: 0, validOrders: 0, salesFen: 0 }),
    fulfilment: everyDay(scope.period, fulfilment, { PICKUP: 0, DELIVERY: 0, COUNTER: 0 }),
  };
}

export type StoreConversion = { storeCode: string; storeName: string; city: string; scans: number; validOrders: number; conversion: number | null };

/** Per store with any scan or valid order: valid orders ÷ scans of the store's codes (null without scans). */
export async function conversionByStore(scope: DashboardScope): Promise<StoreConversion[]> {
  const rows = await raw().$queryRaw<{ storeCode: string; storeName: string; city: string; scans: bigint | number; valid: bigint | number }[]>`
    WITH scans AS (
      SELECT q."storeId" AS "storeId", COUNT(*) AS n FROM "QrScene" q JOIN "SceneScan" s ON s."sceneId" = q."id"
      WHERE q."brandId" = ${scope.brandId} AND q."storeId" IS NOT NULL ${inStores(scope, 'q."storeId"')} ${during(scope, 's."createdAt"')}
      GROUP BY q."storeId"
    ), order_stores AS (
      SELECT o."storeId" AS "storeId", o."id" AS "orderId" FROM "Order" o
      WHERE o."brandId" = ${scope.brandId} AND o."storeId" IS NOT NULL ${inStores(scope, 'o."storeId"')} AND ${VALID} ${during(scope, 'o."createdAt"')}
      UNION
      SELECT ol."storeId", o."id" FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o."id"
      WHERE o."brandId" = ${scope.brandId} AND o."storeId" IS NULL ${inStores(scope, 'ol."storeId"')} AND ${VALID} ${during(scope, 'o."createdAt"')}
    ), orders AS (
      SELECT "storeId", COUNT(*) AS n FROM order_stores GROUP BY "storeId"
    )
    SELECT st."code" AS "storeCode", st."name" AS "storeName", st."city" AS city, COALESCE(scans.n, 0) AS scans, COALESCE(orders.n, 0) AS valid
    FROM "Store" st LEFT JOIN scans ON scans."storeId" = st."id" LEFT JOIN orders ON orders."storeId" = st."id"
    WHERE st."brandId" = ${scope.brandId} ${inStores(scope, 'st."id"')} AND (scans.n IS NOT NULL OR orders.n IS NOT NULL)
    ORDER BY valid DESC, scans DESC, st."code"`;
  return rows.map((r) => ({ storeCode: r.storeCode, storeName: r.storeName, city: r.city, scans: n(r.scans), validOrders: n(r.valid), conversion: ratio(n(r.valid), n(r.scans)) }));
}

export type GuideFigures = { guideName: string; username: string; storeCode: string; scans: number; validOrders: number; salesFen: number; commissionFen: number; conversion: number | null };

/**
 * Guides (staff of a store; the selected stores by the guide's current store) with any scan of their code, valid
 * order credited to them, or commission in the period: scans, valid orders credited, sales (paid less refunded),
 * and their own commission on orders placed in the period (earned less reversed).
 */
async function guideFigures(scope: DashboardScope, orderBy: Prisma.Sql, limit: number): Promise<GuideFigures[]> {
  const rows = await raw().$queryRaw<{ guideName: string; username: string; storeCode: string | null; scans: bigint | number; valid: bigint | number; salesFen: bigint | number; commissionFen: bigint | number }[]>`
    WITH scans AS (
      SELECT q."targetId" AS "staffId", COUNT(*) AS n FROM "QrScene" q JOIN "SceneScan" s ON s."sceneId" = q."id"
      WHERE q."brandId" = ${scope.brandId} AND q."kind" = 'GUIDE' ${during(scope, 's."createdAt"')}
      GROUP BY q."targetId"
    ), orders AS (
      SELECT o."guideId" AS "staffId", COUNT(*) AS n, SUM(o."totalFen" - o."refundedFen") AS "salesFen" FROM "Order" o
      WHERE o."brandId" = ${scope.brandId} AND o."guideId" IS NOT NULL AND ${VALID} ${during(scope, 'o."createdAt"')}
      GROUP BY o."guideId"
    ), commission AS (
      SELECT e."staffId" AS "staffId", SUM(e."amountFen") AS fen FROM "CommissionEntry" e JOIN "Order" o ON o."id" = e."orderId"
      WHERE e."brandId" = ${scope.brandId} AND e."staffId" IS NOT NULL AND e."kind" IN ('EARN', 'REVERSAL') ${during(scope, 'o."createdAt"')}
      GROUP BY e."staffId"
    )
    SELECT g."name" AS "guideName", g."username" AS username, st."code" AS "storeCode",
      COALESCE(scans.n, 0) AS scans, COALESCE(orders.n, 0) AS valid, COALESCE(orders."salesFen", 0) AS "salesFen", COALESCE(commission.fen, 0) AS "commissionFen"
    FROM "Staff" g JOIN "Store" st ON st."id" = g."storeId"
      LEFT JOIN scans ON scans."staffId" = g."id" LEFT JOIN orders ON orders."staffId" = g."id" LEFT JOIN commission ON commission."staffId" = g."id"
    WHERE g."brandId" = ${scope.brandId} ${inStores(scope, 'g."storeId"')}
      AND (scans.n IS NOT NULL OR orders.n IS NOT NULL OR commission.fen IS NOT NULL)
    ORDER BY ${orderBy}, g."username"
    LIMIT ${limit}`;
  return rows.map((r) => ({
    guideName: r.guideName,
    username: r.username,
    storeCode: r.storeCode ?? "",
    scans: n(r.scans),
    validOrders: n(r.valid),
    salesFen: n(r.salesFen),
    commissionFen: n(r.commissionFen),
    conversion: ratio(n(r.valid), n(r.scans)),
  }));
}

export type GuideConversion = Pick<GuideFigures, "guideName" | "username" | "storeCode" | "scans" | "validOrders" | "conversion">;
export type LeaderboardRow = { rank: number } & Pick<GuideFigures, "guideName" | "username" | "storeCode" | "validOrders" | "salesFen" | "commissionFen">;

/** Valid orders credited ÷ scans of the guide's own code, most scanned guides first. */
export async function conversionByGuide(scope: DashboardScope): Promise<GuideConversion[]> {
  const rows = await guideFigures(scope, Prisma.sql`scans DESC, valid DESC`, GUIDE_ROWS);
  return rows.map(({ guideName, username, storeCode, scans, validOrders, conversion }) => ({ guideName, username, storeCode, scans, validOrders, conversion }));
}

/** The top guides by valid orders, then sales. */
export async function guideLeaderboard(scope: DashboardScope): Promise<LeaderboardRow[]> {
  const rows = await guideFigures(scope, Prisma.sql`valid DESC, "salesFen" DESC, "commissionFen" DESC`, LEADERBOARD_SIZE);
  return rows.map(({ guideName, username, storeCode, validOrders, salesFen, commissionFen }, i) => ({ rank: i + 1, guideName, username, storeCode, validOrders, salesFen, commissionFen }));
}

export type TransfersDay = { day: string; requested: number; approved: number; received: number; refused: number };

/** Customers' stock-outs recorded as transfer requests per day (at the requesting store), and how far they have got since; restocks (no customer) are left out. */
export async function transfersByDay(scope: DashboardScope): Promise<TransfersDay[]> {
  const rows = await raw().$queryRaw<{ day: string; requested: bigint | number; approved: bigint | number; received: bigint | number; refused: bigint | number }[]>`
    SELECT ${day('t."requestedAt"')} AS day, COUNT(*) AS requested,
      SUM(CASE WHEN t."approvedAt" IS NOT NULL THEN 1 ELSE 0 END) AS approved,
      SUM(CASE WHEN t."receivedAt" IS NOT NULL THEN 1 ELSE 0 END) AS received,
      SUM(CASE WHEN t."status" = 'REFUSED' THEN 1 ELSE 0 END) AS refused
    FROM "Transfer" t
    WHERE t."brandId" = ${scope.brandId} AND t."memberId" IS NOT NULL ${during(scope, 't."requestedAt"')} ${inStores(scope, 't."toStoreId"')}
    GROUP BY 1`;
  return everyDay(scope.period, new Map(rows.map((r) => [r.day, { requested: n(r.requested), approved: n(r.approved), received: n(r.received), refused: n(r.refused) }])), { requested: 0, approved: 0, received: 0, refused: 0 });
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Every chart of the dashboard, by its id (the CSV route's [chart]). */
export const CHARTS = ["followers", "scans", "favourites", "orders", "fulfilment", "store-conversion", "guide-conversion", "guide-leaderboard", "transfers"] as const;
export type ChartId = (typeof CHARTS)[number];

export type ChartRows = {
  followers: FollowersDay[];
  scans: ScansDay[];
  favourites: FavouritesDay[];
  orders: OrdersDay[];
  fulfilment: FulfilmentDay[];
  "store-conversion": StoreConversion[];
  "guide-conversion": GuideConversion[];
  "guide-leaderboard": LeaderboardRow[];
  transfers: TransfersDay[];
};

/** One chart's rows (what the CSV export returns). */
export async function chartRows<C extends ChartId>(chart: C, scope: DashboardScope): Promise<ChartRows[C]> {
  const load: { [K in ChartId]: () => Promise<ChartRows[K]> } = {
    followers: () => followersByDay(scope),
    scans: () => scansByDay(scope),
    favourites: () => favouritesByDay(scope),
    orders: async () => (await ordersByDay(scope)).orders,
    fulfilment: async () => (await ordersByDay(scope)).fulfilment,
    "store-conversion": () => conversionByStore(scope),
    "guide-conversion": () => conversionByGuide(scope),
    "guide-leaderboard": () => guideLeaderboard(scope),
    transfers: () => transfersByDay(scope),
  };
  return load[chart]() as Promise<ChartRows[C]>;
}

export type Dashboard = { headline: Headline } & ChartRows;

/** Everything the dashboards page shows, queried in parallel. */
export async function loadDashboard(scope: DashboardScope): Promise<Dashboard> {
  const [head, followers, scans, favourites, orders, stores, guides, leaderboard, transfers] = await Promise.all([
    headline(scope),
    followersByDay(scope),
    scansByDay(scope),
    favouritesByDay(scope),
    ordersByDay(scope),
    conversionByStore(scope),
    conversionByGuide(scope),
    guideLeaderboard(scope),
    transfersByDay(scope),
  ]);
  return {
    headline: head,
    followers,
    scans,
    favourites,
    orders: orders.orders,
    fulfilment: orders.fulfilment,
    "store-conversion": stores,
    "guide-conversion": guides,
    "guide-leaderboard": leaderboard,
    transfers,
  };
}
