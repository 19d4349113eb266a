import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, enumFilter, textFilter } from "@/lib/admin/filters";
import { chooseStore } from "@/lib/inventory/admin-queries";
import { listBrandTransfers, TRANSFER_SORTS } from "@/lib/transfers/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { ActionForm } from "@/components/admin/people/action-form";
import { consoleTime, FilterBar, storeField } from "@/components/admin/people/filter-bar";
import { decideTransferAction } from "./actions";

export const metadata: Metadata = { title: "调货 · Transfers", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const STATUSES = ["REQUESTED", "APPROVED", "SHIPPED", "RECEIVED", "REFUSED", "CANCELLED"] as const;

/** The brand's transfers, each row its whole story (who asked, for whom, every step's time); open ones can be decided here. */
export default async function TransfersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/transfers", raw.brand);
  const t = await getTranslations("adminStock");
  const list = parseListParams(raw, { sorts: TRANSFER_SORTS, defaultSort: "requestedAt", defaultDir: "desc" });
  const status = enumFilter(raw, "status", STATUSES);
  const storeCode = textFilter(raw, "store", 20);
  const choice = await chooseStore(c.brand.id, storeCode);
  const store = choice.store;
  const page = await listBrandTransfers(c.brand.id, list, { status, storeId: store?.id });
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  const decide = (id: string, decision: "approve" | "refuse") => (
    <ActionForm action={decideTransferAction} submitLabel={t(`transfers.${decision}`)} workingLabel={t("working")} savedText={t("saved")} testId={`transfer-${decision}`} className="inline-flex">
      <input type="hidden" name="brandId" value={c.brand.id} />
      <input type="hidden" name="transferId" value={id} />
      <input type="hidden" name="decision" value={decision} />
    </ActionForm>
  );
  return (
    <ConsoleShell console={c} section="transfers" title={t("transfers.title")}>
      <FilterBar
        path="/admin/transfers"
        keep={{ brand, q: list.q || undefined, sort: list.sort, dir: list.dir }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        fields={[
          { kind: "select", name: "status", label: t("transfers.status"), value: status, anyLabel: t("filter.any"), options: STATUSES.map((s) => ({ value: s, label: t(`transferStatus.${s}`) })) },
          storeField(choice, t("transfers.store"), t("filter.any")),
        ]}
      />
      <DataTable
        path="/admin/transfers"
        page={page}
        state={list}
        extra={{ brand, status, store: store?.code }}
        searchLabel={t("inventory.search")}
        testId="transfer-list"
        rowKey={(r) => r.id}
        columns={[
          { key: "requestedAt", label: t("transfers.requestedAt"), sort: "requestedAt", cell: (r) => when(r.requestedAt) },
          {
            key: "sku",
            label: t("transfers.sku"),
            cell: (r) => (
              <span>
                {r.sku.product.styleCode} {r.sku.product.name} · {r.sku.colorName} / {r.sku.size} ·{" "}
                <Link href={`/admin/inventory/${r.fromStore.code}/${r.sku.gtin}${brand ? `?brand=${brand}` : ""}`} className="font-mono text-xs underline" title={t("transfers.sourceLedger")}>{r.sku.gtin}</Link>
              </span>
            ),
          },
          { key: "quantity", label: t("transfers.quantity"), sort: "quantity", align: "right", cell: (r) => r.quantity },
          { key: "route", label: t("transfers.route"), cell: (r) => `${r.fromStore.code} → ${r.toStore.code}` },
          { key: "status", label: t("transfers.status"), cell: (r) => t(`transferStatus.${r.status}`) },
          { key: "who", label: t("transfers.who"), cell: (r) => `${r.requestedBy.name}${r.member ? ` · ${r.member.phone ?? r.member.nickname}` : ""}` },
          {
            key: "steps",
            label: t("transfers.steps"),
            cell: (r) => (
              <span className="text-xs text-gray-600">
                {[r.approvedAt && `${t("transfers.approvedAt")} ${when(r.approvedAt)}`, r.shippedAt && `${t("transfers.shippedAt")} ${when(r.shippedAt)}`, r.receivedAt && `${t("transfers.receivedAt")} ${when(r.receivedAt)}`, r.endedAt && !r.receivedAt && `${t("transfers.endedAt")} ${when(r.endedAt)}`].filter(Boolean).join(" · ") || "—"}
                {r.note ? <span className="block">{r.note}</span> : null}
              </span>
            ),
          },
          { key: "decide", label: "", cell: (r) => (r.status === "REQUESTED" ? <span className="flex gap-2">{decide(r.id, "approve")}{decide(r.id, "refuse")}</span> : r.status === "APPROVED" ? decide(r.id, "refuse") : null) },
        ]}
      />
    </ConsoleShell>
  );
}
