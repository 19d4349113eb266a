import { z, type ZodError } from "zod";
import { db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import { createPayout, type PayoutRow } from "./ledger";
import { commissionRules, type CommissionRules } from "./rules";

// The brand admin's commission page writes here: commission rules (lib/commission/rules.ts decides what is
// allowed) and binding rules (lib/attribution/rules.ts applies them). Each change is audited with the values
// before and after, because a rate or a binding mode decides who gets paid for every later order.

const DAYS = "天数须为整数 / Days must be a whole number";

export const bindingRules = z.object({
  mode: z.enum(["FIRST_TOUCH", "LAST_TOUCH", "WINDOW"], { message: "请选择绑定方式 / Choose a binding mode" }),
  windowDays: z
    .number({ message: DAYS })
    .int(DAYS)
    .min(1, "绑定有效期为 1–365 天 / The binding window is 1–365 days")
    .max(365, "绑定有效期为 1–365 天 / The binding window is 1–365 days"),
  protectionDays: z
    .number({ message: DAYS })
    .int(DAYS)
    .min(0, "保护期为 0–365 天 / The protection period is 0–365 days")
    .max(365, "保护期为 0–365 天 / The protection period is 0–365 days"),
});
export type BindingRules = z.infer<typeof bindingRules>;

export type SettingsResult<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

// commissionRules' own messages are bilingual for the rules that matter (levels, 100 % in total); zod's
// defaults for a single field are English only, so they are said again here in both languages.
const FIELD_MESSAGES: Record<string, string> = {
  guideRateBps: "导购佣金比例须在 0–100% 之间 / The guide rate must be 0–100%",
  referralRatesBps: "会员分佣比例须在 0–100% 之间 / Member referral rates must be 0–100%",
  freezeDays: "冻结期为 0–365 天 / The freeze period is 0–365 days",
  capFen: "封顶金额不能为负 / The cap cannot be negative",
};

function refusal(error: ZodError): { ok: false; message: string; field?: string } {
  const issue = error.issues[0]!;
  const field = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
  const bilingual = issue.message.includes(" / ");
  return { ok: false, message: bilingual ? issue.message : (field && FIELD_MESSAGES[field]) || issue.message, ...(field ? { field } : {}) };
}

/** Validates and writes a brand's commission rules; refused input changes nothing. */
export async function updateBrandCommissionRules(brandId: string, raw: unknown, actor: AuditActor, now = new Date()): Promise<SettingsResult<CommissionRules>> {
  const parsed = commissionRules.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error);
  const rules = parsed.data;
  const before = await db.brand.findUniqueOrThrow({
    where: { id: brandId },
    select: { guideRateBps: true, referralL1RateBps: true, referralL2RateBps: true, commissionFreezeDays: true, commissionCapFen: true },
  });
  const after = {
    guideRateBps: rules.guideRateBps,
    // Fewer levels than two: the missing level pays nothing.
    referralL1RateBps: rules.referralRatesBps[0] ?? 0,
    referralL2RateBps: rules.referralRatesBps[1] ?? 0,
    commissionFreezeDays: rules.freezeDays,
    commissionCapFen: rules.capFen,
  };
  await db.brand.update({ where: { id: brandId }, data: after });
  await audit({ actor, action: "commission.rules_changed", target: `brand:${brandId}`, detail: { before, after }, brandId }, now);
  return { ok: true, value: rules };
}

/** Validates and writes a brand's binding rules (mode, window, protection period). */
export async function updateBindingRules(brandId: string, raw: unknown, actor: AuditActor, now = new Date()): Promise<SettingsResult<BindingRules>> {
  const parsed = bindingRules.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error);
  const before = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { bindingMode: true, bindingWindowDays: true, bindingProtectionDays: true } });
  const after = { bindingMode: parsed.data.mode, bindingWindowDays: parsed.data.windowDays, bindingProtectionDays: parsed.data.protectionDays };
  await db.brand.update({ where: { id: brandId }, data: after });
  await audit({ actor, action: "binding.rules_changed", target: `brand:${brandId}`, detail: { before, after }, brandId }, now);
  return { ok: true, value: parsed.data };
}

/** Finance's payout (createPayout), with who asked for it and how much in the audit log. */
export async function createBrandPayout(brandId: string, actor: AuditActor, now = new Date()): Promise<PayoutRow[]> {
  const rows = await createPayout(brandId, now);
  if (rows.length) {
    await audit({ actor, action: "commission.payout_created", target: `payout:${rows[0]!.payoutId}`, detail: { brandId, beneficiaries: rows.length, totalFen: rows.reduce((a, r) => a + r.amountFen, 0) }, brandId }, now);
  }
  return rows;
}
