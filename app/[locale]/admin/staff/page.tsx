import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, enumFilter, textFilter } from "@/lib/admin/filters";
import { toLocale } from "@/lib/i18n/locales";
import { brandStoreChoices, listBrandStaff, STAFF_SORTS } from "@/lib/staff/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { consoleTime, FilterBar } from "@/components/admin/people/filter-bar";

export const metadata: Metadata = { title: "员工与角色 · Staff", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const ROLES = ["BRAND_ADMIN", "STORE_MANAGER", "GUIDE"] as const;

export default async function StaffListPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/staff", raw.brand);
  const t = await getTranslations("adminPeople");
  const list = parseListParams(raw, { sorts: STAFF_SORTS, defaultSort: "name" });
  const role = enumFilter(raw, "role", ROLES);
  const storeId = textFilter(raw, "store");
  const status = enumFilter(raw, "status", ["active", "left"] as const);
  const [page, stores] = await Promise.all([listBrandStaff(c.brand.id, list, { role, storeId, active: status === undefined ? undefined : status === "active" }), brandStoreChoices(c.brand.id)]);
  const brand = brandParam(raw);
  const suffix = brand ? `?brand=${brand}` : "";
  const when = consoleTime(locale);
  return (
    <ConsoleShell console={c} section="staff" title={t("staff.title")}>
      <div className="mb-3 flex justify-end">
        <Link href={`/admin/staff/new${suffix}`} className="rounded-md bg-black px-4 py-2 text-sm font-medium text-white" data-testid="staff-new-link">
          {t("staff.new")}
        </Link>
      </div>
      <FilterBar
        path="/admin/staff"
        keep={{ brand, q: list.q || undefined, sort: list.sort, dir: list.dir }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        fields={[
          { kind: "select", name: "role", label: t("staff.role"), value: role, anyLabel: t("filter.any"), options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
          { kind: "select", name: "store", label: t("staff.store"), value: storeId, anyLabel: t("filter.any"), options: stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` })) },
          { kind: "select", name: "status", label: t("staff.status"), value: status, anyLabel: t("filter.any"), options: [{ value: "active", label: t("staff.active") }, { value: "left", label: t("staff.inactive") }] },
        ]}
      />
      <DataTable
        path="/admin/staff"
        page={page}
        state={list}
        extra={{ brand, role, store: storeId, status }}
        searchLabel={t("staff.search")}
        testId="staff-list"
        rowKey={(r) => r.id}
        columns={[
          { key: "name", label: t("staff.name"), sort: "name", cell: (r) => <Link href={`/admin/staff/${r.id}${suffix}`} className="underline" data-testid="staff-row-link">{r.name}</Link> },
          { key: "username", label: t("staff.username"), sort: "username", cell: (r) => <span className="font-mono">{r.username}</span> },
          { key: "phone", label: t("staff.phone"), cell: (r) => r.phone ?? "—" },
          { key: "role", label: t("staff.role"), sort: "role", cell: (r) => t(`roles.${r.role}`) },
          { key: "store", label: t("staff.store"), cell: (r) => (r.store ? `${r.store.code} ${r.store.name}` : "—") },
          { key: "active", label: t("staff.status"), cell: (r) => (r.active ? t("staff.active") : t("staff.inactive")) },
          { key: "createdAt", label: t("staff.createdAt"), sort: "createdAt", cell: (r) => when(r.createdAt) },
        ]}
      />
    </ConsoleShell>
  );
}
