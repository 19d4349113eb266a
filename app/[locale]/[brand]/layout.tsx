import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { TabBar } from "@/components/shop/tab-bar";
import { ShopHeader } from "@/components/shop/shop-header";

type Params = Promise<{ locale: string; brand: string }>;

export default async function BrandLayout({ children, params }: { children: React.ReactNode; params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const t = await getTranslations("common");
  const theme = {
    "--brand-primary": brand.colorPrimary,
    "--brand-accent": brand.colorAccent,
    "--brand-ink": brand.colorInk,
  } as React.CSSProperties;
  return (
    <div style={theme} className="pb-tabbar min-h-dvh">
      <ShopHeader brand={brand} searchLabel={t("search")} placeholder={t("searchPlaceholder")} />
      <main id="main" className="mx-auto max-w-screen-sm">{children}</main>
      <TabBar
        label={t("mainNav")}
        tabs={[
          { href: `/${slug}`, label: t("home"), icon: "home" },
          { href: `/${slug}/categories`, label: t("categories"), icon: "grid" },
          { href: `/${slug}/favourites`, label: t("favourites"), icon: "heart" },
          { href: `/${slug}/me`, label: t("me"), icon: "user" },
        ]}
      />
    </div>
  );
}
