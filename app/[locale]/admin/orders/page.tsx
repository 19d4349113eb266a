import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, dayFilter, enumFilter, textFilter } from "@/lib/admin/filters";
import { chooseStore } from "@/lib/inventory/admin-queries";
import { listBrandOrders, ORDER_SORTS } from "@/lib/orders/admin-queries";
import { ORDER_STATUSES } from "@/lib/orders/state-machine";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { consoleTime, FilterBar, storeField } from "@/components/admin/people/filter-bar";

export const metadata: Metadata = { title: "订单 · Orders", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const FULFILMENTS = ["PICKUP", "DELIVERY", "COUNTER"] as const;

export default async function OrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/orders", raw.brand);
  const t = await getTranslations("adminStock");
  const list = parseListParams(raw, { sorts: ORDER_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const status = enumFilter(raw, "status", ORDER_STATUSES);
  const fulfilment = enumFilter(raw, "fulfilment", FULFILMENTS);
  const storeCode = textFilter(raw, "store", 20);
  const from = dayFilter(raw, "from");
  const to = dayFilter(raw, "to", true);
  const choice = await chooseStore(c.brand.id, storeCode);
  const store = choice.store;
  const page = await listBrandOrders(c.brand.id, list, { status, fulfilment, storeId: store?.id, from: from?.at, to: to?.at });
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  return (
    <ConsoleShell console={c} section="orders" title={t("orders.title")}>
      <FilterBar
        path="/admin/orders"
        keep={{ brand, q: list.q || undefined, sort: list.sort, dir: list.dir }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        fields={[
          { kind: "select", name: "status", label: t("orders.status"), value: status, anyLabel: t("filter.any"), options: ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) })) },
          { kind: "select", name: "fulfilment", label: t("orders.fulfilment"), value: fulfilment, anyLabel: t("filter.any"), options: FULFILMENTS.map((f) => ({ value: f, label: t(`fulfilment.${f}`) })) },
          storeField(choice, t("orders.store"), t("filter.any")),
          { kind: "date", name: "from", label: t("filter.from"), value: from?.text },
          { kind: "date", name: "to", label: t("filter.to"), value: to?.text },
        ]}
      />
      <DataTable
        path="/admin/orders"
        page={page}
        state={list}
        extra={{ brand, status, fulfilment, store: store?.code, from: from?.text, to: to?.text }}
        searchLabel={t("orders.search")}
        testId="order-list"
        rowKey={(r) => r.id}
        columns={[
          { key: "number", label: t("orders.number"), sort: "number", cell: (r) => <Link href={`/admin/orders/${r.number}${brand ? `?brand=${brand}` : ""}`} className="font-mono underline" data-testid="order-row-link">{r.number}</Link> },
          { key: "createdAt", label: t("orders.createdAt"), sort: "createdAt", cell: (r) => when(r.createdAt) },
          { key: "status", label: t("orders.status"), cell: (r) => t(`orderStatus.${r.status}`) },
          { key: "fulfilment", label: t("orders.fulfilment"), cell: (r) => t(`fulfilment.${r.fulfilment}`) },
          { key: "store", label: t("orders.store"), cell: (r) => (r.store ? `${r.store.code} ${r.store.name}` : "—") },
          { key: "member", label: t("orders.member"), cell: (r) => <span className="font-mono">{r.member.phone ?? r.contactPhone ?? "—"}</span> },
          { key: "totalFen", label: t("orders.total"), sort: "totalFen", align: "right", cell: (r) => formatYuan(r.totalFen) },
          { key: "refundedFen", label: t("orders.refunded"), align: "right", cell: (r) => (r.refundedFen ? formatYuan(r.refundedFen) : "—") },
        ]}
      />
    </ConsoleShell>
  );
}
