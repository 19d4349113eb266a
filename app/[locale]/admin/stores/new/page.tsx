import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { StoreForm } from "@/components/admin/stores/store-form";
import { saveStoreAction } from "../actions";

export const metadata: Metadata = { title: "新建门店 · New store", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ brand?: string | string[] }> };

export default async function NewStorePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const c = await openBrandConsole("/admin/stores/new", (await searchParams).brand);
  const t = await getTranslations("adminCatalog.store");
  const brandQuery = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
  return (
    <ConsoleShell console={c} section="stores" title={t("new")}>
      <Link href={`/admin/stores${brandQuery}`} className="mb-3 inline-block text-sm text-gray-600 underline">{t("back")}</Link>
      <StoreForm
        action={saveStoreAction}
        hidden={{ brandId: c.brand.id, storeId: "", brandQuery }}
        values={{ code: "", name: "", kind: "DIRECT", city: "", district: "", address: "", mallName: "", phone: "", lat: null, lng: null, opensAt: 600, closesAt: 1320, pickupEnabled: true, deliveryEnabled: true, safetyStock: 0, active: true }}
        isNew
      />
    </ConsoleShell>
  );
}
