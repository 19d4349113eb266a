import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import { PaymentProviderError } from "./types";
import type { WechatPayConfig } from "./wechatpay";

// WeChat Pay settings from the environment (PAYMENT_PROVIDER=wechatpay):
//   WECHATPAY_MCHID                  商户号 (digits)
//   WECHATPAY_APPID                  the official account's AppID (wx + 16)
//   WECHATPAY_SERIAL                 merchant API certificate serial (hex)
//   WECHATPAY_PRIVATE_KEY            merchant private key, PEM ("\n" escapes allowed), or
//   WECHATPAY_PRIVATE_KEY_FILE       a path to apiclient_key.pem
//   WECHATPAY_APIV3_KEY              APIv3 key, exactly 32 bytes
//   WECHATPAY_PLATFORM_SERIAL        微信支付公钥ID (PUB_KEY_ID_…)
//   WECHATPAY_PLATFORM_PUBLIC_KEY    微信支付公钥, PEM, or
//   WECHATPAY_PLATFORM_PUBLIC_KEY_FILE  a path to it
//   WECHATPAY_API_HOST               default https://api.mch.weixin.qq.com (http only on loopback: the fake)
// Every problem is reported at once, naming variables only: a secret's value never reaches a message.

type Env = Record<string, string | undefined>;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
export const DEFAULT_WECHATPAY_API_HOST = "https://api.mch.weixin.qq.com";

const value = (env: Env, name: string) => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};

// .env files and container secrets often carry a PEM on one line with literal "\n".
const pem = (text: string) => text.replace(/\\n/g, "\n");

function readPem(env: Env, inline: string, file: string, problems: string[]): string | undefined {
  const text = value(env, inline);
  if (text) return pem(text);
  const path = value(env, file);
  if (!path) {
    problems.push(`缺少 ${inline} 或 ${file} / ${inline} or ${file} is missing`);
    return undefined;
  }
  try {
    return fs.readFileSync(path, "utf8");
  } catch {
    problems.push(`无法读取 ${file} 指向的文件 / cannot read the file ${file} points to`);
    return undefined;
  }
}

function checkKey(text: string | undefined, type: "private" | "public", name: string, problems: string[]): void {
  if (text === undefined) return;
  try {
    const key = type === "private" ? crypto.createPrivateKey(text) : crypto.createPublicKey(text);
    if (key.asymmetricKeyType !== "rsa") problems.push(`${name} 不是 RSA 密钥 / ${name} is not an RSA key`);
  } catch {
    problems.push(`${name} 不是有效的 PEM ${type === "private" ? "私钥" : "公钥"} / ${name} is not a valid PEM ${type} key`);
  }
}

/** The WeChat Pay client config, or a PaymentProviderError("misconfigured") listing every problem. */
export function wechatPayConfigFromEnv(env: Env = process.env): WechatPayConfig {
  const problems: string[] = [];
  const required = (name: string, pattern: RegExp, shape: { zh: string; en: string }) => {
    const found = value(env, name);
    if (!found) problems.push(`缺少 ${name} / ${name} is missing`);
    else if (!pattern.test(found)) problems.push(`${name} 应为${shape.zh} / ${name} must be ${shape.en}`);
    return found ?? "";
  };

  const mchId = required("WECHATPAY_MCHID", /^\d{6,32}$/, { zh: "数字商户号", en: "the numeric merchant id" });
  const appId = required("WECHATPAY_APPID", /^wx[0-9a-zA-Z]{16}$/, { zh: " wx 开头的 18 位 AppID", en: "an AppID: wx + 16 characters" });
  const merchantSerial = required("WECHATPAY_SERIAL", /^[0-9A-Fa-f]{8,64}$/, { zh: "商户 API 证书序列号（十六进制）", en: "the merchant API certificate serial (hex)" });
  const platformSerial = required("WECHATPAY_PLATFORM_SERIAL", /^[0-9A-Za-z_]{8,64}$/, { zh: "微信支付公钥ID（PUB_KEY_ID_…）", en: "the WeChat Pay public key id (PUB_KEY_ID_…)" });

  const apiV3Key = value(env, "WECHATPAY_APIV3_KEY");
  if (!apiV3Key) problems.push("缺少 WECHATPAY_APIV3_KEY / WECHATPAY_APIV3_KEY is missing");
  else if (Buffer.byteLength(apiV3Key, "utf8") !== 32) problems.push("WECHATPAY_APIV3_KEY 必须是 32 字节 / WECHATPAY_APIV3_KEY must be exactly 32 bytes");

  const merchantPrivateKey = readPem(env, "WECHATPAY_PRIVATE_KEY", "WECHATPAY_PRIVATE_KEY_FILE", problems);
  checkKey(merchantPrivateKey, "private", "WECHATPAY_PRIVATE_KEY", problems);
  const platformPublicKey = readPem(env, "WECHATPAY_PLATFORM_PUBLIC_KEY", "WECHATPAY_PLATFORM_PUBLIC_KEY_FILE", problems);
  checkKey(platformPublicKey, "public", "WECHATPAY_PLATFORM_PUBLIC_KEY", problems);

  const apiHost = (value(env, "WECHATPAY_API_HOST") ?? DEFAULT_WECHATPAY_API_HOST).replace(/\/+$/, "");
  try {
    const url = new URL(apiHost);
    const allowed = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
    if (!allowed || url.search || url.hash || url.pathname !== "/") throw new Error("bad host");
  } catch {
    problems.push("WECHATPAY_API_HOST 必须是 https 源地址（回环地址可用 http） / WECHATPAY_API_HOST must be an https origin (http only on loopback)");
  }

  if (problems.length > 0 || !apiV3Key || !merchantPrivateKey || !platformPublicKey) {
    throw new PaymentProviderError("misconfigured", `微信支付配置有误 / WeChat Pay is misconfigured: ${problems.join("; ")}`);
  }
  return { mchId, appId, merchantSerial, merchantPrivateKey, apiV3Key, platformSerial, platformPublicKey, apiHost };
}
