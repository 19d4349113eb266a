import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createWechatPay } from "@/lib/payments/wechatpay";
import { PaymentProviderError } from "@/lib/payments/types";
import { createFakeWechatPayKeys, signedHeaders, wechatPayClientConfig, type FakeWechatPayKeys } from "@/tests/fakes/wechatpay-server";

// queryRefund without a network: fetch is stubbed, so this checks what the client sends and how it reads
// each kind of answer. The end-to-end run against the fake WeChat Pay is in tests/integration/payments.

let keys: FakeWechatPayKeys;
beforeAll(() => {
  keys = createFakeWechatPayKeys();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

type Sent = { url: string; method: string; headers: Record<string, string> };

function answerWith(status: number, payload: object, options: { signed?: boolean } = {}): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({ url, method: String(init.method), headers: init.headers as Record<string, string> });
    const body = JSON.stringify(payload);
    const headers = { "Content-Type": "application/json", "Request-ID": "08TEST-0", ...(options.signed === false ? {} : signedHeaders(keys, body)) };
    return new Response(body, { status, headers });
  });
  return sent;
}

const client = () => createWechatPay(wechatPayClientConfig(keys, "https://api.mch.weixin.qq.com"));

async function providerError(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);
  return error as PaymentProviderError;
}

describe("WeChat Pay queryRefund", () => {
  it("GETs /v3/refund/domestic/refunds/{out_refund_no}, signed by the merchant key over the path and an empty body", async () => {
    const sent = answerWith(200, { refund_id: "50000000382019052709732678859", out_refund_no: "R2026050100000011", status: "SUCCESS" });
    await expect(client().queryRefund("R2026050100000011")).resolves.toEqual({ refundId: "50000000382019052709732678859", status: "SUCCESS" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: "https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/R2026050100000011", method: "GET" });
    const fields = Object.fromEntries(Array.from(sent[0]!.headers.Authorization!.matchAll(/(\w+)="([^"]*)"/g), (m) => [m[1]!, m[2]!]));
    const message = `GET\n/v3/refund/domestic/refunds/R2026050100000011\n${fields.timestamp}\n${fields.nonce_str}\n\n`;
    expect(crypto.verify("sha256", Buffer.from(message), keys.merchantPublicKey, Buffer.from(fields.signature!, "base64"))).toBe(true);
    expect(sent[0]!.headers["Wechatpay-Serial"]).toBe(keys.platformSerial);
  });

  it.each(["PROCESSING", "CLOSED", "ABNORMAL"] as const)("reports %s as an answer, not an error", async (status) => {
    answerWith(200, { refund_id: "5000000038", out_refund_no: "R2026050100000012", status });
    await expect(client().queryRefund("R2026050100000012")).resolves.toEqual({ refundId: "5000000038", status });
  });

  it("a signed 404 RESOURCE_NOT_EXISTS is null; an unsigned one is an error", async () => {
    answerWith(404, { code: "RESOURCE_NOT_EXISTS", message: "退款单不存在" });
    await expect(client().queryRefund("R2026050100000013")).resolves.toBeNull();
    answerWith(404, { code: "RESOURCE_NOT_EXISTS", message: "退款单不存在" }, { signed: false });
    expect(await providerError(client().queryRefund("R2026050100000013"))).toMatchObject({ code: "rejected", details: { status: 404, providerCode: "RESOURCE_NOT_EXISTS" } });
  });

  it("refuses an unsigned success, an answer about another refund and an unknown status", async () => {
    answerWith(200, { refund_id: "5000000038", out_refund_no: "R2026050100000014", status: "SUCCESS" }, { signed: false });
    expect((await providerError(client().queryRefund("R2026050100000014"))).code).toBe("bad_response");
    answerWith(200, { refund_id: "5000000038", out_refund_no: "R2026050100000099", status: "SUCCESS" });
    expect((await providerError(client().queryRefund("R2026050100000014"))).code).toBe("bad_response");
    answerWith(200, { refund_id: "5000000038", out_refund_no: "R2026050100000014", status: "DONE" });
    expect((await providerError(client().queryRefund("R2026050100000014"))).code).toBe("bad_response");
  });

  it("refuses a malformed out_refund_no before sending anything", async () => {
    const sent = answerWith(200, {});
    expect((await providerError(client().queryRefund("R/../x"))).code).toBe("invalid_input");
    expect(sent).toHaveLength(0);
  });
});
