// The chain-scale data set (issue 7): one brand the size of the real chain — 1,800 stores, 2,000 styles,
// 30,000 SKUs, ~3 million stock rows, 200,000 members, 20,000 guides, 300,000 orders — generated row by row
// and written straight into SQLite with prepared statements (Prisma would take hours). Deterministic: one
// seeded PRNG, the demo seed's reference date, ids derived from indexes. scripts/seed-scale.ts runs it.
import type BetterSqlite3 from "better-sqlite3";
import type { GarmentKind } from "@/lib/catalog/garment-svg";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { COLORS } from "./colors";
import { DAY_MS, REFERENCE_DATE, SEED, SEED_ACTOR } from "./constants";
import { CITIES, MALLS } from "./malls";
import { prng } from "./prng";
import { sceneCodeFor } from "./scenes";
import { SIZE_LADDERS } from "./sizes";
import { memberSearchKeys } from "@/lib/members/search-keys";

export const SCALE_BRAND_ID = "sc_brand_chain";
export const SCALE_BRAND_SLUG = "chain";
/** The chain's own GS1 company prefix (the demo brands use 692341800 / 692341900): GTINs never collide. */
const GS1_PREFIX = "69234";
const COLORS_PER_STYLE = 3;
const SIZES_PER_STYLE = 5;
/** A store carries 1/18 of the styles (every colour and size of them): 1,800 × 112 × 15 ≈ 3 million rows. */
const STYLE_SHARE = 18;

const FULL = { stores: 1800, styles: 2000, members: 200_000, guides: 20_000, orders: 300_000 };

export type ScaleCounts = typeof FULL & { skus: number; stylesPerStore: number; inventory: number };

export function scaleCounts(scale: number): ScaleCounts {
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const stores = at(FULL.stores, 3);
  const styles = at(FULL.styles, STYLE_SHARE);
  const stylesPerStore = Math.ceil(styles / STYLE_SHARE);
  const skus = styles * COLORS_PER_STYLE * SIZES_PER_STYLE;
  return {
    stores,
    styles,
    skus,
    stylesPerStore,
    inventory: stores * stylesPerStore * COLORS_PER_STYLE * SIZES_PER_STYLE,
    members: at(FULL.members, 20),
    guides: at(FULL.guides, stores),
    orders: at(FULL.orders, 30),
  };
}

/** Prisma's SQLite DateTime text, as the demo seed stores it. */
const iso = (d: Date | number) => new Date(d).toISOString().replace("Z", "+00:00");
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const REF = REFERENCE_DATE.getTime();
const NOW = iso(REF);

