import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { OTP_MAX_ATTEMPTS, normalizeChinaMobile, requestLoginCode, verifyLoginCode } from "@/lib/auth/otp";
import { SmsNotConfiguredError, lastDevCode } from "@/lib/sms";

// Tests share one database file: every phone number and IP is unique to its test.
const newPhone = () => `139${crypto.randomInt(0, 1e8).toString().padStart(8, "0")}`;
const newIp = () => `10.${crypto.randomInt(0, 256)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(1, 255)}`;
const seconds = (t: Date, s: number) => new Date(t.getTime() + s * 1000);

async function sendCode(phone: string, ip: string, now = new Date()): Promise<string> {
  const result = await requestLoginCode(phone, ip, now);
  expect(result).toMatchObject({ ok: true, cooldownSeconds: 60 });
  const code = lastDevCode(normalizeChinaMobile(phone)!);
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

const otherCode = (code: string) => ((Number(code) + 1) % 1e6).toString().padStart(6, "0");

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the dev sender's "[sms:dev] … code …" lines
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("requesting a code", () => {
  it("stores only a hash of a random 6-digit code, expiring in 5 minutes", async () => {
    const phone = newPhone();
    const now = new Date();
    const code = await sendCode(`+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, newIp(), now);
    const rows = await db.otpChallenge.findMany({ where: { phone } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.expiresAt.getTime() - now.getTime()).toBe(5 * 60 * 1000);
    expect(row).toMatchObject({ attempts: 0, consumedAt: null });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.codeHash).not.toBe(crypto.createHash("sha256").update(code).digest("base64url"));
    expect(row.codeHash).not.toBe(crypto.createHash("sha256").update(code).digest("hex"));
    // and the raw database text has no trace of it either
    const raw = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "OtpChallenge" WHERE "phone" = ${phone}`;
    expect(JSON.stringify(raw)).not.toContain(code);
  });

  it("codes differ between requests", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add(await sendCode(newPhone(), newIp()));
    expect(codes.size).toBeGreaterThan(1);
  });

  it("refuses an invalid phone with a clear message and writes nothing", async () => {
    const before = await db.otpChallenge.count();
    const result = await requestLoginCode("12345", newIp());
    expect(result).toMatchObject({ ok: false, code: "invalid_phone" });
    expect(!result.ok && result.message).toMatch(/^请输入 11 位中国大陆手机号.*\/ Enter an 11-digit/);
    expect(await db.otpChallenge.count()).toBe(before);
  });

  it("enforces a 60 s resend cooldown, and a new code replaces the old one", async () => {
    const phone = newPhone();
    const ip = newIp();
    const t0 = new Date();
    const first = await sendCode(phone, ip, t0);
    const early = await requestLoginCode(phone, ip, seconds(t0, 30));
    expect(early).toMatchObject({ ok: false, code: "cooldown", retryAfterSeconds: 30 });
    expect(!early.ok && early.message).toMatch(/30 秒后.*wait 30 s/);
    expect(await db.otpChallenge.count({ where: { phone } })).toBe(1);

    const t1 = seconds(t0, 60);
    const second = await sendCode(phone, ip, t1);
    if (second !== first) {
      expect(await verifyLoginCode(phone, first, ip, seconds(t1, 1))).toMatchObject({ ok: false, code: "wrong_code" });
    }
    expect(await verifyLoginCode(phone, second, ip, seconds(t1, 2))).toEqual({ ok: true, phone });
  });

  it("concurrent requests for one phone send exactly one code", async () => {
    const phone = newPhone();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 8 }, () => requestLoginCode(phone, newIp(), now)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // the others are refused: in cooldown, or (having raced past the cooldown check) by the per-phone limit
    expect(results.filter((r) => !r.ok && (r.code === "cooldown" || r.code === "rate_limited"))).toHaveLength(7);
    expect(await db.otpChallenge.count({ where: { phone } })).toBe(1);
  });

  it("limits codes per phone (5 an hour) and audits the refusal", async () => {
    const phone = newPhone();
    const t0 = new Date();
    for (let i = 0; i < 5; i++) await sendCode(phone, newIp(), seconds(t0, i * 61));
    const result = await requestLoginCode(phone, newIp(), seconds(t0, 5 * 61));
    expect(result).toMatchObject({ ok: false, code: "rate_limited" });
    expect(!result.ok && result.retryAfterSeconds).toBe(3600 - 5 * 61);
    expect(!result.ok && result.message).toMatch(/^请求过于频繁，请 \d+ 分钟后再试 \/ Too many requests/);
    const rows = await db.auditLog.findMany({ where: { action: "otp.rate_limited", target: `${phone.slice(0, 3)}****${phone.slice(7)}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).not.toContain(phone);
    // after the hour the phone may ask again
    await sendCode(phone, newIp(), seconds(t0, 3600));
  });

  it("limits codes per IP (20 an hour)", async () => {
    const ip = newIp();
    const now = new Date();
    for (let i = 0; i < 20; i++) await sendCode(newPhone(), ip, now);
    expect(await requestLoginCode(newPhone(), ip, now)).toMatchObject({ ok: false, code: "rate_limited" });
    await sendCode(newPhone(), newIp(), now); // another IP is unaffected
  });

  it("refuses to start in production without a configured SMS sender, writing nothing", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMS_PROVIDER", "");
    const phone = newPhone();
    await expect(requestLoginCode(phone, newIp())).rejects.toThrow(SmsNotConfiguredError);
    await expect(requestLoginCode(phone, newIp())).rejects.toThrow(/生产环境未配置短信服务/);
    vi.stubEnv("SMS_PROVIDER", "dev");
    await expect(requestLoginCode(phone, newIp())).rejects.toThrow(SmsNotConfiguredError);
    expect(await db.otpChallenge.count({ where: { phone } })).toBe(0);
  });

  it("sends through the HTTP provider, and a failed send leaves no code and no cooldown", async () => {
    let status = 500;
    const received: unknown[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      vi.stubEnv("SMS_PROVIDER", "http");
      vi.stubEnv("SMS_HTTP_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`);
      vi.stubEnv("SMS_HTTP_TOKEN", "test-token");
      const phone = newPhone();
      const failed = await requestLoginCode(phone, newIp());
      expect(failed).toMatchObject({ ok: false, code: "send_failed" });
      expect(await db.otpChallenge.count({ where: { phone } })).toBe(0);
      status = 200;
      expect(await requestLoginCode(phone, newIp())).toMatchObject({ ok: true });
      const sent = received[1] as { phone: string; code: string };
      expect(sent.phone).toBe(phone);
      expect(await verifyLoginCode(phone, sent.code, newIp())).toEqual({ ok: true, phone });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("verifying a code", () => {
  it("accepts the right code once", async () => {
    const phone = newPhone();
    const ip = newIp();
    const code = await sendCode(phone, ip);
    expect(await verifyLoginCode(`86${phone}`, ` ${code} `, ip)).toEqual({ ok: true, phone });
    const again = await verifyLoginCode(phone, code, ip);
    expect(again).toMatchObject({ ok: false, code: "no_code" });
    expect(!again.ok && again.message).toMatch(/^请先获取验证码.*\/ Request a code first/);
    expect((await db.otpChallenge.findFirstOrThrow({ where: { phone } })).consumedAt).not.toBeNull();
  });

  it("two concurrent right verifications: exactly one succeeds", async () => {
    const phone = newPhone();
    const code = await sendCode(phone, newIp());
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyLoginCode(phone, code, newIp())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "no_code")).toBe(true);
  });

  it("refuses an expired code without counting an attempt", async () => {
    const phone = newPhone();
    const t0 = new Date();
    const code = await sendCode(phone, newIp(), t0);
    expect(await verifyLoginCode(phone, code, newIp(), seconds(t0, 299))).toEqual({ ok: true, phone });

    const phone2 = newPhone();
    const code2 = await sendCode(phone2, newIp(), t0);
    const late = await verifyLoginCode(phone2, code2, newIp(), seconds(t0, 300));
    expect(late).toMatchObject({ ok: false, code: "expired" });
    expect(!late.ok && late.message).toMatch(/^验证码已过期，请重新获取 \/ This code has expired: request a new one$/);
    expect((await db.otpChallenge.findFirstOrThrow({ where: { phone: phone2 } })).attempts).toBe(0);
  });

  it("stops brute force at 5 wrong tries: the right code is then refused", async () => {
    const phone = newPhone();
    const ip = newIp();
    const code = await sendCode(phone, ip);
    const wrong = otherCode(code);
    for (let left = OTP_MAX_ATTEMPTS - 1; left >= 1; left--) {
      const r = await verifyLoginCode(phone, wrong, ip);
      expect(r).toMatchObject({ ok: false, code: "wrong_code", attemptsLeft: left });
      expect(!r.ok && r.message).toContain(`还可再试 ${left} 次`);
    }
    expect(await verifyLoginCode(phone, wrong, ip)).toMatchObject({ ok: false, code: "too_many_attempts", attemptsLeft: 0 });
    const refused = await verifyLoginCode(phone, code, ip);
    expect(refused).toMatchObject({ ok: false, code: "too_many_attempts" });
    expect(!refused.ok && refused.message).toMatch(/请重新获取.*request a new one/);
    const row = await db.otpChallenge.findFirstOrThrow({ where: { phone } });
    expect(row).toMatchObject({ attempts: 5, consumedAt: null });
  });

  it("concurrent wrong tries never push attempts past 5", async () => {
    const phone = newPhone();
    const code = await sendCode(phone, newIp());
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyLoginCode(phone, otherCode(code), newIp())));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect((await db.otpChallenge.findFirstOrThrow({ where: { phone } })).attempts).toBe(5);
    expect(await verifyLoginCode(phone, code, newIp())).toMatchObject({ ok: false, code: "too_many_attempts" });
  });

  it("refuses a malformed phone or code without counting an attempt", async () => {
    const phone = newPhone();
    const code = await sendCode(phone, newIp());
    expect(await verifyLoginCode("not a phone", code, newIp())).toMatchObject({ ok: false, code: "invalid_phone" });
    expect(await verifyLoginCode(phone, "12345", newIp())).toMatchObject({ ok: false, code: "invalid_code" });
    expect(await verifyLoginCode(phone, "abcdef", newIp())).toMatchObject({ ok: false, code: "invalid_code" });
    expect((await db.otpChallenge.findFirstOrThrow({ where: { phone } })).attempts).toBe(0);
    expect(await verifyLoginCode(phone, code, newIp())).toEqual({ ok: true, phone });
  });

  it("says nothing about whether a phone is a member", async () => {
    const member = await db.member.findFirst({ where: { phone: { not: null } }, select: { phone: true } }).catch(() => null);
    const unknown = await verifyLoginCode(newPhone(), "123456", newIp());
    expect(unknown).toMatchObject({ ok: false, code: "no_code" });
    if (member?.phone) expect(await verifyLoginCode(member.phone, "123456", newIp())).toEqual(unknown);
    for (const text of [!unknown.ok && unknown.message]) expect(text).not.toMatch(/会员|注册|member|regist|account|账号/i);
  });

  it("limits verifications per IP (60 an hour)", async () => {
    const ip = newIp();
    const now = new Date();
    for (let i = 0; i < 60; i++) expect((await verifyLoginCode(newPhone(), "000000", ip, now)).ok).toBe(false);
    const limited = await verifyLoginCode(newPhone(), "000000", ip, now);
    expect(limited).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 3600 });
  });
});
