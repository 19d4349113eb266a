import crypto from "node:crypto";
import http from "node:http";
import { closeServer, listenOnLoopback } from "./loopback";
import type { WechatPayConfig } from "@/lib/payments/wechatpay";

// A fake WeChat Pay APIv3 on loopback that speaks the real protocol, so tests run the real client
// (lib/payments/wechatpay.ts) over real HTTP. Written with node:crypto only, not with the library the
// client uses, so a shared misunderstanding of the protocol cannot pass unnoticed.
//   POST /v3/pay/transactions/jsapi                     → {"prepay_id": …}
//   GET  /v3/pay/transactions/out-trade-no/{no}?mchid=…  → the transaction (404 ORDER_NOT_EXIST)
//   POST /v3/refund/domestic/refunds                    → the refund (idempotent by out_refund_no), PROCESSING
//   GET  /v3/refund/domestic/refunds/{out_refund_no}    → the refund as it is now (404 RESOURCE_NOT_EXISTS)
// Refunds stay PROCESSING until the test says otherwise: completeRefund(no) makes one SUCCESS (or
// CLOSED / ABNORMAL), and refuseRefunds(n) makes the next n new refund requests fail as WeChat Pay does
// when the merchant's balance is short (403 NOT_ENOUGH, nothing recorded, so a retry can succeed).
// It owns two RSA key pairs: the merchant's (it trusts the public half, the client signs with the
// private half) and the platform's ("微信支付公钥": it signs answers and notifications). Requests are
// authenticated as WeChat Pay does: Authorization `WECHATPAY2-SHA256-RSA2048 mchid,nonce_str,
// signature,timestamp,serial_no` over `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`, timestamp within
// 5 minutes; failures are 401 {"code":"SIGN_ERROR"} (unsigned, as WeChat Pay's are). Other errors
// and every success are signed with Wechatpay-{Serial,Timestamp,Nonce,Signature} headers.
// pay() marks a trade paid and POSTs a real notification (resource encrypted with AEAD_AES_256_GCM
// under the APIv3 key) to its notify_url.

export interface FakeWechatPayKeys {
  mchId: string;
  appId: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  apiV3Key: string;
  platformSerial: string;
  platformPrivateKey: string;
  platformPublicKey: string;
}

/** New key pairs and ids, shaped like real ones. RSA-2048 key generation takes ~100 ms each. */
export function createFakeWechatPayKeys(overrides: Partial<Pick<FakeWechatPayKeys, "mchId" | "appId">> = {}): FakeWechatPayKeys {
  const pair = () =>
    crypto.generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
  const merchant = pair();
  const platform = pair();
  return {
    mchId: overrides.mchId ?? "1900009191",
    appId: overrides.appId ?? "wxd678efh567hg6787",
    merchantSerial: crypto.randomBytes(20).toString("hex").toUpperCase(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    // 32 printable characters, like the keys merchants set in the merchant platform.
    apiV3Key: crypto.randomBytes(24).toString("base64").slice(0, 32),
    platformSerial: `PUB_KEY_ID_01${Array.from(crypto.randomBytes(30), (byte) => String(byte % 10)).join("")}`,
    platformPrivateKey: platform.privateKey,
    platformPublicKey: platform.publicKey,
  };
}

/** The client config for these keys (host: the fake's URL, or any string for unit tests). */
export function wechatPayClientConfig(keys: FakeWechatPayKeys, apiHost = "http://127.0.0.1:9"): WechatPayConfig {
  return {
    mchId: keys.mchId,
    appId: keys.appId,
    merchantSerial: keys.merchantSerial,
    merchantPrivateKey: keys.merchantPrivateKey,
    apiV3Key: keys.apiV3Key,
    platformSerial: keys.platformSerial,
    platformPublicKey: keys.platformPublicKey,
    apiHost,
  };
}

const rsaSign = (message: string, privateKey: string) => crypto.sign("sha256", Buffer.from(message), privateKey).toString("base64");

/** Wechatpay-* headers for a body, as WeChat Pay signs answers and notifications. */
export function signedHeaders(
  keys: FakeWechatPayKeys,
  body: string,
  options: { timestamp?: number; nonce?: string; serial?: string; signWith?: string } = {},
): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? crypto.randomBytes(16).toString("hex");
  return {
    "Wechatpay-Serial": options.serial ?? keys.platformSerial,
    "Wechatpay-Timestamp": timestamp,
    "Wechatpay-Nonce": nonce,
    "Wechatpay-Signature": rsaSign(`${timestamp}\n${nonce}\n${body}\n`, options.signWith ?? keys.platformPrivateKey),
    "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
  };
}

