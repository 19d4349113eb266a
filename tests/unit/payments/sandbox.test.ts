import { describe, expect, it } from "vitest";
import { createSandboxProvider } from "@/lib/payments/sandbox";
import { PaymentNotificationRejected, PaymentProviderError } from "@/lib/payments/types";

const input = { outTradeNo: "T20260501000001", amountFen: 29900, description: "LUMI 羊毛大衣 黑色 M", notifyUrl: "https://shop.example.com/api/payments/notify", expiresAt: new Date(Date.now() + 15 * 60_000) };

describe("sandbox provider", () => {
  const sandbox = createSandboxProvider();

  it("is named SANDBOX and prepays into the app's own pay sheet, with or without an openid", async () => {
    expect(sandbox.name).toBe("SANDBOX");
    await expect(sandbox.prepay(input)).resolves.toEqual({ kind: "sandbox", outTradeNo: "T20260501000001" });
    await expect(sandbox.prepay({ ...input, payerOpenId: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" })).resolves.toEqual({ kind: "sandbox", outTradeNo: "T20260501000001" });
  });

  it("refuses what WeChat Pay would refuse: non-integer or non-positive fen, a malformed out_trade_no", async () => {
    for (const amountFen of [0, -1, 299.5, Number.NaN]) {
      await expect(sandbox.prepay({ ...input, amountFen })).rejects.toMatchObject({ name: "PaymentProviderError", code: "invalid_input" });
    }
    await expect(sandbox.prepay({ ...input, outTradeNo: "T-1" })).rejects.toBeInstanceOf(PaymentProviderError);
    await expect(sandbox.prepay({ ...input, outTradeNo: "订单20260501" })).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it("accepts no notification at all", async () => {
    const error = await sandbox.parseNotification({ headers: {}, body: "{}" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentNotificationRejected);
    expect((error as PaymentNotificationRejected).reason).toBe("bad_signature");
  });

  it("knows no trades: query is null (the app's Payment row is the truth)", async () => {
    await sandbox.prepay(input);
    await expect(sandbox.query("T20260501000001")).resolves.toBeNull();
  });

  it("refunds at once with an id derived from outRefundNo, the same on a retry or in another instance", async () => {
    const refund = { outTradeNo: "T20260501000001", outRefundNo: "R20260501000001", refundFen: 10000, totalFen: 29900, reason: "尺码不合适" };
    await expect(sandbox.refund(refund)).resolves.toEqual({ refundId: "sandbox-refund-R20260501000001", status: "SUCCESS" });
    await expect(createSandboxProvider().refund(refund)).resolves.toEqual({ refundId: "sandbox-refund-R20260501000001", status: "SUCCESS" });
    await expect(sandbox.refund({ ...refund, refundFen: 30000 })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("answers a refund query with SUCCESS and the same derived id, remembering nothing (any instance, any time)", async () => {
    await expect(createSandboxProvider().queryRefund("R20260501000001")).resolves.toEqual({ refundId: "sandbox-refund-R20260501000001", status: "SUCCESS" });
    await expect(sandbox.queryRefund("R-1")).rejects.toMatchObject({ code: "invalid_input" });
  });
});
