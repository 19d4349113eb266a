import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { requireGuidePage } from "@/lib/guides/access";
import { guideCustomers } from "@/lib/guides/customers";
import { formatYuan } from "@/lib/money";
import { StaffHeader } from "@/components/staff/staff-header";
import { GuideNav } from "@/components/staff/guide-nav";
import { guideMessages } from "@/components/staff/guide-messages";

export const metadata: Metadata = { title: "我的顾客 · My customers", robots: { index: false } };

// Dates as the guide reads them: China time, day and minute (the database keeps UTC).
const when = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(d);

export default async function GuideCustomersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { guide, profile } = await requireGuidePage("/guide/customers");
  const customers = await guideCustomers(guide);
  const [{ t, nav }, ops] = await Promise.all([guideMessages(), getTranslations("storeOps")]);

  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("customers.title")} profile={profile} />
      <div className="p-4">
        <p className="mb-1 text-base font-semibold" data-testid="customer-count">
          {t("customers.count", { count: customers.length })}
        </p>
        <p className="mb-4 text-xs text-gray-500">{t("customers.lastVisitNote")}</p>
        {customers.length === 0 ? (
          <p className="rounded bg-gray-50 px-3 py-4 text-sm text-gray-600">{t("customers.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {customers.map((c) => (
              <li key={c.memberId} className="rounded-2xl border border-gray-200 p-4" data-testid="customer">
                <div className="flex items-baseline justify-between gap-2">
                  <p className="text-lg font-semibold">{c.nickname || c.maskedPhone || t("customers.wechatUser")}</p>
                  {c.nickname && c.maskedPhone ? <p className="font-mono text-sm text-gray-500">{c.maskedPhone}</p> : null}
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-gray-500">{t("customers.boundAt")}</dt>
                  <dd>
                    {when(c.boundAt)} · {t(`customers.source.${c.source}`)}
                  </dd>
                  <dt className="text-gray-500">{t("customers.lastVisit")}</dt>
                  <dd>
                    {when(c.lastVisit.at)} · {t(`customers.lastVisitSource.${c.lastVisit.source}`)}
                  </dd>
                </dl>
                <details className="mt-3">
                  <summary className="flex h-11 cursor-pointer items-center text-sm font-medium">
                    {t("customers.favourites")} ({c.favourites.length}) · {t("customers.orders")} ({c.orderCount})
                  </summary>
                  <h3 className="mt-2 text-sm text-gray-500">{t("customers.favourites")}</h3>
                  {c.favourites.length ? (
                    <ul className="text-sm">
                      {c.favourites.map((f) => (
                        <li key={f.styleCode}>
                          {f.name} <span className="text-gray-500">{f.styleCode}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-gray-500">{t("customers.noFavourites")}</p>
                  )}
                  <h3 className="mt-2 text-sm text-gray-500">{t("customers.orders")}</h3>
                  {c.orders.length ? (
                    <ul className="text-sm">
                      {c.orders.map((o) => (
                        <li key={o.number} className="flex justify-between gap-2" data-testid="customer-order">
                          <span className="font-mono">{o.number}</span>
                          <span>{ops(`orders.status.${o.status}`)}</span>
                          <span>{formatYuan(o.totalFen)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-gray-500">{t("customers.noOrders")}</p>
                  )}
                  {c.orderCount > c.orders.length ? <p className="text-xs text-gray-500">{t("customers.ordersAll", { count: c.orderCount })}</p> : null}
                </details>
              </li>
            ))}
          </ul>
        )}
      </div>
      <GuideNav current="customers" labels={nav} />
    </main>
  );
}
