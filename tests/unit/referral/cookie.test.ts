import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.APP_SECRET ??= "unit-secret-unit-secret-unit-secret-0123";
});

describe("referral cookie", async () => {
  const { decodeReferralCookie, encodeReferralCookie, REFERRAL_COOKIE_MAX_AGE_SECONDS } = await import("@/lib/referral/cookie");
  const now = new Date("2026-11-23T12:00:00Z");
  const at = Math.floor(now.getTime() / 1000);

  it("round-trips brand, code and time", () => {
    const cookie = encodeReferralCookie({ brand: "lumi", code: "ab12cd34", at });
    expect(decodeReferralCookie(cookie, now)).toEqual({ brand: "lumi", code: "ab12cd34", at });
  });

  it("reads a tampered, malformed or stale cookie as nothing", () => {
    const cookie = encodeReferralCookie({ brand: "lumi", code: "ab12cd34", at });
    const [payload, signature] = cookie.split(".");
    const forged = Buffer.from(JSON.stringify({ brand: "lumi", code: "zz99zz99", at })).toString("base64url");
    expect(decodeReferralCookie(`${forged}.${signature}`, now)).toBeNull();
    expect(decodeReferralCookie(`${payload}.x${signature!.slice(1)}`, now)).toBeNull();
    expect(decodeReferralCookie(`${cookie}.extra`, now)).toBeNull();
    expect(decodeReferralCookie("garbage", now)).toBeNull();
    expect(decodeReferralCookie(undefined, now)).toBeNull();
    const later = new Date(now.getTime() + (REFERRAL_COOKIE_MAX_AGE_SECONDS + 1) * 1000);
    expect(decodeReferralCookie(cookie, later)).toBeNull();
  });

  it("refuses to encode a malformed code", () => {
    expect(() => encodeReferralCookie({ brand: "lumi", code: "BAD", at })).toThrow();
  });
});
