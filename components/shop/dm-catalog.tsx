import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LookbookItems } from "@/components/shop/lookbook-items";
import type { DmShopView } from "@/lib/dm/read";

/** A DM catalog as its audience sees it: cover, title, note, then each piece with its price and the brand's note. */
export async function DmCatalogView({ view, locale, brandSlug }: { view: DmShopView; locale: string; brandSlug: string }) {
  const t = await getTranslations("dm.shop");
  return (
    <article className="pb-6" data-testid="dm-catalog">
      {view.coverUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={view.coverUrl} alt="" width={640} height={360} className="aspect-video w-full object-cover" />
      ) : null}
      <header className="px-4 pt-4">
        <h1 className="text-xl font-semibold" data-testid="dm-title">{view.title}</h1>
        {view.endsAt ? <p className="mt-1 text-xs text-muted">{t("until", { date: view.endsAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }) })}</p> : null}
        {view.note ? <p className="mt-2 whitespace-pre-line text-sm">{view.note}</p> : null}
      </header>
      {view.items.length === 0 ? <p className="px-4 py-12 text-center text-sm text-muted">{t("empty")}</p> : null}
      <LookbookItems brand={brandSlug} locale={locale} items={view.items} testId="dm-item" />
      <p className="mt-6 px-4">
        <Link href={`/${brandSlug}`} className="text-sm text-brand">{t("back")}</Link>
      </p>
    </article>
  );
}

/**
 * What anyone outside a DM catalog's audience gets (anonymous, another member, outside its window, a draft):
 * a polite page with a way in, and nothing of the catalog itself: no title, no items.
 */
export async function DmNotForYou({ brandSlug, brandName, signedIn, next }: { brandSlug: string; brandName: string; signedIn: boolean; next: string }) {
  const t = await getTranslations("dm.shop");
  return (
    <section className="px-6 py-16 text-center" data-testid="dm-not-for-you">
      <p aria-hidden="true" className="text-4xl">✉︎</p>
      <h1 className="mt-4 text-lg font-semibold">{t("notForYouTitle", { brand: brandName })}</h1>
      <p className="mt-3 text-sm text-muted">{signedIn ? t("notForYouMember") : t("notForYouAnonymous", { brand: brandName })}</p>
      <p className="mt-8 flex flex-col items-center gap-3">
        {signedIn ? (
          <Link href={`/${brandSlug}/dm`} className="rounded-full bg-brand px-6 py-3 text-sm font-medium text-white">{t("myCatalogs")}</Link>
        ) : (
          <Link href={`/${brandSlug}/sign-in?next=${encodeURIComponent(next)}`} className="rounded-full bg-brand px-6 py-3 text-sm font-medium text-white" data-testid="dm-sign-in">{t("signIn")}</Link>
        )}
        <Link href={`/${brandSlug}`} className="text-sm text-brand">{t("back")}</Link>
      </p>
    </section>
  );
}
