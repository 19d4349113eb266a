import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateBindingRules, updateBrandCommissionRules } from "@/lib/commission/settings";

// The admin's commission and binding settings: refused input changes nothing (the form only offers two member
// levels, so a third is posted straight to the domain here); a valid change is written and audited.

const SLUG = "nord";
const ACTOR = "staff:settings-test" as const;
const COLUMNS = { guideRateBps: true, referralL1RateBps: true, referralL2RateBps: true, commissionFreezeDays: true, commissionCapFen: true, bindingMode: true, bindingWindowDays: true, bindingProtectionDays: true } as const;

let brandId = "";
let original: Awaited<ReturnType<typeof snapshot>>;
const snapshot = () => db.brand.findUniqueOrThrow({ where: { slug: SLUG }, select: COLUMNS });
const valid = { guideRateBps: 300, referralRatesBps: [200, 100], freezeDays: 7, capFen: 0 };

beforeAll(async () => {
  original = await snapshot();
  brandId = (await db.brand.findUniqueOrThrow({ where: { slug: SLUG } })).id;
});
// Other files' commission math reads this brand's rates: leave them as found.
afterAll(async () => {
  await db.brand.update({ where: { slug: SLUG }, data: original });
});

describe("commission rules", () => {
  it("refuses a third member level with the rules' bilingual message and changes nothing", async () => {
    const result = await updateBrandCommissionRules(brandId, { ...valid, referralRatesBps: [100, 100, 100] }, ACTOR);
    expect(result).toEqual({ ok: false, message: "会员分佣最多 2 级 / At most 2 member levels", field: "referralRatesBps" });
    expect(await snapshot()).toEqual(original);
  });

  it("refuses 100.01 % in total, and a single rate over 100 %, in both languages", async () => {
    const total = await updateBrandCommissionRules(brandId, { ...valid, guideRateBps: 5000, referralRatesBps: [5001, 0] }, ACTOR);
    expect(total).toMatchObject({ ok: false, message: "佣金比例合计不能超过 100% / Commission rates cannot add up to more than 100%" });
    const single = await updateBrandCommissionRules(brandId, { ...valid, guideRateBps: 10_001, referralRatesBps: [] }, ACTOR);
    expect(single).toMatchObject({ ok: false, field: "guideRateBps" });
    expect(single.ok === false && single.message).toMatch(/^导购佣金比例.* \/ The guide rate/);
    // Exactly 100 % is allowed in principle (the check is "more than").
    expect(await snapshot()).toEqual(original);
  });

  it("refuses negative freeze days and a fractional basis point", async () => {
    expect(await updateBrandCommissionRules(brandId, { ...valid, freezeDays: -1 }, ACTOR)).toMatchObject({ ok: false, field: "freezeDays" });
    expect(await updateBrandCommissionRules(brandId, { ...valid, guideRateBps: 300.5 }, ACTOR)).toMatchObject({ ok: false, field: "guideRateBps" });
    expect(await snapshot()).toEqual(original);
  });

  it("writes a valid change to the brand's columns and audits before and after", async () => {
    const now = new Date();
    const result = await updateBrandCommissionRules(brandId, { guideRateBps: 450, referralRatesBps: [150, 25], freezeDays: 10, capFen: 5000 }, ACTOR, now);
    expect(result.ok).toBe(true);
    expect(await snapshot()).toMatchObject({ guideRateBps: 450, referralL1RateBps: 150, referralL2RateBps: 25, commissionFreezeDays: 10, commissionCapFen: 5000 });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "commission.rules_changed", actor: ACTOR, target: `brand:${brandId}` }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(row.detail)).toEqual({
      before: { guideRateBps: original.guideRateBps, referralL1RateBps: original.referralL1RateBps, referralL2RateBps: original.referralL2RateBps, commissionFreezeDays: original.commissionFreezeDays, commissionCapFen: original.commissionCapFen },
      after: { guideRateBps: 450, referralL1RateBps: 150, referralL2RateBps: 25, commissionFreezeDays: 10, commissionCapFen: 5000 },
    });
    // One level only: the second level pays nothing.
    expect(await updateBrandCommissionRules(brandId, { ...valid, referralRatesBps: [300] }, ACTOR)).toMatchObject({ ok: true });
    expect(await snapshot()).toMatchObject({ referralL1RateBps: 300, referralL2RateBps: 0 });
  });
});

describe("binding rules", () => {
  it("refuses a window of 0 days, more than 365, a protection period below 0, an unknown mode", async () => {
    const base = { mode: "WINDOW", windowDays: 30, protectionDays: 7 };
    expect(await updateBindingRules(brandId, { ...base, windowDays: 0 }, ACTOR)).toEqual({ ok: false, message: "绑定有效期为 1–365 天 / The binding window is 1–365 days", field: "windowDays" });
    expect(await updateBindingRules(brandId, { ...base, windowDays: 366 }, ACTOR)).toMatchObject({ ok: false, field: "windowDays" });
    expect(await updateBindingRules(brandId, { ...base, windowDays: Number.NaN }, ACTOR)).toMatchObject({ ok: false, message: "天数须为整数 / Days must be a whole number" });
    expect(await updateBindingRules(brandId, { ...base, protectionDays: -1 }, ACTOR)).toMatchObject({ ok: false, field: "protectionDays" });
    expect(await updateBindingRules(brandId, { ...base, mode: "ROUND_ROBIN" }, ACTOR)).toMatchObject({ ok: false, message: "请选择绑定方式 / Choose a binding mode" });
    const after = await snapshot();
    expect([after.bindingMode, after.bindingWindowDays, after.bindingProtectionDays]).toEqual([original.bindingMode, original.bindingWindowDays, original.bindingProtectionDays]);
  });

  it("writes a valid change and audits it", async () => {
    expect(await updateBindingRules(brandId, { mode: "WINDOW", windowDays: 45, protectionDays: 0 }, ACTOR)).toMatchObject({ ok: true });
    expect(await snapshot()).toMatchObject({ bindingMode: "WINDOW", bindingWindowDays: 45, bindingProtectionDays: 0 });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "binding.rules_changed", actor: ACTOR }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(row.detail).after).toEqual({ bindingMode: "WINDOW", bindingWindowDays: 45, bindingProtectionDays: 0 });
  });
});
