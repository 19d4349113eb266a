import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethod } from "@/lib/generated/prisma/enums";
import { isConstraintFailure, mergeStockLines, stockChanged, stockStatements, type StockLine } from "@/lib/inventory/movements";
import { loadCandidateStores, loadStockOf } from "@/lib/fulfilment/candidates";
import { pickupStores, routeDelivery, type WantedLine } from "@/lib/fulfilment/routing";
import { distanceMeters, type GcjPoint } from "@/lib/stores/geo";
import { normalizeChinaMobile } from "@/lib/auth/phone";
import { newOrderNumber } from "./number";
import { pickupCodeFor, pickupCodeHash } from "./pickup-code";
import { eventStatement } from "./transitions";
import { initialStatus } from "./state-machine";
import { guideToCredit } from "@/lib/attribution/binding";
import { OrderRefused, SoldOut, type Alternative } from "./errors";

// Placing an order: one batch transaction holds the stock reservations (one guarded UPDATE + ledger row per
// line), the order with its lines and first event, and the removal of the ordered lines from the cart.
// If any line cannot be reserved the database refuses the batch and nothing at all is written.

export const ONLINE_PAY_MINUTES = 15;
/** Pay-at-the-mall orders wait for the shopper to come in: a counter order the same visit, pickup two days. */
export const CASHIER_WAIT_HOURS: Record<"PICKUP" | "COUNTER", number> = { PICKUP: 48, COUNTER: 2 };
export const PICKUP_VALID_DAYS: Record<"PICKUP" | "COUNTER", number> = { PICKUP: 7, COUNTER: 1 };

const phoneNumber = z.string().transform((v, ctx) => {
  const phone = normalizeChinaMobile(v);
  if (!phone) ctx.addIssue({ code: "custom", message: "手机号无效 / Invalid mobile number" });
  return phone ?? "";
});

const point = z.object({ lat: z.number().min(3).max(54), lng: z.number().min(73).max(136) });

export const placeOrderInput = z
  .object({
    brandId: z.string().min(1),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "幂等键无效 / Invalid idempotency key"),
    fulfilment: z.enum(["PICKUP", "DELIVERY", "COUNTER"]),
    paymentMethod: z.enum(["ONLINE", "MALL_CASHIER"]).default("ONLINE"),
    lines: z
      .array(z.object({ skuId: z.string().min(1).max(40), quantity: z.number().int().min(1, "数量至少为 1 / Quantity must be at least 1").max(99) }))
      .min(1, "购物袋是空的 / Nothing to order")
      .max(20)
      .refine((ls) => new Set(ls.map((l) => l.skuId)).size === ls.length, "同一商品请合并数量 / Each item once, with its quantity"),
    /** PICKUP: the store the shopper chose. */
    storeId: z.string().min(1).optional(),
    /** COUNTER: the QR scene scanned in the store. */
    sceneCode: z.string().regex(/^[a-z0-9]{4,12}$/).optional(),
    contactName: z.string().trim().max(40).default(""),
    contactPhone: phoneNumber.optional(),
    /** DELIVERY: the address as written and the point it is routed from. */
    address: z.string().trim().max(200).default(""),
    deliveryPoint: point.optional(),
    /** Removes the ordered SKUs from the member's cart in the same transaction. */
    fromCart: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.fulfilment === "PICKUP" && !v.storeId) ctx.addIssue({ code: "custom", path: ["storeId"], message: "请选择取货门店 / Choose a pickup store" });
    if (v.fulfilment === "COUNTER" && !v.sceneCode) ctx.addIssue({ code: "custom", path: ["sceneCode"], message: "请在门店扫码下单 / Scan the code in the store" });
    if (v.fulfilment === "DELIVERY") {
      if (!v.deliveryPoint) ctx.addIssue({ code: "custom", path: ["deliveryPoint"], message: "请定位或选择城市 / Share your location or choose a city" });
      if (v.address.length < 5) ctx.addIssue({ code: "custom", path: ["address"], message: "请填写详细收货地址 / Enter the full delivery address" });
      if (!v.contactPhone) ctx.addIssue({ code: "custom", path: ["contactPhone"], message: "请填写收货手机号 / Enter a phone number for the courier" });
      if (v.paymentMethod === "MALL_CASHIER") ctx.addIssue({ code: "custom", path: ["paymentMethod"], message: "送货订单请在线支付 / Delivery orders are paid online" });
    }
  });
