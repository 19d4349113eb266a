import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSandboxProvider, createWechatPay, type PaymentProvider } from "@/lib/payments";
import { placeOrder } from "@/lib/orders/placement";
import { receivePaymentNotification, startPayment } from "@/lib/orders/payment";
import { handOver } from "@/lib/orders/fulfilment";
import { pickupCodeFor } from "@/lib/orders/pickup-code";
import { reconcileRefund, retryRefund, returnOrderLines } from "@/lib/orders/refunds";
import { REFUND_RECHECK_MS, sweepExpired } from "@/lib/orders/sweeper";
import { bindShopperToGuide } from "@/lib/attribution/binding";
import { settleDueCommission } from "@/lib/commission/ledger";
import type { StaffActor } from "@/lib/orders/staff-actor";
import { startFakeWechatPay, type FakeWechatPay } from "@/tests/fakes/wechatpay-server";
import { key, newMember, newSku, stock } from "./fixtures";

// Refunds after the first answer: WeChat Pay (the fake on loopback) answers PROCESSING, the sweeper asks
// again until it hears SUCCESS, and commission, which waits while a refund is under way, then settles; a
// refund WeChat Pay refused is FAILED until staff of the brand retry it with the same out_refund_no.

const OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
const DAY = 86_400_000;
let fake: FakeWechatPay;
let wechat: PaymentProvider;

beforeAll(async () => {
  fake = await startFakeWechatPay();
  wechat = createWechatPay(fake.config());
});
afterAll(() => fake.close());

async function counter() {
  const brand = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
  const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, code: "SH01" } });
  const guide = await db.staff.findFirstOrThrow({ where: { username: "nord.sh01.guide" } });
  const staff: StaffActor = { staffId: guide.id, brandId: brand.id, storeId: store.id };
  return { brand, store, guide, staff };
}

/** A guide-bound shopper's pickup order, paid through the fake WeChat Pay and its signed notification, then collected. */
async function collectedWechatOrder(prices: number[], now = new Date()) {
  const { brand, store, guide, staff } = await counter();
  const buyer = await newMember();
  await db.memberBrand.create({ data: { memberId: buyer.id, brandId: brand.id } });
  await bindShopperToGuide({ brandId: brand.id, memberId: buyer.id, guideId: guide.id, source: "QR" });
  const skus = await Promise.all(prices.map((p) => newSku(brand.id, p)));
  for (const sku of skus) await stock(store.id, sku.id, 3);
  const placed = await placeOrder(buyer.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines: skus.map((s) => ({ skuId: s.id, quantity: 1 })) }, now);
  // Nobody listens on port 9: the fake marks the trade paid, its POST fails, and the test delivers the notice.
  await startPayment(placed.number, buyer.id, { notifyUrl: "http://127.0.0.1:9/api/payments/wechatpay/notify", payerOpenId: OPENID, provider: wechat, now });
  await fake.pay(placed.number).catch(() => 0);
  const notification = fake.buildNotification(placed.number);
  expect(await receivePaymentNotification({ headers: new Headers(notification.headers), body: notification.body }, wechat)).toEqual({ status: 204 });
  const lines = await db.orderLine.findMany({ where: { orderId: placed.orderId }, orderBy: { unitPriceFen: "desc" } });
  await handOver(staff, pickupCodeFor(placed.orderId), lines.map((l) => l.id), now);
  expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("COMPLETED");
  return { ...placed, lines, staff, guide };
}

const refundOf = (id: string) => db.refund.findUniqueOrThrow({ where: { id } });
const commissionOf = (orderId: string) => db.commissionEntry.findMany({ where: { orderId } });
/** As if the refund had been sent (or last asked about) more than a minute ago. */
const age = (refundId: string) => db.$executeRaw`UPDATE "Refund" SET "updatedAt" = ${new Date(Date.now() - REFUND_RECHECK_MS - 5_000)} WHERE "id" = ${refundId}`;

