import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getCategoryTree } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";

type Params = Promise<{ locale: string; brand: string }>;

export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, brand: slug } = await params;
  const brand = await getBrand(slug);
  const t = await getTranslations({ locale: toLocale(locale), namespace: "catalog" });
  return brand ? { title: `${t("allCategories")} · ${locale === "en" ? brand.nameEn : brand.name}` } : {};
}

export default async function CategoriesPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [tree, t] = await Promise.all([getCategoryTree(brand.id), getTranslations("catalog")]);
  const en = locale === "en";
  return (
    <div className="px-4 py-5">
      <h1 className="text-lg font-semibold">{t("allCategories")}</h1>
      {tree.map((root) => (
        <section key={root.id} className="mt-6" aria-labelledby={`cat-${root.slug}`}>
          <div className="flex items-baseline justify-between">
            <h2 id={`cat-${root.slug}`} className="text-base font-medium">{en ? root.nameEn : root.name}</h2>
            <Link href={`/${slug}/c/${root.slug}`} className="text-xs text-muted">
              {t("all")} · {root.productCount} ›
            </Link>
          </div>
          {root.children.length ? (
            <ul className="mt-3 grid grid-cols-3 gap-2">
              {root.children.map((c) => (
                <li key={c.id}>
                  <Link href={`/${slug}/c/${c.slug}`} className="flex h-16 flex-col items-center justify-center rounded-lg bg-brand-soft text-sm">
                    <span>{en ? c.nameEn : c.name}</span>
                    <span className="text-[11px] text-muted">{c.productCount}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
