import { PaymentNotificationRejected, type PaymentProvider, type PrepayInput, type RefundInput } from "./types";
import { assertOutRefundNo, assertPrepayInput, assertRefundInput } from "./validate";

// The default provider for development, demos and the e2e suite: no network and no state of its own.
// It must behave the same across restarts and across several server processes, so it remembers
// nothing: the app's own Payment row is the truth, and the app's pay-sheet page confirms a sandbox
// payment through a server action, never through a notification.

export function createSandboxProvider(): PaymentProvider {
  return {
    name: "SANDBOX",
    async prepay(input: PrepayInput) {
      assertPrepayInput(input);
      return { kind: "sandbox", outTradeNo: input.outTradeNo };
    },
    async parseNotification() {
      // Nothing from outside the app may mark a sandbox payment paid.
      throw new PaymentNotificationRejected("bad_signature", "沙箱支付不接受支付通知 / the sandbox provider accepts no payment notifications");
    },
    async query() {
      return null;
    },
    async refund(input: RefundInput) {
      assertRefundInput(input);
      // Deterministic, so a retried refund (same outRefundNo) yields the same id, as WeChat Pay's does.
      return { refundId: `sandbox-refund-${input.outRefundNo}`, status: "SUCCESS" };
    },
    async queryRefund(outRefundNo: string) {
      assertOutRefundNo(outRefundNo);
      // Stateless like refund(): every sandbox refund succeeded at once, so asking again says so.
      return { refundId: `sandbox-refund-${outRefundNo}`, status: "SUCCESS" };
    },
  };
}
