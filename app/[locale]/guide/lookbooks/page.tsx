import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { guideLookbooks } from "@/lib/lookbooks/service";
import { StaffHeader } from "@/components/staff/staff-header";
import { requireLookbookGuidePage } from "./_shared";

export const metadata: Metadata = { title: "我的搭配 · My lookbooks", robots: { index: false } };

// The guide's lookbooks, newest first, with how many customers opened each (so they know whom to follow up).
export default async function LookbooksPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ sent?: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { guide, profile } = await requireLookbookGuidePage("/guide/lookbooks");
  const [list, t, { sent }] = await Promise.all([guideLookbooks(guide), getTranslations("lookbooks"), searchParams]);
  const sentCount = /^\d{1,3}$/.test(sent ?? "") ? Number(sent) : null;
  const day = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
  return (
    <main className="mx-auto max-w-screen-sm pb-8">
      <StaffHeader title={t("title")} profile={profile} />
      {sentCount !== null ? <p className="mx-4 mt-3 rounded-xl bg-green-50 px-3 py-2 text-sm text-green-800" role="status" data-testid="lookbook-sent">{t("sent", { n: sentCount })}</p> : null}
      <div className="p-4">
        <Link href="/guide/lookbooks/new" className="flex h-14 items-center justify-center rounded-2xl bg-black text-base font-semibold text-white" data-testid="lookbook-new">
          {t("new")}
        </Link>
      </div>
      {list.length === 0 ? <p className="px-4 py-8 text-center text-sm text-gray-500">{t("empty")}</p> : null}
      <ul className="space-y-3 px-4" data-testid="lookbook-list">
        {list.map((l) => (
          <li key={l.id} className="rounded-2xl border border-gray-200 p-4" data-testid="lookbook-row" data-id={l.id}>
            <p className="text-base font-medium">{l.title}</p>
            <p className="mt-1 flex justify-between text-sm text-gray-500">
              <span>{t("items", { n: l.items })} · {day.format(l.createdAt)}</span>
              <span data-testid="lookbook-opened">{t("sentTo", { n: l.recipients, opened: l.opened })}</span>
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
