import type { Page } from "@/lib/admin/list-params";
import { formatYuan } from "@/lib/money";
import { DataTable, type Column } from "@/components/admin/data-table";

export type PayoutListLabels = { previous: string; none: string; id: string; createdAt: string; beneficiaries: string; total: string; download: string; search: string };
export type PayoutListRow = { payoutId: string; createdAt: string; beneficiaries: number; totalFen: number };

/**
 * Earlier payouts, a server-paged list (search by payout id or beneficiary name, sort by date or total), each
 * downloadable again (finance re-imports a file more often than you would think).
 */
export async function PayoutList({
  page,
  state,
  brandSlug,
  labels,
}: {
  page: Page<PayoutListRow>;
  state: { q: string; sort: string; dir: "asc" | "desc" };
  /** Only for the group admin, whose brand is chosen by ?brand=. */
  brandSlug?: string;
  labels: PayoutListLabels;
}) {
  const columns: Column<PayoutListRow>[] = [
    {
      key: "payoutId",
      label: labels.id,
      cell: (p) => <span className="font-mono" data-testid="payout-previous" data-payout-id={p.payoutId}>{p.payoutId}</span>,
    },
    { key: "createdAt", label: labels.createdAt, sort: "date", cell: (p) => p.createdAt },
    { key: "beneficiaries", label: labels.beneficiaries, align: "right", cell: (p) => p.beneficiaries },
    { key: "total", label: labels.total, sort: "amount", align: "right", cell: (p) => formatYuan(p.totalFen) },
    { key: "download", label: "", cell: (p) => <a href={`/api/admin/payouts/${encodeURIComponent(p.payoutId)}`} download className="text-sm underline">{labels.download}</a> },
  ];
  return (
    <section aria-labelledby="payout-list" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="payout-list" className="mb-3 text-lg font-semibold">{labels.previous}</h2>
      {page.total === 0 && !state.q ? (
        <p className="text-sm text-gray-500">{labels.none}</p>
      ) : (
        <DataTable path="/admin/commission" page={page} state={state} columns={columns} rowKey={(p) => p.payoutId} extra={{ brand: brandSlug }} searchLabel={labels.search} testId="payout-list" />
      )}
    </section>
  );
}
