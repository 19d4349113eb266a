import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { FAVOURITES_COOKIE } from "@/lib/favourites/anonymous";
import { loadAnonymousFavourites, loadMemberFavourites } from "@/lib/favourites/service";
import { currentPrincipal } from "@/lib/auth/session";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/ui/empty-state";

type Params = Promise<{ locale: string; brand: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "favourites" });
  return { title: t("title"), robots: { index: false } };
}

export default async function FavouritesPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [jar, principal] = await Promise.all([cookies(), currentPrincipal()]);
  const [items, t] = await Promise.all([
    principal.kind === "member"
      ? loadMemberFavourites(principal.memberId, brand.id, brand.slug)
      : loadAnonymousFavourites(jar.get(FAVOURITES_COOKIE)?.value, brand.id, brand.slug),
    getTranslations("favourites"),
  ]);
  const en = locale === "en";
  const dateFmt = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", timeZone: "Asia/Shanghai" });
  return (
    <div className="py-4">
      <h1 className="px-4 text-lg font-semibold">{t("title")}</h1>
      {items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={{ href: `/${slug}`, label: t("browse") }} />
      ) : (
        <>
          {principal.kind !== "member" ? <p className="px-4 pt-1 text-xs text-muted">{t("anonymousNote")}</p> : null}
          <ul className="mt-3 divide-y divide-line" data-testid="favourites-list">
            {items.map((f) => (
              <li key={f.styleCode}>
                <Link href={`/${slug}/p/${f.styleCode}`} className="flex gap-3 px-4 py-3" data-testid="favourite-item">
                  {f.imageUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={f.imageUrl} alt="" width={72} height={96} className="h-24 w-18 shrink-0 rounded bg-brand-soft object-cover" />
                  ) : null}
                  <div className="min-w-0">
                    <p className="line-clamp-2 text-sm">{en ? f.nameEn : f.name}</p>
                    <p className="mt-1 text-sm font-semibold text-brand">{formatYuan(f.priceFen)}</p>
                    <p className="mt-1 text-xs text-muted">{[f.colorName, f.size].filter(Boolean).join(" · ")}</p>
                    <p className="mt-0.5 text-xs text-muted">
                      {f.store ? t("triedAt", { store: f.store.mallName || f.store.name }) : null}
                      {f.store ? " · " : null}
                      {t("savedOn", { date: dateFmt.format(new Date(f.savedAt)) })}
                    </p>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
