import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";

type Params = Promise<{ locale: string; brand: string }>;

export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "me" });
  return { title: t("title"), robots: { index: false } };
}

// Member centre stub: sign-in, tier, points and the bound guide arrive with the sign-in issue.
export default async function MePage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const t = await getTranslations("me");
  return (
    <div className="py-4">
      <section className="mx-4 rounded-xl bg-brand p-5 text-white">
        <p className="text-lg font-semibold">{t("guest")}</p>
        <p className="mt-1 text-xs opacity-90">{t("signInSoon")}</p>
      </section>
      <ul className="mt-4 divide-y divide-line border-y border-line">
        <li><Link href={`/${slug}/favourites`} className="flex justify-between px-4 py-3.5 text-sm">{t("myFavourites")}<span aria-hidden="true">›</span></Link></li>
        <li><Link href={`/${slug}/stores`} className="flex justify-between px-4 py-3.5 text-sm">{t("storeFinder")}<span aria-hidden="true">›</span></Link></li>
      </ul>
      <form action="/api/locale" method="post" className="mt-6 px-4">
        <input type="hidden" name="back" value={`/${slug}/me`} />
        <p className="text-xs text-muted">{t("language")}</p>
        <div className="mt-2 flex gap-2">
          <button name="locale" value="zh-CN" aria-pressed={locale === "zh-CN"} className={`flex-1 rounded-full border py-2 text-sm ${locale === "zh-CN" ? "border-brand text-brand" : "border-line"}`}>{t("chinese")}</button>
          <button name="locale" value="en" aria-pressed={locale === "en"} className={`flex-1 rounded-full border py-2 text-sm ${locale === "en" ? "border-brand text-brand" : "border-line"}`}>{t("english")}</button>
        </div>
      </form>
    </div>
  );
}
