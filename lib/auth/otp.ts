import crypto from "node:crypto";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { appSecret } from "@/lib/security/app-secret";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { smsSender } from "@/lib/sms";
import { maskPhone, normalizeChinaMobile } from "@/lib/auth/phone";

export { maskPhone, normalizeChinaMobile };

// Phone number + 6-digit one-time code, for shoppers outside WeChat (docs/decisions/008-otp-and-rate-limits.md).
// - The code is random (crypto.randomInt) and stored only as HMAC-SHA256(appSecret, phone + code).
// - It expires after 5 minutes, works once, and dies after 5 wrong tries.
// - One code per phone per 60 s (checked on the latest row, and enforced race-free by a cooldown bucket),
//   at most 5 codes per phone and 20 per IP per hour, at most 60 verifications per IP per hour.
// - Every state change is ONE conditional statement (STACK.md: no interactive transactions on hot paths).
// - Messages say what to do next and never whether the phone belongs to a member: a code is sent to any
//   valid mobile number, and what happens after a good code (sign in or sign up) is the caller's business.

export const OTP_CODE_LENGTH = 6;
export const OTP_TTL_SECONDS = 5 * 60;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_SECONDS = 60;
export const OTP_LIMITS = {
  perPhone: { limit: 5, windowSeconds: 60 * 60 },
  perIp: { limit: 20, windowSeconds: 60 * 60 },
  verifyPerIp: { limit: 60, windowSeconds: 60 * 60 },
} as const;

