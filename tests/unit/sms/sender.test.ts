import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DevSmsSender, HttpSmsSender, SmsNotConfiguredError, SmsSendError, lastDevCode, smsConfigured, smsSender } from "@/lib/sms";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("smsSender() picks the sender from the environment", () => {
  it("defaults to the dev sender outside production", () => {
    expect(smsSender(env({ NODE_ENV: "development" }))).toBeInstanceOf(DevSmsSender);
    expect(smsSender(env({ NODE_ENV: "test", SMS_PROVIDER: "dev" }))).toBeInstanceOf(DevSmsSender);
  });

  it("refuses in production without a real provider, with a bilingual message", () => {
    expect(() => smsSender(env({ NODE_ENV: "production" }))).toThrow(SmsNotConfiguredError);
    expect(() => smsSender(env({ NODE_ENV: "production" }))).toThrow(/生产环境未配置短信服务 \/ No SMS sender configured in production/);
    expect(() => smsSender(env({ NODE_ENV: "production", SMS_PROVIDER: "dev" }))).toThrow(SmsNotConfiguredError);
    expect(() => smsSender(env({ NODE_ENV: "production", SMS_PROVIDER: "carrier-pigeon" }))).toThrow(SmsNotConfiguredError);
    expect(() => smsSender(env({ NODE_ENV: "production", SMS_PROVIDER: "http", SMS_HTTP_URL: "https://sms.example.cn/send" }))).toThrow(
      /SMS_HTTP_TOKEN/,
    );
    expect(() => smsSender(env({ NODE_ENV: "production", SMS_PROVIDER: "http", SMS_HTTP_URL: "not a url", SMS_HTTP_TOKEN: "t" }))).toThrow(
      SmsNotConfiguredError,
    );
    expect(smsConfigured(env({ NODE_ENV: "production" }))).toBe(false);
  });

  it("uses the http sender in production when it is configured", () => {
    const vars = env({ NODE_ENV: "production", SMS_PROVIDER: "http", SMS_HTTP_URL: "https://sms.example.cn/send", SMS_HTTP_TOKEN: "secret" });
    expect(smsSender(vars)).toBeInstanceOf(HttpSmsSender);
    expect(smsConfigured(vars)).toBe(true);
  });
});

describe("DevSmsSender", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs the code with console.log and remembers the last one per phone for the dev banner", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const sender = new DevSmsSender();
    await sender.sendLoginCode("13900000001", "123456");
    await sender.sendLoginCode("13900000001", "654321");
    await sender.sendLoginCode("13900000002", "111111");
    expect(log).toHaveBeenCalledWith("[sms:dev] 13900000001 code 123456");
    expect(lastDevCode("13900000001", env({ NODE_ENV: "development" }))).toBe("654321");
    expect(lastDevCode("13900000002", env({ NODE_ENV: "development" }))).toBe("111111");
    expect(lastDevCode("13900000003", env({ NODE_ENV: "development" }))).toBeNull();
    expect(lastDevCode("13900000001", env({ NODE_ENV: "production" }))).toBeNull();
  });
});

// A fake provider on loopback speaking the webhook protocol (DESIGN.md: no stubbed functions).
async function fakeProvider(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("HttpSmsSender against a loopback provider", () => {
  it("posts JSON with the bearer token", async () => {
    const received: { method?: string; url?: string; auth?: string; type?: string; body?: unknown }[] = [];
    const provider = await fakeProvider((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers["content-type"], body: JSON.parse(body) });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
    });
    try {
      await new HttpSmsSender({ url: provider.url, token: "tok-123" }).sendLoginCode("13800138000", "042917");
      expect(received).toEqual([
        {
          method: "POST",
          url: "/sms/send",
          auth: "Bearer tok-123",
          type: "application/json",
          body: { phone: "13800138000", code: "042917", purpose: "login" },
        },
      ]);
    } finally {
      await provider.close();
    }
  });

  it("rejects with SmsSendError on a non-2xx answer, without the code in the message", async () => {
    const provider = await fakeProvider((_req, res) => res.writeHead(503).end("busy"));
    try {
      const error = await new HttpSmsSender({ url: provider.url, token: "t" }).sendLoginCode("13800138000", "987654").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsSendError);
      expect((error as Error).message).toMatch(/HTTP 503/);
      expect((error as Error).message).not.toContain("987654");
    } finally {
      await provider.close();
    }
  });

  it("gives up after its timeout", async () => {
    const provider = await fakeProvider(() => {}); // never answers
    try {
      const started = Date.now();
      const error = await new HttpSmsSender({ url: provider.url, token: "t", timeoutMs: 200 }).sendLoginCode("13800138000", "1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsSendError);
      expect((error as Error).message).toMatch(/timeout/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await provider.close();
    }
  });
});