/** The decrypted `resource` of a TRANSACTION.SUCCESS notification, and the query answer. */
export interface FakeTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type: "JSAPI";
  trade_state: "SUCCESS" | "NOTPAY" | "CLOSED" | "PAYERROR" | "REFUND" | "USERPAYING" | "REVOKED";
  trade_state_desc: string;
  bank_type?: string;
  attach: string;
  success_time?: string;
  payer: { openid: string };
  amount: { total: number; payer_total?: number; currency: "CNY"; payer_currency: "CNY" };
}

export interface NotificationOptions {
  /** Seconds since the epoch for Wechatpay-Timestamp (default now). */
  timestamp?: number;
  serial?: string;
  /** Sign with another private key (a forger's). */
  signWith?: string;
  /** Encrypt under another APIv3 key (decrypts to garbage for the client: AEAD tag mismatch). */
  apiV3Key?: string;
  /** Replace the resource's ciphertext after encryption (still correctly signed). */
  ciphertext?: string;
  associatedData?: string;
  eventType?: string;
  originalType?: string;
  id?: string;
}

/** AEAD_AES_256_GCM as WeChat Pay uses it: base64(ciphertext ‖ 16-byte tag), 12-character nonce. */
export function encryptResource(plaintext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const cipher = crypto.createCipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
}

/** A notification exactly as WeChat Pay POSTs it: {headers, body}, not sent. */
export function buildNotification(keys: FakeWechatPayKeys, transaction: FakeTransaction, options: NotificationOptions = {}): { headers: Record<string, string>; body: string } {
  const nonce = crypto.randomBytes(9).toString("base64url").slice(0, 12);
  const associatedData = options.associatedData ?? "transaction";
  const ciphertext = options.ciphertext ?? encryptResource(JSON.stringify(transaction), options.apiV3Key ?? keys.apiV3Key, nonce, associatedData);
  const created = new Date((options.timestamp ?? Math.floor(Date.now() / 1000)) * 1000);
  const body = JSON.stringify({
    id: options.id ?? crypto.randomUUID(),
    create_time: beijingTime(created),
    resource_type: "encrypt-resource",
    event_type: options.eventType ?? "TRANSACTION.SUCCESS",
    summary: "支付成功",
    resource: {
      original_type: options.originalType ?? "transaction",
      algorithm: "AEAD_AES_256_GCM",
      ciphertext,
      associated_data: associatedData,
      nonce,
    },
  });
  return { headers: { "Content-Type": "application/json", ...signedHeaders(keys, body, options) }, body };
}

