import crypto from "node:crypto";
import { db } from "@/lib/db";
import { recordOpeningStock } from "@/lib/inventory/opening-stock";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { placeOrder } from "@/lib/orders/placement";
import { startPayment } from "@/lib/orders/payment";
import type { PaymentProvider } from "@/lib/payments";

// Orders tests work on SKUs no store of the seed stocks yet, so each test owns its figures.

export async function brandOf(slug = "nord") {
  return db.brand.findUniqueOrThrow({ where: { slug } });
}

let made = 0;
/** A new SKU (a new size of a seeded style) that no store stocks: its stock is only what the test gives it. */
export async function newSku(brandId: string, priceFen?: number) {
  // A style in the middle of the catalogue: catalogue tests read the first and last styles and count their colours.
  const product = await db.product.findFirstOrThrow({ where: { brandId, active: true }, orderBy: { styleCode: "asc" }, skip: 20 });
  const n = `${process.pid % 1000}`.padStart(3, "0") + `${++made}`.padStart(4, "0") + `${crypto.randomInt(0, 100)}`.padStart(2, "0");
  const body = `699${n}`.slice(0, 12);
  return db.sku.create({
    data: { productId: product.id, gtin: makeGtin13(body), colorCode: `T${crypto.randomBytes(3).toString("hex")}`, colorName: `测试${made}`, colorHex: "#888888", size: "T", sizeOrder: 99, priceFen: priceFen ?? null },
    include: { product: true },
  });
}

export async function stock(storeId: string, skuId: string, onHand: number) {
  await recordOpeningStock([{ storeId, skuId, quantity: onHand }], "test");
}

export async function newMember(phone?: string) {
  return db.member.create({ data: { phone: phone ?? `139${crypto.randomInt(10_000_000, 99_999_999)}` } });
}

export const key = () => crypto.randomUUID();

export const inventoryOf = (storeId: string, skuId: string) => db.inventory.findUniqueOrThrow({ where: { storeId_skuId: { storeId, skuId } } });

/** Every (store, SKU): the ledger's deltas sum to the row's figures. */
export async function ledgerMismatches() {
  return db.$queryRaw<{ storeId: string; skuId: string }[]>`
    SELECT i."storeId", i."skuId" FROM "Inventory" i
    LEFT JOIN (SELECT "storeId", "skuId", SUM("onHandDelta") AS oh, SUM("reservedDelta") AS rs FROM "StockLedger" GROUP BY 1, 2) l
      ON l."storeId" = i."storeId" AND l."skuId" = i."skuId"
    WHERE COALESCE(l.oh, 0) <> i."onHand" OR COALESCE(l.rs, 0) <> i."reserved"`;
}

const PAYER_OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

/** A member's unpaid pickup order (one unit of a fresh SKU reserved) with its WeChat Pay trade started at the fake. */
export async function unpaidWechatOrder(wechat: PaymentProvider, now = new Date()) {
  const brand = await brandOf();
  const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT", active: true, pickupEnabled: true }, orderBy: { code: "asc" } });
  const sku = await newSku(brand.id, 25900);
  await stock(store.id, sku.id, 3);
  const member = await newMember();
  const placed = await placeOrder(member.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines: [{ skuId: sku.id, quantity: 1 }] }, now);
  const prepay = await startPayment(placed.number, member.id, { notifyUrl: "https://shop.example.com/api/payments/wechatpay/notify", payerOpenId: PAYER_OPENID, provider: wechat, now });
  return { ...placed, memberId: member.id, storeId: store.id, skuId: sku.id, prepay };
}
