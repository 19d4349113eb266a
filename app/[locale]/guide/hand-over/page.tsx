import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { StaffHeader } from "@/components/staff/staff-header";
import { StoreNav } from "@/components/staff/store-nav";
import { HandOverDesk, type HandOverLabels } from "@/components/staff/hand-over-desk";
import { requireStoreStaffPage } from "../orders/_shared/store-staff";
import { storeOpsMessages } from "../orders/_shared/labels";
import { confirmReceiptAction } from "../orders/actions";
import { handOverAction, lookupCodeAction } from "./actions";

export const metadata: Metadata = { title: "扫码交付 · Hand over", robots: { index: false } };

export default async function HandOverPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ code?: string | string[] }> }) {
  const { locale } = await params;
  // A code typed before the page's script ran arrives as ?code= (the form's plain submit): looked up on arrival.
  const { code } = await searchParams;
  const initialCode = typeof code === "string" && code.length <= 40 ? code : undefined;
  setRequestLocale(toLocale(locale));
  const { profile } = await requireStoreStaffPage("/guide/hand-over");
  const { t, nav, raw } = await storeOpsMessages();
  const actions = raw<Record<string, string>>("actions");
  const labels: HandOverLabels = {
    ...raw<Omit<HandOverLabels, "receiptLabel" | "receiptPlaceholder" | "receiptConfirm" | "working">>("handOver"),
    receiptLabel: actions.receiptLabel!,
    receiptPlaceholder: actions.receiptPlaceholder!,
    receiptConfirm: actions.receiptConfirm!,
    working: actions.working!,
  };
  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("handOver.title")} profile={profile} />
      <div className="p-4">
        <HandOverDesk labels={labels} initialCode={initialCode} lookup={lookupCodeAction} handOver={handOverAction} confirmReceipt={confirmReceiptAction} />
      </div>
      <StoreNav current="hand-over" labels={nav} />
    </main>
  );
}
