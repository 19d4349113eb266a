import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAuthorization, buildJsapiParams, toRfc3339Beijing } from "@/lib/payments/wechatpay";
import { createFakeWechatPayKeys, type FakeWechatPayKeys } from "@/tests/fakes/wechatpay-server";

let keys: FakeWechatPayKeys;
beforeAll(() => {
  keys = createFakeWechatPayKeys();
});

const verify = (message: string, signature: string, publicKey: string) => crypto.verify("sha256", Buffer.from(message), publicKey, Buffer.from(signature, "base64"));

describe("JSAPI pay parameters", () => {
  it("paySign is RSA-SHA256 by the merchant key over appId, timeStamp, nonceStr and package, each line ending in \\n", () => {
    const nowMs = Date.UTC(2026, 4, 1, 4, 0, 0);
    const params = buildJsapiParams(keys.appId, "wx201410272009395522657a690389285100", crypto.createPrivateKey(keys.merchantPrivateKey), nowMs);
    expect(params).toMatchObject({ appId: keys.appId, timeStamp: String(nowMs / 1000), package: "prepay_id=wx201410272009395522657a690389285100", signType: "RSA" });
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(verify(message, params.paySign, keys.merchantPublicKey)).toBe(true);
    // Not the platform key, and not without the trailing line feed.
    expect(verify(message, params.paySign, keys.platformPublicKey)).toBe(false);
    expect(verify(message.slice(0, -1), params.paySign, keys.merchantPublicKey)).toBe(false);
  });

  it("a fresh nonce each time", () => {
    const key = crypto.createPrivateKey(keys.merchantPrivateKey);
    expect(buildJsapiParams(keys.appId, "wx1", key, Date.now()).nonceStr).not.toBe(buildJsapiParams(keys.appId, "wx1", key, Date.now()).nonceStr);
  });
});

describe("Authorization header", () => {
  it("is WECHATPAY2-SHA256-RSA2048 with mchid, nonce_str, signature, timestamp, serial_no, signing METHOD\\nPATH?QUERY\\nTS\\nNONCE\\nBODY\\n", () => {
    const body = JSON.stringify({ out_trade_no: "T20260501001", amount: { total: 29900, currency: "CNY" } });
    const header = buildAuthorization(
      { mchId: keys.mchId, merchantSerial: keys.merchantSerial, privateKey: crypto.createPrivateKey(keys.merchantPrivateKey) },
      { method: "POST", pathWithQuery: "/v3/pay/transactions/jsapi", body, timestamp: 1554208460, nonce: "593BEC0C930BF1AFEB40B4A08C8FB242" },
    );
    const match = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(header);
    expect(match).not.toBeNull();
    const fields = Object.fromEntries(match![1]!.split(",").map((part) => /^(\w+)="([^"]*)"$/.exec(part)!.slice(1, 3) as [string, string]));
    expect(Object.keys(fields).sort()).toEqual(["mchid", "nonce_str", "serial_no", "signature", "timestamp"]);
    expect(fields).toMatchObject({ mchid: keys.mchId, nonce_str: "593BEC0C930BF1AFEB40B4A08C8FB242", timestamp: "1554208460", serial_no: keys.merchantSerial });
    const signed = `POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${body}\n`;
    expect(verify(signed, fields.signature!, keys.merchantPublicKey)).toBe(true);
  });

  it("a GET signs the query string and an empty body line", () => {
    const header = buildAuthorization(
      { mchId: keys.mchId, merchantSerial: keys.merchantSerial, privateKey: crypto.createPrivateKey(keys.merchantPrivateKey) },
      { method: "GET", pathWithQuery: `/v3/pay/transactions/out-trade-no/T1?mchid=${keys.mchId}`, body: "", timestamp: 1700000000, nonce: "abc" },
    );
    const signature = /signature="([^"]+)"/.exec(header)![1]!;
    expect(verify(`GET\n/v3/pay/transactions/out-trade-no/T1?mchid=${keys.mchId}\n1700000000\nabc\n\n`, signature, keys.merchantPublicKey)).toBe(true);
  });
});

describe("time_expire", () => {
  it("is RFC 3339 in Beijing time, whole seconds", () => {
    expect(toRfc3339Beijing(new Date("2026-05-01T16:30:15.789Z"))).toBe("2026-05-02T00:30:15+08:00");
    expect(new Date(toRfc3339Beijing(new Date("2026-05-01T16:30:15.789Z"))).toISOString()).toBe("2026-05-01T16:30:15.000Z");
  });
});
