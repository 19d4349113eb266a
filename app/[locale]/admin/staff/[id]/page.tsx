import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import type { RawSearchParams } from "@/lib/admin/list-params";
import { brandParam } from "@/lib/admin/filters";
import { toLocale } from "@/lib/i18n/locales";
import { brandStaffMember, brandStoreChoices } from "@/lib/staff/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { ActionForm, inputClass, labelClass } from "@/components/admin/people/action-form";
import { consoleTime } from "@/components/admin/people/filter-bar";
import { RoleStoreFields } from "@/components/admin/people/staff-fields";
import { changeStaffAssignmentAction, deactivateStaffAction, resetStaffPasswordAction } from "../actions";

export const metadata: Metadata = { title: "员工 · Staff member", robots: { index: false } };

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<RawSearchParams> };

export default async function StaffMemberPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole(`/admin/staff/${encodeURIComponent(id)}`, raw.brand);
  const staffId = z.string().min(1).max(64).safeParse(id);
  const s = staffId.success ? await brandStaffMember(c.brand.id, staffId.data) : null;
  if (!s) notFound();
  const [t, stores] = await Promise.all([getTranslations("adminPeople"), brandStoreChoices(c.brand.id)]);
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  const self = s.id === c.staffId;
  const roleLabels = { role: t("staff.role"), store: t("staff.store"), noStore: t("staff.noStore"), roles: { BRAND_ADMIN: t("roles.BRAND_ADMIN"), STORE_MANAGER: t("roles.STORE_MANAGER"), GUIDE: t("roles.GUIDE") } };
  const hidden = (
    <>
      <input type="hidden" name="brandId" value={c.brand.id} />
      <input type="hidden" name="staffId" value={s.id} />
    </>
  );
  return (
    <ConsoleShell console={c} section="staff" title={t("staff.title")}>
      <Link href={`/admin/staff${brand ? `?brand=${brand}` : ""}`} className="text-sm text-gray-600 underline">{t("back")}</Link>
      <dl className="my-4 grid max-w-3xl grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4" data-testid="staff-detail">
        <dt className="text-gray-500">{t("staff.name")}</dt>
        <dd data-testid="staff-detail-name">{s.name}</dd>
        <dt className="text-gray-500">{t("staff.username")}</dt>
        <dd className="font-mono">{s.username}</dd>
        <dt className="text-gray-500">{t("staff.role")}</dt>
        <dd data-testid="staff-detail-role">{t(`roles.${s.role}`)}</dd>
        <dt className="text-gray-500">{t("staff.store")}</dt>
        <dd>{s.store ? `${s.store.code} ${s.store.name}` : "—"}</dd>
        <dt className="text-gray-500">{t("staff.status")}</dt>
        <dd data-testid="staff-detail-status">{s.active ? t("staff.active") : t("staff.inactive")}</dd>
        <dt className="text-gray-500">{t("staff.openBindings")}</dt>
        <dd>{s._count.bindings}</dd>
        <dt className="text-gray-500">{t("staff.createdAt")}</dt>
        <dd>{when(s.createdAt)}</dd>
        <dt className="text-gray-500">{t("staff.sessionsRevokedAt")}</dt>
        <dd>{when(s.sessionsRevokedAt)}</dd>
      </dl>
      {self ? (
        <p className="rounded bg-gray-50 px-3 py-2 text-sm text-gray-600" data-testid="staff-self">{t("staff.selfHint")}</p>
      ) : s.role === "ADMIN" ? null : (
        <div className="grid max-w-3xl grid-cols-1 gap-6">
          <section>
            <h2 className="mb-2 text-sm font-semibold">{t("staff.assignment")}</h2>
            <p className="mb-2 text-xs text-gray-500">{t("staff.assignmentHint")}</p>
            <ActionForm action={changeStaffAssignmentAction} submitLabel={t("save")} workingLabel={t("working")} savedText={t("saved")} testId="staff-assign" resetOnSave={false}>
              {hidden}
              <RoleStoreFields labels={roleLabels} stores={stores} role={s.role} storeId={s.store?.id ?? ""} testIdPrefix="staff-assign" />
            </ActionForm>
          </section>
          <section>
            <h2 className="mb-2 text-sm font-semibold">{t("staff.resetPassword")}</h2>
            <ActionForm action={resetStaffPasswordAction} submitLabel={t("staff.resetPassword")} workingLabel={t("working")} savedText={t("saved")} testId="staff-password-reset">
              {hidden}
              <label className={labelClass}>
                {t("staff.password")}
                <input name="password" type="password" autoComplete="new-password" placeholder={t("staff.passwordHint")} className={inputClass} />
              </label>
            </ActionForm>
          </section>
          {s.active ? (
            <section>
              <h2 className="mb-2 text-sm font-semibold">{t("staff.deactivate")}</h2>
              <p className="mb-2 text-xs text-gray-500">{t("staff.deactivateHint")}</p>
              <ActionForm action={deactivateStaffAction} submitLabel={t("staff.deactivate")} workingLabel={t("working")} savedText={t("saved")} testId="staff-deactivate" confirmText={t("staff.deactivateConfirm")}>
                {hidden}
              </ActionForm>
            </section>
          ) : null}
        </div>
      )}
    </ConsoleShell>
  );
}
