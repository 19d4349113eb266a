import { beforeAll, describe, expect, it } from "vitest";
import { PaymentNotificationRejected, type NotificationRejectedReason, type PaymentProvider } from "@/lib/payments/types";
import { createWechatPay } from "@/lib/payments/wechatpay";
import {
  buildNotification,
  createFakeWechatPayKeys,
  signedHeaders,
  wechatPayClientConfig,
  type FakeTransaction,
  type FakeWechatPayKeys,
} from "@/tests/fakes/wechatpay-server";

// parseNotification needs no network: these run the real client on notifications built the way
// WeChat Pay builds them (tests/fakes/wechatpay-server.ts), then spoiled one way at a time.

let keys: FakeWechatPayKeys;
let provider: PaymentProvider;
let transaction: FakeTransaction;

beforeAll(() => {
  keys = createFakeWechatPayKeys();
  provider = createWechatPay(wechatPayClientConfig(keys));
  transaction = {
    appid: keys.appId,
    mchid: keys.mchId,
    out_trade_no: "T20260501000001",
    transaction_id: "4200001234202605011234567890",
    trade_type: "JSAPI",
    trade_state: "SUCCESS",
    trade_state_desc: "支付成功",
    bank_type: "CMC",
    attach: "",
    success_time: "2026-05-01T12:00:05+08:00",
    payer: { openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
    amount: { total: 29950, payer_total: 29950, currency: "CNY", payer_currency: "CNY" },
  };
});

async function rejection(request: { headers: Headers | Record<string, string>; body: string }): Promise<NotificationRejectedReason> {
  const error = await provider.parseNotification(request).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PaymentNotificationRejected);
  return (error as PaymentNotificationRejected).reason;
}

describe("parseNotification", () => {
  it("accepts a genuine TRANSACTION.SUCCESS notification and returns the decrypted trade in fen", async () => {
    const notification = buildNotification(keys, transaction, { id: "EV-2018022511223320873" });
    await expect(provider.parseNotification(notification)).resolves.toEqual({
      notificationId: "EV-2018022511223320873",
      outTradeNo: "T20260501000001",
      transactionId: "4200001234202605011234567890",
      state: "SUCCESS",
      amountFen: 29950,
      paidAt: new Date("2026-05-01T04:00:05Z"),
    });
  });

  it("reads headers case-insensitively, from a plain object or a Headers", async () => {
    const { headers, body } = buildNotification(keys, transaction);
    const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
    await expect(provider.parseNotification({ headers: lower, body })).resolves.toMatchObject({ state: "SUCCESS" });
    await expect(provider.parseNotification({ headers: new Headers(headers), body })).resolves.toMatchObject({ state: "SUCCESS" });
  });

  it("rejects a tampered body (bad_signature)", async () => {
    const { headers, body } = buildNotification(keys, transaction);
    expect(await rejection({ headers, body: body.replace('"summary":"支付成功"', '"summary":"支付成功 "') })).toBe("bad_signature");
    expect(await rejection({ headers, body: `${body} ` })).toBe("bad_signature");
  });

  it("rejects a notification signed by another key under the right serial (bad_signature)", async () => {
    const forger = createFakeWechatPayKeys();
    expect(await rejection(buildNotification(keys, transaction, { signWith: forger.platformPrivateKey }))).toBe("bad_signature");
  });

  it("rejects a notification without Wechatpay-* headers (bad_signature)", async () => {
    const { body } = buildNotification(keys, transaction);
    expect(await rejection({ headers: { "Content-Type": "application/json" }, body })).toBe("bad_signature");
  });

  it("rejects WeChat Pay's WECHATPAY/SIGNTEST probe (bad_signature)", async () => {
    const { headers, body } = buildNotification(keys, transaction);
    expect(await rejection({ headers: { ...headers, "Wechatpay-Signature": "WECHATPAY/SIGNTEST/ZHVtbXk=" }, body })).toBe("bad_signature");
  });

  it("rejects an unknown Wechatpay-Serial (unknown_serial)", async () => {
    expect(await rejection(buildNotification(keys, transaction, { serial: "PUB_KEY_ID_0199999999999999999999999999999999" }))).toBe("unknown_serial");
  });

  it("rejects timestamps more than 5 minutes old or ahead (stale_timestamp), accepts 4 minutes", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await rejection(buildNotification(keys, transaction, { timestamp: now - 5 * 60 - 10 }))).toBe("stale_timestamp");
    expect(await rejection(buildNotification(keys, transaction, { timestamp: now + 5 * 60 + 10 }))).toBe("stale_timestamp");
    await expect(provider.parseNotification(buildNotification(keys, transaction, { timestamp: now - 4 * 60 }))).resolves.toMatchObject({ state: "SUCCESS" });
  });

  it("rejects a replay once it is older than 5 minutes, by the client's clock", async () => {
    const notification = buildNotification(keys, transaction);
    const later = createWechatPay({ ...wechatPayClientConfig(keys), now: () => Date.now() + 6 * 60_000 });
    const error = await later.parseNotification(notification).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentNotificationRejected);
    expect((error as PaymentNotificationRejected).reason).toBe("stale_timestamp");
  });

  it("rejects a signed notification whose ciphertext does not decrypt (decrypt_failed)", async () => {
    expect(await rejection(buildNotification(keys, transaction, { ciphertext: Buffer.from("not the real ciphertext, but long enough").toString("base64") }))).toBe(
      "decrypt_failed",
    );
    expect(await rejection(buildNotification(keys, transaction, { apiV3Key: "0123456789abcdef0123456789abcdef" }))).toBe("decrypt_failed");
  });

  it("rejects a resource whose associated_data was changed (the AEAD tag covers it)", async () => {
    const genuine = buildNotification(keys, transaction);
    const parsed = JSON.parse(genuine.body) as { resource: { associated_data: string } };
    parsed.resource.associated_data = "refund";
    const body = JSON.stringify(parsed);
    expect(await rejection({ headers: signedHeaders(keys, body), body })).toBe("decrypt_failed");
  });

  it("rejects a signed body that is not a payment notification (bad_body)", async () => {
    const notJson = "<xml>hello</xml>";
    expect(await rejection({ headers: signedHeaders(keys, notJson), body: notJson })).toBe("bad_body");
    expect(await rejection(buildNotification(keys, transaction, { originalType: "refund" }))).toBe("bad_body");
    expect(await rejection(buildNotification(keys, { ...transaction, mchid: "1900000109" }))).toBe("bad_body");
    expect(await rejection(buildNotification(keys, { ...transaction, amount: { ...transaction.amount, total: 1.5 } }))).toBe("bad_body");
  });
});
