import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { maskPhone } from "@/lib/auth/phone";
import { toLocale } from "@/lib/i18n/locales";
import { brandTransfers, storeTransfers, type StoreTransfer } from "@/lib/transfers/queries";
import { nextSteps } from "@/lib/transfers/steps";
import type { TransferActor } from "@/lib/transfers/service";
import { StaffHeader } from "@/components/staff/staff-header";
import { TransferCard, type TransferCardLabels } from "@/components/staff/transfer-card";
import { TransferActions } from "@/components/staff/transfer-actions";
import { requireTransferPage } from "./_shared/run";
import { transferStepAction } from "./actions";

export const metadata: Metadata = { title: "调货单 · Transfers", robots: { index: false } };
export const dynamic = "force-dynamic";

// A store's transfers in and out, each with its timeline and the buttons this staff member may press; a brand
// admin (no store) sees the brand's open transfers and may approve or refuse any of them.
export default async function TransfersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { staff, profile } = await requireTransferPage("/guide/transfers", false);
  const t = await getTranslations("transfers.list");
  const [incoming, outgoing, open] = staff.storeId
    ? await Promise.all([storeTransfers(staff.storeId, "incoming"), storeTransfers(staff.storeId, "outgoing"), null])
    : [null, null, await brandTransfers(staff.brandId)];
  const time = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const labels: TransferCardLabels = {
    from: t("from"),
    to: t("to"),
    for: t("for"),
    restock: t("restock"),
    requestedBy: t("requestedBy"),
    status: t.raw("status") as Record<string, string>,
    timeline: t.raw("timeline") as TransferCardLabels["timeline"],
  };
  const actionLabels = t.raw("actions") as Record<string, string>;

  const section = (id: string, title: string, list: StoreTransfer[]) => (
    <section className="p-3" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="mb-2 px-1 text-base font-semibold">{title}</h2>
      {list.length === 0 ? (
        <p className="px-1 py-6 text-center text-sm text-gray-500">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {list.map((x) => (
            <TransferCard key={x.id} t={{ ...x, customer: x.member ? (x.member.phone ? maskPhone(x.member.phone) : x.member.nickname || "—") : null, requestedBy: x.requestedBy.name }} labels={labels} time={(d) => time.format(d)}>
              <TransferActions
                transferId={x.id}
                buttons={nextSteps(x, staff as TransferActor).map((step) => ({ step, label: actionLabels[step] ?? step }))}
                working={t("working")}
                act={transferStepAction}
              />
            </TransferCard>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <main className="mx-auto max-w-screen-sm pb-8">
      <StaffHeader title={t("title")} profile={profile} />
      {staff.storeId ? (
        <div className="px-4 pt-3">
          <Link href="/guide/demand" className="flex h-12 items-center justify-center rounded-full border border-gray-300 text-base">{t("newDemand")}</Link>
        </div>
      ) : null}
      {open ? section("transfers-open", t("brandView"), open) : null}
      {outgoing ? section("transfers-outgoing", t("outgoing"), outgoing) : null}
      {incoming ? section("transfers-incoming", t("incoming"), incoming) : null}
    </main>
  );
}
