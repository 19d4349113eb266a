import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { maskPhone } from "@/lib/auth/phone";
import { toLocale } from "@/lib/i18n/locales";
import { storeHolds } from "@/lib/holds/try-on";
import { StaffHeader } from "@/components/staff/staff-header";
import { StoreNav } from "@/components/staff/store-nav";
import { StoreHoldRelease } from "@/components/staff/store-hold-release";
import { requireStoreStaffPage } from "../orders/_shared/store-staff";
import { storeOpsMessages } from "../orders/_shared/labels";
import { releaseHoldAction } from "./actions";

export const metadata: Metadata = { title: "试穿预留 · Try-on holds", robots: { index: false } };

export default async function HoldsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { staff, profile } = await requireStoreStaffPage("/guide/holds");
  const [holds, { t, nav }] = await Promise.all([storeHolds(staff.storeId), storeOpsMessages()]);
  const time = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const labels = { release: t("holds.release"), released: t("holds.released"), working: t("actions.working") };
  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("holds.title")} profile={profile} />
      {holds.length === 0 ? (
        <p className="px-4 py-12 text-center text-sm text-gray-500">{t("holds.empty")}</p>
      ) : (
        <ul className="space-y-3 p-3">
          {holds.map((h) => (
            <li key={h.id} className="rounded-2xl border border-gray-200 p-4" data-testid="hold">
              <p className="text-base">{h.sku.product.name}</p>
              <p className="text-sm text-gray-500">
                {h.sku.product.styleCode} · {h.sku.colorName} / {h.sku.size}
              </p>
              <p className="mt-1 flex justify-between text-sm">
                <span>
                  <span className="text-gray-500">{t("orders.member")}</span> {h.member.phone ? maskPhone(h.member.phone) : h.member.nickname || "—"}
                </span>
                <span className="text-amber-800">{t("holds.expires", { time: time.format(h.expiresAt) })}</span>
              </p>
              <div className="mt-3">
                <StoreHoldRelease holdId={h.id} labels={labels} release={releaseHoldAction} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <StoreNav current="holds" labels={nav} />
    </main>
  );
}
