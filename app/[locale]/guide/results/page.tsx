import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { commissionBalance, guideResultsByDay } from "@/lib/commission/ledger";
import { StaffHeader } from "@/components/staff/staff-header";
import { ResultsBalance } from "@/components/staff/results-balance";
import { ResultsDays } from "@/components/staff/results-days";
import { BottomNav } from "@/components/staff/bottom-nav";
import { requireOwnStorePage, resultsNav } from "./_shared";

export const metadata: Metadata = { title: "我的业绩 · My results", robots: { index: false } };

const DAYS = 30;

type Props = { params: Promise<{ locale: string }> };

/** A guide's own commission (balance, pending, reversed, paid out) and the last 30 days, from the ledger only. */
export default async function GuideResultsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { staff, profile, isManager } = await requireOwnStorePage("guide.workspace", "/guide/results");
  const [balance, days, t, nav] = await Promise.all([commissionBalance({ staffId: staff.staffId }), guideResultsByDay(staff.staffId, DAYS), getTranslations("commission.results"), resultsNav(isManager)]);
  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("title")} profile={profile} />
      <ResultsBalance
        balance={balance}
        labels={{
          balance: t("balance"), pending: t("pending"), pendingHint: t("pendingHint"), settled: t("settled"), carriedForward: t("carriedForward"),
          carriedForwardHint: t("carriedForwardHint"), reversed: t("reversed"), paidOut: t("paidOut"),
        }}
      />
      <ResultsDays
        days={days}
        labels={{ title: t("byDay", { days: DAYS }), orders: t("orders"), sales: t("sales"), pending: t("pending"), settled: t("settledDay"), reversed: t("reversed"), empty: t("empty", { days: DAYS }) }}
      />
      <BottomNav items={nav.items} current="results" label={nav.label} />
    </main>
  );
}
