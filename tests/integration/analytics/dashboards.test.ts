import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseDashboardQuery, type DashboardQuery } from "@/lib/analytics/filters";
import { CHARTS, dashboardScope, loadDashboard, type Dashboard, type DashboardScope } from "@/lib/analytics/queries";
import { CHART_COLUMNS } from "@/lib/analytics/csv";
import { exportChart } from "@/lib/analytics/export";
import { guideSceneCode } from "@/lib/guides/scene";
import type { Principal } from "@/lib/auth/policy";

// Every dashboard figure against an independent count: rows read with Prisma and counted here in JS (the Shanghai
// day computed by Date arithmetic, not SQL), for the whole brand, one store, one city and a shorter period.
// The seed has no scans, orders or favourites, so this file adds its own in a past fortnight of June 2025 (plus the
// seeded members who joined then) and removes them afterwards.

const RUN = crypto.randomUUID().slice(0, 8);
const at = (iso: string) => new Date(iso);
const DAY0 = "2025-06-01";
const DAY_LAST = "2025-06-14";

const made = { scans: [] as string[], members: [] as string[], orders: [] as string[], transfers: [] as string[], commission: [] as string[] };

type Fixture = {
  lumiId: string;
  nordId: string;
  sh01: { id: string; code: string; city: string };
  bj01: { id: string; code: string; city: string };
  guideId: string;
  bjGuideId: string;
};
let fx: Fixture;

async function scan(sceneId: string, createdAt: string) {
  const row = await db.sceneScan.create({ data: { sceneId, inWechat: true, userAgent: `analytics-test ${RUN}`, createdAt: at(createdAt) } });
  made.scans.push(row.id);
}

async function member(brandIds: string[], joinedAt: string) {
  const m = await db.member.create({ data: { phone: `170${String(crypto.randomInt(10_000_000, 99_999_999))}`, nickname: `看板${RUN}` } });
  made.members.push(m.id);
  for (const brandId of brandIds) await db.memberBrand.create({ data: { memberId: m.id, brandId, joinedAt: at(joinedAt) } });
  return m.id;
}

type OrderSpec = {
  brandId?: string;
  memberId: string;
  fulfilment: "PICKUP" | "DELIVERY" | "COUNTER";
  status: "PLACED" | "PAID" | "COMPLETED" | "REFUNDED" | "CANCELLED" | "PARTIALLY_REFUNDED" | "READY_FOR_PICKUP" | "SHIPPED";
  storeId: string | null;
  lineStores: string[];
  createdAt: string;
  guideId?: string;
  totalFen?: number;
  refundedFen?: number;
};

async function order(spec: OrderSpec, sku: { id: string }) {
  const paid = !["PLACED", "CANCELLED"].includes(spec.status);
  const total = spec.totalFen ?? 19_900;
  const o = await db.order.create({
    data: {
      number: `9${String(crypto.randomInt(100_000_000_000, 999_999_999_999))}`,
      brandId: spec.brandId ?? fx.lumiId,
      memberId: spec.memberId,
      fulfilment: spec.fulfilment,
      status: spec.status,
      paymentMethod: "ONLINE",
      storeId: spec.storeId,
      guideId: spec.guideId ?? null,
      itemsFen: total,
      totalFen: total,
      refundedFen: spec.refundedFen ?? (spec.status === "REFUNDED" ? total : 0),
      idempotencyKey: crypto.randomUUID(),
      requestHash: "analytics-test",
      paidAt: paid ? at(spec.createdAt) : null,
      createdAt: at(spec.createdAt),
      lines: { create: spec.lineStores.map((storeId) => ({ skuId: sku.id, storeId, quantity: 1, unitPriceFen: total, styleCode: "T", productName: "看板测试", colorName: "黑", size: "M" })) },
    },
  });
  made.orders.push(o.id);
  return o.id;
}