function hashCode(phone: string, code: string): string {
  return crypto.createHmac("sha256", appSecret()).update(`otp-login:v1:${phone}:${code}`).digest("base64url");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function generateCode(): string {
  return crypto.randomInt(0, 10 ** OTP_CODE_LENGTH).toString().padStart(OTP_CODE_LENGTH, "0");
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

const MESSAGES = {
  invalidPhone: "请输入 11 位中国大陆手机号，例如 138 0013 8000 / Enter an 11-digit mainland China mobile number, e.g. 138 0013 8000",
  cooldown: (s: number) => `验证码已发送，请 ${s} 秒后再重新获取 / A code was just sent: wait ${s} s before asking for another`,
  rateLimited: (s: number) => `请求过于频繁，请 ${minutes(s)} 分钟后再试 / Too many requests: try again in ${minutes(s)} min`,
  sendFailed: "短信发送失败，请稍后再试 / The text message could not be sent: try again in a moment",
  invalidCode: `请输入短信中的 ${OTP_CODE_LENGTH} 位数字验证码 / Enter the ${OTP_CODE_LENGTH}-digit code from the text message`,
  noCode: "请先获取验证码，或重新获取 / Request a code first, or request a new one",
  expired: "验证码已过期，请重新获取 / This code has expired: request a new one",
  tooMany: "错误次数过多，此验证码已失效，请重新获取 / Too many wrong tries: this code no longer works, request a new one",
  wrong: (left: number) => `验证码不正确，还可再试 ${left} 次 / Wrong code: ${left} ${left === 1 ? "try" : "tries"} left`,
} as const;

export type RequestLoginCodeResult =
  | { ok: true; cooldownSeconds: number; expiresInSeconds: number }
  | { ok: false; code: "invalid_phone" | "cooldown" | "rate_limited" | "send_failed"; retryAfterSeconds?: number; message: string };

/**
 * Sends a new code to `phoneInput`. Throws SmsNotConfiguredError (from lib/sms) before touching anything when
 * no sender is configured in production: one-time codes refuse to start rather than fail silently.
 */
export async function requestLoginCode(phoneInput: string, ip: string, now: Date = new Date()): Promise<RequestLoginCodeResult> {
  const sender = smsSender();
  const phone = normalizeChinaMobile(phoneInput);
  if (!phone) return { ok: false, code: "invalid_phone", message: MESSAGES.invalidPhone };

  // Cooldown first, from the latest row: a too-early resend costs no hourly budget.
  const cooldownStart = new Date(now.getTime() - OTP_RESEND_COOLDOWN_SECONDS * 1000);
  const latest = await db.otpChallenge.findFirst({ where: { phone }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (latest && latest.createdAt > cooldownStart) return cooldown(latest.createdAt, now);

  for (const [key, rule] of [
    [`otp:send:ip:${ip || "unknown"}`, OTP_LIMITS.perIp],
    [`otp:send:phone:${phone}`, OTP_LIMITS.perPhone],
  ] as const) {
    const hit = await hitRateLimit(key, rule, now);
    if (!hit.allowed) {
      await audit({ actor: "anonymous", action: "otp.rate_limited", target: maskPhone(phone), ip, detail: { step: "send", limit: key.split(":")[2] } }, now);
      return { ok: false, code: "rate_limited", retryAfterSeconds: hit.retryAfterSeconds, message: MESSAGES.rateLimited(hit.retryAfterSeconds) };
    }
  }

  const code = generateCode();
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  // Two concurrent requests cannot both send: the phone's cooldown bucket is one atomic upsert, race-free on
  // SQLite and PostgreSQL alike (an INSERT … WHERE NOT EXISTS is not, under PostgreSQL's READ COMMITTED).
  const cooldownKey = `otp:cooldown:${phone}`;
  const gate = await hitRateLimit(cooldownKey, { limit: 1, windowSeconds: OTP_RESEND_COOLDOWN_SECONDS }, now);
  if (!gate.allowed) {
    const winner = await db.otpChallenge.findFirst({ where: { phone }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    return cooldown(winner && winner.createdAt > cooldownStart ? winner.createdAt : now, now);
  }
  await db.otpChallenge.create({ data: { id, phone, codeHash: hashCode(phone, code), expiresAt, attempts: 0, createdAt: now } });
  // Older codes of this phone stop working: only the newest one is valid.
  await db.otpChallenge.updateMany({ where: { phone, id: { not: id }, consumedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });

  try {
    await sender.sendLoginCode(phone, code);
  } catch {
    // Nothing was delivered: drop the row so the shopper may ask again at once (the hourly limits still count).
    await db.$transaction([db.otpChallenge.deleteMany({ where: { id } }), db.rateLimitBucket.deleteMany({ where: { key: cooldownKey } })]);
    return { ok: false, code: "send_failed", message: MESSAGES.sendFailed };
  }
  return { ok: true, cooldownSeconds: OTP_RESEND_COOLDOWN_SECONDS, expiresInSeconds: OTP_TTL_SECONDS };
}

function cooldown(createdAt: Date, now: Date): RequestLoginCodeResult {
  const retryAfterSeconds = Math.max(1, Math.ceil(OTP_RESEND_COOLDOWN_SECONDS - (now.getTime() - createdAt.getTime()) / 1000));
  return { ok: false, code: "cooldown", retryAfterSeconds, message: MESSAGES.cooldown(retryAfterSeconds) };
}

export type VerifyLoginCodeResult =
  | { ok: true; phone: string }
  | {
      ok: false;
      code: "invalid_phone" | "invalid_code" | "wrong_code" | "expired" | "too_many_attempts" | "no_code" | "rate_limited";
      attemptsLeft?: number;
      retryAfterSeconds?: number;
      message: string;
    };

/**
 * Checks `codeInput` against the phone's latest code. A wrong code counts one attempt; the fifth kills the code;
 * a right code is consumed by one conditional update, so of two concurrent right verifications exactly one wins.
 * A malformed phone or code is refused without counting an attempt.
 */
export async function verifyLoginCode(phoneInput: string, codeInput: string, ip: string, now: Date = new Date()): Promise<VerifyLoginCodeResult> {
  const hit = await hitRateLimit(`otp:verify:ip:${ip || "unknown"}`, OTP_LIMITS.verifyPerIp, now);
  if (!hit.allowed) {
    await audit({ actor: "anonymous", action: "otp.rate_limited", ip, detail: { step: "verify", limit: "ip" } }, now);
    return { ok: false, code: "rate_limited", retryAfterSeconds: hit.retryAfterSeconds, message: MESSAGES.rateLimited(hit.retryAfterSeconds) };
  }
  const phone = normalizeChinaMobile(phoneInput);
  if (!phone) return { ok: false, code: "invalid_phone", message: MESSAGES.invalidPhone };
  const code = typeof codeInput === "string" ? codeInput.normalize("NFKC").replace(/\s/g, "") : "";
  if (!new RegExp(`^\\d{${OTP_CODE_LENGTH}}$`).test(code)) return { ok: false, code: "invalid_code", message: MESSAGES.invalidCode };

  const challenge = await db.otpChallenge.findFirst({ where: { phone }, orderBy: { createdAt: "desc" } });
  if (!challenge) return { ok: false, code: "no_code", message: MESSAGES.noCode };
  const state = stateOf(challenge, now);
  if (state) return state;

  // Only a live code (not consumed, not expired, fewer than 5 wrong tries) may change, whatever ran in between.
  const live = { id: challenge.id, consumedAt: null, attempts: { lt: OTP_MAX_ATTEMPTS }, expiresAt: { gt: now } };
  if (sameHash(hashCode(phone, code), challenge.codeHash)) {
    const { count } = await db.otpChallenge.updateMany({ where: live, data: { consumedAt: now } });
    if (count === 1) return { ok: true, phone };
  } else {
    const { count } = await db.otpChallenge.updateMany({ where: live, data: { attempts: { increment: 1 } } });
    if (count === 1) {
      const after = await db.otpChallenge.findUnique({ where: { id: challenge.id }, select: { attempts: true } });
      const attemptsLeft = Math.max(0, OTP_MAX_ATTEMPTS - (after?.attempts ?? OTP_MAX_ATTEMPTS));
      if (attemptsLeft === 0) return { ok: false, code: "too_many_attempts", attemptsLeft: 0, message: MESSAGES.tooMany };
      return { ok: false, code: "wrong_code", attemptsLeft, message: MESSAGES.wrong(attemptsLeft) };
    }
  }
  // The code changed under us (used, killed or expired by a concurrent request): report its state now.
  const current = await db.otpChallenge.findUnique({ where: { id: challenge.id } });
  return (current && stateOf(current, now)) ?? { ok: false, code: "no_code", message: MESSAGES.noCode };
}

function stateOf(
  challenge: { consumedAt: Date | null; attempts: number; expiresAt: Date },
  now: Date,
): Extract<VerifyLoginCodeResult, { ok: false }> | null {
  if (challenge.consumedAt) return { ok: false, code: "no_code", message: MESSAGES.noCode };
  if (challenge.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, code: "too_many_attempts", attemptsLeft: 0, message: MESSAGES.tooMany };
  if (challenge.expiresAt <= now) return { ok: false, code: "expired", message: MESSAGES.expired };
  return null;
}
