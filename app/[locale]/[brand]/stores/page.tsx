import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getShopperStores } from "@/lib/catalog/cached";
import { citiesOf } from "@/lib/stores/queries";
import { toLocale } from "@/lib/i18n/locales";
import { StoreLocator } from "@/components/shop/store-locator";

type Params = Promise<{ locale: string; brand: string }>;

export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, brand: slug } = await params;
  const brand = await getBrand(slug);
  const t = await getTranslations({ locale: toLocale(locale), namespace: "stores" });
  if (!brand) return {};
  const title = `${t("finderTitle")} · ${locale === "en" ? brand.nameEn : brand.name}`;
  return { title, openGraph: { title, images: [brand.logoUrl] } };
}

export default async function StoresPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [stores, t] = await Promise.all([getShopperStores(brand.id), getTranslations("stores")]);
  const keys = ["useMyLocation", "locating", "locationDenied", "locationUnavailable", "chooseCity", "nearest", "openNow", "closed", "hours", "nextDay", "navigate", "tencentMap", "amap", "wechatMap", "call", "pickToSee", "loadFailed"] as const;
  return (
    <div className="py-4">
      <h1 className="px-4 text-lg font-semibold">{t("finderTitle")}</h1>
      <p className="px-4 pb-3 text-xs text-muted">{t("storeCount", { count: stores.length })}</p>
      <StoreLocator
        brand={slug}
        cities={citiesOf(stores).map((c) => c.city)}
        labels={Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>}
      />
    </div>
  );
}