beforeAll(async () => {
  const [lumi, nord] = await Promise.all([db.brand.findUniqueOrThrow({ where: { slug: "lumi" } }), db.brand.findUniqueOrThrow({ where: { slug: "nord" } })]);
  const store = (brandId: string, code: string) => db.store.findUniqueOrThrow({ where: { brandId_code: { brandId, code } }, select: { id: true, code: true, city: true } });
  const [sh01, bj01, nordSh01] = await Promise.all([store(lumi.id, "SH01"), store(lumi.id, "BJ01"), store(nord.id, "SH01")]);
  const [guide, bjGuide] = await Promise.all([
    db.staff.findUniqueOrThrow({ where: { username: "lumi.sh01.guide" } }),
    db.staff.findUniqueOrThrow({ where: { username: "lumi.bj01.guide" } }),
  ]);
  fx = { lumiId: lumi.id, nordId: nord.id, sh01, bj01, guideId: guide.id, bjGuideId: bjGuide.id };

  // Scenes: SH01's poster, a tag printed for SH01, a generic tag (no store), BJ01's poster, SH01's guide's code,
  // and NORD's SH01 poster (another brand: never counted for LUMI).
  const scene = (where: object) => db.qrScene.findFirstOrThrow({ where, select: { id: true } });
  await guideSceneCode(guide.id);
  const [shPoster, shTag, genericTag, bjPoster, guideCode, nordPoster] = await Promise.all([
    scene({ brandId: lumi.id, kind: "STORE", storeId: sh01.id }),
    scene({ brandId: lumi.id, kind: "PRODUCT", storeId: sh01.id }),
    scene({ brandId: lumi.id, kind: "PRODUCT", storeId: null }),
    scene({ brandId: lumi.id, kind: "STORE", storeId: bj01.id }),
    scene({ brandId: lumi.id, kind: "GUIDE", targetId: guide.id }),
    scene({ brandId: nord.id, kind: "STORE", storeId: nordSh01.id }),
  ]);
  // 15:59 UTC is still the 3rd in Shanghai; 16:00 UTC is the 4th.
  for (const [sceneId, when] of [
    [shPoster.id, "2025-06-03T15:59:00Z"],
    [shPoster.id, "2025-06-03T16:00:00Z"],
    [shTag.id, "2025-06-04T02:00:00Z"],
    [shTag.id, "2025-06-04T03:00:00Z"],
    [genericTag.id, "2025-06-05T08:00:00Z"],
    [bjPoster.id, "2025-06-06T08:00:00Z"],
    [guideCode.id, "2025-06-04T06:00:00Z"],
    [guideCode.id, "2025-06-04T06:30:00Z"],
    [guideCode.id, "2025-06-10T06:30:00Z"],
    [nordPoster.id, "2025-06-04T06:00:00Z"],
    [shPoster.id, "2025-05-31T15:59:00Z"], // 31 May in Shanghai: before the period
    [shPoster.id, "2025-06-14T16:00:00Z"], // 15 June in Shanghai: after it
  ] as const) {
    await scan(sceneId, when);
  }

  // Members joining LUMI in the period (and one joining NORD only).
  const a = await member([lumi.id], "2025-06-02T10:00:00Z");
  const b = await member([lumi.id, nord.id], "2025-06-03T17:00:00Z");
  const c = await member([lumi.id], "2025-06-09T01:00:00Z");
  const d = await member([nord.id], "2025-06-09T01:00:00Z");
  const e = await member([], "2025-06-09T01:00:00Z"); // favourites a LUMI product but never joined LUMI

  const products = await db.product.findMany({ where: { brandId: lumi.id }, select: { id: true }, take: 4, orderBy: { styleCode: "asc" } });
  const nordProduct = await db.product.findFirstOrThrow({ where: { brandId: nord.id }, select: { id: true } });
  const fav = (memberId: string, productId: string, storeId: string | null, createdAt: string) => db.favourite.create({ data: { memberId, productId, storeId, createdAt: at(createdAt) } });
  await fav(a, products[0]!.id, sh01.id, "2025-06-03T04:00:00Z");
  await fav(a, products[1]!.id, null, "2025-06-03T05:00:00Z");
  await fav(b, products[0]!.id, bj01.id, "2025-06-06T05:00:00Z");
  await fav(c, products[2]!.id, sh01.id, "2025-06-12T16:30:00Z");
  await fav(d, nordProduct.id, null, "2025-06-05T05:00:00Z");
  await fav(e, products[3]!.id, sh01.id, "2025-06-05T05:00:00Z");

  const sku = await db.sku.findFirstOrThrow({ where: { product: { brandId: lumi.id } }, select: { id: true } });
  const nordSku = await db.sku.findFirstOrThrow({ where: { product: { brandId: nord.id } }, select: { id: true } });
  const guideOrders = [
    await order({ memberId: a, fulfilment: "PICKUP", status: "COMPLETED", storeId: sh01.id, lineStores: [sh01.id], createdAt: "2025-06-04T07:00:00Z", guideId: guide.id, totalFen: 30_000 }, sku),
    await order({ memberId: b, fulfilment: "COUNTER", status: "PARTIALLY_REFUNDED", storeId: sh01.id, lineStores: [sh01.id], createdAt: "2025-06-04T08:00:00Z", guideId: guide.id, totalFen: 20_000, refundedFen: 5_000 }, sku),
    await order({ memberId: a, fulfilment: "PICKUP", status: "REFUNDED", storeId: sh01.id, lineStores: [sh01.id], createdAt: "2025-06-05T07:00:00Z", guideId: guide.id }, sku),
  ];
  await order({ memberId: c, fulfilment: "DELIVERY", status: "SHIPPED", storeId: null, lineStores: [bj01.id], createdAt: "2025-06-06T07:00:00Z", guideId: bjGuide.id }, sku);
  await order({ memberId: c, fulfilment: "DELIVERY", status: "PAID", storeId: null, lineStores: [sh01.id, bj01.id], createdAt: "2025-06-07T07:00:00Z" }, sku);
  await order({ memberId: b, fulfilment: "PICKUP", status: "CANCELLED", storeId: bj01.id, lineStores: [bj01.id], createdAt: "2025-06-07T08:00:00Z" }, sku);
  await order({ memberId: a, fulfilment: "PICKUP", status: "PLACED", storeId: sh01.id, lineStores: [sh01.id], createdAt: "2025-06-13T20:00:00Z" }, sku);
  await order({ memberId: c, fulfilment: "COUNTER", status: "READY_FOR_PICKUP", storeId: bj01.id, lineStores: [bj01.id], createdAt: "2025-06-11T02:00:00Z" }, sku);
  await order({ brandId: nord.id, memberId: b, fulfilment: "PICKUP", status: "COMPLETED", storeId: nordSh01.id, lineStores: [nordSh01.id], createdAt: "2025-06-04T07:00:00Z" }, nordSku);

  // The guide's commission on their orders: earned on two, one of them reversed in part.
  for (const [orderId, kind, amountFen] of [[guideOrders[0]!, "EARN", 900], [guideOrders[1]!, "EARN", 600], [guideOrders[1]!, "REVERSAL", -150]] as const) {
    const row = await db.commissionEntry.create({ data: { brandId: lumi.id, staffId: guide.id, orderId, level: 0, kind, amountFen, status: "PENDING", dedupeKey: `analytics:${RUN}:${crypto.randomUUID()}` } });
    made.commission.push(row.id);
  }

  // Stock-outs (a customer named): two asked at BJ01 (one approved and received, one refused), one at SH01 still
  // open. Plus two plain restocks (no customer), which the transfers chart does not count.
  const transfer = async (toStoreId: string, fromStoreId: string, memberId: string | null, requestedAt: string, extra: object) => {
    const t = await db.transfer.create({ data: { brandId: lumi.id, skuId: sku.id, quantity: 1, fromStoreId, toStoreId, memberId, requestedById: bjGuide.id, requestedAt: at(requestedAt), ...extra } });
    made.transfers.push(t.id);
  };
  await transfer(bj01.id, sh01.id, c, "2025-06-05T03:00:00Z", { status: "RECEIVED", approvedAt: at("2025-06-05T05:00:00Z"), receivedAt: at("2025-06-08T05:00:00Z"), endedAt: at("2025-06-08T05:00:00Z") });
  await transfer(bj01.id, sh01.id, b, "2025-06-05T04:00:00Z", { status: "REFUSED", endedAt: at("2025-06-05T06:00:00Z") });
  await transfer(sh01.id, bj01.id, a, "2025-06-09T04:00:00Z", { status: "REQUESTED" });
  await transfer(sh01.id, bj01.id, null, "2025-06-09T05:00:00Z", { status: "RECEIVED", approvedAt: at("2025-06-09T06:00:00Z"), receivedAt: at("2025-06-10T06:00:00Z"), endedAt: at("2025-06-10T06:00:00Z") });
  await transfer(bj01.id, sh01.id, null, "2025-06-05T05:00:00Z", { status: "REQUESTED" });
});