export type PlaceOrderInput = z.input<typeof placeOrderInput>;

export type PlacedOrder = { orderId: string; number: string; status: string; totalFen: number; paymentMethod: PaymentMethod; replayed: boolean };

type PricedSku = { id: string; productId: string; priceFen: number; styleCode: string; productName: string; colorName: string; size: string };

/** The SKUs with their price now (the SKU's own, else the style's): one joined read. */
async function loadSkus(brandId: string, skuIds: string[]): Promise<Map<string, PricedSku>> {
  const rows = await db.$queryRaw<PricedSku[]>`
    SELECT s."id", p."id" AS "productId", COALESCE(s."priceFen", p."priceFen") AS "priceFen", p."styleCode", p."name" AS "productName", s."colorName", s."size"
    FROM "Sku" s JOIN "Product" p ON p."id" = s."productId"
    WHERE s."id" IN (${Prisma.join(skuIds)}) AND p."brandId" = ${brandId} AND p."active" = TRUE`;
  return new Map(rows.map((r) => [r.id, { ...r, priceFen: Number(r.priceFen) }]));
}

/** sha256 of what was asked for, so a replayed key can be told from a different cart under the same key. */
function requestHashOf(input: z.output<typeof placeOrderInput>): string {
  const canonical = {
    f: input.fulfilment,
    p: input.paymentMethod,
    s: input.storeId ?? null,
    c: input.sceneCode ?? null,
    l: [...input.lines].sort((a, b) => a.skuId.localeCompare(b.skuId)).map((l) => [l.skuId, l.quantity]),
    a: input.address,
    t: input.contactPhone ?? null,
    d: input.deliveryPoint ? [input.deliveryPoint.lat, input.deliveryPoint.lng] : null,
  };
  return crypto.createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

async function existingOrder(memberId: string, key: string, hash: string): Promise<PlacedOrder | null> {
  const found = await db.order.findUnique({
    where: { memberId_idempotencyKey: { memberId, idempotencyKey: key } },
    select: { id: true, number: true, status: true, totalFen: true, paymentMethod: true, requestHash: true },
  });
  if (!found) return null;
  if (found.requestHash !== hash) {
    throw new OrderRefused("idempotency_conflict", "这次下单与之前的请求不一致，请刷新页面重新下单 / This request differs from the earlier one with the same key: reload and order again", 409);
  }
  return { orderId: found.id, number: found.number, status: found.status, totalFen: found.totalFen, paymentMethod: found.paymentMethod, replayed: true };
}

/** Where else each refused line can be found: the nearest stores that can sell the quantity. */
export async function alternativesFor(brandId: string, lines: WantedLine[], near: GcjPoint | null): Promise<Alternative[]> {
  const [stores, stock] = await Promise.all([loadCandidateStores(brandId), loadStockOf(brandId, lines.map((l) => l.skuId))]);
  return lines.map((line) => {
    const holders = pickupStores(stores, stock, [line], near ?? { lat: 31.23, lng: 121.47 });
    return { skuId: line.skuId, stores: holders.slice(0, 3).map((s) => ({ code: s.code, name: s.name, city: s.city, distanceM: near ? s.distanceM : null })) };
  });
}

type Plan = { stockLines: StockLine[]; store: CollectStore | null; safetyStock: boolean; near: GcjPoint | null };
type CollectStore = { id: string; kind: string; active: boolean; pickupEnabled: boolean; mallName: string; lat: number; lng: number };
const collectStoreSelect = { id: true, kind: true, active: true, pickupEnabled: true, mallName: true, lat: true, lng: true } as const;

async function planFulfilment(input: z.output<typeof placeOrderInput>): Promise<Plan> {
  const wanted = input.lines;
  if (input.fulfilment === "DELIVERY") {
    const [brand, stores, stock] = await Promise.all([
      db.brand.findUniqueOrThrow({ where: { id: input.brandId }, select: { shipFromDirect: true, shipFromFranchise: true } }),
      loadCandidateStores(input.brandId),
      loadStockOf(input.brandId, wanted.map((l) => l.skuId)),
    ]);
    const route = routeDelivery(stores, stock, wanted, input.deliveryPoint!, brand);
    if (route.kind === "unavailable") {
      throw new SoldOut(await alternativesFor(input.brandId, wanted.filter((l) => route.missing.includes(l.skuId)), input.deliveryPoint!));
    }
    return { stockLines: route.assignments, store: null, safetyStock: true, near: input.deliveryPoint! };
  }
  // Pickup and counter read only the one store: this is the hot path of a sale.
  let store: CollectStore | null | undefined;
  if (input.fulfilment === "COUNTER") {
    // Only a product tag printed for a store, for a product being ordered, proves the shopper stands there
    // (a store's own poster code can be shared online); the piece on the shelf then skips safety stock.
    const scene = await db.qrScene.findUnique({ where: { code: input.sceneCode! }, select: { brandId: true, kind: true, productId: true, store: { select: collectStoreSelect } } });
    const ordersTheTag = scene?.kind === "PRODUCT" && scene.productId !== null && (await db.sku.count({ where: { id: { in: wanted.map((l) => l.skuId) }, productId: scene.productId } })) > 0;
    store = scene?.brandId === input.brandId && ordersTheTag ? scene.store : null;
    if (!store?.active) throw new OrderRefused("unknown_scene", "请扫描门店内商品吊牌上的二维码 / Scan the code on a product tag in the store", 400);
  } else {
    store = await db.store.findFirst({ where: { id: input.storeId!, brandId: input.brandId }, select: collectStoreSelect });
    if (!store || !store.active || !store.pickupEnabled || store.kind === "WAREHOUSE") {
      throw new OrderRefused("store_unavailable", "该门店暂不支持到店取货 / This store does not offer pickup", 400);
    }
  }
  if (input.paymentMethod === "MALL_CASHIER" && !store.mallName) {
    throw new OrderRefused("no_mall_cashier", "该门店不在商场内，请在线支付 / This store is not in a mall: pay online", 400);
  }
  // In a mall the shopper standing in the store pays at the mall's cashier: the brand never undercuts the mall.
  if (input.fulfilment === "COUNTER" && store.mallName && input.paymentMethod !== "MALL_CASHIER") {
    throw new OrderRefused("mall_cashier_required", `请到${store.mallName}收银台付款 / Pay at ${store.mallName}'s cashier`, 400);
  }
  return {
    stockLines: wanted.map((l) => ({ storeId: store.id, skuId: l.skuId, quantity: l.quantity })),
    store,
    safetyStock: input.fulfilment !== "COUNTER", // the piece on the shelf in front of the shopper may be sold
    near: { lat: store.lat, lng: store.lng },
  };
}

/**
 * Places an order for a signed-in member. Idempotent per (member, key): a double tap returns the first
 * order; the same key with a different request is refused. Sold out → SoldOut with where else it is.
 */
export async function placeOrder(memberId: string, raw: PlaceOrderInput, now = new Date()): Promise<PlacedOrder> {
  const parsed = placeOrderInput.safeParse(raw);
  if (!parsed.success) throw OrderRefused.fromZod(parsed.error);
  const input = parsed.data;
  const hash = requestHashOf(input);
  // A repeated key is found when its write fails (the unique index), not by a read before every order.

  const skus = await loadSkus(input.brandId, input.lines.map((l) => l.skuId));
  const unknown = input.lines.filter((l) => !skus.has(l.skuId));
  if (unknown.length) throw new OrderRefused("unknown_sku", "商品不存在或已下架 / An item is unknown or no longer sold", 400, { skuIds: unknown.map((l) => l.skuId) });

  const plan = await planFulfilment(input);
  const itemsFen = input.lines.reduce((sum, l) => sum + skus.get(l.skuId)!.priceFen * l.quantity, 0);
  let deliveryFen = 0;
  if (input.fulfilment === "DELIVERY") {
    const fees = await db.brand.findUniqueOrThrow({ where: { id: input.brandId }, select: { deliveryFeeFen: true, freeDeliveryFromFen: true } });
    if (itemsFen < fees.freeDeliveryFromFen) deliveryFen = fees.deliveryFeeFen;
  }
  const status = initialStatus(input.paymentMethod);
  const guideId = await guideToCredit(input.brandId, memberId, now);
  const collect = input.fulfilment === "DELIVERY" ? null : input.fulfilment;
  const payBy = input.paymentMethod === "ONLINE" ? new Date(now.getTime() + ONLINE_PAY_MINUTES * 60_000) : new Date(now.getTime() + CASHIER_WAIT_HOURS[collect!] * 3600_000);

  for (let attempt = 0; attempt < 3; attempt++) {
    const orderId = crypto.randomUUID();
    const number = newOrderNumber(now);
    const actor = `member:${memberId}`;
    const statements = [
      ...stockStatements("RESERVE", mergeStockLines(plan.stockLines), { actor, reference: `order:${number}`, now, safetyStock: plan.safetyStock }),
      // Plain INSERTs (the id is ours): Prisma's nested create would read the row back for nothing.
      db.$executeRaw`
        INSERT INTO "Order" ("id", "number", "brandId", "memberId", "guideId", "fulfilment", "status", "paymentMethod", "storeId", "sceneCode", "itemsFen", "deliveryFen", "totalFen",
          "contactName", "contactPhone", "address", "deliveryLat", "deliveryLng", "idempotencyKey", "requestHash", "payBy", "pickupCodeHash", "pickupExpiresAt", "createdAt", "updatedAt")
        VALUES (${orderId}, ${number}, ${input.brandId}, ${memberId}, ${guideId}, ${input.fulfilment}, ${status}, ${input.paymentMethod}, ${plan.store?.id ?? null}, ${input.sceneCode ?? null},
          ${itemsFen}, ${deliveryFen}, ${itemsFen + deliveryFen}, ${input.contactName}, ${input.contactPhone ?? ""}, ${input.address}, ${input.deliveryPoint?.lat ?? null},
          ${input.deliveryPoint?.lng ?? null}, ${input.idempotencyKey}, ${hash}, ${payBy}, ${collect ? pickupCodeHash(pickupCodeFor(orderId)) : null},
          ${collect ? new Date(now.getTime() + PICKUP_VALID_DAYS[collect] * 86_400_000) : null}, ${now}, ${now})`,
      db.$executeRaw`
        INSERT INTO "OrderLine" ("id", "orderId", "skuId", "storeId", "quantity", "unitPriceFen", "styleCode", "productName", "colorName", "size")
        VALUES ${Prisma.join(
          plan.stockLines.map((a) => {
            const sku = skus.get(a.skuId)!;
            return Prisma.sql`(${crypto.randomUUID()}, ${orderId}, ${a.skuId}, ${a.storeId}, ${a.quantity}, ${sku.priceFen}, ${sku.styleCode}, ${sku.productName}, ${sku.colorName}, ${sku.size})`;
          }),
        )}`,
      eventStatement(orderId, null, status, actor, now, input.fulfilment),
      ...(input.fromCart ? [db.cartLine.deleteMany({ where: { memberId, skuId: { in: input.lines.map((l) => l.skuId) } } })] : []),
    ];
    try {
      await db.$transaction(statements);
      await stockChanged(plan.stockLines, [...skus.values()].map((k) => ({ productId: k.productId, brandId: input.brandId, styleCode: k.styleCode })));
      return { orderId, number, status, totalFen: itemsFen + deliveryFen, paymentMethod: input.paymentMethod, replayed: false };
    } catch (error) {
      if (!isConstraintFailure(error)) throw error;
      // Stock is reserved before the order row is written, so a replayed key whose item has sold out since
      // fails on stock, not on the key: look for the first order before calling anything sold out.
      const first = await existingOrder(memberId, input.idempotencyKey, hash);
      if (first) return first;
      const text = String((error as Error)?.message ?? error);
      if (/UNIQUE/i.test(text) && /number/.test(text)) continue; // order number clash: draw a new one
      throw new SoldOut(await alternativesFor(input.brandId, input.lines, plan.near));
    }
  }
  throw new Error("order number clashes three times in a row");
}
