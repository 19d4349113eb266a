import { describe, expect, it } from "vitest";
import { generateReferralCode, isReferralCode, referralRefusal, REFERRAL_CODE } from "@/lib/referral/code";

describe("referral code", () => {
  it("is 8 characters of [a-z0-9] with at least one digit, and different each time", () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateReferralCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(REFERRAL_CODE);
      expect(code).toMatch(/\d/);
    }
  });

  it("never spells a word even when the random source keeps drawing letters", () => {
    // Letters for the first 16 draws (two all-letter codes), then digits: the third attempt is returned.
    let n = 0;
    const code = generateReferralCode(() => (n++ < 16 ? 2 : 30));
    expect(n).toBe(24);
    expect(code).toBe("44444444");
  });

  it("accepts only the format", () => {
    expect(isReferralCode("ab12cd34")).toBe(true);
    for (const bad of ["AB12CD34", "ab12cd3", "ab12cd345", "ab12-d34", "", null, 12345678, "../admin"]) expect(isReferralCode(bad)).toBe(false);
  });
});

describe("referral refusal", () => {
  it("refuses self-referral", () => {
    expect(referralRefusal("m1", "m1", [])).toBe("self");
  });

  it("refuses a cycle: the new member is already above the owner, at any depth", () => {
    expect(referralRefusal("m1", "m2", ["m1"])).toBe("cycle");
    expect(referralRefusal("m1", "m2", ["m3", "m4", "m1"])).toBe("cycle");
  });

  it("allows a member outside the owner's chain", () => {
    expect(referralRefusal("m1", "m2", [])).toBeNull();
    expect(referralRefusal("m1", "m2", ["m3", "m4"])).toBeNull();
  });
});
