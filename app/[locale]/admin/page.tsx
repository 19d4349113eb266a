import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { toLocale } from "@/lib/i18n/locales";
import { CONSOLE_SECTIONS, ConsoleShell, sectionHref } from "@/components/admin/console-shell";
import { overviewHeadline } from "@/lib/analytics/dashboard";
import { HeadlineCard, type HeadlineLabels } from "@/components/admin/dashboards/headline-card";

export const metadata: Metadata = { title: "品牌管理后台 · Admin console", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ brand?: string | string[] }> };

export default async function AdminHome({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const c = await openBrandConsole("/admin", (await searchParams).brand);
  const [t, td, head] = await Promise.all([getTranslations("admin"), getTranslations("dashboards"), overviewHeadline(c.brand.id)]);
  const slug = c.role === "ADMIN" ? c.brand.slug : undefined;
  return (
    <ConsoleShell console={c} section="overview" title={t("title")}>
      {/* The pilot's three figures for the whole brand over the last 30 days; the dashboards filter them further. */}
      <Link href={sectionHref("dashboards", slug)} className="mb-4 block" data-testid="overview-headline">
        <HeadlineCard
          figures={head.headline}
          locale={locale}
          labels={{ ...(td.raw("headline") as Omit<HeadlineLabels, "scope">), scope: td("scope", { where: td("wholeBrand"), from: head.period.from, to: head.period.to }) }}
        />
      </Link>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">
        {CONSOLE_SECTIONS.filter((s) => s !== "overview").map((s) => (
          <li key={s}>
            <Link href={sectionHref(s, slug)} className="flex h-16 items-center rounded-lg border border-gray-200 px-4 text-sm font-medium hover:border-gray-400" data-testid={`admin-${s}-link`}>
              {t(`nav.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </ConsoleShell>
  );
}
