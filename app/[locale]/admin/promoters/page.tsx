import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { currentPrincipal, requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { getBrands } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { formatYuan } from "@/lib/money";
import { loadPromoters } from "@/lib/referral/service";
import { StaffHeader } from "@/components/staff/staff-header";

export const metadata: Metadata = { title: "推广会员 · Promoting members", robots: { index: false } };
export const dynamic = "force-dynamic";

// Each promoting member of the brand (top 50 by direct invitations): level-1 and level-2 counts, the orders
// their level-1 friends completed and the commission they earned. A brand admin sees their own brand; the
// group admin picks one with ?brand=. Sorting and paging on the server belong to the admin console issue.
export default async function PromotersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ brand?: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const principal = await currentPrincipal();
  const brands = await getBrands();
  const asked = z.string().regex(/^[a-z0-9-]{1,32}$/).safeParse((await searchParams).brand);
  const brand =
    principal.kind === "staff" && principal.brandId
      ? brands.find((b) => b.id === principal.brandId)
      : brands.find((b) => b.slug === (asked.success ? asked.data : undefined)) ?? brands[0];
  await requirePage("brand.manage", brand ? { brandId: brand.id } : {}, "/admin/promoters");
  if (!brand || principal.kind !== "staff") forbidden();
  const [rows, profile, t] = await Promise.all([loadPromoters(brand.id), loadStaffProfile(principal.staffId), getTranslations("referral")]);
  if (!profile) forbidden();
  return (
    <main className="mx-auto max-w-screen-lg">
      <StaffHeader title={`${t("promotersTitle")} · ${brand.name}`} profile={profile} />
      {principal.brandId ? null : (
        <nav className="flex gap-2 px-4 pt-4 text-sm">
          {brands.map((b) => (
            <a key={b.id} href={`/admin/promoters?brand=${b.slug}`} aria-current={b.id === brand.id ? "page" : undefined} className={`rounded-full border px-3 py-1 ${b.id === brand.id ? "border-black font-medium" : "border-gray-300"}`}>{b.name}</a>
          ))}
        </nav>
      )}
      <p className="px-4 pt-3 text-xs text-gray-500">{t("promotersHint")}</p>
      {rows.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-gray-500">{t("noPromoters")}</p>
      ) : (
        <div className="overflow-x-auto p-4">
          <table className="w-full text-sm" data-testid="promoters">
            <thead className="border-b border-gray-200 text-left text-xs text-gray-500">
              <tr>
                <th className="py-2 pr-3 font-normal">#</th>
                <th className="py-2 pr-3 font-normal">{t("promoter")}</th>
                <th className="py-2 pr-3 text-right font-normal">{t("l1Count")}</th>
                <th className="py-2 pr-3 text-right font-normal">{t("l2Count")}</th>
                <th className="py-2 pr-3 text-right font-normal">{t("referredOrders")}</th>
                <th className="py-2 pr-3 text-right font-normal">{t("referredAmount")}</th>
                <th className="py-2 text-right font-normal">{t("commission")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((r, i) => (
                <tr key={r.memberId} data-testid="promoter-row">
                  <td className="py-2 pr-3 text-gray-500">{i + 1}</td>
                  <td className="py-2 pr-3 font-mono">{r.who}</td>
                  <td className="py-2 pr-3 text-right">{r.level1}</td>
                  <td className="py-2 pr-3 text-right">{r.level2}</td>
                  <td className="py-2 pr-3 text-right">{r.orders}</td>
                  <td className="py-2 pr-3 text-right">{formatYuan(r.ordersFen)}</td>
                  <td className="py-2 text-right">{formatYuan(r.commissionFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
