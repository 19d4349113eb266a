import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, enumFilter } from "@/lib/admin/filters";
import { listBrandRefunds, REFUND_SORTS } from "@/lib/orders/admin-queries";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { staffDisplayNames } from "@/lib/staff/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { ActionForm } from "@/components/admin/people/action-form";
import { consoleTime, FilterBar } from "@/components/admin/people/filter-bar";
import { retryRefundAction } from "./actions";

export const metadata: Metadata = { title: "退货退款 · Returns", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const STATUSES = ["PENDING", "SUCCEEDED", "FAILED"] as const;

export default async function ReturnsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/returns", raw.brand);
  const t = await getTranslations("adminStock");
  const list = parseListParams(raw, { sorts: REFUND_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const status = enumFilter(raw, "status", STATUSES);
  const page = await listBrandRefunds(c.brand.id, list, { status });
  const names = await staffDisplayNames(page.rows.map((r) => r.actor));
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  return (
    <ConsoleShell console={c} section="returns" title={t("returns.title")}>
      <FilterBar
        path="/admin/returns"
        keep={{ brand, q: list.q || undefined, sort: list.sort, dir: list.dir }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        fields={[{ kind: "select", name: "status", label: t("returns.status"), value: status, anyLabel: t("filter.any"), options: STATUSES.map((s) => ({ value: s, label: t(`refundStatus.${s}`) })) }]}
      />
      <DataTable
        path="/admin/returns"
        page={page}
        state={list}
        extra={{ brand, status }}
        searchLabel={t("returns.search")}
        testId="refund-list"
        rowKey={(r) => r.id}
        columns={[
          { key: "createdAt", label: t("returns.createdAt"), sort: "createdAt", cell: (r) => when(r.createdAt) },
          { key: "order", label: t("orders.number"), cell: (r) => <Link href={`/admin/orders/${r.order.number}${brand ? `?brand=${brand}` : ""}`} className="font-mono underline">{r.order.number}</Link> },
          { key: "outRefundNo", label: t("returns.refundNo"), cell: (r) => <span className="font-mono text-xs">{r.outRefundNo}</span> },
          { key: "amountFen", label: t("returns.amount"), sort: "amountFen", align: "right", cell: (r) => formatYuan(r.amountFen) },
          { key: "status", label: t("returns.status"), cell: (r) => t(`refundStatus.${r.status}`) },
          { key: "store", label: t("returns.store"), cell: (r) => `${r.store.code} ${r.store.name}` },
          { key: "reason", label: t("returns.reason"), cell: (r) => r.reason || "—" },
          { key: "actor", label: t("returns.actor"), cell: (r) => names.get(r.actor) ?? r.actor },
          {
            key: "retry",
            label: "",
            cell: (r) =>
              r.status === "FAILED" ? (
                <ActionForm action={retryRefundAction} submitLabel={t("returns.retry")} workingLabel={t("working")} savedText={t("returns.retried")} testId="refund-retry">
                  <input type="hidden" name="brandId" value={c.brand.id} />
                  <input type="hidden" name="refundId" value={r.id} />
                </ActionForm>
              ) : null,
          },
        ]}
      />
    </ConsoleShell>
  );
}