function beijingTime(date: Date): string {
  return `${new Date(Math.floor(date.getTime() / 1000) * 1000 + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface FakeTrade {
  transaction: FakeTransaction;
  prepayId: string;
  description: string;
  notifyUrl: string;
  timeExpire: string;
  refundedFen: number;
}

export interface FakeRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  transaction_id: string;
  channel: "ORIGINAL";
  user_received_account: string;
  status: "SUCCESS" | "PROCESSING" | "CLOSED" | "ABNORMAL";
  create_time: string;
  success_time?: string;
  reason?: string;
  amount: { refund: number; total: number; payer_refund: number; payer_total: number; currency: "CNY" };
}

export interface FakeWechatPayRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The status the fake answered. */
  status: number;
}

/** How the fake spoils its next answers (all of them, until set back to null). */
export type AnswerTampering = null | "body" | "signature" | "unsigned" | "serial" | "stale";

export interface FakeWechatPay {
  /** e.g. http://127.0.0.1:54321: use it as WECHATPAY_API_HOST. */
  url: string;
  keys: FakeWechatPayKeys;
  /** The client config matching this fake (mchid, appid, merchant serial + private key, APIv3 key, platform id + public key, host). */
  config(): WechatPayConfig;
  trades: Map<string, FakeTrade>;
  refunds: Map<string, FakeRefund>;
  requests: FakeWechatPayRequest[];
  /** The shopper pays: the trade becomes SUCCESS and a signed, encrypted notification is POSTed to its notify_url. Resolves to the listener's HTTP status. */
  pay(outTradeNo: string, options?: NotificationOptions): Promise<number>;
  /** A notification for a trade (as pay() would send it after paying), without sending or changing anything. */
  buildNotification(outTradeNo: string, options?: NotificationOptions): { headers: Record<string, string>; body: string };
  tamperAnswers(mode: AnswerTampering): void;
  /** WeChat Pay finishes a refund: later queries (and repeated create calls) answer `status` (default SUCCESS). */
  completeRefund(outRefundNo: string, status?: "SUCCESS" | "CLOSED" | "ABNORMAL"): void;
  /** The next `count` new refund requests are refused (403 NOT_ENOUGH, signed); nothing is recorded for them. */
  refuseRefunds(count?: number): void;
  close(): Promise<void>;
}

const CLOCK_SKEW_S = 5 * 60;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

export async function startFakeWechatPay(options: { port?: number; keys?: FakeWechatPayKeys } = {}): Promise<FakeWechatPay> {
  const keys = options.keys ?? createFakeWechatPayKeys();
  const trades = new Map<string, FakeTrade>();
  const refunds = new Map<string, FakeRefund>();
  const requests: FakeWechatPayRequest[] = [];
  let tampering: AnswerTampering = null;
  let refusals = 0;
  const requestId = () => `08${crypto.randomBytes(16).toString("hex").toUpperCase()}-0`;

  function authenticate(method: string, pathWithQuery: string, headers: http.IncomingHttpHeaders, body: string): string | null {
    const header = headers.authorization ?? "";
    const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header);
    if (!match) return "Authorization 头缺失或认证类型不是 WECHATPAY2-SHA256-RSA2048";
    const fields = Object.fromEntries(Array.from(match[1]!.matchAll(/(\w+)="([^"]*)"/g), (m) => [m[1]!, m[2]!]));
    const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = fields;
    if (!mchid || !nonce || !signature || !timestamp || !serial) return "Authorization 头缺少字段";
    if (mchid !== keys.mchId) return "商户号与签名不匹配";
    if (serial !== keys.merchantSerial) return "商户证书序列号有误";
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > CLOCK_SKEW_S) return "请求时间戳已过期";
    const message = `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
    const valid = crypto.verify("sha256", Buffer.from(message), keys.merchantPublicKey, Buffer.from(signature, "base64"));
    return valid ? null : "签名错误，请检查后再试";
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const method = req.method ?? "GET";
      const pathWithQuery = req.url ?? "/";
      const url = new URL(pathWithQuery, "http://fake.wechatpay");
      const record: FakeWechatPayRequest = { method, path: pathWithQuery, headers: req.headers, body, status: 0 };
      requests.push(record);

      const send = (status: number, payload: object | null, signed = true) => {
        record.status = status;
        const text = payload === null ? "" : JSON.stringify(payload);
        const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", "Request-ID": requestId() };
        if (signed && tampering !== "unsigned") {
          Object.assign(
            headers,
            signedHeaders(keys, text, {
              serial: tampering === "serial" ? "PUB_KEY_ID_0000000000000000000000000000000000" : undefined,
              timestamp: tampering === "stale" ? Math.floor(Date.now() / 1000) - 3600 : undefined,
            }),
          );
          if (tampering === "signature") headers["Wechatpay-Signature"] = rsaSign("something else\n", keys.platformPrivateKey);
        }
        res.writeHead(status, headers).end(tampering === "body" && text ? text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)) : text);
      };
      const fail = (status: number, code: string, message: string) => send(status, { code, message });

      const authError = authenticate(method, pathWithQuery, req.headers, body);
      // WeChat Pay cannot sign an answer to a request it could not authenticate.
      if (authError) return send(401, { code: "SIGN_ERROR", message: authError }, false);
      const askedSerial = req.headers["wechatpay-serial"];
      if (askedSerial !== undefined && askedSerial !== keys.platformSerial) return fail(400, "INVALID_REQUEST", "Wechatpay-Serial 无效：微信支付公钥ID不存在");

      let json: Record<string, unknown> = {};
      if (method === "POST") {
        if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) return fail(400, "INVALID_REQUEST", "Content-Type 必须是 application/json");
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          return fail(400, "PARAM_ERROR", "请求体不是合法的 JSON");
        }
      }

      if (method === "POST" && url.pathname === "/v3/pay/transactions/jsapi") {
        const amount = json.amount as { total?: unknown; currency?: unknown } | undefined;
        const payer = json.payer as { openid?: unknown } | undefined;
        if (json.appid !== keys.appId) return fail(400, "PARAM_ERROR", "appid 和 mch_id 不匹配");
        if (json.mchid !== keys.mchId) return fail(400, "PARAM_ERROR", "mchid 与请求签名的商户号不一致");
        if (typeof json.description !== "string" || !json.description) return fail(400, "PARAM_ERROR", "缺少参数 description");
        if (typeof json.out_trade_no !== "string" || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(json.out_trade_no)) return fail(400, "PARAM_ERROR", "out_trade_no 格式错误");
        if (typeof json.time_expire !== "string" || !RFC3339.test(json.time_expire)) return fail(400, "PARAM_ERROR", "time_expire 格式错误，应为 RFC3339");
        if (typeof json.notify_url !== "string") return fail(400, "PARAM_ERROR", "缺少参数 notify_url");
        try {
          const notify = new URL(json.notify_url);
          // WeChat Pay requires https; the fake also takes http on loopback for the tests' listener.
          if (notify.protocol !== "https:" && !(notify.protocol === "http:" && notify.hostname === "127.0.0.1")) throw new Error("scheme");
          if (notify.search) throw new Error("query");
        } catch {
          return fail(400, "PARAM_ERROR", "notify_url 必须是不带参数的 https 地址");
        }
        if (!amount || !Number.isSafeInteger(amount.total) || (amount.total as number) <= 0) return fail(400, "PARAM_ERROR", "amount.total 必须为正整数（分）");
        if (amount.currency !== undefined && amount.currency !== "CNY") return fail(400, "PARAM_ERROR", "currency 仅支持 CNY");
        if (!payer || typeof payer.openid !== "string" || !payer.openid) return fail(400, "PARAM_ERROR", "JSAPI 下单缺少 payer.openid");

        const existing = trades.get(json.out_trade_no);
        if (existing) {
          if (existing.transaction.trade_state === "SUCCESS" || existing.transaction.trade_state === "REFUND") return fail(400, "ORDERPAID", "该订单已支付");
          if (existing.transaction.amount.total !== amount.total || existing.description !== json.description) return fail(400, "INVALID_REQUEST", "201 商户订单号重复");
          return send(200, { prepay_id: existing.prepayId });
        }
        const prepayId = `wx${Date.now()}${crypto.randomBytes(8).toString("hex")}`.slice(0, 36);
        trades.set(json.out_trade_no, {
          prepayId,
          description: json.description,
          notifyUrl: json.notify_url,
          timeExpire: json.time_expire,
          refundedFen: 0,
          transaction: {
            appid: keys.appId,
            mchid: keys.mchId,
            out_trade_no: json.out_trade_no,
            trade_type: "JSAPI",
            trade_state: "NOTPAY",
            trade_state_desc: "订单未支付",
            attach: "",
            payer: { openid: payer.openid },
            amount: { total: amount.total as number, currency: "CNY", payer_currency: "CNY" },
          },
        });
        return send(200, { prepay_id: prepayId });
      }

      const queryMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname);
      if (method === "GET" && queryMatch) {
        if (url.searchParams.get("mchid") !== keys.mchId) return fail(400, "PARAM_ERROR", "mchid 与请求签名的商户号不一致");
        const trade = trades.get(decodeURIComponent(queryMatch[1]!));
        if (!trade) return fail(404, "ORDER_NOT_EXIST", "订单不存在");
        return send(200, trade.transaction);
      }

      if (method === "POST" && url.pathname === "/v3/refund/domestic/refunds") {
        const amount = json.amount as { refund?: unknown; total?: unknown; currency?: unknown } | undefined;
        if (typeof json.out_refund_no !== "string" || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(json.out_refund_no)) return fail(400, "PARAM_ERROR", "out_refund_no 格式错误");
        if (typeof json.out_trade_no !== "string") return fail(400, "PARAM_ERROR", "缺少参数 out_trade_no");
        if (!amount || !Number.isSafeInteger(amount.refund) || !Number.isSafeInteger(amount.total) || (amount.refund as number) <= 0) {
          return fail(400, "PARAM_ERROR", "amount.refund 与 amount.total 必须为正整数（分）");
        }
        if (amount.currency !== "CNY") return fail(400, "PARAM_ERROR", "currency 仅支持 CNY");
        const previous = refunds.get(json.out_refund_no);
        // Same out_refund_no again: WeChat Pay answers with the refund it already has, and moves no money.
        if (previous) return send(200, previous);
        const trade = trades.get(json.out_trade_no);
        if (!trade) return fail(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        if (refusals > 0) {
          refusals--;
          return fail(403, "NOT_ENOUGH", "基本账户余额不足，请充值后重新发起");
        }
        const { transaction } = trade;
        if (transaction.trade_state !== "SUCCESS" && transaction.trade_state !== "REFUND") return fail(400, "INVALID_REQUEST", "订单未支付，不能退款");
        if (amount.total !== transaction.amount.total) return fail(400, "PARAM_ERROR", "订单金额或退款金额与之前请求不一致，请核实后再试");
        if (trade.refundedFen + (amount.refund as number) > transaction.amount.total) return fail(403, "NOT_ENOUGH", "申请退款金额超过订单可退金额");
        trade.refundedFen += amount.refund as number;
        transaction.trade_state = "REFUND";
        transaction.trade_state_desc = "转入退款";
        const refund: FakeRefund = {
          refund_id: `50${Date.now()}${crypto.randomBytes(6).toString("hex")}`.slice(0, 32),
          out_refund_no: json.out_refund_no,
          out_trade_no: json.out_trade_no,
          transaction_id: transaction.transaction_id ?? "",
          channel: "ORIGINAL",
          user_received_account: "支付用户零钱",
          // Refunds settle asynchronously at WeChat Pay: the first answer is PROCESSING.
          status: "PROCESSING",
          create_time: beijingTime(new Date()),
          ...(typeof json.reason === "string" ? { reason: json.reason } : {}),
          amount: { refund: amount.refund as number, total: transaction.amount.total, payer_refund: amount.refund as number, payer_total: transaction.amount.total, currency: "CNY" },
        };
        refunds.set(refund.out_refund_no, refund);
        return send(200, refund);
      }

      const refundMatch = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname);
      if (method === "GET" && refundMatch) {
        const refund = refunds.get(decodeURIComponent(refundMatch[1]!));
        if (!refund) return fail(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
        return send(200, refund);
      }

      fail(404, "NOT_FOUND", "请求的资源不存在");
    });
  });

  const url = await listenOnLoopback(server, options.port ?? 0);

  function requireTrade(outTradeNo: string): FakeTrade {
    const trade = trades.get(outTradeNo);
    if (!trade) throw new Error(`fake WeChat Pay: no trade ${outTradeNo} (call prepay first)`);
    return trade;
  }

  function paidTransaction(trade: FakeTrade): FakeTransaction {
    return {
      ...trade.transaction,
      transaction_id: trade.transaction.transaction_id ?? `4200${Date.now()}${Array.from(crypto.randomBytes(10), (b) => String(b % 10)).join("")}`.slice(0, 28),
      trade_state: "SUCCESS",
      trade_state_desc: "支付成功",
      bank_type: "OTHERS",
      success_time: trade.transaction.success_time ?? beijingTime(new Date()),
      amount: { ...trade.transaction.amount, payer_total: trade.transaction.amount.total },
    };
  }

  return {
    url,
    keys,
    config: () => wechatPayClientConfig(keys, url),
    trades,
    refunds,
    requests,
    async pay(outTradeNo, notificationOptions) {
      const trade = requireTrade(outTradeNo);
      trade.transaction = paidTransaction(trade);
      const notification = buildNotification(keys, trade.transaction, notificationOptions);
      const response = await fetch(trade.notifyUrl, { method: "POST", headers: notification.headers, body: notification.body, signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return response.status;
    },
    buildNotification(outTradeNo, notificationOptions) {
      return buildNotification(keys, paidTransaction(requireTrade(outTradeNo)), notificationOptions);
    },
    tamperAnswers(mode) {
      tampering = mode;
    },
    completeRefund(outRefundNo, status = "SUCCESS") {
      const refund = refunds.get(outRefundNo);
      if (!refund) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`);
      refund.status = status;
      if (status === "SUCCESS") refund.success_time = beijingTime(new Date());
      // A closed refund gives the money back to the trade's refundable balance, as WeChat Pay's does.
      if (status === "CLOSED") {
        const trade = trades.get(refund.out_trade_no);
        if (trade) trade.refundedFen -= refund.amount.refund;
      }
    },
    refuseRefunds(count = 1) {
      refusals = count;
    },
    close: () => closeServer(server),
  };
}
