import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import type { RawSearchParams } from "@/lib/admin/list-params";
import { brandParam } from "@/lib/admin/filters";
import { toLocale } from "@/lib/i18n/locales";
import { brandStoreChoices } from "@/lib/staff/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { ActionForm, inputClass, labelClass } from "@/components/admin/people/action-form";
import { RoleStoreFields } from "@/components/admin/people/staff-fields";
import { createStaffAction } from "../actions";

export const metadata: Metadata = { title: "新员工 · New staff", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

export default async function NewStaffPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/staff/new", raw.brand);
  const t = await getTranslations("adminPeople");
  const stores = await brandStoreChoices(c.brand.id);
  const brand = brandParam(raw);
  const roleLabels = { role: t("staff.role"), store: t("staff.store"), noStore: t("staff.noStore"), roles: { BRAND_ADMIN: t("roles.BRAND_ADMIN"), STORE_MANAGER: t("roles.STORE_MANAGER"), GUIDE: t("roles.GUIDE") } };
  return (
    <ConsoleShell console={c} section="staff" title={t("staff.new")}>
      <Link href={`/admin/staff${brand ? `?brand=${brand}` : ""}`} className="text-sm text-gray-600 underline">{t("back")}</Link>
      <p className="my-3 max-w-2xl text-sm text-gray-600">{t("staff.newHint")}</p>
      <ActionForm action={createStaffAction} submitLabel={t("staff.create")} workingLabel={t("working")} savedText={t("staff.created")} testId="staff-create" className="grid max-w-2xl grid-cols-1 gap-3 md:grid-cols-2">
        <input type="hidden" name="brandId" value={c.brand.id} />
        <label className={labelClass}>
          {t("staff.username")}
          <input name="username" required autoComplete="off" className={`${inputClass} w-full`} data-testid="staff-username" />
        </label>
        <label className={labelClass}>
          {t("staff.name")}
          <input name="name" required className={`${inputClass} w-full`} data-testid="staff-name" />
        </label>
        <label className={labelClass}>
          {t("staff.phone")}
          <input name="phone" inputMode="tel" className={`${inputClass} w-full`} data-testid="staff-phone" />
        </label>
        <RoleStoreFields labels={roleLabels} stores={stores} role="GUIDE" storeId="" testIdPrefix="staff" wide />
        <label className={labelClass}>
          {t("staff.password")}
          <input name="password" type="password" autoComplete="new-password" placeholder={t("staff.passwordHint")} className={`${inputClass} w-full`} data-testid="staff-password" />
        </label>
      </ActionForm>
    </ConsoleShell>
  );
}
