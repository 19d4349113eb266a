import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { paymentProvider, PaymentProviderError, wechatPayConfigFromEnv } from "@/lib/payments";
import { createFakeWechatPayKeys, type FakeWechatPayKeys } from "@/tests/fakes/wechatpay-server";

let keys: FakeWechatPayKeys;
let env: Record<string, string>;

beforeAll(() => {
  keys = createFakeWechatPayKeys();
  env = {
    PAYMENT_PROVIDER: "wechatpay",
    WECHATPAY_MCHID: keys.mchId,
    WECHATPAY_APPID: keys.appId,
    WECHATPAY_SERIAL: keys.merchantSerial,
    // One line with literal \n, as .env files and secret stores carry PEMs.
    WECHATPAY_PRIVATE_KEY: keys.merchantPrivateKey.trim().replace(/\n/g, "\\n"),
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    WECHATPAY_PLATFORM_SERIAL: keys.platformSerial,
    WECHATPAY_PLATFORM_PUBLIC_KEY: keys.platformPublicKey,
  };
});

const misconfiguration = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect((error as PaymentProviderError).code).toBe("misconfigured");
    return (error as PaymentProviderError).message;
  }
  throw new Error("expected a misconfiguration error");
};

describe("paymentProvider()", () => {
  it("is the sandbox when PAYMENT_PROVIDER is unset, empty or sandbox", () => {
    expect(paymentProvider({}).name).toBe("SANDBOX");
    expect(paymentProvider({ PAYMENT_PROVIDER: "" }).name).toBe("SANDBOX");
    expect(paymentProvider({ PAYMENT_PROVIDER: "Sandbox" }).name).toBe("SANDBOX");
  });

  it("refuses an unknown provider name", () => {
    expect(misconfiguration(() => paymentProvider({ PAYMENT_PROVIDER: "alipay" }))).toMatch(/PAYMENT_PROVIDER 只能是 sandbox 或 wechatpay \/ PAYMENT_PROVIDER must be/);
  });

  it("with wechatpay but no settings: a provider all the same (no crash), whose first call is a clear bilingual error", async () => {
    const provider = paymentProvider({ PAYMENT_PROVIDER: "wechatpay" });
    expect(provider.name).toBe("WECHAT_PAY");
    const error = (await provider.query("T20260501000001").catch((caught: unknown) => caught)) as PaymentProviderError;
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error.code).toBe("misconfigured");
    expect(error.message).toContain("微信支付配置有误 / WeChat Pay is misconfigured");
    for (const name of ["WECHATPAY_MCHID", "WECHATPAY_APPID", "WECHATPAY_SERIAL", "WECHATPAY_PRIVATE_KEY_FILE", "WECHATPAY_APIV3_KEY", "WECHATPAY_PLATFORM_SERIAL", "WECHATPAY_PLATFORM_PUBLIC_KEY"]) {
      expect(error.message).toContain(name);
    }
  });

  it("with complete settings: WeChat Pay; notifications it cannot verify are rejected, not crashes", async () => {
    const provider = paymentProvider(env);
    expect(provider.name).toBe("WECHAT_PAY");
    await expect(provider.parseNotification({ headers: {}, body: "{}" })).rejects.toMatchObject({ name: "PaymentNotificationRejected", reason: "bad_signature" });
  });
});

describe("wechatPayConfigFromEnv", () => {
  it("reads every setting, unescapes a one-line PEM and defaults the API host", () => {
    const config = wechatPayConfigFromEnv(env);
    expect(config).toMatchObject({
      mchId: keys.mchId,
      appId: keys.appId,
      merchantSerial: keys.merchantSerial,
      apiV3Key: keys.apiV3Key,
      platformSerial: keys.platformSerial,
      apiHost: "https://api.mch.weixin.qq.com",
    });
    expect(config.merchantPrivateKey).toBe(keys.merchantPrivateKey.trim());
  });

  it("reads the keys from files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wechatpay-"));
    try {
      fs.writeFileSync(path.join(dir, "apiclient_key.pem"), keys.merchantPrivateKey);
      fs.writeFileSync(path.join(dir, "pub_key.pem"), keys.platformPublicKey);
      const { WECHATPAY_PRIVATE_KEY: _a, WECHATPAY_PLATFORM_PUBLIC_KEY: _b, ...rest } = env;
      const config = wechatPayConfigFromEnv({ ...rest, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, "apiclient_key.pem"), WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: path.join(dir, "pub_key.pem") });
      expect(config.merchantPrivateKey).toBe(keys.merchantPrivateKey);
      expect(config.platformPublicKey).toBe(keys.platformPublicKey);
      expect(misconfiguration(() => wechatPayConfigFromEnv({ ...rest, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, "missing.pem"), WECHATPAY_PLATFORM_PUBLIC_KEY: keys.platformPublicKey }))).toContain(
        "cannot read the file WECHATPAY_PRIVATE_KEY_FILE points to",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names each malformed setting without echoing secrets", () => {
    const message = misconfiguration(() =>
      wechatPayConfigFromEnv({
        ...env,
        WECHATPAY_APIV3_KEY: "too-short-secret-value",
        WECHATPAY_APPID: "notanappid",
        WECHATPAY_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\\nsecretgarbage\\n-----END PRIVATE KEY-----",
        WECHATPAY_API_HOST: "http://api.mch.weixin.qq.com",
      }),
    );
    expect(message).toContain("WECHATPAY_APIV3_KEY must be exactly 32 bytes");
    expect(message).toContain("WECHATPAY_APPID must be an AppID");
    expect(message).toContain("WECHATPAY_PRIVATE_KEY is not a valid PEM private key");
    expect(message).toContain("WECHATPAY_API_HOST must be an https origin");
    expect(message).not.toContain("too-short-secret-value");
    expect(message).not.toContain("secretgarbage");
  });

  it("allows plain http only on loopback (the fake server)", () => {
    expect(wechatPayConfigFromEnv({ ...env, WECHATPAY_API_HOST: "http://127.0.0.1:4010/" }).apiHost).toBe("http://127.0.0.1:4010");
  });
});