describe("refund reconciliation", () => {
  it("PROCESSING → PENDING; the sweeper asks WeChat Pay again → SUCCEEDED, and the order's commission then settles", async () => {
    const now = new Date();
    const order = await collectedWechatOrder([20000, 9900], now);
    expect((await commissionOf(order.orderId)).filter((c) => c.kind === "EARN").length).toBeGreaterThan(0);

    const returned = await returnOrderLines(order.staff, { orderId: order.orderId, lines: [{ orderLineId: order.lines[1]!.id, quantity: 1 }], reason: "尺码不合适" }, now, wechat);
    expect(returned).toMatchObject({ amountFen: 9900, status: "PARTIALLY_REFUNDED", refundStatus: "PENDING" });
    const refund = await refundOf(returned.refundId);
    expect(refund).toMatchObject({ status: "PENDING", providerRefundId: fake.refunds.get(refund.outRefundNo)!.refund_id });

    // Past the freeze, but a refund is under way: nothing settles.
    const afterFreeze = new Date(now.getTime() + 8 * DAY);
    await settleDueCommission(afterFreeze);
    expect((await commissionOf(order.orderId)).every((c) => c.status === "PENDING")).toBe(true);

    // Too fresh to ask about; then asked about while WeChat Pay still says PROCESSING: still PENDING.
    await sweepExpired(new Date(), wechat);
    expect((await refundOf(refund.id)).status).toBe("PENDING");
    const queries = () => fake.requests.filter((r) => r.method === "GET" && r.path === `/v3/refund/domestic/refunds/${refund.outRefundNo}`).length;
    expect(queries()).toBe(0);
    await age(refund.id);
    await sweepExpired(new Date(), wechat);
    expect(queries()).toBe(1);
    expect((await refundOf(refund.id)).status).toBe("PENDING");
    // Asked about, so back of the queue: the next minute's sweep does not ask again at once.
    await sweepExpired(new Date(), wechat);
    expect(queries()).toBe(1);

    fake.completeRefund(refund.outRefundNo);
    await age(refund.id);
    const swept = await sweepExpired(new Date(), wechat);
    expect(swept.refundsReconciled).toBeGreaterThanOrEqual(1);
    expect(await refundOf(refund.id)).toMatchObject({ status: "SUCCEEDED", providerRefundId: fake.refunds.get(refund.outRefundNo)!.refund_id });

    await settleDueCommission(afterFreeze);
    const rows = await commissionOf(order.orderId);
    expect(rows.some((r) => r.kind === "REVERSAL")).toBe(true);
    expect(rows.every((r) => r.status === "SETTLED")).toBe(true);
  });

  it("a refund WeChat Pay refuses is FAILED; staff retry it (same out_refund_no) → PENDING → SUCCEEDED; a double tap sends once", async () => {
    const order = await collectedWechatOrder([15000]);
    fake.refuseRefunds(1);
    const returned = await returnOrderLines(order.staff, { orderId: order.orderId, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] }, new Date(), wechat);
    expect(returned).toMatchObject({ status: "REFUNDED", refundStatus: "FAILED" });
    const refund = await refundOf(returned.refundId);
    expect(refund.status).toBe("FAILED");
    expect(fake.refunds.has(refund.outRefundNo)).toBe(false);
    // The sweeper leaves FAILED refunds alone: only staff send them again.
    await age(refund.id);
    await sweepExpired(new Date(), wechat);
    expect((await refundOf(refund.id)).status).toBe("FAILED");

    const [first, second] = await Promise.allSettled([retryRefund(order.staff, refund.id, wechat), retryRefund(order.staff, refund.id, wechat)]);
    const outcomes = [first, second].map((r) => (r.status === "fulfilled" ? r.value.refundStatus : (r.reason as { code: string }).code)).sort();
    expect(outcomes).toEqual(["PENDING", "refund_not_failed"]);
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === "/v3/refund/domestic/refunds" && JSON.parse(r.body).out_refund_no === refund.outRefundNo);
    expect(posts.map((p) => p.status)).toEqual([403, 200]);
    expect(fake.refunds.get(refund.outRefundNo)).toMatchObject({ status: "PROCESSING", amount: { refund: 15000 } });

    fake.completeRefund(refund.outRefundNo);
    expect(await reconcileRefund(refund.id, wechat)).toBe("SUCCEEDED");
    expect(await refundOf(refund.id)).toMatchObject({ status: "SUCCEEDED", outRefundNo: refund.outRefundNo });
    await expect(retryRefund(order.staff, refund.id, wechat)).rejects.toMatchObject({ code: "refund_not_failed", status: 409 });
  });

  it("another brand's staff cannot retry (404), and the refund stays FAILED", async () => {
    const order = await collectedWechatOrder([12000]);
    fake.refuseRefunds(1);
    const returned = await returnOrderLines(order.staff, { orderId: order.orderId, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] }, new Date(), wechat);
    expect(returned.refundStatus).toBe("FAILED");
    const lumi = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
    const lumiStore = await db.store.findFirstOrThrow({ where: { brandId: lumi.id } });
    const foreign: StaffActor = { staffId: "test-staff-lumi", brandId: lumi.id, storeId: lumiStore.id };
    await expect(retryRefund(foreign, returned.refundId, wechat)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(retryRefund(foreign, "no-such-refund", wechat)).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect((await refundOf(returned.refundId)).status).toBe("FAILED");
    expect(fake.refunds.has((await refundOf(returned.refundId)).outRefundNo)).toBe(false);
  });

  it("CLOSED at WeChat Pay → FAILED; a sandbox sweeper never answers for a WeChat Pay refund", async () => {
    const order = await collectedWechatOrder([8800]);
    const returned = await returnOrderLines(order.staff, { orderId: order.orderId, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] }, new Date(), wechat);
    expect(returned.refundStatus).toBe("PENDING");
    const refund = await refundOf(returned.refundId);
    fake.completeRefund(refund.outRefundNo, "CLOSED");
    await age(refund.id);
    await sweepExpired(new Date(), createSandboxProvider());
    expect((await refundOf(refund.id)).status).toBe("PENDING");
    await sweepExpired(new Date(), wechat);
    expect((await refundOf(refund.id)).status).toBe("FAILED");
    // WeChat Pay keeps a closed refund closed under its number: the retry is answered CLOSED, so it stays
    // FAILED (it needs the merchant platform; see docs/decisions/011-payments.md, addendum).
    await expect(retryRefund(order.staff, refund.id, wechat)).resolves.toMatchObject({ refundStatus: "FAILED" });
  });
});
