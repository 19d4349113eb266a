import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { onPostgres } from "@/lib/db/dialect";
import { bindShopperToGuide } from "@/lib/attribution/binding";
import type { Principal } from "@/lib/auth/policy";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { setMemberFavourite } from "@/lib/favourites/service";
import { guideSceneCode } from "@/lib/guides/scene";
import { findOrCreateMemberByPhone } from "@/lib/members/identity";
import { OrderRefused } from "@/lib/orders/errors";
import { cancelOrder, confirmCashierPayment, confirmReceived, handOver, markReadyForPickup, shipStoreLines } from "@/lib/orders/fulfilment";
import { confirmSandboxPayment, startPayment } from "@/lib/orders/payment";
import { pickupCodeFor } from "@/lib/orders/pickup-code";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/placement";
import { returnOrderLines } from "@/lib/orders/refunds";
import type { StaffActor } from "@/lib/orders/staff-actor";
import { createSandboxProvider } from "@/lib/payments";
import { approveTransfer, cancelTransfer, proposeSources, receiveTransfer, refuseTransfer, requestTransfer, shipTransfer } from "@/lib/transfers/service";
import { TransferRefused } from "@/lib/transfers/errors";
import { prng } from "./prng";

// Demo ACTIVITY on top of the demo seed (`npm run db:demo-activity`; `npm run setup` runs it after seeding an
// empty database unless DEMO_ACTIVITY=off): QR scans, new members, favourites, orders through their whole life
// and stock-out transfers, so a fresh install's dashboards show figures. Everything that changes stock, money,
// commission or attribution goes through the real domain functions with their `now` set to a moment of the
// last ACTIVITY_DAYS days BEFORE THE RUN (so the dashboards' default "last 30 days" always shows half of it);
// rows those functions date with the database's clock (member joins, favourites, payments, refunds) are
// re-dated afterwards, one UPDATE per table. The shape is fixed (a seeded PRNG over the seeded catalog); order
// numbers, ids and dates differ per run. The seed itself (prisma/seed.ts) stays activity-free: tests rely on it.

export const ACTIVITY_DAYS = 60;
/** Every demo order's idempotency key starts with this: the marker that the activity already ran. */
export const ACTIVITY_KEY_PREFIX = "demo-activity-";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const ACTIVITY_PLAN = {
  newMembersPerBrand: 45,
  favouritesPerBrand: 90,
  ordersPerBrand: 160,
  transfersPerBrand: 8,
  /** Scans per day and brand (before the PRNG's spread): generic product tags, store-tagged products, store posters, guides' codes. */
  scansPerDay: { product: 30, taggedProduct: 10, store: 14, guide: 3 },
} as const;

export class ActivityRefused extends Error {}

type Rng = ReturnType<typeof prng>;

export type ActivitySummary = {
  ms: number;
  scans: number;
  newMembers: number;
  bindings: number;
  favourites: number;
  orders: Record<string, number>;
  skippedOrders: number;
  transfers: Record<string, number>;
};

type Brand = { id: string; slug: string };
type StoreRow = { id: string; code: string; city: string; lat: number; lng: number; safetyStock: number; pickupEnabled: boolean; kind: string; active: boolean };
type Staff = { id: string; storeId: string | null; role: StaffRole; brandId: string | null };

/** The activity already ran on this database when one of its orders is there. */
export async function activityAlreadyRan(): Promise<boolean> {
  return (await db.order.count({ where: { idempotencyKey: { startsWith: ACTIVITY_KEY_PREFIX } } })) > 0;
}

