import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DmNewForm } from "@/components/admin/dm/dm-new-form";
import { createDmAction } from "../actions";

export const metadata: Metadata = { title: "新建 DM 目录 · New DM catalog", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ brand?: string | string[] }> };

export default async function AdminDmNew({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const c = await openBrandConsole("/admin/dm/new", (await searchParams).brand);
  const t = await getTranslations("dm.admin");
  const query = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
  return (
    <ConsoleShell console={c} section="dm" title={t("newTitle")}>
      <DmNewForm brandId={c.brand.id} builderBase="/admin/dm" query={query} labels={{ fieldTitle: t("fieldTitle"), fieldNote: t("fieldNote"), create: t("create") }} create={createDmAction} />
    </ConsoleShell>
  );
}
