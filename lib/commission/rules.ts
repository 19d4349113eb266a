import { z } from "zod";

// A brand's commission rules (分佣规则), in basis points of what the customer paid for the goods (delivery fee
// excluded). Chinese rules on multi-level marketing forbid more than 3 levels; we allow the guide and at most
// 2 member levels, and never more than 100 % in total.

export const MAX_REFERRAL_LEVELS = 2;

export const commissionRules = z
  .object({
    guideRateBps: z.number().int().min(0).max(10_000),
    referralRatesBps: z
      .array(z.number().int().min(0).max(10_000))
      .max(MAX_REFERRAL_LEVELS, `会员分佣最多 ${MAX_REFERRAL_LEVELS} 级 / At most ${MAX_REFERRAL_LEVELS} member levels`),
    freezeDays: z.number().int().min(0).max(365),
    /** Per order and beneficiary; 0 = no cap. */
    capFen: z.number().int().min(0),
  })
  .refine((r) => r.guideRateBps + r.referralRatesBps.reduce((a, b) => a + b, 0) <= 10_000, {
    message: "佣金比例合计不能超过 100% / Commission rates cannot add up to more than 100%",
    path: ["referralRatesBps"],
  });
export type CommissionRules = z.infer<typeof commissionRules>;

/** One beneficiary's share of an order, in whole fen (rounded down: the brand never pays a fraction), capped. */
export function shareOf(baseFen: number, rateBps: number, capFen: number): number {
  const share = Math.floor((baseFen * rateBps) / 10_000);
  return capFen > 0 ? Math.min(share, capFen) : share;
}

/**
 * What a refund takes back from one earning, pro rata: after refunds totalling `refundedBaseFen` of the
 * `baseFen` the share was taken of, `round(earned × refunded / base)` in all has been reversed; this returns the
 * (negative) rest not yet reversed. Refunding the whole base reverses exactly the whole earning, never more.
 */
export function reversalOf(earnedFen: number, baseFen: number, refundedBaseFen: number, alreadyReversedFen: number): number {
  if (baseFen <= 0 || earnedFen <= 0) return 0;
  const target = Math.round((earnedFen * Math.min(baseFen, Math.max(0, refundedBaseFen))) / baseFen);
  const rest = Math.max(0, target - alreadyReversedFen);
  return rest === 0 ? 0 : -rest;
}
