// Issue 7 fault: payment notifications delivered late, twice and out of order → one state change each.
// Every notice goes through the app's notify route handler (POST /api/payments/wechatpay/notify) with the
// deployment's provider chosen from the environment (PAYMENT_PROVIDER=wechatpay) and is signed and
// encrypted by a fake WeChat Pay on loopback. What changed is counted, not guessed: order events, payment
// rows and their status, recorded notices, refunds (ours and the fake's) and stock ledger rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createWechatPay, type PaymentProvider } from "@/lib/payments";
import { sweepExpired } from "@/lib/orders/sweeper";
import { buildNotification, startFakeWechatPay, type FakeTransaction, type FakeWechatPay } from "@/tests/fakes/wechatpay-server";
import { inventoryOf, ledgerMismatches, unpaidWechatOrder } from "../orders/fixtures";

let fake: FakeWechatPay;
let wechat: PaymentProvider;
let POST: (request: Request) => Promise<Response>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startFakeWechatPay();
  wechat = createWechatPay(fake.config());
  const { keys } = fake;
  Object.assign(process.env, {
    PAYMENT_PROVIDER: "wechatpay",
    WECHATPAY_MCHID: keys.mchId,
    WECHATPAY_APPID: keys.appId,
    WECHATPAY_SERIAL: keys.merchantSerial,
    WECHATPAY_PRIVATE_KEY: keys.merchantPrivateKey,
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    WECHATPAY_PLATFORM_SERIAL: keys.platformSerial,
    WECHATPAY_PLATFORM_PUBLIC_KEY: keys.platformPublicKey,
    WECHATPAY_API_HOST: fake.url,
  });
  ({ POST } = await import("@/app/api/payments/wechatpay/notify/route"));
});
afterAll(async () => {
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  await fake.close();
});

type Notification = { headers: Record<string, string>; body: string };

/** WeChat Pay POSTs a notification to the app's notify URL. */
async function deliver(notification: Notification): Promise<number> {
  const response = await POST(new Request("http://localhost/api/payments/wechatpay/notify", { method: "POST", headers: notification.headers, body: notification.body }));
  return response.status;
}

/** Everything a notice could change about one order. */
async function changesOf(number: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: {
      status: true,
      events: { select: { fromStatus: true, toStatus: true, actor: true }, orderBy: { createdAt: "asc" } },
      payments: { select: { status: true, transactionId: true } },
      refunds: { select: { outRefundNo: true, amountFen: true, actor: true } },
    },
  });
  return {
    status: order.status,
    events: order.events.map((e) => `${e.fromStatus ?? "∅"}→${e.toStatus} ${e.actor}`),
    payments: order.payments.map((p) => p.status),
    refunds: order.refunds,
    notices: await db.paymentNotification.count({ where: { outTradeNo: number } }),
    ledgerRows: await db.stockLedger.count({ where: { reference: `order:${number}` } }),
    providerRefunds: [...fake.refunds.values()].filter((r) => r.out_trade_no === number).length,
  };
}

/** The trade as WeChat Pay would describe it in another state (e.g. CLOSED), signed and encrypted like a real notice. */
function tradeNotice(number: string, change: Partial<FakeTransaction>): Notification {
  const trade = fake.trades.get(number);
  if (!trade) throw new Error(`no trade ${number} at the fake`);
  return buildNotification(fake.keys, { ...trade.transaction, ...change });
}

/** A REFUND.SUCCESS notice (original_type "refund"): the app reconciles refunds by query (decision 011), so it refuses these. */
function refundNotice(number: string): Notification {
  const refund = {
    mchid: fake.keys.mchId,
    out_trade_no: number,
    transaction_id: "4200000000000000000000000000",
    out_refund_no: `${number}R9`,
    refund_id: "50000000000000000000000000000",
    refund_status: "SUCCESS",
    success_time: "2026-05-01T12:00:00+08:00",
    amount: { total: 25900, refund: 25900, payer_total: 25900, payer_refund: 25900 },
  };
  // The fake's builder types its resource as a transaction; a refund resource is encrypted the same way.
  return buildNotification(fake.keys, refund as unknown as FakeTransaction, { eventType: "REFUND.SUCCESS", originalType: "refund", associatedData: "refund" });
}

const PAID_EVENT = "PLACED→PAID payment:WECHAT_PAY";

