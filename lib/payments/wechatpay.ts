import "server-only";
import type { KeyObject } from "node:crypto";
// The leaf modules, not the package index: see wechatpay-axios-plugin.d.ts beside this file.
import Aes from "wechatpay-axios-plugin/lib/aes.js";
import Formatter from "wechatpay-axios-plugin/lib/formatter.js";
import Rsa from "wechatpay-axios-plugin/lib/rsa.js";
import { z } from "zod";
import {
  PaymentNotificationRejected,
  PaymentProviderError,
  type NotificationRejectedReason,
  type PaymentNotice,
  type PaymentProvider,
  type PrepayInput,
  type PrepayResult,
  type RefundInput,
  type RefundResult,
  type RefundState,
  type TradeState,
} from "./types";
import { assertOutRefundNo, assertPrepayInput, assertRefundInput } from "./validate";

// WeChat Pay APIv3, JSAPI (docs/decisions/011-payments.md). The signing, verifying, AES-GCM and
// message formatting come from wechatpay-axios-plugin (Rsa, Aes.AesGcm, Formatter); HTTP is plain
// fetch, so that timeouts, error mapping and the "no valid signature, no trust" rule are ours and
// visible here rather than inside axios interceptors.
//
// "微信支付公钥" mode: WeChat Pay signs answers and notifications with one platform key, named by
// its id (PUB_KEY_ID_…) in Wechatpay-Serial. We send that id in our requests' Wechatpay-Serial so
// WeChat Pay signs the answer with that key even while a merchant is migrating from platform
// certificates.

export interface WechatPayConfig {
  /** 商户号 */
  mchId: string;
  /** The official account's AppID the shoppers' openids belong to. */
  appId: string;
  /** Serial number of the merchant API certificate (商户API证书序列号). */
  merchantSerial: string;
  /** The merchant API private key (apiclient_key.pem), PEM or a KeyObject. */
  merchantPrivateKey: string | KeyObject;
  /** APIv3 key: exactly 32 bytes. */
  apiV3Key: string;
  /** 微信支付公钥ID, e.g. PUB_KEY_ID_0112…; only answers signed under it are trusted. */
  platformSerial: string;
  /** 微信支付公钥, PEM or a KeyObject. */
  platformPublicKey: string | KeyObject;
  /** Origin, no trailing slash. https://api.mch.weixin.qq.com in production. */
  apiHost: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** The clock, ms since the epoch (tests move it). */
  now?: () => number;
}

