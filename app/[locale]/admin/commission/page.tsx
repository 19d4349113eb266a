import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { toLocale } from "@/lib/i18n/locales";
import { brandCommissionSettings, brandPayouts, commissionBrands } from "@/lib/commission/queries";
import { StaffHeader } from "@/components/staff/staff-header";
import { BindingRulesForm, type BindingRulesLabels } from "@/components/admin/binding-rules-form";
import { CommissionRulesForm } from "@/components/admin/commission-rules-form";
import { PayoutPanel, type PayoutPanelLabels } from "@/components/admin/payout-panel";
import { PayoutList } from "@/components/admin/payout-list";
import { createPayoutAction, saveBindingRulesAction, saveCommissionRulesAction } from "./actions";

export const metadata: Metadata = { title: "佣金与绑定 · Commission", robots: { index: false } };

const brandParam = z.string().regex(/^[a-z0-9-]{1,40}$/).optional().catch(undefined);

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ brand?: string | string[] }> };

const pct = (bps: number) => (bps / 100).toFixed(2);

/**
 * A brand's commission and binding rules and its payouts. A brand admin edits their own brand; the group admin
 * picks one with ?brand=slug (the first brand otherwise). Another brand's admin naming this brand gets 403.
 */
export default async function AdminCommissionPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const slug = brandParam.parse((await searchParams).brand);
  const path = slug ? `/admin/commission?brand=${slug}` : "/admin/commission";
  // Who first (sign-in before anything is looked up), then the brand, then whether they reach that brand.
  const principal = await requirePage("brand.manage", {}, path);
  if (principal.kind !== "staff") notFound();
  const brands = principal.role === "ADMIN" ? await commissionBrands() : [];
  const settings = await brandCommissionSettings(slug ? { slug } : principal.brandId ? { id: principal.brandId } : { id: brands[0]?.id ?? "" });
  if (!settings) notFound();
  await requirePage("brand.manage", { brandId: settings.id }, path);
  const [profile, payouts, t] = await Promise.all([loadStaffProfile(principal.staffId), brandPayouts(settings.id), getTranslations("commission.admin")]);
  if (!profile) notFound();
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const { rules, binding } = settings;

  return (
    <main className="mx-auto max-w-screen-lg pb-10">
      <StaffHeader title={t("title")} profile={profile} />
      <div className="flex flex-wrap items-center gap-3 px-6 py-4">
        <Link href="/admin" className="text-sm text-gray-600 underline">{t("back")}</Link>
        <span className="text-sm text-gray-400">·</span>
        <span className="text-sm text-gray-600">{t("brand")}:</span>
        {brands.length > 1 ? (
          <nav aria-label={t("brand")} className="flex gap-2">
            {brands.map((b) => (
              <Link key={b.id} href={`/admin/commission?brand=${b.slug}`} aria-current={b.id === settings.id ? "page" : undefined} className={`rounded-full px-3 py-1 text-sm ${b.id === settings.id ? "bg-black text-white" : "bg-gray-100"}`}>
                {b.name}
              </Link>
            ))}
          </nav>
        ) : (
          <span className="text-sm font-semibold" data-testid="commission-brand">{settings.name}</span>
        )}
      </div>
      {/* Desktop: the two rule sets side by side; a tablet in portrait stacks them. */}
      <div className="grid grid-cols-1 gap-6 px-6 lg:grid-cols-2">
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
      <div className="mt-6 grid grid-cols-1 gap-6 px-6">
        <PayoutPanel key={`payout-${settings.id}`} brandId={settings.id} labels={t.raw("payouts") as PayoutPanelLabels} create={createPayoutAction} />
        <PayoutList
          payouts={payouts.map((p) => ({ payoutId: p.payoutId, createdAt: when.format(p.createdAt), beneficiaries: p.beneficiaries, totalFen: p.totalFen }))}
          labels={t.raw("payouts") as Parameters<typeof PayoutList>[0]["labels"]}
        />
      </div>
    </main>
  );
}
