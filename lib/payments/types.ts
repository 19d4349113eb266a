// The payment provider boundary (docs/decisions/011-payments.md). Checkout talks to this interface
// only; which provider answers is decided by the environment (lib/payments/index.ts). Money is
// integer fen everywhere: WeChat Pay's `amount.total` is fen too, so nothing is ever converted.
// No `server-only` here: client components may import the types and the error classes.

export type PaymentProviderName = "SANDBOX" | "WECHAT_PAY";

export type PrepayInput = {
  outTradeNo: string;
  amountFen: number;
  description: string;
  /** Required by WeChat Pay JSAPI (the shopper's openid under WECHATPAY_APPID); ignored by the sandbox. */
  payerOpenId?: string;
  notifyUrl: string;
  expiresAt: Date;
};

export type PrepayResult =
  | { kind: "sandbox"; outTradeNo: string } // the app shows its own pay-sheet page
  | { kind: "jsapi"; params: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: "RSA"; paySign: string } };

export type TradeState = "SUCCESS" | "NOTPAY" | "CLOSED" | "PAYERROR" | "REFUND" | "USERPAYING" | "REVOKED";

export type PaymentNotice = {
  /** The notification's `id`; for a notice built from query() it is `query:<outTradeNo>:<state>`. */
  notificationId: string;
  outTradeNo: string;
  /** WeChat's transaction_id; "" while the trade has none (NOTPAY, CLOSED before payment). */
  transactionId: string;
  state: TradeState;
  /** `amount.total`: the order amount in fen (what the payer paid plus any WeChat coupon). */
  amountFen: number;
  paidAt: Date | null;
};

export type RefundInput = { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string };

export type RefundResult = { refundId: string; status: "SUCCESS" | "PROCESSING" };

/**
 * A refund as the provider sees it now. WeChat Pay: SUCCESS (money back), PROCESSING (still under way),
 * CLOSED (closed, no money moved), ABNORMAL (the payer's account could not take it: needs handling).
 */
export type RefundState = { refundId: string; status: "SUCCESS" | "PROCESSING" | "CLOSED" | "ABNORMAL" };

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  prepay(input: PrepayInput): Promise<PrepayResult>;
  /**
   * Verifies signature (Wechatpay-Signature over `${timestamp}\n${nonce}\n${body}\n` with the platform
   * public key matching Wechatpay-Serial), rejects timestamps older/newer than 5 minutes, decrypts
   * resource (AEAD_AES_256_GCM with the APIv3 key, associated_data, nonce). Throws
   * PaymentNotificationRejected (with a reason code) on any failure.
   */
  parseNotification(request: { headers: Headers | Record<string, string>; body: string }): Promise<PaymentNotice>;
  /** null when the provider has no such trade (and always for the sandbox, whose truth is the app's own Payment row). */
  query(outTradeNo: string): Promise<PaymentNotice | null>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** The refund's current state by our out_refund_no; null when the provider has no such refund. */
  queryRefund(outRefundNo: string): Promise<RefundState | null>;
}

export type NotificationRejectedReason = "bad_signature" | "unknown_serial" | "stale_timestamp" | "bad_body" | "decrypt_failed";

/** A notification we must not act on. The route answers 4xx so WeChat retries a genuine one later. */
export class PaymentNotificationRejected extends Error {
  constructor(
    readonly reason: NotificationRejectedReason,
    message?: string,
  ) {
    super(message ?? `支付通知被拒绝 / payment notification rejected: ${reason}`);
    this.name = "PaymentNotificationRejected";
  }
}

export type PaymentProviderErrorCode =
  /** Configuration missing or invalid (env vars); nothing was sent. */
  | "misconfigured"
  /** The input cannot be sent as is (e.g. JSAPI without an openid, a non-integer amount). */
  | "invalid_input"
  /** No answer, a timeout or a network error: the call may or may not have taken effect. */
  | "unreachable"
  /** The provider answered with an error (`providerCode` holds WeChat's `code`, e.g. SIGN_ERROR). */
  | "rejected"
  /** A 2xx answer without a valid signature, or one we cannot read: treated as not from WeChat Pay. */
  | "bad_response";

/** The provider said no, could not be reached, or could not be trusted. Message: Chinese first " / " English, safe to show. */
export class PaymentProviderError extends Error {
  constructor(
    readonly code: PaymentProviderErrorCode,
    message: string,
    readonly details: { status?: number; providerCode?: string; requestId?: string } = {},
  ) {
    super(message);
    this.name = "PaymentProviderError";
  }
}
