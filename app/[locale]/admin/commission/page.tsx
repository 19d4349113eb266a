import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams } from "@/lib/admin/list-params";
import { toLocale } from "@/lib/i18n/locales";
import { brandCommissionSettings, brandPayouts, PAYOUT_SORTS } from "@/lib/commission/queries";
import { ConsoleShell } from "@/components/admin/console-shell";
import { BindingRulesForm, type BindingRulesLabels } from "@/components/admin/binding-rules-form";
import { CommissionRulesForm } from "@/components/admin/commission-rules-form";
import { PayoutPanel, type PayoutPanelLabels } from "@/components/admin/payout-panel";
import { PayoutList, type PayoutListLabels } from "@/components/admin/payout-list";
import { createPayoutAction, saveBindingRulesAction, saveCommissionRulesAction } from "./actions";

export const metadata: Metadata = { title: "佣金与绑定 · Commission", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const pct = (bps: number) => (bps / 100).toFixed(2);

/**
 * A brand's commission and binding rules and its payouts, in the console. A brand admin edits their own brand; the
 * group admin picks one with ?brand=slug (the first brand otherwise). Another brand's admin naming this brand gets 403.
 * The payouts list is server-paged (?q=&sort=date|amount&dir=&page=), newest first by default.
 */
export default async function AdminCommissionPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/commission", raw.brand);
  const list = parseListParams(raw, { sorts: PAYOUT_SORTS, defaultSort: "date", defaultDir: "desc" });
  const settings = await brandCommissionSettings({ id: c.brand.id });
  if (!settings) notFound();
  const [payouts, t] = await Promise.all([brandPayouts(settings.id, list), getTranslations("commission.admin")]);
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const { rules, binding } = settings;

  return (
    <ConsoleShell console={c} section="commission" title={t("title")}>
      <p className="mb-4 text-sm text-gray-600">
        {t("brand")}: <span className="font-semibold" data-testid="commission-brand">{settings.name}</span>
      </p>
      {/* Desktop: the two rule sets side by side; a tablet in portrait stacks them. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <CommissionRulesForm
          key={`rules-${settings.id}`}
          brandId={settings.id}
          initial={{ guideRate: pct(rules.guideRateBps), level1: pct(rules.referralRatesBps[0]), level2: pct(rules.referralRatesBps[1]), freezeDays: String(rules.freezeDays), cap: (rules.capFen / 100).toFixed(2) }}
          labels={{ ...(t.raw("rules") as Omit<Parameters<typeof CommissionRulesForm>[0]["labels"], "saved" | "working">), saved: t("saved"), working: t("working") }}
          save={saveCommissionRulesAction}
        />
        <BindingRulesForm
          key={`binding-${settings.id}`}
          brandId={settings.id}
          initial={{ mode: binding.mode, windowDays: String(binding.windowDays), protectionDays: String(binding.protectionDays) }}
          labels={{ ...(t.raw("binding") as Omit<BindingRulesLabels, "saved" | "working">), saved: t("saved"), working: t("working") }}
          save={saveBindingRulesAction}
        />
      </div>
      <div className="mt-6 grid grid-cols-1 gap-6">
        <PayoutPanel key={`payout-${settings.id}`} brandId={settings.id} labels={t.raw("payouts") as PayoutPanelLabels} create={createPayoutAction} />
        <PayoutList
          page={{ ...payouts, rows: payouts.rows.map((p) => ({ payoutId: p.payoutId, createdAt: when.format(p.createdAt), beneficiaries: p.beneficiaries, totalFen: p.totalFen })) }}
          state={list}
          brandSlug={c.role === "ADMIN" ? c.brand.slug : undefined}
          labels={t.raw("payouts") as PayoutListLabels}
        />
      </div>
    </ConsoleShell>
  );
}
