import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { STORE_CODE } from "@/lib/stores/admin-input";
import { loadStoreForEdit } from "@/lib/stores/admin-queries";
import { amapUrl } from "@/lib/stores/navigation";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { StoreForm } from "@/components/admin/stores/store-form";
import { saveStoreAction } from "../actions";

export const metadata: Metadata = { title: "门店 · Store", robots: { index: false } };

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<{ brand?: string | string[] }> };

export default async function EditStorePage({ params, searchParams }: Props) {
  const { locale, code: rawCode } = await params;
  setRequestLocale(toLocale(locale));
  const code = decodeURIComponent(rawCode);
  const c = await openBrandConsole(`/admin/stores/${encodeURIComponent(code)}`, (await searchParams).brand);
  if (!STORE_CODE.test(code)) notFound();
  const [store, t] = await Promise.all([loadStoreForEdit(c.brand.id, code), getTranslations("adminCatalog.store")]);
  if (!store) notFound();
  const brandQuery = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
  return (
    <ConsoleShell console={c} section="stores" title={`${store.code} ${store.name}`}>
      <div className="mb-3 flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/admin/stores${brandQuery}`} className="text-gray-600 underline">{t("back")}</Link>
        {store.kind !== "WAREHOUSE" ? <Link href={`/${c.brand.slug}/stores/${store.code}`} target="_blank" className="text-gray-600 underline" data-testid="store-shop-link">{t("inShop")}</Link> : null}
        {/* The point on a map, to check the coordinates by eye (opens Amap in a new tab; no map script on this page). */}
        <a href={amapUrl(store)} target="_blank" rel="noreferrer" className="text-gray-600 underline">{t("onMap")}</a>
      </div>
      <StoreForm
        action={saveStoreAction}
        hidden={{ brandId: c.brand.id, storeId: store.id, brandQuery }}
        values={store}
        isNew={false}
      />
    </ConsoleShell>
  );
}