afterAll(async () => {
  await db.commissionEntry.deleteMany({ where: { id: { in: made.commission } } });
  await db.order.deleteMany({ where: { id: { in: made.orders } } });
  await db.transfer.deleteMany({ where: { id: { in: made.transfers } } });
  await db.sceneScan.deleteMany({ where: { id: { in: made.scans } } });
  await db.member.deleteMany({ where: { id: { in: made.members } } });
});

// ---- The independent counts -------------------------------------------------------------------------------------

const shDay = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, "0")}-${String(local.getUTCDate()).padStart(2, "0")}`;
};
const VALID = new Set(["PAID", "READY_FOR_PICKUP", "SHIPPED", "COMPLETED", "PARTIALLY_REFUNDED"]);

async function expected(scope: DashboardScope) {
  const { brandId, storeIds, period } = scope;
  const inPeriod = (d: Date) => shDay(d) >= period.from && shDay(d) <= period.to;
  const inStores = (id: string | null) => storeIds === null || (id !== null && storeIds.includes(id));
  const count = <T>(rows: T[], on: (r: T) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(on(r), (m.get(on(r)) ?? 0) + 1);
    return m;
  };

  const members = await db.memberBrand.findMany({ where: { brandId }, select: { memberId: true, joinedAt: true } });
  const scans = (await db.sceneScan.findMany({ where: { scene: { brandId } }, select: { createdAt: true, scene: { select: { kind: true, storeId: true, targetId: true } } } })).filter(
    (s) => inPeriod(s.createdAt),
  );
  const favourites = (await db.favourite.findMany({ where: { product: { brandId } }, select: { memberId: true, storeId: true, createdAt: true } })).filter((f) => inPeriod(f.createdAt) && inStores(f.storeId));
  const allOrders = (await db.order.findMany({ where: { brandId }, select: { id: true, memberId: true, status: true, paidAt: true, storeId: true, fulfilment: true, totalFen: true, refundedFen: true, guideId: true, createdAt: true, lines: { select: { storeId: true } } } })).filter(
    (o) => inPeriod(o.createdAt),
  );
  const orderStores = (o: (typeof allOrders)[number]) => (o.storeId ? [o.storeId] : [...new Set(o.lines.map((l) => l.storeId))]);
  const orders = allOrders.filter((o) => storeIds === null || orderStores(o).some((s) => storeIds.includes(s)));
  const valid = orders.filter((o) => VALID.has(o.status) && o.paidAt !== null);
  // Stock-outs that became transfers: only those asked for a customer (memberId set), never plain restocks.
  const transfers = (await db.transfer.findMany({ where: { brandId, memberId: { not: null } }, select: { toStoreId: true, requestedAt: true, approvedAt: true, receivedAt: true, status: true } })).filter(
    (t) => inPeriod(t.requestedAt) && inStores(t.toStoreId),
  );
  const memberIds = new Set(members.map((m) => m.memberId));
  const active = new Set([...favourites.map((f) => f.memberId), ...orders.map((o) => o.memberId)].filter((id) => memberIds.has(id)));

  const joinedBy = (day: string) => members.filter((m) => shDay(m.joinedAt) <= day).length;
  const joinedOn = count(members, (m) => shDay(m.joinedAt));
  const storeScans = scans.filter((s) => inStores(s.scene.storeId));
  const scansOn = (d: string, kind?: string) => storeScans.filter((s) => shDay(s.createdAt) === d && (!kind || s.scene.kind === kind)).length;

  const stores = await db.store.findMany({ where: { brandId, ...(storeIds ? { id: { in: storeIds } } : {}) }, select: { id: true, code: true } });
  const storeRows = stores
    .map((st) => ({
      storeCode: st.code,
      scans: scans.filter((s) => s.scene.storeId === st.id).length,
      validOrders: allOrders.filter((o) => VALID.has(o.status) && o.paidAt && orderStores(o).includes(st.id)).length,
    }))
    .filter((r) => r.scans > 0 || r.validOrders > 0);

  const staff = await db.staff.findMany({ where: { brandId, storeId: storeIds ? { in: storeIds } : { not: null } }, select: { id: true, username: true } });
  const commission = await db.commissionEntry.findMany({ where: { brandId, staffId: { not: null }, kind: { in: ["EARN", "REVERSAL"] } }, select: { staffId: true, amountFen: true, order: { select: { createdAt: true } } } });
  const guideRows = staff
    .map((g) => {
      const credited = allOrders.filter((o) => o.guideId === g.id && VALID.has(o.status) && o.paidAt);
      const own = commission.filter((e) => e.staffId === g.id && e.order && inPeriod(e.order.createdAt));
      return {
        username: g.username,
        scans: scans.filter((s) => s.scene.kind === "GUIDE" && s.scene.targetId === g.id).length,
        validOrders: credited.length,
        salesFen: credited.reduce((sum, o) => sum + o.totalFen - o.refundedFen, 0),
        commissionFen: own.reduce((sum, e) => sum + e.amountFen, 0),
        any: own.length > 0,
      };
    })
    .filter((r) => r.scans > 0 || r.validOrders > 0 || r.any);

  return {
    headline: { activeFollowers: active.size, favourites: favourites.length, validOrders: valid.length },
    /** Who the active followers are and which orders are valid: a set of stores counts each once. */
    activeMembers: [...active].sort(),
    validOrderIds: valid.map((o) => o.id).sort(),
    followers: period.days.map((d) => ({ day: d, newFollowers: joinedOn.get(d) ?? 0, followers: joinedBy(d) })),
    scans: period.days.map((d) => ({ day: d, PRODUCT: scansOn(d, "PRODUCT"), STORE: scansOn(d, "STORE"), GUIDE: scansOn(d, "GUIDE"), CATALOG: scansOn(d, "CATALOG"), total: scansOn(d) })),
    favourites: period.days.map((d) => ({ day: d, favourites: favourites.filter((f) => shDay(f.createdAt) === d).length })),
    orders: period.days.map((d) => {
      const on = orders.filter((o) => shDay(o.createdAt) === d);
      const ok = on.filter((o) => valid.includes(o));
      return { day: d, orders: on.length, validOrders: ok.length, salesFen: ok.reduce((s, o) => s + o.totalFen - o.refundedFen, 0) };
    }),
    fulfilment: period.days.map((d) => {
      const ok = valid.filter((o) => shDay(o.createdAt) === d);
      return { day: d, PICKUP: ok.filter((o) => o.fulfilment === "PICKUP").length, DELIVERY: ok.filter((o) => o.fulfilment === "DELIVERY").length, COUNTER: ok.filter((o) => o.fulfilment === "COUNTER").length };
    }),
    stores: storeRows,
    guides: guideRows,
    transfers: period.days.map((d) => {
      const on = transfers.filter((t) => shDay(t.requestedAt) === d);
      return { day: d, requested: on.length, approved: on.filter((t) => t.approvedAt).length, received: on.filter((t) => t.receivedAt).length, refused: on.filter((t) => t.status === "REFUSED").length };
    }),
  };
}

async function scopeOf(query: Record<string, string | string[] | undefined>): Promise<DashboardScope> {
  const parsed = parseDashboardQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return dashboardScope(fx.lumiId, parsed.query as DashboardQuery, parsed.period);
}

const sortBy = <T extends Record<string, unknown>>(rows: T[], key: keyof T) => [...rows].sort((x, y) => String(x[key]).localeCompare(String(y[key])));

function expectMatches(got: Dashboard, want: Awaited<ReturnType<typeof expected>>) {
  expect(got.headline).toEqual(want.headline);
  expect(got.followers).toEqual(want.followers);
  expect(got.scans).toEqual(want.scans);
  expect(got.favourites).toEqual(want.favourites);
  expect(got.orders).toEqual(want.orders);
  expect(got.fulfilment).toEqual(want.fulfilment);
  expect(got.transfers).toEqual(want.transfers);
  expect(sortBy(got["store-conversion"].map(({ storeCode, scans, validOrders }) => ({ storeCode, scans, validOrders })), "storeCode")).toEqual(sortBy(want.stores, "storeCode"));
  for (const s of got["store-conversion"]) expect(s.conversion).toBe(s.scans > 0 ? Math.round((s.validOrders / s.scans) * 10_000) / 10_000 : null);
  expect(sortBy(got["guide-conversion"].map(({ username, scans, validOrders }) => ({ username, scans, validOrders })), "username")).toEqual(
    sortBy(want.guides.map(({ username, scans, validOrders }) => ({ username, scans, validOrders })), "username"),
  );
  const top = want.guides.slice().sort((x, y) => y.validOrders - x.validOrders || y.salesFen - x.salesFen || y.commissionFen - x.commissionFen || (x.username < y.username ? -1 : 1)).slice(0, 20);
  expect(got["guide-leaderboard"].map(({ username, validOrders, salesFen, commissionFen }) => ({ username, validOrders, salesFen, commissionFen }))).toEqual(
    top.map(({ username, validOrders, salesFen, commissionFen }) => ({ username, validOrders, salesFen, commissionFen })),
  );
}

describe("dashboard figures equal independent counts", () => {
  it("whole brand, the fortnight: figures are not trivially zero and each equals its count", async () => {
    const scope = await scopeOf({ from: DAY0, to: DAY_LAST });
    const got = await loadDashboard(scope);
    expectMatches(got, await expected(scope));
    // What this file made, so the comparison is not between two zeros.
    expect(got.headline.validOrders).toBeGreaterThanOrEqual(5);
    expect(got.headline.favourites).toBeGreaterThanOrEqual(5); // e's favourite counts; d's NORD favourite does not
    expect(got.headline.activeFollowers).toBeGreaterThanOrEqual(3); // a, b, c; e never joined LUMI
    expect(got.scans.find((d) => d.day === "2025-06-03")!.STORE).toBeGreaterThanOrEqual(1);
    expect(got.scans.find((d) => d.day === "2025-06-04")!.GUIDE).toBeGreaterThanOrEqual(2);
    expect(got.scans.reduce((s, d) => s + d.total, 0)).toBeGreaterThanOrEqual(9);
    expect(got.followers.reduce((s, d) => s + d.newFollowers, 0)).toBeGreaterThanOrEqual(3);
    expect(got.transfers.reduce((s, d) => s + d.requested, 0)).toBeGreaterThanOrEqual(3);
    const sh = got["guide-leaderboard"].find((g) => g.username === "lumi.sh01.guide")!;
    expect(sh.validOrders).toBeGreaterThanOrEqual(2);
    expect(sh.commissionFen).toBeGreaterThanOrEqual(1350);
  });

  it("one store (SH01): only its scenes, favourites, orders (delivery by shipping store) and stock-outs", async () => {
    const scope = await scopeOf({ from: DAY0, to: DAY_LAST, store: "SH01" });
    expect(scope.storeIds).toEqual([fx.sh01.id]);
    const got = await loadDashboard(scope);
    expectMatches(got, await expected(scope));
    const whole = await loadDashboard(await scopeOf({ from: DAY0, to: DAY_LAST }));
    expect(got.headline.validOrders).toBeLessThan(whole.headline.validOrders);
    expect(got.scans.reduce((s, d) => s + d.PRODUCT, 0)).toBeLessThan(whole.scans.reduce((s, d) => s + d.PRODUCT, 0)); // the generic tag is brand-wide only
  });

  it("a set of stores (SH01 + BJ01): per-row figures add up, active followers and orders are the union", async () => {
    const both = await scopeOf({ from: DAY0, to: DAY_LAST, store: ["SH01", "BJ01"] });
    expect([...both.storeIds!].sort()).toEqual([fx.sh01.id, fx.bj01.id].sort());
    const got = await loadDashboard(both);
    expectMatches(got, await expected(both));
    const [sh, bj] = await Promise.all([scopeOf({ from: DAY0, to: DAY_LAST, store: "SH01" }), scopeOf({ from: DAY0, to: DAY_LAST, store: "BJ01" })]);
    const [wantSh, wantBj] = await Promise.all([expected(sh), expected(bj)]);
    // Favourites, scans and stock-outs each belong to one store: the set's figure is the sum of its stores'.
    expect(got.headline.favourites).toBe(wantSh.headline.favourites + wantBj.headline.favourites);
    got.scans.forEach((d, i) => expect(d.total).toBe(wantSh.scans[i]!.total + wantBj.scans[i]!.total));
    got.transfers.forEach((d, i) => expect(d.requested).toBe(wantSh.transfers[i]!.requested + wantBj.transfers[i]!.requested));
    // A member active at both stores (c) is one active follower; an order shipping from both is one valid order.
    const union = (x: string[], y: string[]) => new Set([...x, ...y]).size;
    expect(got.headline.activeFollowers).toBe(union(wantSh.activeMembers, wantBj.activeMembers));
    expect(got.headline.activeFollowers).toBeLessThan(wantSh.headline.activeFollowers + wantBj.headline.activeFollowers);
    expect(got.headline.validOrders).toBe(union(wantSh.validOrderIds, wantBj.validOrderIds));
    expect(got.headline.validOrders).toBeLessThan(wantSh.headline.validOrders + wantBj.headline.validOrders);
    // The same set given as one comma-separated field, repeated or in another case, is the same selection.
    const again = await scopeOf({ from: DAY0, to: DAY_LAST, store: "bj01,SH01" });
    expect([...again.storeIds!].sort()).toEqual([...both.storeIds!].sort());
  });

  it("restocks (no customer named) are not stock-outs: the transfers chart leaves them out", async () => {
    const scope = await scopeOf({ from: DAY0, to: DAY_LAST });
    const got = await loadDashboard(scope);
    const requested = got.transfers.reduce((s, d) => s + d.requested, 0);
    const mine = await db.transfer.findMany({ where: { id: { in: made.transfers } }, select: { memberId: true } });
    expect(mine.filter((t) => t.memberId === null)).toHaveLength(2);
    const all = await db.transfer.count({ where: { brandId: fx.lumiId, requestedAt: { gte: scope.period.start, lt: scope.period.end } } });
    const demand = await db.transfer.count({ where: { brandId: fx.lumiId, memberId: { not: null }, requestedAt: { gte: scope.period.start, lt: scope.period.end } } });
    expect(requested).toBe(demand);
    expect(requested).toBe(all - 2);
  });

  it("one city and a shorter period (3–7 June, day boundaries in Shanghai time)", async () => {
    const scope = await scopeOf({ from: "2025-06-03", to: "2025-06-07", city: fx.bj01.city });
    expect(scope.storeIds).toContain(fx.bj01.id);
    expect(scope.storeIds).not.toContain(fx.sh01.id);
    expectMatches(await loadDashboard(scope), await expected(scope));
    const shanghai = await scopeOf({ from: "2025-06-04", to: "2025-06-04", city: fx.sh01.city });
    const got = await loadDashboard(shanghai);
    expectMatches(got, await expected(shanghai));
    expect(got.scans).toHaveLength(1);
  });

  it("the default period is the last 30 Shanghai days up to today", () => {
    const parsed = parseDashboardQuery({}, new Date("2026-11-23T16:30:00Z"));
    expect(parsed).toMatchObject({ ok: true, period: { from: "2026-10-26", to: "2026-11-24" } });
  });
});

describe("filters that cannot be honoured are refused", () => {
  it("a store code of another brand only, a store outside the chosen city, a reversed or over-long period", async () => {
    const lumiCodes = new Set((await db.store.findMany({ where: { brandId: fx.lumiId }, select: { code: true } })).map((s) => s.code));
    const nordOnly = (await db.store.findMany({ where: { brandId: fx.nordId }, select: { code: true } })).map((s) => s.code).find((code) => !lumiCodes.has(code)) ?? "ZZ99";
    await expect(scopeOf({ store: nordOnly })).rejects.toThrow("该品牌没有这个门店 / This brand has no such store");
    // One unknown code in a set refuses the whole set (never silently narrowed to the known ones).
    await expect(scopeOf({ store: ["SH01", nordOnly] })).rejects.toThrow(`该品牌没有这个门店 / This brand has no such store (${nordOnly})`);
    await expect(scopeOf({ store: ["SH01", "BJ01"], city: fx.sh01.city })).rejects.toThrow("门店不在所选城市 / The store is not in the chosen city");
    await expect(scopeOf({ store: "SH01", city: fx.bj01.city })).rejects.toThrow("门店不在所选城市 / The store is not in the chosen city");
    expect(parseDashboardQuery({ from: "2025-06-10", to: "2025-06-01" })).toEqual({ ok: false, message: "开始日期晚于结束日期 / The start date is after the end date" });
    expect(parseDashboardQuery({ from: "2024-01-01", to: "2025-06-01" })).toEqual({ ok: false, message: "时间范围最长 366 天 / The period is at most 366 days" });
    expect(parseDashboardQuery({ from: "2025-02-30" })).toMatchObject({ ok: false, message: "不是有效日期 / Not a valid date" });
    expect(parseDashboardQuery({ store: "SH01;DROP" })).toMatchObject({ ok: false, message: "门店编号无效 / Not a valid store code" });
  });

  it("NORD's SH01 never appears in LUMI's SH01 figures", async () => {
    const got = await loadDashboard(await scopeOf({ from: "2025-06-04", to: "2025-06-04", store: "SH01" }));
    // On the 4th: SH01's poster (16:00 UTC on the 3rd), two SH01 tags, two guide scans; NORD's poster scan is not LUMI's.
    const nordScans = await db.sceneScan.count({ where: { id: { in: made.scans }, scene: { brandId: fx.nordId } } });
    expect(nordScans).toBe(1);
    const want = await expected(await scopeOf({ from: "2025-06-04", to: "2025-06-04", store: "SH01" }));
    expect(got.scans).toEqual(want.scans);
  });
});

describe("CSV export", () => {
  const lumiAdmin = async (): Promise<Principal> => {
    const s = await db.staff.findUniqueOrThrow({ where: { username: "lumi.admin" } });
    return { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
  };

  it("every chart: BOM, the header row, then exactly the chart's rows", async () => {
    const principal = await lumiAdmin();
    for (const filters of [{ from: DAY0, to: DAY_LAST }, { from: DAY0, to: DAY_LAST, store: "SH01" }, { from: DAY0, to: DAY_LAST, store: ["SH01", "BJ01"] }]) {
      const dashboard = await loadDashboard(await scopeOf(filters));
      for (const chart of CHARTS) {
        const result = await exportChart(principal, chart, filters);
        if (!result.ok) throw new Error(result.error);
        expect(result.csv.startsWith("\uFEFF")).toBe(true);
        expect(result.fileName).toBe(`lumi-${chart}-${DAY0}-${DAY_LAST}.csv`);
        const [header, ...rows] = parse(result.csv.slice(1)) as string[][];
        const columns = CHART_COLUMNS[chart] as string[];
        expect(header).toEqual(columns);
        const data = dashboard[chart] as Record<string, unknown>[];
        expect(rows).toEqual(data.map((r) => columns.map((c) => (r[c] === null ? "" : String(r[c])))));
        expect(rows.length).toBeGreaterThan(0);
      }
    }
  });

  it("another brand's admin naming LUMI is refused; bad filters are a 400 with the reason; unknown chart 404", async () => {
    const nord = await db.staff.findUniqueOrThrow({ where: { username: "nord.admin" } });
    const nordAdmin: Principal = { kind: "staff", staffId: nord.id, role: nord.role, brandId: nord.brandId, storeId: nord.storeId };
    expect(await exportChart(nordAdmin, "orders", { brand: "lumi" })).toEqual({ ok: false, status: 403, error: "forbidden" });
    expect(await exportChart({ kind: "anonymous" }, "orders", {})).toMatchObject({ ok: false, status: 401 });
    const guide = await db.staff.findUniqueOrThrow({ where: { username: "lumi.sh01.manager" } });
    expect(await exportChart({ kind: "staff", staffId: guide.id, role: guide.role, brandId: guide.brandId, storeId: guide.storeId }, "orders", {})).toMatchObject({ ok: false, status: 403 });
    const principal = await lumiAdmin();
    expect(await exportChart(principal, "nothing", {})).toMatchObject({ ok: false, status: 404 });
    expect(await exportChart(principal, "orders", { from: "2025-06-10", to: "2025-06-01" })).toEqual({ ok: false, status: 400, error: "开始日期晚于结束日期 / The start date is after the end date" });
    expect(await exportChart(principal, "orders", { store: "XX77" })).toEqual({ ok: false, status: 400, error: "该品牌没有这个门店 / This brand has no such store (XX77)" });
    // Without ?brand= a brand admin gets their own brand's figures.
    const own = await exportChart(principal, "favourites", { from: DAY0, to: DAY_LAST });
    expect(own).toMatchObject({ ok: true, fileName: `lumi-favourites-${DAY0}-${DAY_LAST}.csv` });
  });
});
