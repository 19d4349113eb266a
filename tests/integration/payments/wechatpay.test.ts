import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWechatPay, paymentProvider, PaymentNotificationRejected, PaymentProviderError, type PaymentNotice, type PaymentProvider } from "@/lib/payments";
import { createFakeWechatPayKeys, startFakeWechatPay, type FakeWechatPay } from "@/tests/fakes/wechatpay-server";

// WeChat Pay APIv3 end to end: the real client (lib/payments/wechatpay.ts) over real HTTP against a
// fake WeChat Pay on loopback (tests/fakes/wechatpay-server.ts), and the fake's notifications
// received by a real HTTP listener standing in for the app's notify route.

const OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

let fake: FakeWechatPay;
let client: PaymentProvider;
let listener: http.Server;
let notifyUrl: string;
/** What the notify listener parsed, or why it refused, in arrival order. */
const received: Array<{ notice?: PaymentNotice; rejected?: string }> = [];

beforeAll(async () => {
  fake = await startFakeWechatPay();
  client = createWechatPay(fake.config());
  // The app's notify route in miniature: 204 when the notification is genuine, 4xx with WeChat Pay's
  // {"code":"FAIL"} otherwise (so WeChat Pay retries a genuine one later).
  listener = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, String(value)]));
      client.parseNotification({ headers, body: Buffer.concat(chunks).toString("utf8") }).then(
        (notice) => {
          received.push({ notice });
          res.writeHead(204).end();
        },
        (error: unknown) => {
          received.push({ rejected: error instanceof PaymentNotificationRejected ? error.reason : String(error) });
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: "FAIL", message: "失败" }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/payments/wechatpay/notify`;
});

afterAll(async () => {
  await fake?.close();
  await new Promise<void>((resolve) => {
    if (!listener) return resolve();
    listener.close(() => resolve());
    listener.closeAllConnections();
  });
});

let sequence = 0;
const tradeNo = () => `T${Date.now()}${String(++sequence).padStart(4, "0")}`;
const prepayInput = (outTradeNo: string, amountFen = 29950) => ({
  outTradeNo,
  amountFen,
  description: "LUMI-羊毛大衣 黑色 M",
  payerOpenId: OPENID,
  notifyUrl,
  expiresAt: new Date(Date.now() + 15 * 60_000),
});

async function providerError(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);
  return error as PaymentProviderError;
}

describe("WeChat Pay JSAPI against a fake WeChat Pay", () => {
  it("prepay sends a signed JSAPI order in fen and returns pay parameters signed by the merchant key", async () => {
    const outTradeNo = tradeNo();
    const result = await client.prepay(prepayInput(outTradeNo));
    expect(result.kind).toBe("jsapi");
    if (result.kind !== "jsapi") return;
    const trade = fake.trades.get(outTradeNo)!;
    expect(result.params).toMatchObject({ appId: fake.keys.appId, package: `prepay_id=${trade.prepayId}`, signType: "RSA" });
    const { appId, timeStamp, nonceStr, package: pkg, paySign } = result.params;
    expect(crypto.verify("sha256", Buffer.from(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`), fake.keys.merchantPublicKey, Buffer.from(paySign, "base64"))).toBe(true);

    const request = fake.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/v3/pay/transactions/jsapi", status: 200 });
    expect(request.headers["wechatpay-serial"]).toBe(fake.keys.platformSerial);
    expect(JSON.parse(request.body)).toEqual({
      appid: fake.keys.appId,
      mchid: fake.keys.mchId,
      description: "LUMI-羊毛大衣 黑色 M",
      out_trade_no: outTradeNo,
      time_expire: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      notify_url: notifyUrl,
      amount: { total: 29950, currency: "CNY" },
      payer: { openid: OPENID },
    });
  });

  it("prepaying the same order again gets the same prepay_id (a retried checkout is safe)", async () => {
    const outTradeNo = tradeNo();
    const first = await client.prepay(prepayInput(outTradeNo));
    const second = await client.prepay(prepayInput(outTradeNo));
    expect(first.kind === "jsapi" && second.kind === "jsapi" && first.params.package === second.params.package).toBe(true);
  });

  it("refuses JSAPI without the payer's openid before sending anything", async () => {
    const before = fake.requests.length;
    const error = await providerError(client.prepay({ ...prepayInput(tradeNo()), payerOpenId: undefined }));
    expect(error.code).toBe("invalid_input");
    expect(fake.requests.length).toBe(before);
  });

  it("query: null for an unknown trade, NOTPAY before payment", async () => {
    await expect(client.query("T000000000000unknown")).resolves.toBeNull();
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo, 100));
    await expect(client.query(outTradeNo)).resolves.toEqual({
      notificationId: `query:${outTradeNo}:NOTPAY`,
      outTradeNo,
      transactionId: "",
      state: "NOTPAY",
      amountFen: 100,
      paidAt: null,
    });
  });

  it("pay: a signed, encrypted notification reaches the notify listener and parses; query then says SUCCESS", async () => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo, 59900));
    received.length = 0;
    await expect(fake.pay(outTradeNo)).resolves.toBe(204);
    expect(received).toHaveLength(1);
    const notice = received[0]!.notice!;
    expect(notice).toMatchObject({ outTradeNo, state: "SUCCESS", amountFen: 59900 });
    expect(notice.transactionId).toMatch(/^4200\d+$/);
    expect(notice.paidAt).toBeInstanceOf(Date);
    expect(Math.abs(notice.paidAt!.getTime() - Date.now())).toBeLessThan(60_000);

    const queried = await client.query(outTradeNo);
    expect(queried).toMatchObject({ outTradeNo, state: "SUCCESS", amountFen: 59900, transactionId: notice.transactionId, paidAt: notice.paidAt });
  });

  it("the notify listener refuses a tampered or forged notification (WeChat Pay would retry)", async () => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo));
    received.length = 0;
    await expect(fake.pay(outTradeNo, { signWith: createFakeWechatPayKeys().platformPrivateKey })).resolves.toBe(400);
    await expect(fake.pay(outTradeNo, { timestamp: Math.floor(Date.now() / 1000) - 600 })).resolves.toBe(400);
    expect(received).toEqual([{ rejected: "bad_signature" }, { rejected: "stale_timestamp" }]);
  });

  it("a replayed notification parses to the same notice, so the app can recognise it by notificationId", async () => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo));
    const notification = fake.buildNotification(outTradeNo);
    const first = await client.parseNotification(notification);
    const replay = await client.parseNotification(notification);
    expect(replay).toEqual(first);
  });

  it("refund: PROCESSING with WeChat Pay's refund id, idempotent by outRefundNo, never more than was paid", async () => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo, 29900));
    await fake.pay(outTradeNo);
    const refund = { outTradeNo, outRefundNo: `R${outTradeNo.slice(1)}`, refundFen: 20000, totalFen: 29900, reason: "尺码不合适" };
    const first = await client.refund(refund);
    expect(first.status).toBe("PROCESSING");
    expect(first.refundId).toMatch(/^50\d/);
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({
      out_trade_no: outTradeNo,
      out_refund_no: refund.outRefundNo,
      reason: "尺码不合适",
      amount: { refund: 20000, total: 29900, currency: "CNY" },
    });
    await expect(client.refund(refund)).resolves.toEqual(first);
    expect(fake.trades.get(outTradeNo)!.refundedFen).toBe(20000);

    const tooMuch = await providerError(client.refund({ ...refund, outRefundNo: `Q${outTradeNo.slice(1)}`, refundFen: 10000 }));
    expect(tooMuch).toMatchObject({ code: "rejected", details: { status: 403, providerCode: "NOT_ENOUGH" } });
    expect(tooMuch.message).toContain("申请退款金额超过订单可退金额");
    await expect(client.query(outTradeNo)).resolves.toMatchObject({ state: "REFUND" });
  });

  it("queryRefund: PROCESSING until WeChat Pay finishes it, then SUCCESS (or CLOSED / ABNORMAL); null for a refund it never had", async () => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo, 29900));
    await fake.pay(outTradeNo);
    const outRefundNo = `R${outTradeNo.slice(1)}`;
    const created = await client.refund({ outTradeNo, outRefundNo, refundFen: 10000, totalFen: 29900, reason: "" });
    await expect(client.queryRefund(outRefundNo)).resolves.toEqual({ refundId: created.refundId, status: "PROCESSING" });
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: `/v3/refund/domestic/refunds/${outRefundNo}`, status: 200 });
    fake.completeRefund(outRefundNo);
    await expect(client.queryRefund(outRefundNo)).resolves.toEqual({ refundId: created.refundId, status: "SUCCESS" });

    const closedNo = `Q${outTradeNo.slice(1)}`;
    await client.refund({ outTradeNo, outRefundNo: closedNo, refundFen: 100, totalFen: 29900, reason: "" });
    fake.completeRefund(closedNo, "ABNORMAL");
    await expect(client.queryRefund(closedNo)).resolves.toMatchObject({ status: "ABNORMAL" });
    fake.completeRefund(closedNo, "CLOSED");
    await expect(client.queryRefund(closedNo)).resolves.toMatchObject({ status: "CLOSED" });

    await expect(client.queryRefund(`N${outTradeNo.slice(1)}`)).resolves.toBeNull();
    fake.tamperAnswers("signature");
    try {
      // A forged answer is neither a state nor a "no such refund".
      expect((await providerError(client.queryRefund(outRefundNo))).code).toBe("bad_response");
      await expect(client.queryRefund(`N${outTradeNo.slice(1)}`)).rejects.toBeInstanceOf(PaymentProviderError);
    } finally {
      fake.tamperAnswers(null);
    }
  });

  it("refuseRefunds: a refused refund records nothing, so the same outRefundNo sent again goes through", async () => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo, 29900));
    await fake.pay(outTradeNo);
    const refund = { outTradeNo, outRefundNo: `R${outTradeNo.slice(1)}`, refundFen: 29900, totalFen: 29900, reason: "" };
    fake.refuseRefunds(1);
    expect(await providerError(client.refund(refund))).toMatchObject({ code: "rejected", details: { status: 403, providerCode: "NOT_ENOUGH" } });
    await expect(client.queryRefund(refund.outRefundNo)).resolves.toBeNull();
    await expect(client.refund(refund)).resolves.toMatchObject({ status: "PROCESSING" });
    expect(fake.trades.get(outTradeNo)!.refundedFen).toBe(29900);
  });

  it("a request signed with the wrong merchant key: 401 SIGN_ERROR → a clear PaymentProviderError", async () => {
    const wrongKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const impostor = createWechatPay({ ...fake.config(), merchantPrivateKey: wrongKey });
    const error = await providerError(impostor.prepay(prepayInput(tradeNo())));
    expect(error).toMatchObject({ code: "rejected", details: { status: 401, providerCode: "SIGN_ERROR" } });
    expect(error.message).toContain("微信支付拒绝了下单：签名错误");
    expect(error.message).toContain("WECHATPAY_SERIAL and WECHATPAY_PRIVATE_KEY belong to the same merchant API certificate");
    expect(error.message).toMatch(/ \/ WeChat Pay refused the prepay: SIGN_ERROR/);
  });

  it.each([
    ["body", "a changed body"],
    ["signature", "a wrong signature"],
    ["unsigned", "no signature at all"],
    ["serial", "an unknown Wechatpay-Serial"],
    ["stale", "a stale timestamp"],
  ] as const)("an answer with %s (%s) is rejected, not trusted", async (mode, _what) => {
    const outTradeNo = tradeNo();
    await client.prepay(prepayInput(outTradeNo));
    fake.tamperAnswers(mode);
    try {
      const error = await providerError(client.query(outTradeNo));
      expect(error.code).toBe("bad_response");
      expect(error.message).toContain("微信支付应答验签失败");
      // Nor is a tampered "no such order" taken as a null.
      if (mode !== "body") await expect(client.query("T000000000000unknown")).rejects.toBeInstanceOf(PaymentProviderError);
    } finally {
      fake.tamperAnswers(null);
    }
  });

  it("an unreachable host → PaymentProviderError unreachable", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await providerError(createWechatPay({ ...fake.config(), apiHost: `http://127.0.0.1:${port}` }).query("T20260501000001"));
    expect(error.code).toBe("unreachable");
    expect(error.message).toMatch(/^无法连接微信支付 \/ WeChat Pay is unreachable/);
  });

  it("paymentProvider() configured from the environment reaches the same fake", async () => {
    const config = fake.config();
    const provider = paymentProvider({
      PAYMENT_PROVIDER: "wechatpay",
      WECHATPAY_MCHID: config.mchId,
      WECHATPAY_APPID: config.appId,
      WECHATPAY_SERIAL: config.merchantSerial,
      WECHATPAY_PRIVATE_KEY: String(config.merchantPrivateKey),
      WECHATPAY_APIV3_KEY: config.apiV3Key,
      WECHATPAY_PLATFORM_SERIAL: config.platformSerial,
      WECHATPAY_PLATFORM_PUBLIC_KEY: String(config.platformPublicKey),
      WECHATPAY_API_HOST: fake.url,
    });
    const outTradeNo = tradeNo();
    await expect(provider.prepay(prepayInput(outTradeNo))).resolves.toMatchObject({ kind: "jsapi" });
    await fake.pay(outTradeNo);
    await expect(provider.query(outTradeNo)).resolves.toMatchObject({ state: "SUCCESS" });
  });
});
