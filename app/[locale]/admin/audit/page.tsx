import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, dayFilter, enumFilter, textFilter } from "@/lib/admin/filters";
import { AUDIT_ACTIONS } from "@/lib/audit/log";
import { AUDIT_SORTS, listAuditEntries } from "@/lib/audit/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { staffDisplayNames } from "@/lib/staff/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { consoleTime, FilterBar } from "@/components/admin/people/filter-bar";

export const metadata: Metadata = { title: "审计日志 · Audit log", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

/** The group admin reads every entry (of any brand: the brand switch does not narrow it); a brand admin their brand's. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/audit", raw.brand);
  const t = await getTranslations("adminPeople");
  const list = parseListParams(raw, { sorts: AUDIT_SORTS, defaultSort: "createdAt", defaultDir: "desc", pageSize: 50 });
  const action = enumFilter(raw, "action", AUDIT_ACTIONS);
  const actor = textFilter(raw, "actor", 120);
  const from = dayFilter(raw, "from");
  const to = dayFilter(raw, "to", true);
  const page = await listAuditEntries({ brandId: c.role === "ADMIN" ? null : c.brand.id }, list, { action, actor, from: from?.at, to: to?.at });
  const names = await staffDisplayNames(page.rows.map((r) => r.actor));
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  return (
    <ConsoleShell console={c} section="audit" title={t("audit.title")}>
      <p className="mb-3 text-xs text-gray-500">{c.role === "ADMIN" ? t("audit.scopeGroup") : t("audit.scopeBrand")}</p>
      <FilterBar
        path="/admin/audit"
        keep={{ brand, q: list.q || undefined, sort: list.sort, dir: list.dir }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        fields={[
          { kind: "select", name: "action", label: t("audit.action"), value: action, anyLabel: t("filter.any"), options: AUDIT_ACTIONS.map((a) => ({ value: a, label: a })) },
          { kind: "text", name: "actor", label: t("audit.actor"), value: actor },
          { kind: "date", name: "from", label: t("filter.from"), value: from?.text },
          { kind: "date", name: "to", label: t("filter.to"), value: to?.text },
        ]}
      />
      <DataTable
        path="/admin/audit"
        page={page}
        state={list}
        extra={{ brand, action, actor, from: from?.text, to: to?.text }}
        searchLabel={t("audit.search")}
        testId="audit-list"
        rowKey={(r) => r.id}
        columns={[
          { key: "createdAt", label: t("audit.when"), sort: "createdAt", cell: (r) => when(r.createdAt) },
          { key: "actor", label: t("audit.actor"), cell: (r) => <span title={r.actor}>{names.get(r.actor) ?? r.actor}</span> },
          { key: "action", label: t("audit.action"), cell: (r) => <span className="font-mono text-xs">{r.action}</span> },
          { key: "target", label: t("audit.target"), cell: (r) => <span className="font-mono text-xs">{r.target || "—"}</span> },
          { key: "detail", label: t("audit.detail"), cell: (r) => <span className="block max-w-md break-all font-mono text-xs text-gray-600">{r.detail}</span> },
        ]}
      />
    </ConsoleShell>
  );
}
