import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { storeTeam } from "@/lib/commission/queries";
import { StaffHeader } from "@/components/staff/staff-header";
import { BottomNav } from "@/components/staff/bottom-nav";
import { TeamList } from "@/components/staff/team-list";
import { TeamReassignForm, type TeamReassignLabels } from "@/components/staff/team-reassign-form";
import { requireOwnStorePage, resultsNav } from "../results/_shared";
import { reassignCustomersAction } from "./actions";

export const metadata: Metadata = { title: "门店团队 · Store team", robots: { index: false } };

type Props = { params: Promise<{ locale: string }> };

/** The store manager's team: guides (active and left), their customers and this month's results; reassign customers. */
export default async function StoreTeamPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { staff, profile } = await requireOwnStorePage("store.operate", "/guide/team");
  const [team, t, nav] = await Promise.all([storeTeam(staff.storeId), getTranslations("commission.team"), resultsNav(true)]);
  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("title")} profile={profile} />
      <TeamList
        rows={team.map((m) => ({ ...m, isManager: m.role === "STORE_MANAGER" }))}
        labels={{ title: t("guides"), month: t("month"), left: t("left"), manager: t("manager"), customers: t("customers"), orders: t("orders"), sales: t("sales"), commission: t("commission"), empty: t("empty") }}
      />
      <TeamReassignForm
        guides={team.map((m) => ({ staffId: m.staffId, name: m.name, active: m.active, openCustomers: m.openCustomers, ...(m.active ? {} : { leftLabel: t("left") }) }))}
        labels={t.raw("reassign") as TeamReassignLabels}
        reassign={reassignCustomersAction}
      />
      <div className="px-4 pb-6">
        <Link href="/guide/transfers" className="flex h-16 flex-col justify-center rounded-2xl border border-gray-200 px-4" data-testid="team-transfers">
          <span className="text-base font-semibold">{t("transfers")}</span>
          <span className="text-xs text-gray-600">{t("transfersHint")}</span>
        </Link>
      </div>
      <BottomNav items={nav.items} current="team" label={nav.label} />
    </main>
  );
}