/** Adds the demo activity to a seeded database, dated over the ACTIVITY_DAYS days before `now`. */
export async function addDemoActivity(now = new Date()): Promise<ActivitySummary> {
  const started = performance.now();
  const brands = await db.brand.findMany({ where: { slug: { in: ["lumi", "nord"] } }, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  if (brands.length === 0) throw new ActivityRefused("数据库没有演示品牌，请先运行 npm run db:seed / The database has no demo brands: run npm run db:seed first");
  if (await activityAlreadyRan()) {
    throw new ActivityRefused("演示活动数据已存在，未重复添加 / The demo activity is already in this database; nothing was added (it runs once per database)");
  }
  const summary: ActivitySummary = { ms: 0, scans: 0, newMembers: 0, bindings: 0, favourites: 0, orders: {}, skippedOrders: 0, transfers: {} };
  // Instants are whole minutes, the last one a few minutes before the run: nothing is dated in the future.
  const end = Math.floor(now.getTime() / MINUTE) * MINUTE - 5 * MINUTE;
  const start = end - ACTIVITY_DAYS * DAY;
  const redate = { joins: [] as { id: string; memberId: string; at: Date }[], favourites: [] as { id: string; at: Date }[] };
  for (const [i, brand] of brands.entries()) {
    const rng = prng(20261123 + i);
    await brandActivity(brand, rng, start, end, summary, redate);
  }
  await redateRows(redate, start);
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

async function brandActivity(brand: Brand, rng: Rng, start: number, end: number, summary: ActivitySummary, redate: { joins: { id: string; memberId: string; at: Date }[]; favourites: { id: string; at: Date }[] }) {
  const at = (ms: number) => new Date(Math.min(Math.floor(ms / MINUTE) * MINUTE, end));
  const [stores, staff, products, scenes] = await Promise.all([
    db.store.findMany({ where: { brandId: brand.id }, select: { id: true, code: true, city: true, lat: true, lng: true, safetyStock: true, pickupEnabled: true, kind: true, active: true }, orderBy: { code: "asc" } }),
    db.staff.findMany({ where: { brandId: brand.id, active: true }, select: { id: true, storeId: true, role: true, brandId: true }, orderBy: { username: "asc" } }),
    db.product.findMany({ where: { brandId: brand.id, active: true }, select: { id: true, styleCode: true }, orderBy: { styleCode: "asc" } }),
    db.qrScene.findMany({ where: { brandId: brand.id, kind: { in: ["PRODUCT", "STORE"] } }, select: { id: true, code: true, kind: true, storeId: true, productId: true }, orderBy: { id: "asc" } }),
  ]);
  const admin = staff.find((s) => s.role === "BRAND_ADMIN");
  if (!admin) throw new ActivityRefused(`品牌 ${brand.slug} 没有品牌管理员 / Brand ${brand.slug} has no brand admin`);
  const guides = staff.filter((s) => s.role === "GUIDE" && s.storeId) as (Staff & { storeId: string })[];
  const shops = stores.filter((s) => s.active && s.kind !== "WAREHOUSE");
  const pickupStores = shops.filter((s) => s.pickupEnabled);
  const staffedStoreIds = new Set(staff.filter((s) => s.storeId).map((s) => s.storeId!));
  const storeOf = new Map(stores.map((s) => [s.id, s]));
  /** Counter work needs a store account: the store's demo guide (or manager), else the brand admin standing in for the store's account. */
  const actorAt = (storeId: string): StaffActor => {
    const own = staff.find((s) => s.storeId === storeId && s.role === "GUIDE") ?? staff.find((s) => s.storeId === storeId);
    return { staffId: (own ?? admin).id, brandId: brand.id, storeId };
  };
  const principalOf = (s: Staff): Extract<Principal, { kind: "staff" }> => ({ kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId });

  // --- Guides' own codes (made as "my code" makes them) and the scans of every kind of code. ---
  const guideScenes: { id: string; storeId: string; guideId: string }[] = [];
  for (const g of guides) {
    const code = await guideSceneCode(g.id);
    const scene = await db.qrScene.findUniqueOrThrow({ where: { code }, select: { id: true } });
    guideScenes.push({ id: scene.id, storeId: g.storeId, guideId: g.id });
  }
  const generic = scenes.filter((s) => s.kind === "PRODUCT" && !s.storeId);
  const tagged = scenes.filter((s) => s.kind === "PRODUCT" && s.storeId);
  const posters = scenes.filter((s) => s.kind === "STORE");
  // Store posters of the demo staff's stores are scanned more: their conversion is what the demo shows.
  const posterPool = [...posters, ...posters.filter((p) => staffedStoreIds.has(p.storeId!)).flatMap((p) => [p, p, p, p])];
  const scans: { sceneId: string; inWechat: boolean; userAgent: string; createdAt: Date }[] = [];
  const userAgents = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.54", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36 MicroMessenger/8.0.53", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile Safari/604.1"];
  const plan = ACTIVITY_PLAN.scansPerDay;
  for (let d = 0; d < ACTIVITY_DAYS; d++) {
    const dayStart = start + d * DAY;
    const scan = (sceneId: string) => {
      const ua = rng.chance(0.8) ? userAgents[rng.int(0, 1)]! : userAgents[2]!;
      scans.push({ sceneId, inWechat: /MicroMessenger/i.test(ua), userAgent: ua, createdAt: at(dayStart + rng.int(0, DAY - MINUTE)) });
    };
    const spread = (n: number) => rng.int(Math.floor(n / 2), Math.ceil((n * 3) / 2));
    for (let k = spread(plan.product); k > 0; k--) scan(rng.pick(generic).id);
    if (tagged.length) for (let k = spread(plan.taggedProduct); k > 0; k--) scan(rng.pick(tagged).id);
    for (let k = spread(plan.store); k > 0; k--) scan(rng.pick(posterPool).id);
    if (guideScenes.length) for (let k = spread(plan.guide); k > 0; k--) scan(rng.pick(guideScenes).id);
  }
  scans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  // Plain rows as /s/<code> writes them (lib/scenes/resolve.ts openScene), with the scan's own time.
  for (let i = 0; i < scans.length; i += 1000) await db.sceneScan.createMany({ data: scans.slice(i, i + 1000) });
  summary.scans += scans.length;

  // --- New members, signing in over the period (the sign-up path); a third of them through a guide's code. ---
  const members: { id: string; joinedAt: number; phone: string }[] = (
    await db.memberBrand.findMany({ where: { brandId: brand.id }, select: { memberId: true, joinedAt: true, member: { select: { phone: true } } }, orderBy: { memberId: "asc" } })
  ).map((mb) => ({ id: mb.memberId, joinedAt: Math.min(mb.joinedAt.getTime(), start), phone: mb.member.phone ?? "" }));
  const joinTimes = Array.from({ length: ACTIVITY_PLAN.newMembersPerBrand }, () => start + rng.int(0, ACTIVITY_DAYS * DAY - HOUR)).sort((a, b) => a - b);
  for (const [n, joinedAt] of joinTimes.entries()) {
    const phone = `1${brand.slug === "lumi" ? "37" : "36"}0000${String(n + 1).padStart(4, "0")}`;
    const member = await findOrCreateMemberByPhone(phone, brand.slug);
    if (!member.joined) continue; // a phone the seed already had: that member stays as they were
    const row = await db.memberBrand.findUniqueOrThrow({ where: { memberId_brandId: { memberId: member.id, brandId: brand.id } }, select: { id: true } });
    redate.joins.push({ id: row.id, memberId: member.id, at: at(joinedAt) });
    members.push({ id: member.id, joinedAt, phone });
    summary.newMembers++;
    const guide = guides.length && rng.chance(0.35) ? rng.pick(guides) : null;
    if (guide) {
      // They joined after scanning the guide's code: the scan and the binding at the same moment.
      const touchAt = at(joinedAt + MINUTE);
      const scene = guideScenes.find((s) => s.guideId === guide.id)!;
      await db.sceneScan.create({ data: { sceneId: scene.id, inWechat: true, userAgent: userAgents[0]!, createdAt: touchAt } });
      summary.scans++;
      const touch = await bindShopperToGuide({ brandId: brand.id, memberId: member.id, guideId: guide.id, source: "QR" }, touchAt);
      if (touch.outcome === "bound" || touch.outcome === "took_over") summary.bindings++;
    }
  }
  const memberAt = (t: number) => {
    const eligible = members.filter((m) => m.joinedAt < t);
    return rng.pick(eligible.length ? eligible : members);
  };

  // --- Favourites, with the store the shopper was in (a tagged product or a poster's store), through the favourites module. ---
  const favourited = new Set<string>();
  for (let k = 0; k < ACTIVITY_PLAN.favouritesPerBrand; k++) {
    const t = start + rng.int(0, ACTIVITY_DAYS * DAY - HOUR);
    const member = memberAt(t);
    const product = rng.pick(products);
    if (favourited.has(`${member.id}:${product.id}`)) continue;
    favourited.add(`${member.id}:${product.id}`);
    const store = rng.chance(0.75) ? rng.pick(rng.chance(0.5) ? pickupStores.filter((s) => staffedStoreIds.has(s.id)) : pickupStores) : null;
    await setMemberFavourite(member.id, { brand: brand.slug, styleCode: product.styleCode, ...(store ? { storeCode: store.code } : {}) }, true);
    const row = await db.favourite.findUniqueOrThrow({ where: { memberId_productId: { memberId: member.id, productId: product.id } }, select: { id: true } });
    redate.favourites.push({ id: row.id, at: at(t) });
    summary.favourites++;
  }

  // --- Orders: placed, paid, prepared, handed over / shipped / received; a few cancelled, refunded or returned. ---
  const sellable = await db.$queryRaw<{ storeId: string; skuId: string; productId: string }[]>`
    SELECT i."storeId", i."skuId", k."productId" FROM "Inventory" i JOIN "Store" s ON s."id" = i."storeId" JOIN "Sku" k ON k."id" = i."skuId"
    WHERE s."brandId" = ${brand.id} AND i."onHand" - i."reserved" - s."safetyStock" >= 3 ORDER BY i."storeId", i."skuId"`;
  const skusAt = new Map<string, { skuId: string; productId: string }[]>();
  for (const r of sellable) skusAt.set(r.storeId, [...(skusAt.get(r.storeId) ?? []), { skuId: r.skuId, productId: r.productId }]);
  const taggedAt = new Map(tagged.map((s) => [`${s.storeId}:${s.productId}`, s.code]));
  const counterStores = pickupStores.filter((s) => tagged.some((t) => t.storeId === s.id) && (skusAt.get(s.id)?.length ?? 0) > 0);
  const orderable = pickupStores.filter((s) => (skusAt.get(s.id)?.length ?? 0) > 0);
  const staffedOrderable = orderable.filter((s) => staffedStoreIds.has(s.id));
  const sandbox = createSandboxProvider();
  const count = (outcome: string) => (summary.orders[outcome] = (summary.orders[outcome] ?? 0) + 1);
  // More orders lately, as a shop that is growing: times drawn with a bias to the end of the period.
  const orderTimes = Array.from({ length: ACTIVITY_PLAN.ordersPerBrand }, () => start + Math.floor(Math.sqrt(rng.next()) * (ACTIVITY_DAYS * DAY - 2 * HOUR))).sort((a, b) => a - b);
  const distinctSkus = (store: StoreRow, n: number) => {
    const pool = skusAt.get(store.id)!;
    const chosen = new Map<string, { skuId: string; productId: string }>();
    for (let tries = 0; chosen.size < n && tries < 10; tries++) {
      const s = rng.pick(pool);
      chosen.set(s.skuId, s);
    }
    return [...chosen.values()];
  };
  for (const [n, placedMs] of orderTimes.entries()) {
    const t = (offset: number) => at(placedMs + offset);
    const member = memberAt(placedMs);
    const roll = rng.next();
    const fulfilment = counterStores.length && roll < 0.2 ? "COUNTER" : roll < 0.6 ? "PICKUP" : "DELIVERY";
    const key = `${ACTIVITY_KEY_PREFIX}${brand.slug}-${String(n + 1).padStart(4, "0")}`;
    let input: PlaceOrderInput;
    if (fulfilment === "COUNTER") {
      const store = rng.pick(counterStores);
      const onShelf = skusAt.get(store.id)!.filter((s) => taggedAt.has(`${store.id}:${s.productId}`));
      if (!onShelf.length) continue;
      const item = rng.pick(onShelf);
      input = { brandId: brand.id, idempotencyKey: key, fulfilment, paymentMethod: "MALL_CASHIER", sceneCode: taggedAt.get(`${store.id}:${item.productId}`)!, lines: [{ skuId: item.skuId, quantity: 1 }] };
    } else if (fulfilment === "PICKUP") {
      const store = rng.pick(rng.chance(0.5) && staffedOrderable.length ? staffedOrderable : orderable);
      const lines = distinctSkus(store, rng.chance(0.25) ? 2 : 1).map((s) => ({ skuId: s.skuId, quantity: rng.chance(0.15) ? 2 : 1 }));
      input = { brandId: brand.id, idempotencyKey: key, fulfilment, storeId: store.id, lines };
    } else {
      const near = rng.pick(shops);
      const lines = distinctSkus(rng.pick(orderable), rng.chance(0.3) ? 2 : 1).map((s) => ({ skuId: s.skuId, quantity: 1 }));
      input = {
        brandId: brand.id, idempotencyKey: key, fulfilment, lines,
        deliveryPoint: { lat: near.lat + (rng.next() - 0.5) / 50, lng: near.lng + (rng.next() - 0.5) / 50 },
        address: `${near.city}市演示路 ${rng.int(1, 999)} 号 ${rng.int(1, 30)} 楼`,
        contactName: "演示顾客", contactPhone: /^1\d{10}$/.test(member.phone) ? member.phone : "13700000000",
      };
    }
    let placed;
    try {
      placed = await placeOrder(member.id, input, t(0));
    } catch (error) {
      if (!(error instanceof OrderRefused)) throw error;
      summary.skippedOrders++; // sold out meanwhile (an earlier demo order took the last one): simply not placed
      continue;
    }
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { id: true, number: true, storeId: true, lines: { select: { id: true, storeId: true, quantity: true }, orderBy: { id: "asc" } } } });
    const age = end - placedMs;
    const lineStores = [...new Set(order.lines.map((l) => l.storeId))];
    const counterActor = actorAt(order.storeId ?? lineStores[0]!);

    // 6 % never paid: the shopper cancels (a cashier order: the store does, the shopper walked away).
    if (rng.chance(0.06)) {
      await cancelOrder(fulfilment === "COUNTER" ? counterActor : { memberId: member.id }, { id: order.id }, "顾客取消 / Cancelled by the customer", t(10 * MINUTE), sandbox);
      count("cancelled unpaid");
      continue;
    }
    if (fulfilment === "COUNTER") {
      await confirmCashierPayment(counterActor, order.id, `MR${String(placedMs).slice(-10)}`, t(8 * MINUTE));
    } else {
      await startPayment(order.number, member.id, { notifyUrl: "https://demo.invalid/api/payments/notify", provider: sandbox, now: t(MINUTE) });
      await confirmSandboxPayment(order.number, member.id, t(2 * MINUTE));
    }
    // 5 % refunded before they leave the store (changed their mind, never came).
    if (fulfilment !== "COUNTER" && age > 6 * HOUR && rng.chance(0.05)) {
      await cancelOrder(counterActor, { id: order.id }, "顾客改变主意，全额退款 / The customer changed their mind: refunded", t(3 * HOUR), sandbox);
      count("refunded before hand-over");
      continue;
    }
    let completedAt: number | null = null;
    if (fulfilment === "COUNTER") {
      await handOver(counterActor, pickupCodeFor(order.id), order.lines.map((l) => l.id), t(12 * MINUTE));
      completedAt = placedMs + 12 * MINUTE;
    } else if (fulfilment === "PICKUP") {
      const pickupAfter = rng.int(3 * HOUR, 3 * DAY);
      if (age > 2 * HOUR) await markReadyForPickup(counterActor, order.id, t(2 * HOUR));
      if (age > pickupAfter) {
        await handOver(counterActor, pickupCodeFor(order.id), order.lines.map((l) => l.id), t(pickupAfter));
        completedAt = placedMs + pickupAfter;
      }
    } else if (age > DAY) {
      for (const storeId of lineStores) await shipStoreLines(actorAt(storeId), order.id, `SF${String(placedMs).slice(-9)}${storeOf.get(storeId)?.code ?? ""}`, t(DAY));
      if (age > 3 * DAY) {
        await confirmReceived(member.id, order.number, t(3 * DAY));
        completedAt = placedMs + 3 * DAY;
      }
    }
    // 7 % of what reached its customer comes back: one unit of the first line, at the store that sold or shipped it.
    if (completedAt !== null && end - completedAt > 2 * DAY && rng.chance(0.07)) {
      const line = order.lines[0]!;
      await returnOrderLines(actorAt(order.storeId ?? line.storeId), { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 1 }], reason: "尺码不合适 / Wrong size" }, at(completedAt + 2 * DAY), sandbox);
    }
    const status = (await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;
    count(`${fulfilment.toLowerCase()} ${status.toLowerCase()}`);
  }

  // --- Stock-outs: a guide asks another store for a size their store does not have; most arrive. ---
  const outcomes = ["received", "received", "received", "received", "refused", "cancelled", "approved", "requested"] as const;
  for (let k = 0; k < ACTIVITY_PLAN.transfersPerBrand && guides.length; k++) {
    const guide = guides[k % guides.length]!;
    const requestedMs = start + rng.int(0, ACTIVITY_DAYS * DAY - 3 * DAY);
    const outcome = outcomes[k % outcomes.length]!;
    // A SKU other stores have and the guide's store has none of.
    const missing = await db.$queryRaw<{ skuId: string }[]>`
      SELECT DISTINCT i."skuId" FROM "Inventory" i JOIN "Store" s ON s."id" = i."storeId"
      WHERE s."brandId" = ${brand.id} AND s."active" = TRUE AND i."storeId" <> ${guide.storeId} AND i."onHand" - i."reserved" - s."safetyStock" >= 3
        AND NOT EXISTS (SELECT 1 FROM "Inventory" j WHERE j."storeId" = ${guide.storeId} AND j."skuId" = i."skuId" AND j."onHand" > 0)
      ORDER BY i."skuId" LIMIT 200`;
    if (!missing.length) continue;
    const skuId = rng.pick(missing).skuId;
    const [source] = await proposeSources(brand.id, guide.storeId, skuId, 1);
    if (!source) continue;
    const requester = principalOf(guide);
    const approver = principalOf(admin);
    try {
      // The customer who asked is named (one of the guide's own): the dashboards count only demand with a customer.
      const customer = await db.guideBinding.findFirst({ where: { brandId: brand.id, guideId: guide.id, endedAt: null }, select: { memberId: true }, orderBy: { memberId: "asc" } });
      const { id } = await requestTransfer(requester, { skuId, quantity: 1, fromStoreId: source.storeId, memberId: customer?.memberId, note: "顾客缺码登记 / A customer asked for this size" }, at(requestedMs));
      if (outcome === "refused") await refuseTransfer(approver, id, at(requestedMs + 4 * HOUR));
      else if (outcome === "cancelled") await cancelTransfer(requester, id, at(requestedMs + 2 * HOUR));
      else if (outcome !== "requested") {
        await approveTransfer(approver, id, at(requestedMs + 4 * HOUR));
        if (outcome === "received") {
          await shipTransfer(approver, id, at(requestedMs + DAY));
          await receiveTransfer(requester, id, at(requestedMs + 2 * DAY));
        }
      }
      summary.transfers[outcome] = (summary.transfers[outcome] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof TransferRefused)) throw error;
    }
  }
}

