import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand, getStore } from "@/lib/catalog/cached";
import { formatHours } from "@/lib/stores/hours";
import { amapUrl, tencentMapUrl } from "@/lib/stores/navigation";
import { toLocale } from "@/lib/i18n/locales";

type Params = Promise<{ locale: string; brand: string; code: string }>;

export const revalidate = 3600; // = CATALOG_REVALIDATE_SECONDS (segment config must be a literal)
export function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const { brand: slug, code } = await params;
  const brand = await getBrand(slug);
  const store = brand ? await getStore(brand.id, decodeURIComponent(code)) : null;
  return brand && store ? { brand, store } : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const data = await load(params);
  if (!data) return {};
  const title = data.store.name;
  return { title, description: `${data.store.mallName} ${data.store.address}`, openGraph: { title, images: [data.brand.logoUrl] } };
}

export default async function StorePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const data = await load(params);
  if (!data) notFound();
  const { brand, store } = data;
  const t = await getTranslations("stores");
  return (
    <div className="px-4 py-5">
      <p className="text-xs text-muted">{t("storeDetail")}</p>
      <h1 className="mt-1 text-lg font-semibold">{store.name}</h1>
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex gap-3"><dt className="w-16 shrink-0 text-muted">{t("mall")}</dt><dd>{store.mallName}</dd></div>
        <div className="flex gap-3"><dt className="w-16 shrink-0 text-muted">{t("address")}</dt><dd>{store.city}{store.district} {store.address}</dd></div>
        <div className="flex gap-3"><dt className="w-16 shrink-0 text-muted">{t("hours")}</dt><dd>{formatHours(store)}{store.closesAt > 1440 ? ` (${t("nextDay")})` : ""}</dd></div>
        {store.phone ? <div className="flex gap-3"><dt className="w-16 shrink-0 text-muted">{t("call")}</dt><dd><a href={`tel:${store.phone}`} className="text-brand">{store.phone}</a></dd></div> : null}
      </dl>
      <div className="mt-5 flex gap-2 text-sm">
        <a href={tencentMapUrl(store)} className="flex-1 rounded-full bg-brand py-2.5 text-center font-medium text-white">{t("tencentMap")}</a>
        <a href={amapUrl(store)} className="flex-1 rounded-full border border-line py-2.5 text-center">{t("amap")}</a>
      </div>
      <Link href={`/${brand.slug}/stores`} className="mt-6 block text-center text-xs text-muted">{t("allStores")} ›</Link>
    </div>
  );
}
