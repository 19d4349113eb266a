import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createWechatPay, type PaymentProvider } from "@/lib/payments";
import { applyPaymentNotice, receivePaymentNotification } from "@/lib/orders/payment";
import { sweepExpired } from "@/lib/orders/sweeper";
import { startFakeWechatPay, type FakeWechatPay } from "@/tests/fakes/wechatpay-server";
import { inventoryOf, ledgerMismatches, unpaidWechatOrder } from "./fixtures";

// WeChat Pay notifications applied to real orders on a real database, signed and encrypted by a fake
// WeChat Pay on loopback with its own keys.

let fake: FakeWechatPay;
let wechat: PaymentProvider;

beforeAll(async () => {
  fake = await startFakeWechatPay();
  wechat = createWechatPay(fake.config());
});
afterAll(() => fake.close());

const unpaidOrder = (now = new Date()) => unpaidWechatOrder(wechat, now);

const statusOf = async (number: string) => (await db.order.findUniqueOrThrow({ where: { number } })).status;
const deliver = (n: { headers: Record<string, string>; body: string }) => receivePaymentNotification({ headers: new Headers(n.headers), body: n.body }, wechat);

describe("WeChat Pay notifications", () => {
  it("prepay gives JSAPI parameters; a valid notification pays the order; the same one three times changes it once", async () => {
    const order = await unpaidOrder();
    expect(order.prepay.kind).toBe("jsapi");
    const notification = fake.buildNotification(order.number);
    expect(await deliver(notification)).toEqual({ status: 204 });
    expect(await deliver(notification)).toEqual({ status: 204 });
    expect(await deliver(notification)).toEqual({ status: 204 });
    expect(await statusOf(order.number)).toBe("PAID");
    expect(await db.orderEvent.count({ where: { order: { number: order.number }, toStatus: "PAID" } })).toBe(1);
    // A second genuine notification (another id) for the same payment changes nothing either.
    expect(await deliver(fake.buildNotification(order.number))).toEqual({ status: 204 });
    expect(await db.orderEvent.count({ where: { order: { number: order.number }, toStatus: "PAID" } })).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { outTradeNo: order.number } })).status).toBe("SUCCEEDED");
  });

  it("refuses a tampered body, a wrong serial, a stale timestamp and a forged signature with 4xx; the order is untouched", async () => {
    const order = await unpaidOrder();
    const genuine = fake.buildNotification(order.number);
    const tampered = { headers: genuine.headers, body: genuine.body.replace("支付成功", "支付成功!") };
    const results = await Promise.all([
      deliver(tampered),
      deliver(fake.buildNotification(order.number, { serial: "PUB_KEY_ID_0000000000000000000000000000000001" })),
      deliver(fake.buildNotification(order.number, { timestamp: Math.floor(Date.now() / 1000) - 600 })),
      deliver(fake.buildNotification(order.number, { apiV3Key: "0123456789abcdef0123456789abcdef" })),
    ]);
    for (const r of results) expect(r).toMatchObject({ status: 400, code: "FAIL" });
    expect(await statusOf(order.number)).toBe("PLACED");
    expect(await db.paymentNotification.count({ where: { outTradeNo: order.number } })).toBe(0);
  });

  it("out of order: a CLOSED notice after SUCCESS changes nothing; SUCCESS after the sweeper cancelled refunds the money", async () => {
    const paid = await unpaidOrder();
    await deliver(fake.buildNotification(paid.number));
    await applyPaymentNotice({ notificationId: "late-close", outTradeNo: paid.number, transactionId: "", state: "CLOSED", amountFen: 25900, paidAt: null }, "WECHAT_PAY");
    expect((await db.payment.findUniqueOrThrow({ where: { outTradeNo: paid.number } })).status).toBe("SUCCEEDED");
    expect(await statusOf(paid.number)).toBe("PAID");

    const placedAt = new Date(Date.now() - 20 * 60_000);
    const late = await unpaidOrder(placedAt);
    // The sweeper asks WeChat Pay first; the fake says NOTPAY, so the order is cancelled and its unit released.
    await sweepExpired(new Date(), wechat);
    expect(await statusOf(late.number)).toBe("CANCELLED");
    expect((await inventoryOf(late.storeId, late.skuId)).reserved).toBe(0);
    await fake.pay(late.number).catch(() => 0); // the shopper pays after all; that notification is lost…
    expect(await deliver(fake.buildNotification(late.number))).toEqual({ status: 204 }); // …and WeChat's retry arrives
    expect(await statusOf(late.number)).toBe("CANCELLED");
    const refund = await db.refund.findFirstOrThrow({ where: { order: { number: late.number } } });
    expect(refund).toMatchObject({ amountFen: 25900, status: expect.stringMatching(/SUCCEEDED|PENDING/) });
    expect([...fake.refunds.values()].some((r) => r.out_trade_no === late.number)).toBe(true);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("the sweeper applies a payment whose notification never came instead of cancelling the order", async () => {
    const order = await unpaidOrder(new Date(Date.now() - 20 * 60_000));
    await fake.pay(order.number).catch(() => 0); // the notification is lost (nobody listens at the notify URL)
    const result = await sweepExpired(new Date(), wechat);
    expect(result.paidLate).toBeGreaterThanOrEqual(1);
    expect(await statusOf(order.number)).toBe("PAID");
    expect((await inventoryOf(order.storeId, order.skuId)).reserved).toBe(1);
  });

  it("a notification for an amount that differs from the order is refused and changes nothing", async () => {
    const order = await unpaidOrder();
    await expect(
      applyPaymentNotice({ notificationId: "wrong-amount", outTradeNo: order.number, transactionId: "4200000000", state: "SUCCESS", amountFen: 1, paidAt: new Date() }, "WECHAT_PAY"),
    ).rejects.toMatchObject({ code: "amount_mismatch" });
    expect(await statusOf(order.number)).toBe("PLACED");
  });
});
