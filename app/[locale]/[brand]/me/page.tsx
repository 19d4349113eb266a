import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { loadMemberCard } from "@/lib/members/identity";
import { unreadCount } from "@/lib/inbox/messages";
import { MemberSignOut } from "@/components/shop/member-sign-out";

type Params = Promise<{ locale: string; brand: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "me" });
  return { title: t("title"), robots: { index: false } };
}

// Member centre: the member's card for this brand (tier, points); the bound guide arrives with the guide issue.
export default async function MePage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [t, to, tr] = await Promise.all([getTranslations("me"), getTranslations("orders"), getTranslations("referral")]);
  const principal = await currentPrincipal();
  const card = principal.kind === "member" ? await loadMemberCard(principal.memberId, brand.id) : null;
  const [unread, ti] = await Promise.all([card && principal.kind === "member" ? unreadCount(principal.memberId, brand.id) : 0, getTranslations("inbox")]);
  return (
    <div className="py-4">
      <section className="mx-4 rounded-xl bg-brand p-5 text-white" data-testid="member-card">
        {card ? (
          <>
            <p className="text-lg font-semibold">{card.nickname || card.phoneMasked || t("member")}</p>
            <p className="mt-1 text-xs opacity-90">{card.phoneMasked}</p>
            <dl className="mt-4 flex gap-8 text-sm">
              <div><dt className="text-xs opacity-80">{t("tier")}</dt><dd className="font-medium">{t(`tier${card.tier}`)}</dd></div>
              <div><dt className="text-xs opacity-80">{t("points")}</dt><dd className="font-medium">{card.points}</dd></div>
            </dl>
          </>
        ) : (
          <>
            <p className="text-lg font-semibold">{t("guest")}</p>
            <a href={`/${slug}/sign-in`} className="mt-3 inline-block rounded-full bg-white px-4 py-1.5 text-sm font-medium text-brand">{t("signInLink")}</a>
          </>
        )}
      </section>
      <ul className="mt-4 divide-y divide-line border-y border-line">
        {card ? (
          <li>
            <Link href={`/${slug}/inbox`} className="flex justify-between px-4 py-3.5 text-sm" data-testid="my-inbox-link">
              {ti("link")}
              <span className="flex items-center gap-2">
                {unread ? <span className="rounded-full bg-red-500 px-2 text-xs leading-5 text-white" aria-label={ti("unread")}>{unread}</span> : null}
                <span aria-hidden="true">›</span>
              </span>
            </Link>
          </li>
        ) : null}
        <li><Link href={`/${slug}/orders`} className="flex justify-between px-4 py-3.5 text-sm" data-testid="my-orders-link">{to("myOrders")}<span aria-hidden="true">›</span></Link></li>
        <li><Link href={`/${slug}/orders#holds`} className="flex justify-between px-4 py-3.5 text-sm">{to("myHolds")}<span aria-hidden="true">›</span></Link></li>
        <li><Link href={`/${slug}/favourites`} className="flex justify-between px-4 py-3.5 text-sm">{t("myFavourites")}<span aria-hidden="true">›</span></Link></li>
        <li><Link href={`/${slug}/me/referrals`} className="flex justify-between px-4 py-3.5 text-sm" data-testid="my-referrals-link">{tr("meLink")}<span aria-hidden="true">›</span></Link></li>
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
      {card ? <div className="px-4"><MemberSignOut brand={slug} label={t("signOut")} /></div> : null}
    </div>
  );
}