const CATEGORIES: { slug: string; name: string; nameEn: string; kinds: GarmentKind[] }[] = [
  { slug: "tops", name: "上装", nameEn: "Tops", kinds: ["tshirt", "shirt", "knit"] },
  { slug: "dresses", name: "连衣裙", nameEn: "Dresses", kinds: ["dress", "skirt"] },
  { slug: "bottoms", name: "裤装", nameEn: "Bottoms", kinds: ["jeans", "trousers"] },
  { slug: "outerwear", name: "外套", nameEn: "Outerwear", kinds: ["jacket", "coat", "trench"] },
];
const KIND_NAMES: Record<GarmentKind, string> = {
  dress: "连衣裙", tshirt: "T恤", shirt: "衬衫", knit: "针织衫", jeans: "牛仔裤", skirt: "半身裙", trousers: "长裤", jacket: "夹克", coat: "大衣", trench: "风衣",
};
const ADJECTIVES = ["基础款", "宽松", "修身", "复古", "轻盈", "羊毛混纺", "有机棉", "垂感", "通勤", "廓形"];
const COLOR_CODES = Object.keys(COLORS);
const SIZES = SIZE_LADDERS.unisexLetter.slice(0, SIZES_PER_STYLE);
const TAGS = ["高价值", "新客", "沉睡", "生日月", "门店常客"];
const STATUSES = ["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "PAID", "PAID", "CANCELLED", "REFUNDED"] as const;

type Log = (table: string, rows: number, ms: number) => void;

/** Writes the whole chain-scale data set into a migrated, brand-free database. Returns rows per table. */
export function writeScaleData(db: BetterSqlite3.Database, scale: number, passwordHash: string, log: Log): Record<string, number> {
  const c = scaleCounts(scale);
  const rnd = prng(SEED);
  const counts: Record<string, number> = {};
  const table = (name: string, sql: string, fill: (insert: (...values: unknown[]) => void) => void) => {
    const started = Date.now();
    const statement = db.prepare(sql);
    let rows = 0;
    const insert = (...values: unknown[]) => {
      statement.run(...values);
      rows++;
    };
    db.transaction(() => fill(insert))();
    counts[name] = (counts[name] ?? 0) + rows;
    log(name, rows, Date.now() - started);
  };

  table("Brand", `INSERT INTO "Brand" (id, slug, name, nameEn, tagline, colorPrimary, colorAccent, colorInk, logoUrl, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, (ins) =>
    ins(SCALE_BRAND_ID, SCALE_BRAND_SLUG, "CHAIN 连锁", "CHAIN", "全国 1,800 家门店 · 压力测试品牌", "#1F2A44", "#E8ECF3", "#111111", "/brands/lumi.svg", NOW, NOW),
  );

  // Stores: the demo malls' cities and points, spread out a little so 1,800 shops never stack.
  const storeIds: string[] = [];
  const shopStores: number[] = []; // indexes of stores that sell (not the warehouse)
  table("Store", `INSERT INTO "Store" (id, brandId, code, name, kind, city, district, address, mallName, phone, lat, lng, opensAt, closesAt, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, (ins) => {
    for (let i = 0; i < c.stores; i++) {
      const mall = MALLS[i % MALLS.length]!;
      const id = `sc_store_${pad(i + 1, 4)}`;
      const kind = i === 0 ? "WAREHOUSE" : i % 4 === 0 ? "FRANCHISE" : "DIRECT";
      const code = `${mall.city}${pad(i + 1, 4)}`;
      storeIds.push(id);
      if (kind !== "WAREHOUSE") shopStores.push(i);
      const lat = mall.lat + (rnd.next() - 0.5) * 0.2;
      const lng = mall.lng + (rnd.next() - 0.5) * 0.2;
      ins(id, SCALE_BRAND_ID, code, `CHAIN ${CITIES[mall.city].name}${mall.mallName}${pad(i + 1, 4)}店`, kind, CITIES[mall.city].name, mall.district, `${mall.street} #${i + 1}`, mall.mallName, `${CITIES[mall.city].areaCode}-6${pad(i, 7)}`, lat, lng, 600, 1320, NOW, NOW);
    }
  });

  table("Category", `INSERT INTO "Category" (id, brandId, parentId, slug, name, nameEn, sort) VALUES (?,?,NULL,?,?,?,?)`, (ins) =>
    CATEGORIES.forEach((cat, k) => ins(`sc_cat_${cat.slug}`, SCALE_BRAND_ID, cat.slug, cat.name, cat.nameEn, (k + 1) * 10)),
  );

  // Styles, their images and SKUs (3 colours × 5 sizes each).
  type Sku = { id: string; styleCode: string; productName: string; colorName: string; size: string; priceFen: number };
  const skus: Sku[] = [];
  const productIds: string[] = [];
  const gtins = new Set<string>();
  const products: { id: string; kind: GarmentKind; name: string; colors: string[]; priceFen: number; styleCode: string }[] = [];
  table("Product", `INSERT INTO "Product" (id, brandId, categoryId, styleCode, name, nameEn, description, priceFen, listPriceFen, season, launchedAt, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, (ins) => {
    for (let s = 0; s < c.styles; s++) {
      const cat = CATEGORIES[s % CATEGORIES.length]!;
      const kind = rnd.pick(cat.kinds);
      const styleCode = `CH26W${pad(s + 1, 4)}`;
      const id = `sc_prod_${styleCode}`;
      const priceFen = rnd.int(10, 120) * 1000 - 100;
      const name = `${rnd.pick(ADJECTIVES)}${KIND_NAMES[kind]} ${pad(s + 1, 4)}`;
      const first = rnd.int(0, COLOR_CODES.length - 1);
      const colors = [0, 1, 2].map((k) => COLOR_CODES[(first + k * 7) % COLOR_CODES.length]!);
      products.push({ id, kind, name, colors, priceFen, styleCode });
      productIds.push(id);
      ins(id, SCALE_BRAND_ID, `sc_cat_${cat.slug}`, styleCode, name, `${kind} ${s + 1}`, `${name}：门店压力测试款。`, priceFen, rnd.next() < 0.3 ? priceFen + 10_000 : null, "2026 秋冬", iso(REF - (s % 180) * DAY_MS), NOW, NOW);
    }
  });
  table("ProductImage", `INSERT INTO "ProductImage" (id, productId, colorCode, url, alt, sort) VALUES (?,?,?,?,?,?)`, (ins) => {
    for (const p of products) {
      p.colors.forEach((code, k) => ins(`sc_img_${p.styleCode}_${code}`, p.id, code, `/img/garment/${p.kind}/${COLORS[code]!.hex.slice(1).toLowerCase()}?v=front`, `${p.name}（${COLORS[code]!.name}）`, k));
    }
  });
  table("Sku", `INSERT INTO "Sku" (id, productId, gtin, colorCode, colorName, colorHex, size, sizeOrder, priceFen) VALUES (?,?,?,?,?,?,?,?,NULL)`, (ins) => {
    for (const p of products) {
      for (const code of p.colors) {
        SIZES.forEach((size, k) => {
          const gtin = makeGtin13(`${GS1_PREFIX}${pad(skus.length + 1, 7)}`);
          gtins.add(gtin);
          const id = `sc_sku_${gtin}`;
          skus.push({ id, styleCode: p.styleCode, productName: p.name, colorName: COLORS[code]!.name, size, priceFen: p.priceFen });
          ins(id, p.id, gtin, code, COLORS[code]!.name, COLORS[code]!.hex, size, k + 1);
        });
      }
    }
  });
  if (gtins.size !== skus.length) throw new Error("duplicate GTIN in the chain-scale catalog");

  // Which SKUs a store carries: a window of consecutive styles starting at a store-specific offset.
  const perStyle = COLORS_PER_STYLE * SIZES_PER_STYLE;
  const perStore = c.stylesPerStore * perStyle;
  const storeStart = (i: number) => (i * 37) % c.styles;
  const skuAt = (i: number, local: number) => ((storeStart(i) + Math.floor(local / perStyle)) % c.styles) * perStyle + (local % perStyle);

  // Members, brand memberships, tags.
  const member = (m: number) => ({ id: `sc_member_${pad(m + 1, 6)}`, phone: `150${pad(m + 1, 8)}`, nickname: `会员${pad(m + 1, 6)}` });
  table("Member", `INSERT INTO "Member" (id, phone, nickname, createdAt, updatedAt) VALUES (?,?,?,?,?)`, (ins) => {
    for (let m = 0; m < c.members; m++) ins(member(m).id, member(m).phone, member(m).nickname, iso(REF - (m % 700) * DAY_MS), NOW);
  });
  table("MemberSearchKey", `INSERT INTO "MemberSearchKey" (key, memberId) VALUES (?,?)`, (ins) => {
    for (let m = 0; m < c.members; m++) for (const key of memberSearchKeys(member(m))) ins(key, member(m).id);
  });
  const memberTag: string[] = [];
  table("MemberBrand", `INSERT INTO "MemberBrand" (id, memberId, brandId, tier, points, joinedAt) VALUES (?,?,?,?,?,?)`, (ins) => {
    for (let m = 0; m < c.members; m++) {
      const r = rnd.next();
      ins(`sc_mb_${pad(m + 1, 6)}`, `sc_member_${pad(m + 1, 6)}`, SCALE_BRAND_ID, r < 0.05 ? "SVIP" : r < 0.25 ? "VIP" : "NORMAL", rnd.int(0, 20_000), iso(REF - (m % 600) * DAY_MS));
      memberTag.push(rnd.next() < 0.2 ? rnd.pick(TAGS) : "");
    }
  });
  table("MemberTag", `INSERT INTO "MemberTag" (id, memberBrandId, brandId, tag, createdAt) VALUES (?,?,?,?,?)`, (ins) => {
    memberTag.forEach((tag, m) => tag && ins(`sc_mtag_${pad(m + 1, 6)}`, `sc_mb_${pad(m + 1, 6)}`, SCALE_BRAND_ID, tag, NOW));
  });

  // Guides: one shared precomputed password hash (scripts/seed-scale.ts), spread over the shops.
  const guideStore: number[] = [];
  table("Staff", `INSERT INTO "Staff" (id, username, name, passwordHash, role, brandId, storeId, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?)`, (ins) => {
    ins("sc_staff_admin", "chain.admin", "CHAIN 品牌管理员", passwordHash, "BRAND_ADMIN", SCALE_BRAND_ID, null, NOW, NOW);
    for (let g = 0; g < c.guides; g++) {
      const store = shopStores[g % shopStores.length]!;
      guideStore.push(store);
      ins(`sc_guide_${pad(g + 1, 5)}`, `chain.g${pad(g + 1, 5)}`, `导购${pad(g + 1, 5)}`, passwordHash, "GUIDE", SCALE_BRAND_ID, storeIds[store], NOW, NOW);
    }
  });
  const guideId = (g: number) => `sc_guide_${pad(g + 1, 5)}`;
  table("GuideBinding", `INSERT INTO "GuideBinding" (id, brandId, memberId, guideId, source, boundAt, lastTouchAt) VALUES (?,?,?,?,?,?,?)`, (ins) => {
    for (let m = 0; m < c.members; m += 3) {
      const at = iso(REF - rnd.int(1, 200) * DAY_MS);
      ins(`sc_bind_${pad(m + 1, 6)}`, SCALE_BRAND_ID, `sc_member_${pad(m + 1, 6)}`, guideId(rnd.int(0, c.guides - 1)), rnd.next() < 0.7 ? "QR" : "SHARE_LINK", at, at);
    }
  });

  const codes = new Set<string>();
  const codeFor = (id: string) => {
    for (let attempt = 0; ; attempt++) {
      const code = sceneCodeFor(id, attempt);
      if (!codes.has(code)) return codes.add(code), code;
    }
  };
  table("QrScene", `INSERT INTO "QrScene" (id, code, brandId, kind, productId, storeId, createdAt) VALUES (?,?,?,?,?,?,?)`, (ins) => {
    for (const id of productIds) ins(`sc_scene_${id}`, codeFor(`sc_scene_${id}`), SCALE_BRAND_ID, "PRODUCT", id, null, NOW);
    for (const i of shopStores) ins(`sc_scene_${storeIds[i]}`, codeFor(`sc_scene_${storeIds[i]}`), SCALE_BRAND_ID, "STORE", null, storeIds[i], NOW);
  });

  // Orders are planned first: the opening stock of each row must cover what they sell and keep reserved.
  type PlannedLine = { inv: number; qty: number };
  type PlannedOrder = { store: number; member: number; status: (typeof STATUSES)[number]; delivery: boolean; lines: PlannedLine[]; at: number; guide: number | null };
  const soldAll = new Int32Array(c.inventory);
  const reservedFinal = new Int32Array(c.inventory);
  const cancelledPeak = new Int32Array(c.inventory); // a cancelled order holds its units until released
  const orders: PlannedOrder[] = [];
  for (let o = 0; o < c.orders; o++) {
    const store = shopStores[rnd.int(0, shopStores.length - 1)]!;
    const status = rnd.pick(STATUSES);
    const n = rnd.next() < 0.6 ? 1 : rnd.int(2, 3);
    const lines: PlannedLine[] = [];
    const used = new Set<number>();
    for (let k = 0; k < n; k++) {
      const local = rnd.int(0, perStore - 1);
      if (used.has(local)) continue;
      used.add(local);
      const inv = store * perStore + local;
      const qty = rnd.next() < 0.85 ? 1 : 2;
      lines.push({ inv, qty });
      if (status === "COMPLETED" || status === "REFUNDED") soldAll[inv] = soldAll[inv]! + qty;
      if (status === "PAID") reservedFinal[inv] = reservedFinal[inv]! + qty;
      if (status === "CANCELLED") cancelledPeak[inv] = Math.max(cancelledPeak[inv]!, qty);
    }
    // Spread over the 180 days before the reference date, oldest first.
    const at = REF - 180 * DAY_MS + Math.floor(((o + 0.5) / c.orders) * 180 * DAY_MS);
    orders.push({ store, member: rnd.int(0, c.members - 1), status, delivery: rnd.next() < 0.25, lines, at, guide: rnd.next() < 0.3 ? rnd.int(0, c.guides - 1) : null });
  }

  // Opening stock (SEED row) = a shelf amount + what stays reserved + everything later sold + room for the
  // largest cancelled hold: then no RESERVE ever exceeds the shelf (StockLedger_after_check).
  const onHand = new Int32Array(c.inventory);
  const reserved = new Int32Array(c.inventory);
  const openedAt = iso(REF - 181 * DAY_MS);
  let ledgerNo = 0;
  const ledgerSql = `INSERT INTO "StockLedger" (id, storeId, skuId, reason, onHandDelta, reservedDelta, onHandAfter, reservedAfter, actor, reference, note, createdAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`;
  const storeOf = (inv: number) => Math.floor(inv / perStore);
  const skuOf = (inv: number) => skuAt(storeOf(inv), inv % perStore);
  table("StockLedger", ledgerSql, (ins) => {
    for (let inv = 0; inv < c.inventory; inv++) {
      const opening = rnd.int(0, 8) + reservedFinal[inv]! + soldAll[inv]! + cancelledPeak[inv]!;
      onHand[inv] = opening;
      ins(`sc_led_${pad(++ledgerNo, 8)}`, storeIds[storeOf(inv)], skus[skuOf(inv)]!.id, "SEED", opening, 0, opening, 0, SEED_ACTOR, "", "opening stock", openedAt);
    }
  });

  // Orders with their lines, events, payments and the stock movements the app would have written.
  const orderSql = `INSERT INTO "Order" (id, number, brandId, memberId, fulfilment, status, paymentMethod, storeId, itemsFen, deliveryFen, totalFen, refundedFen, contactName, contactPhone, address, idempotencyKey, requestHash, paidAt, completedAt, createdAt, updatedAt, guideId) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
  const lineSql = `INSERT INTO "OrderLine" (id, orderId, skuId, storeId, quantity, unitPriceFen, soldQty, releasedQty, refundedQty, styleCode, productName, colorName, size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`;
  const eventSql = `INSERT INTO "OrderEvent" (id, orderId, fromStatus, toStatus, actor, note, createdAt) VALUES (?,?,?,?,?,?,?)`;
  const paymentSql = `INSERT INTO "Payment" (id, orderId, provider, outTradeNo, amountFen, status, transactionId, paidAt, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?)`;
  const started = Date.now();
  const [orderSt, lineSt, eventSt, paymentSt, ledgerSt] = [db.prepare(orderSql), db.prepare(lineSql), db.prepare(eventSql), db.prepare(paymentSql), db.prepare(ledgerSql)];
  const n = { Order: 0, OrderLine: 0, OrderEvent: 0, Payment: 0, StockLedger: 0 };
  const move = (inv: number, reason: string, dOn: number, dRes: number, ref: string, at: number) => {
    onHand[inv] = onHand[inv]! + dOn;
    reserved[inv] = reserved[inv]! + dRes;
    ledgerSt.run(`sc_led_${pad(++ledgerNo, 8)}`, storeIds[storeOf(inv)], skus[skuOf(inv)]!.id, reason, dOn, dRes, onHand[inv], reserved[inv], SEED_ACTOR, ref, "", iso(at));
    n.StockLedger++;
  };
  const writeOrders = db.transaction((from: number, to: number) => {
    for (let o = from; o < to; o++) {
      const p = orders[o]!;
      const id = `sc_order_${pad(o + 1, 6)}`;
      const number = `SC${pad(o + 1, 8)}`;
      const items = p.lines.reduce((sum, l) => sum + l.qty * skus[skuOf(l.inv)]!.priceFen, 0);
      const deliveryFen = p.delivery && items < 29_900 ? 1000 : 0;
      const total = items + deliveryFen;
      const paid = p.status !== "CANCELLED";
      const done = p.status === "COMPLETED" || p.status === "REFUNDED";
      const t = (minutes: number) => p.at + minutes * 60_000;
      const memberPhone = `150${pad(p.member + 1, 8)}`;
      orderSt.run(id, number, SCALE_BRAND_ID, `sc_member_${pad(p.member + 1, 6)}`, p.delivery ? "DELIVERY" : "PICKUP", p.status, "ONLINE", storeIds[p.store], items, deliveryFen, total,
        p.status === "REFUNDED" ? total : 0, `会员${pad(p.member + 1, 6)}`, memberPhone, p.delivery ? `${storeIds[p.store]} 附近` : "", `sc-key-${o + 1}`, `sc-hash-${o + 1}`,
        paid ? iso(t(5)) : null, done ? iso(t(60 * 24)) : null, iso(t(0)), iso(t(p.status === "REFUNDED" ? 60 * 48 : done ? 60 * 24 : paid ? 5 : 30)), p.guide === null ? null : guideId(p.guide));
      n.Order++;
      p.lines.forEach((l, k) => {
        const sku = skus[skuOf(l.inv)]!;
        const sold = done ? l.qty : 0;
        lineSt.run(`${id}_l${k + 1}`, id, sku.id, storeIds[p.store], l.qty, sku.priceFen, sold, p.status === "CANCELLED" ? l.qty : 0, p.status === "REFUNDED" ? l.qty : 0, sku.styleCode, sku.productName, sku.colorName, sku.size);
        n.OrderLine++;
        move(l.inv, "RESERVE", 0, l.qty, number, t(0));
        if (p.status === "CANCELLED") move(l.inv, "RELEASE", 0, -l.qty, number, t(30));
        if (done) move(l.inv, "SELL", -l.qty, -l.qty, number, t(60 * 24));
        if (p.status === "REFUNDED") move(l.inv, "RETURN", l.qty, 0, number, t(60 * 48));
      });
      const event = (k: number, from: string | null, to: string, actor: string, minutes: number) => {
        eventSt.run(`${id}_e${k}`, id, from, to, actor, "", iso(t(minutes)));
        n.OrderEvent++;
      };
      event(1, null, "PLACED", `member:sc_member_${pad(p.member + 1, 6)}`, 0);
      if (p.status === "CANCELLED") event(2, "PLACED", "CANCELLED", "system:expiry", 30);
      if (paid) {
        event(2, "PLACED", "PAID", "payment:SANDBOX", 5);
        paymentSt.run(`${id}_pay`, id, "SANDBOX", number, total, "SUCCEEDED", `sc-tx-${o + 1}`, iso(t(5)), iso(t(0)), iso(t(5)));
        n.Payment++;
      }
      if (done) event(3, "PAID", "COMPLETED", `staff:${p.guide === null ? "sc_staff_admin" : guideId(p.guide)}`, 60 * 24);
      if (p.status === "REFUNDED") event(4, "COMPLETED", "REFUNDED", "staff:sc_staff_admin", 60 * 48);
    }
  });
  for (let from = 0; from < orders.length; from += 20_000) writeOrders(from, Math.min(orders.length, from + 20_000));
  for (const [name, rows] of Object.entries(n)) counts[name] = (counts[name] ?? 0) + rows;
  log("Order+OrderLine+OrderEvent+Payment+StockLedger(moves)", n.Order + n.OrderLine + n.OrderEvent + n.Payment + n.StockLedger, Date.now() - started);

  // Inventory last: the state the ledger walked to.
  table("Inventory", `INSERT INTO "Inventory" (id, storeId, skuId, onHand, reserved, updatedAt) VALUES (?,?,?,?,?,?)`, (ins) => {
    for (let inv = 0; inv < c.inventory; inv++) ins(`sc_inv_${pad(inv + 1, 8)}`, storeIds[storeOf(inv)], skus[skuOf(inv)]!.id, onHand[inv], reserved[inv], NOW);
  });
  return counts;
}
