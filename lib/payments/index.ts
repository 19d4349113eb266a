import "server-only";
import { wechatPayConfigFromEnv } from "./config";
import { createSandboxProvider } from "./sandbox";
import { PaymentProviderError, type PaymentProvider } from "./types";
import { createWechatPay } from "./wechatpay";

// Which payment provider this deployment uses (docs/decisions/011-payments.md):
//   PAYMENT_PROVIDER unset, "" or "sandbox"  → the sandbox (no network; the app's pay sheet confirms)
//   PAYMENT_PROVIDER=wechatpay               → WeChat Pay JSAPI, configured by WECHATPAY_* (config.ts)
// A missing or invalid WeChat Pay setting surfaces as a PaymentProviderError("misconfigured") from the
// first payment call, never at import: pages that merely import this module keep rendering.

export * from "./types";
export { createSandboxProvider } from "./sandbox";
export { createWechatPay, toRfc3339Beijing, type WechatPayConfig } from "./wechatpay";
export { wechatPayConfigFromEnv, DEFAULT_WECHATPAY_API_HOST } from "./config";

type Env = Record<string, string | undefined>;

const WECHATPAY_VARIABLES = [
  "WECHATPAY_MCHID",
  "WECHATPAY_APPID",
  "WECHATPAY_SERIAL",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_PRIVATE_KEY_FILE",
  "WECHATPAY_APIV3_KEY",
  "WECHATPAY_PLATFORM_SERIAL",
  "WECHATPAY_PLATFORM_PUBLIC_KEY",
  "WECHATPAY_PLATFORM_PUBLIC_KEY_FILE",
  "WECHATPAY_API_HOST",
] as const;

// Parsing keys on every request would be wasted work; the cache is keyed by the settings themselves,
// so a test (or a reloaded environment) that changes them gets a fresh client.
let cached: { fingerprint: string; provider: PaymentProvider } | undefined;

function wechatPayFromEnv(env: Env): PaymentProvider {
  const fingerprint = JSON.stringify(WECHATPAY_VARIABLES.map((name) => env[name] ?? null));
  if (cached?.fingerprint === fingerprint) return cached.provider;
  const provider = createWechatPay(wechatPayConfigFromEnv(env));
  cached = { fingerprint, provider };
  return provider;
}

/** The provider this deployment is configured for. Throws only for an unknown PAYMENT_PROVIDER value. */
export function paymentProvider(env: Env = process.env): PaymentProvider {
  const choice = (env.PAYMENT_PROVIDER ?? "").trim().toLowerCase();
  if (choice === "" || choice === "sandbox") return createSandboxProvider();
  if (choice !== "wechatpay") {
    throw new PaymentProviderError(
      "misconfigured",
      `PAYMENT_PROVIDER 只能是 sandbox 或 wechatpay / PAYMENT_PROVIDER must be "sandbox" or "wechatpay" (got "${choice.slice(0, 32)}")`,
    );
  }
  // Resolved at the first call, so a misconfiguration is a clear error there, not a crash at import.
  return {
    name: "WECHAT_PAY",
    prepay: async (input) => wechatPayFromEnv(env).prepay(input),
    parseNotification: async (request) => wechatPayFromEnv(env).parseNotification(request),
    query: async (outTradeNo) => wechatPayFromEnv(env).query(outTradeNo),
    refund: async (input) => wechatPayFromEnv(env).refund(input),
    queryRefund: async (outRefundNo) => wechatPayFromEnv(env).queryRefund(outRefundNo),
  };
}
