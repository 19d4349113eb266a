import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { openDmCatalog } from "@/lib/dm/read";
import { DmCatalogView, DmNotForYou } from "@/components/shop/dm-catalog";

type Params = Promise<{ locale: string; brand: string; id: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "dm.shop" });
  // The title stays generic: a link shared outside the audience must not tell what is inside.
  return { title: t("listTitle"), robots: { index: false } };
}

// A DM catalog link (a VIP mailing, the home page, a forwarded message): its audience sees the catalog; anyone
// else — anonymous, another member, outside its window, a draft — the polite not-for-you page, never the items.
export default async function DmCatalogPage({ params }: { params: Params }) {
  const { locale, brand: slug, id } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const principal = await currentPrincipal();
  const memberId = principal.kind === "member" ? principal.memberId : null;
  const answer = await openDmCatalog(memberId, { id: brand.id, slug }, id);
  if (!answer) notFound();
  if (answer.kind === "not_for_you") {
    return <DmNotForYou brandSlug={slug} brandName={locale === "en" ? brand.nameEn : brand.name} signedIn={memberId !== null} next={`/${slug}/dm/${id}`} />;
  }
  return <DmCatalogView view={answer.view} locale={locale} brandSlug={slug} />;
}
