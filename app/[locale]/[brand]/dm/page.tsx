import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { catalogsFor } from "@/lib/dm/audience";

type Params = Promise<{ locale: string; brand: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "dm.shop" });
  return { title: t("listTitle"), robots: { index: false } };
}

// The member's DM catalogs of this brand; anyone not signed in as a member is invited to sign in (no gate in
// the proxy: the page itself says what to do).
export default async function DmListPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [principal, t] = await Promise.all([currentPrincipal(), getTranslations("dm.shop")]);
  const catalogs = principal.kind === "member" ? await catalogsFor(principal.memberId, brand.id) : null;
  return (
    <section className="px-4 py-4" data-testid="dm-list">
      <h1 className="text-lg font-semibold">{t("listTitle")}</h1>
      {catalogs === null ? (
        <p className="mt-8 text-center text-sm">
          <span className="block text-muted">{t("listSignIn")}</span>
          <Link href={`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/dm`)}`} className="mt-4 inline-block rounded-full bg-brand px-6 py-3 font-medium text-white">{t("signIn")}</Link>
        </p>
      ) : catalogs.length === 0 ? (
        <p className="mt-8 text-center text-sm text-muted">{t("listEmpty")}</p>
      ) : (
        <ul className="mt-4 grid grid-cols-2 gap-3">
          {catalogs.map((c) => (
            <li key={c.id}>
              <Link href={`/${slug}/dm/${c.id}`} className="block" data-testid="dm-list-card">
                <div className="aspect-video overflow-hidden rounded-lg bg-brand-soft">
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  {c.coverUrl ? <img src={c.coverUrl} alt="" width={200} height={112} className="h-full w-full object-cover" /> : null}
                </div>
                <p className="mt-1.5 line-clamp-2 text-sm font-medium">{c.title}</p>
                <p className="text-xs text-muted">
                  {t("items", { n: c.items })}
                  {c.endsAt ? ` · ${t("until", { date: c.endsAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }) })}` : ""}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
