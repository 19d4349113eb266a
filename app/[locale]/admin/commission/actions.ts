"use server";

import { z } from "zod";
import { asBrandAdmin, runConsoleAction } from "@/lib/admin/console-action";
import { createBrandPayout, updateBindingRules, updateBrandCommissionRules } from "@/lib/commission/settings";
import type { AdminActionResult } from "@/components/admin/admin-action-result";

// The commission page's forms: brand.manage for the brand named in the form (a brand admin only their own,
// the group admin any). The form speaks percent and yuan; the rules are stored in basis points and fen.

const brandId = z.string().min(1).max(64);
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "比例须为数字，最多两位小数 / A rate is a number with at most 2 decimals")
  .transform((s) => Math.round(Number(s) * 100));
const yuan = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, "金额须为数字，最多两位小数 / An amount is a number with at most 2 decimals")
  .transform((s) => Math.round(Number(s) * 100));
// Whole-day checks (1–365 etc.) are the domain's; here a blank or non-number becomes NaN so it says so.
const days = z.string().trim().max(6).transform((s) => (s === "" ? Number.NaN : Number(s)));

const run = <T extends object>(name: string, act: () => Promise<AdminActionResult<T>>) => runConsoleAction(`commission ${name}`, act);
const actorFor = async (brandId: string) => (await asBrandAdmin(brandId)).actor;

export async function saveCommissionRulesAction(raw: unknown): Promise<AdminActionResult> {
  return run("commission rules", async () => {
    const input = z.object({ brandId, guideRate: percent, level1: percent, level2: percent, freezeDays: days, cap: yuan }).parse(raw);
    const actor = await actorFor(input.brandId);
    const result = await updateBrandCommissionRules(
      input.brandId,
      { guideRateBps: input.guideRate, referralRatesBps: [input.level1, input.level2], freezeDays: input.freezeDays, capFen: input.cap },
      actor,
    );
    return result.ok ? { ok: true } : { ok: false, message: result.message };
  });
}

export async function saveBindingRulesAction(raw: unknown): Promise<AdminActionResult> {
  return run("binding rules", async () => {
    const input = z.object({ brandId, mode: z.string().max(20), windowDays: days, protectionDays: days }).parse(raw);
    const actor = await actorFor(input.brandId);
    const result = await updateBindingRules(input.brandId, { mode: input.mode, windowDays: input.windowDays, protectionDays: input.protectionDays }, actor);
    return result.ok ? { ok: true } : { ok: false, message: result.message };
  });
}

export type CreatedPayout = { payoutId: string | null; rows: { key: string; type: "staff" | "member"; name: string; amountFen: number }[] };

export async function createPayoutAction(raw: unknown): Promise<AdminActionResult<CreatedPayout>> {
  return run("payout", async () => {
    const input = z.object({ brandId }).parse(raw);
    const actor = await actorFor(input.brandId);
    const rows = await createBrandPayout(input.brandId, actor);
    return {
      ok: true,
      payoutId: rows[0]?.payoutId ?? null,
      rows: rows.map((r) => ({ key: r.staffId ?? r.memberId ?? "", type: r.staffId ? ("staff" as const) : ("member" as const), name: r.name, amountFen: r.amountFen })),
    };
  });
}