/** WeChat Pay's rule for answers and notifications: a timestamp more than 5 minutes off is refused (replays). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
const DEFAULT_TIMEOUT_MS = 10_000;
const SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048";
const USER_AGENT = "micro-catalog (wechatpay-axios-plugin; node fetch)";

const TRADE_STATES = ["SUCCESS", "NOTPAY", "CLOSED", "PAYERROR", "REFUND", "USERPAYING", "REVOKED"] as const satisfies readonly TradeState[];

// Only the fields we use; WeChat Pay adds fields over time, so unknown ones are ignored, not refused.
const transactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(TRADE_STATES),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int().nonnegative().optional(), currency: z.string().optional() }).optional(),
});
type Transaction = z.infer<typeof transactionSchema>;

const notificationSchema = z.object({
  id: z.string().min(1),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.literal("encrypt-resource"),
  resource: z.object({
    algorithm: z.literal("AEAD_AES_256_GCM"),
    ciphertext: z.string().min(1),
    associated_data: z.string().optional(),
    original_type: z.string(),
    nonce: z.string().min(1),
  }),
});

const prepaySchema = z.object({ prepay_id: z.string().min(1) });
const refundSchema = z.object({ refund_id: z.string().min(1), status: z.enum(["SUCCESS", "PROCESSING", "CLOSED", "ABNORMAL"]) });
const refundQuerySchema = refundSchema.extend({ out_refund_no: z.string().min(1) });
const errorSchema = z.object({ code: z.string(), message: z.string().optional() });

type HeaderSource = Headers | Record<string, string>;

function headerGetter(headers: HeaderSource): (name: string) => string | undefined {
  if (headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  const lower = new Map(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
  return (name) => lower.get(name.toLowerCase());
}

/** "2026-05-01T12:00:00+08:00": WeChat Pay wants RFC 3339 and its examples use Beijing time. */
export function toRfc3339Beijing(date: Date): string {
  const shifted = new Date(Math.floor(date.getTime() / 1000) * 1000 + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

function loadKey(key: string | KeyObject, type: "private" | "public", label: { zh: string; en: string }): KeyObject {
  let loaded: KeyObject;
  try {
    loaded = Rsa.from(key, type);
  } catch {
    throw new PaymentProviderError("misconfigured", `${label.zh}无法读取（需要 PEM） / ${label.en} cannot be read (PEM expected)`);
  }
  if (loaded.type !== type || loaded.asymmetricKeyType !== "rsa") {
    throw new PaymentProviderError("misconfigured", `${label.zh}不是 RSA ${type === "private" ? "私钥" : "公钥"} / ${label.en} is not an RSA ${type} key`);
  }
  return loaded;
}

/**
 * The Authorization header of one APIv3 request: the merchant key signs
 * `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` (BODY "" for a GET).
 */
export function buildAuthorization(
  signer: { mchId: string; merchantSerial: string; privateKey: KeyObject },
  request: { method: string; pathWithQuery: string; body: string; timestamp: number; nonce: string },
): string {
  const { method, pathWithQuery, body, timestamp, nonce } = request;
  const signature = Rsa.sign(Formatter.request(method, pathWithQuery, timestamp, nonce, body), signer.privateKey);
  return Formatter.authorization(signer.mchId, nonce, signature, timestamp, signer.merchantSerial);
}

/** What WeixinJSBridge.invoke('getBrandWCPayRequest', …) expects: paySign over `appId\ntimeStamp\nnonceStr\nprepay_id=…\n`. */
export function buildJsapiParams(appId: string, prepayId: string, privateKey: KeyObject, nowMs: number): Extract<PrepayResult, { kind: "jsapi" }>["params"] {
  const timeStamp = String(Math.floor(nowMs / 1000));
  const nonceStr = Formatter.nonce(32);
  const pkg = `prepay_id=${prepayId}`;
  const paySign = Rsa.sign(Formatter.joinedByLineFeed(appId, timeStamp, nonceStr, pkg), privateKey);
  return { appId, timeStamp, nonceStr, package: pkg, signType: "RSA", paySign };
}

type Verified = { ok: true } | { ok: false; reason: NotificationRejectedReason; detail: string };

export function createWechatPay(config: WechatPayConfig): PaymentProvider & { readonly config: Readonly<WechatPayConfig> } {
  const privateKey = loadKey(config.merchantPrivateKey, "private", { zh: "商户私钥", en: "the merchant private key" });
  const platformKey = loadKey(config.platformPublicKey, "public", { zh: "微信支付公钥", en: "the WeChat Pay public key" });
  if (Buffer.byteLength(config.apiV3Key, "utf8") !== 32) {
    throw new PaymentProviderError("misconfigured", "APIv3 密钥必须是 32 字节 / the APIv3 key must be exactly 32 bytes");
  }
  const apiHost = config.apiHost.replace(/\/+$/, "");
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** One check for answers and notifications alike: right key id, fresh, signed by that key. */
  function verifySigned(headers: HeaderSource, body: string): Verified {
    const header = headerGetter(headers);
    const serial = header("wechatpay-serial");
    const timestamp = header("wechatpay-timestamp");
    const nonce = header("wechatpay-nonce");
    const signature = header("wechatpay-signature");
    const type = header("wechatpay-signature-type");
    if (!serial || !timestamp || !nonce || !signature) return { ok: false, reason: "bad_signature", detail: "unsigned (Wechatpay-* headers missing)" };
    if (serial !== config.platformSerial) return { ok: false, reason: "unknown_serial", detail: `unknown Wechatpay-Serial ${serial.slice(0, 64)}` };
    if (type && type !== SIGNATURE_TYPE) return { ok: false, reason: "bad_signature", detail: `unsupported Wechatpay-Signature-Type ${type.slice(0, 64)}` };
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Math.floor(now() / 1000) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      return { ok: false, reason: "stale_timestamp", detail: "Wechatpay-Timestamp is more than 5 minutes off" };
    }
    let valid = false;
    try {
      valid = Rsa.verify(Formatter.response(timestamp, nonce, body), signature, platformKey);
    } catch {
      valid = false;
    }
    // WeChat Pay also sends probes signed "WECHATPAY/SIGNTEST/…" to check that merchants verify: they fail here, as they must.
    return valid ? { ok: true } : { ok: false, reason: "bad_signature", detail: "Wechatpay-Signature does not verify" };
  }

  function toNotice(notificationId: string, trade: Transaction): PaymentNotice {
    if (trade.mchid !== config.mchId || trade.appid !== config.appId) throw new Error("the trade belongs to another merchant or app");
    const total = trade.amount?.total;
    if ((trade.trade_state === "SUCCESS" || trade.trade_state === "REFUND") && total === undefined) throw new Error("a paid trade without amount.total");
    const paidAt = trade.success_time ? new Date(trade.success_time) : null;
    if (paidAt && Number.isNaN(paidAt.getTime())) throw new Error("success_time is not a date");
    return {
      notificationId,
      outTradeNo: trade.out_trade_no,
      transactionId: trade.transaction_id ?? "",
      state: trade.trade_state,
      amountFen: total ?? 0,
      paidAt,
    };
  }

  type Answer = { status: number; body: unknown; requestId?: string; signed: boolean };

  async function call(method: "GET" | "POST", pathWithQuery: string, payload?: object): Promise<Answer> {
    const body = payload === undefined ? "" : JSON.stringify(payload);
    const authorization = buildAuthorization(
      { mchId: config.mchId, merchantSerial: config.merchantSerial, privateKey },
      { method, pathWithQuery, body, timestamp: Math.floor(now() / 1000), nonce: Formatter.nonce(32) },
    );
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: authorization,
      "User-Agent": USER_AGENT,
      "Wechatpay-Serial": config.platformSerial,
    };
    if (payload !== undefined) headers["Content-Type"] = "application/json";

    let response: Response;
    let text: string;
    try {
      response = await fetch(`${apiHost}${pathWithQuery}`, {
        method,
        headers,
        body: payload === undefined ? undefined : body,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const why = error instanceof Error ? (error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error.message) : String(error);
      throw new PaymentProviderError("unreachable", `无法连接微信支付 / WeChat Pay is unreachable: ${why}`);
    }
    const requestId = response.headers.get("request-id") ?? undefined;

    if (response.status >= 200 && response.status < 300) {
      const verified = verifySigned(response.headers, text);
      if (!verified.ok) {
        throw new PaymentProviderError("bad_response", `微信支付应答验签失败，已拒绝 / WeChat Pay's answer was rejected: ${verified.detail}`, {
          status: response.status,
          requestId,
        });
      }
      try {
        return { status: response.status, body: text ? JSON.parse(text) : {}, requestId, signed: true };
      } catch {
        throw new PaymentProviderError("bad_response", "微信支付应答不是 JSON / WeChat Pay's answer is not JSON", { status: response.status, requestId });
      }
    }

    // An error answer decides nothing by itself (we only report it), so it is read even when unsigned:
    // WeChat Pay cannot sign a SIGN_ERROR answer to a request it could not authenticate.
    let parsedError: z.infer<typeof errorSchema> | undefined;
    try {
      const result = errorSchema.safeParse(JSON.parse(text));
      if (result.success) parsedError = result.data;
    } catch {
      parsedError = undefined;
    }
    return { status: response.status, body: parsedError ?? null, requestId, signed: verifySigned(response.headers, text).ok };
  }

  function rejected({ status, body, requestId }: Answer, action: { zh: string; en: string }): PaymentProviderError {
    const error = errorSchema.safeParse(body);
    const code = error.success ? error.data.code : `HTTP_${status}`;
    const message = error.success ? (error.data.message ?? "") : "";
    const hint =
      code === "SIGN_ERROR"
        ? "（请检查 WECHATPAY_SERIAL 与 WECHATPAY_PRIVATE_KEY 是否属于同一张商户 API 证书 / check that WECHATPAY_SERIAL and WECHATPAY_PRIVATE_KEY belong to the same merchant API certificate）"
        : "";
    return new PaymentProviderError("rejected", `微信支付拒绝了${action.zh}：${message || code}${hint} / WeChat Pay refused the ${action.en}: ${code}${requestId ? ` (Request-ID ${requestId})` : ""}`, {
      status,
      providerCode: code,
      requestId,
    });
  }

  function parseAnswer<T>(schema: z.ZodType<T>, answer: Answer): T {
    const result = schema.safeParse(answer.body);
    if (!result.success) {
      throw new PaymentProviderError("bad_response", `微信支付应答格式不符 / WeChat Pay's answer has an unexpected shape: ${result.error.issues[0]?.message ?? ""}`, {
        status: answer.status,
        requestId: answer.requestId,
      });
    }
    return result.data;
  }

  return {
    name: "WECHAT_PAY",
    config,

    async prepay(input: PrepayInput): Promise<PrepayResult> {
      assertPrepayInput(input);
      if (!input.payerOpenId) {
        throw new PaymentProviderError("invalid_input", "微信支付 JSAPI 下单需要付款人的 openid / WeChat Pay JSAPI needs the payer's openid");
      }
      const answer = await call("POST", "/v3/pay/transactions/jsapi", {
        appid: config.appId,
        mchid: config.mchId,
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: toRfc3339Beijing(input.expiresAt),
        notify_url: input.notifyUrl,
        amount: { total: input.amountFen, currency: "CNY" },
        payer: { openid: input.payerOpenId },
      });
      if (answer.status >= 300) throw rejected(answer, { zh: "下单", en: "prepay" });
      const { prepay_id } = parseAnswer(prepaySchema, answer);
      return { kind: "jsapi", params: buildJsapiParams(config.appId, prepay_id, privateKey, now()) };
    },

    async parseNotification(request) {
      const verified = verifySigned(request.headers, request.body);
      if (!verified.ok) throw new PaymentNotificationRejected(verified.reason, `支付通知验签失败 / payment notification rejected: ${verified.detail}`);
      let notification: z.infer<typeof notificationSchema>;
      try {
        notification = notificationSchema.parse(JSON.parse(request.body));
      } catch {
        throw new PaymentNotificationRejected("bad_body", "支付通知格式不符 / the payment notification is not a WeChat Pay encrypt-resource notification");
      }
      const { resource } = notification;
      if (resource.original_type !== "transaction") {
        throw new PaymentNotificationRejected("bad_body", `不是支付结果通知 / not a payment notification (original_type ${resource.original_type.slice(0, 32)})`);
      }
      let plaintext: string;
      try {
        plaintext = Aes.AesGcm.decrypt(resource.ciphertext, config.apiV3Key, resource.nonce, resource.associated_data ?? "");
      } catch {
        throw new PaymentNotificationRejected("decrypt_failed", "支付通知解密失败（APIv3 密钥或密文有误） / could not decrypt the notification (wrong APIv3 key or corrupted ciphertext)");
      }
      try {
        return toNotice(notification.id, transactionSchema.parse(JSON.parse(plaintext)));
      } catch (error) {
        const why = error instanceof z.ZodError ? "unexpected transaction shape" : error instanceof Error ? error.message : "unreadable";
        throw new PaymentNotificationRejected("bad_body", `支付通知内容有误 / the decrypted notification is unusable: ${why}`);
      }
    },

    async query(outTradeNo: string) {
      const answer = await call("GET", `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(config.mchId)}`);
      if (answer.status === 404) {
        const error = errorSchema.safeParse(answer.body);
        // Only a signed "no such order" means there is none; anything else is an error, not a null.
        if (error.success && (error.data.code === "ORDER_NOT_EXIST" || error.data.code === "RESOURCE_NOT_EXISTS") && answer.signed) return null;
      }
      if (answer.status >= 300) throw rejected(answer, { zh: "查单", en: "query" });
      const trade = parseAnswer(transactionSchema, answer);
      try {
        return toNotice(`query:${trade.out_trade_no}:${trade.trade_state}`, trade);
      } catch (error) {
        throw new PaymentProviderError("bad_response", `微信支付查单应答有误 / WeChat Pay's query answer is unusable: ${error instanceof Error ? error.message : ""}`, {
          status: answer.status,
          requestId: answer.requestId,
        });
      }
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      assertRefundInput(input);
      const answer = await call("POST", "/v3/refund/domestic/refunds", {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        ...(input.reason ? { reason: input.reason } : {}),
        amount: { refund: input.refundFen, total: input.totalFen, currency: "CNY" },
      });
      if (answer.status >= 300) throw rejected(answer, { zh: "退款", en: "refund" });
      const refund = parseAnswer(refundSchema, answer);
      if (refund.status === "CLOSED" || refund.status === "ABNORMAL") {
        throw new PaymentProviderError("rejected", `微信支付退款状态为 ${refund.status}，需人工处理 / WeChat Pay reports the refund as ${refund.status}; it needs manual handling`, {
          status: answer.status,
          providerCode: refund.status,
          requestId: answer.requestId,
        });
      }
      return { refundId: refund.refund_id, status: refund.status };
    },

    // GET /v3/refund/domestic/refunds/{out_refund_no}: signed and verified like every other call. Unlike
    // refund(), CLOSED and ABNORMAL are answers here, not errors: the caller decides what they mean.
    async queryRefund(outRefundNo: string): Promise<RefundState | null> {
      assertOutRefundNo(outRefundNo);
      const answer = await call("GET", `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      if (answer.status === 404) {
        const error = errorSchema.safeParse(answer.body);
        // Only a signed "no such refund" means there is none; anything else is an error, not a null.
        if (error.success && (error.data.code === "RESOURCE_NOT_EXISTS" || error.data.code === "ORDER_NOT_EXIST") && answer.signed) return null;
      }
      if (answer.status >= 300) throw rejected(answer, { zh: "退款查询", en: "refund query" });
      const refund = parseAnswer(refundQuerySchema, answer);
      if (refund.out_refund_no !== outRefundNo) {
        throw new PaymentProviderError("bad_response", "微信支付退款查询应答不是所查的退款单 / WeChat Pay answered about another refund", {
          status: answer.status,
          requestId: answer.requestId,
        });
      }
      return { refundId: refund.refund_id, status: refund.status };
    },
  };
}
