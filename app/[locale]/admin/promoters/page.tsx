import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam } from "@/lib/admin/filters";
import { toLocale } from "@/lib/i18n/locales";
import { formatYuan } from "@/lib/money";
import { listBrandPromoters, PROMOTER_SORTS } from "@/lib/referral/admin-queries";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "推广会员 · Promoting members", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

// Every promoting member of the brand, paged on the server by direct invitations: level-1 and level-2 counts, the
// orders their level-1 friends completed and the commission they earned. Search by phone or nickname.
export default async function PromotersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/promoters", raw.brand);
  const [t, tp] = await Promise.all([getTranslations("referral"), getTranslations("adminPeople")]);
  const list = parseListParams(raw, { sorts: PROMOTER_SORTS, defaultSort: "level1", defaultDir: "desc" });
  const page = await listBrandPromoters(c.brand.id, list);
  const brand = brandParam(raw);
  return (
    <ConsoleShell console={c} section="promoters" title={t("promotersTitle")}>
      <p className="mb-3 text-xs text-gray-500">{tp("promoters.hint")}</p>
      <DataTable
        path="/admin/promoters"
        page={page}
        state={list}
        extra={{ brand }}
        searchLabel={tp("members.search")}
        testId="promoters"
        rowKey={(r) => r.memberId}
        columns={[
          { key: "who", label: t("promoter"), cell: (r) => <span className="font-mono" data-testid="promoter-row">{r.who}</span> },
          { key: "level1", label: t("l1Count"), sort: "level1", align: "right", cell: (r) => r.level1 },
          { key: "level2", label: t("l2Count"), align: "right", cell: (r) => r.level2 },
          { key: "orders", label: t("referredOrders"), align: "right", cell: (r) => r.orders },
          { key: "ordersFen", label: t("referredAmount"), align: "right", cell: (r) => formatYuan(r.ordersFen) },
          { key: "commissionFen", label: t("commission"), align: "right", cell: (r) => formatYuan(r.commissionFen) },
        ]}
      />
    </ConsoleShell>
  );
}