/**
 * Rows the domain functions date with the database's clock, re-dated to when they happened in the demo: one
 * UPDATE per table. Payments take their order's time (paidAt is already the payment's), refunds the time of the
 * order's refund step, the guides' codes the start of the period.
 */
async function redateRows(redate: { joins: { id: string; memberId: string; at: Date }[]; favourites: { id: string; at: Date }[] }, start: number) {
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const joins = JSON.stringify(redate.joins.map((j) => ({ id: j.id, m: j.memberId, at: iso(j.at) })));
  const favourites = JSON.stringify(redate.favourites.map((f) => ({ id: f.id, at: iso(f.at) })));
  const demoOrders = Prisma.raw(`SELECT "id" FROM "Order" WHERE "idempotencyKey" LIKE '${ACTIVITY_KEY_PREFIX}%'`);
  // The rows to re-date travel as one JSON parameter; PostgreSQL needs the text cast to its timestamp column type.
  const pg = onPostgres();
  const each = (json: string) => (pg ? Prisma.sql`json_array_elements(CAST(${json} AS json))` : Prisma.sql`json_each(${json})`);
  const at = Prisma.raw(pg ? `CAST(j.value->>'at' AS timestamp(3))` : `j.value->>'at'`);
  const refundedAt = Prisma.sql`(SELECT MAX(e."createdAt") FROM "OrderEvent" e WHERE e."orderId" = "Refund"."orderId" AND e."toStatus" IN ('REFUNDED', 'PARTIALLY_REFUNDED'))`;
  const periodStart = iso(new Date(start));
  await db.$transaction([
    db.$executeRaw`UPDATE "MemberBrand" SET "joinedAt" = (SELECT ${at} FROM ${each(joins)} j WHERE j.value->>'id' = "MemberBrand"."id") WHERE "id" IN (SELECT j.value->>'id' FROM ${each(joins)} j)`,
    db.$executeRaw`UPDATE "Member" SET "createdAt" = (SELECT ${at} FROM ${each(joins)} j WHERE j.value->>'m' = "Member"."id"), "updatedAt" = (SELECT ${at} FROM ${each(joins)} j WHERE j.value->>'m' = "Member"."id") WHERE "id" IN (SELECT j.value->>'m' FROM ${each(joins)} j)`,
    db.$executeRaw`UPDATE "Favourite" SET "createdAt" = (SELECT ${at} FROM ${each(favourites)} j WHERE j.value->>'id' = "Favourite"."id") WHERE "id" IN (SELECT j.value->>'id' FROM ${each(favourites)} j)`,
    db.$executeRaw`UPDATE "Payment" SET "createdAt" = (SELECT o."createdAt" FROM "Order" o WHERE o."id" = "Payment"."orderId"), "updatedAt" = COALESCE("paidAt", "updatedAt") WHERE "orderId" IN (${demoOrders})`,
    db.$executeRaw`UPDATE "Refund" SET "createdAt" = ${refundedAt}, "updatedAt" = ${refundedAt} WHERE "orderId" IN (${demoOrders}) AND ${refundedAt} IS NOT NULL`,
    db.$executeRaw`UPDATE "QrScene" SET "createdAt" = ${pg ? new Date(start) : periodStart} WHERE "kind" = 'GUIDE' AND "createdAt" > ${pg ? new Date(start) : periodStart}`,
  ]);
}
