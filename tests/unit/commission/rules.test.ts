import { describe, expect, it } from "vitest";
import { commissionRules, reversalOf, shareOf } from "@/lib/commission/rules";

describe("commission rules", () => {
  const ok = { guideRateBps: 300, referralRatesBps: [200, 100], freezeDays: 7, capFen: 0 };

  it("accepts a guide rate and up to 2 member levels", () => {
    expect(commissionRules.safeParse(ok).success).toBe(true);
  });

  it("refuses a third member level and rates adding up to more than 100 %", () => {
    const three = commissionRules.safeParse({ ...ok, referralRatesBps: [100, 100, 100] });
    expect(three.success).toBe(false);
    expect(three.error!.issues[0]!.message).toMatch(/^会员分佣最多 2 级 \/ At most 2 member levels$/);
    const over = commissionRules.safeParse({ ...ok, guideRateBps: 9_000, referralRatesBps: [900, 200] });
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]!.message).toContain("100%");
    expect(commissionRules.safeParse({ ...ok, guideRateBps: 10_001 }).success).toBe(false);
    expect(commissionRules.safeParse({ ...ok, guideRateBps: 2.5 }).success).toBe(false);
  });
});

describe("commission arithmetic in whole fen", () => {
  it("takes the rate of the goods, rounded down, capped per order", () => {
    expect(shareOf(29_900, 300, 0)).toBe(897);
    expect(shareOf(33_333, 300, 0)).toBe(999); // 999.99 → 999: the brand never pays a fraction of a fen
    expect(shareOf(1_000_000, 300, 20_000)).toBe(20_000);
  });

  it("reverses in proportion to what was refunded, and never more than was earned", () => {
    // 897 earned on ¥299 of goods; ¥99.90 refunded → 300 back (897 × 9990 / 29900 = 299.7 → 300).
    expect(reversalOf(897, 29_900, 9_990, 0)).toBe(-300);
    // Then the rest of the goods: the whole earning is back in total, not a fen more.
    expect(reversalOf(897, 29_900, 29_900, 300)).toBe(-597);
    expect(reversalOf(897, 29_900, 29_900, 897)).toBe(0);
    expect(reversalOf(0, 29_900, 10_000, 0)).toBe(0);
  });
});