describe("payment notifications through the notify route: late, twice, out of order", () => {
  it("the same SUCCESS notification delivered twice at once, then again: paid once", async () => {
    const order = await unpaidWechatOrder(wechat);
    const before = await changesOf(order.number);
    expect(before).toMatchObject({ status: "PLACED", events: ["∅→PLACED member:" + order.memberId], payments: ["PENDING"], notices: 0 });

    const notification = fake.buildNotification(order.number);
    expect(await Promise.all([deliver(notification), deliver(notification)])).toEqual([204, 204]);
    expect(await deliver(notification)).toBe(204);

    const after = await changesOf(order.number);
    expect(after.status).toBe("PAID");
    expect(after.events).toEqual([...before.events, PAID_EVENT]);
    expect(after.payments).toEqual(["SUCCEEDED"]);
    expect(after.notices).toBe(1);
    expect(after.ledgerRows).toBe(before.ledgerRows); // paying moves no stock: the unit stays reserved
    expect(after.refunds).toEqual([]);
    expect((await inventoryOf(order.storeId, order.skuId)).reserved).toBe(1);
  });

  it("two different SUCCESS notifications for one payment at once (WeChat's and its retry with a new id): paid once", async () => {
    const order = await unpaidWechatOrder(wechat);
    const before = await changesOf(order.number);
    const statuses = await Promise.all([deliver(fake.buildNotification(order.number)), deliver(fake.buildNotification(order.number))]);
    expect(statuses).toEqual([204, 204]);
    const after = await changesOf(order.number);
    expect(after).toMatchObject({ status: "PAID", events: [...before.events, PAID_EVENT], payments: ["SUCCEEDED"], notices: 2, ledgerRows: before.ledgerRows, refunds: [] });
  });

  it("late: a notice held up past the pay-by time but before the sweep pays the order; the sweeper then leaves it alone", async () => {
    const order = await unpaidWechatOrder(wechat, new Date(Date.now() - 20 * 60_000));
    const before = await changesOf(order.number);
    expect(await deliver(fake.buildNotification(order.number))).toBe(204);
    await sweepExpired(new Date(), wechat);
    const after = await changesOf(order.number);
    expect(after).toMatchObject({ status: "PAID", events: [...before.events, PAID_EVENT], payments: ["SUCCEEDED"], ledgerRows: before.ledgerRows, refunds: [] });
    expect((await inventoryOf(order.storeId, order.skuId)).reserved).toBe(1);
  });

  it("late: SUCCESS after the sweeper cancelled, delivered twice at once → one refund, one event, no stock moved", async () => {
    const order = await unpaidWechatOrder(wechat, new Date(Date.now() - 20 * 60_000));
    await sweepExpired(new Date(), wechat); // WeChat Pay still says NOTPAY: cancelled, the unit released
    const swept = await changesOf(order.number);
    expect(swept).toMatchObject({ status: "CANCELLED", payments: ["CLOSED"], ledgerRows: 2, refunds: [] }); // RESERVE, then RELEASE
    expect(swept.events.at(-1)).toBe("PLACED→CANCELLED system:sweeper");

    await fake.pay(order.number).catch(() => 0); // the shopper pays at the last second; that notice is lost…
    const retry = fake.buildNotification(order.number); // …and WeChat Pay's retry arrives twice at once
    expect(await Promise.all([deliver(retry), deliver(retry)])).toEqual([204, 204]);
    expect(await deliver(retry)).toBe(204);

    const after = await changesOf(order.number);
    expect(after.status).toBe("CANCELLED");
    expect(after.events).toEqual([...swept.events, "CANCELLED→CANCELLED system:late-payment"]);
    expect(after.payments).toEqual(["SUCCEEDED"]);
    expect(after.refunds).toEqual([{ outRefundNo: `${order.number}R0`, amountFen: 25900, actor: "system:late-payment" }]);
    expect(after.providerRefunds).toBe(1);
    expect(after.notices).toBe(1);
    expect(after.ledgerRows).toBe(swept.ledgerRows);
    expect((await inventoryOf(order.storeId, order.skuId)).reserved).toBe(0);
  });

  it("out of order: CLOSED before SUCCESS → the payment closes, then SUCCESS pays the order once; CLOSED after SUCCESS changes nothing", async () => {
    const order = await unpaidWechatOrder(wechat);
    const before = await changesOf(order.number);
    const closed = tradeNotice(order.number, { trade_state: "CLOSED", trade_state_desc: "已关闭" });
    expect(await deliver(closed)).toBe(204);
    const afterClosed = await changesOf(order.number);
    expect(afterClosed).toMatchObject({ status: "PLACED", events: before.events, payments: ["CLOSED"], notices: 1 });

    expect(await deliver(fake.buildNotification(order.number))).toBe(204);
    const paid = await changesOf(order.number);
    expect(paid).toMatchObject({ status: "PAID", events: [...before.events, PAID_EVENT], payments: ["SUCCEEDED"], notices: 2 });

    // The CLOSED notice again, and a fresh one, arriving after the payment: recorded, nothing else moves.
    expect(await Promise.all([deliver(closed), deliver(tradeNotice(order.number, { trade_state: "CLOSED", trade_state_desc: "已关闭" }))])).toEqual([204, 204]);
    const after = await changesOf(order.number);
    expect(after).toMatchObject({ status: "PAID", events: paid.events, payments: ["SUCCEEDED"], ledgerRows: before.ledgerRows, refunds: [] });
  });

  it("SUCCESS and CLOSED delivered at the same moment: paid once, the payment stays SUCCEEDED", async () => {
    const order = await unpaidWechatOrder(wechat);
    const before = await changesOf(order.number);
    const statuses = await Promise.all([
      deliver(tradeNotice(order.number, { trade_state: "CLOSED", trade_state_desc: "已关闭" })),
      deliver(fake.buildNotification(order.number)),
    ]);
    expect(statuses).toEqual([204, 204]);
    const after = await changesOf(order.number);
    expect(after).toMatchObject({ status: "PAID", events: [...before.events, PAID_EVENT], payments: ["SUCCEEDED"], notices: 2, refunds: [] });
  });

  it("a refund notice before and after the payment notice is refused (4xx, WeChat Pay's FAIL) and changes nothing", async () => {
    const order = await unpaidWechatOrder(wechat);
    const before = await changesOf(order.number);
    expect(await deliver(refundNotice(order.number))).toBe(400);
    expect(await changesOf(order.number)).toEqual(before);

    expect(await deliver(fake.buildNotification(order.number))).toBe(204);
    const paid = await changesOf(order.number);
    expect(paid).toMatchObject({ status: "PAID", events: [...before.events, PAID_EVENT], notices: 1 });

    expect(await Promise.all([deliver(refundNotice(order.number)), deliver(refundNotice(order.number))])).toEqual([400, 400]);
    expect(await changesOf(order.number)).toEqual(paid);
    expect(await ledgerMismatches()).toEqual([]);
  });
});
