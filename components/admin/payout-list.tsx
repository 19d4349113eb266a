import { formatYuan } from "@/lib/money";

export type PayoutListLabels = { previous: string; none: string; id: string; createdAt: string; beneficiaries: string; total: string; download: string };
export type PayoutListRow = { payoutId: string; createdAt: string; beneficiaries: number; totalFen: number };

/** Earlier payouts, newest first, each downloadable again (finance re-imports a file more often than you would think). */
export function PayoutList({ payouts, labels }: { payouts: PayoutListRow[]; labels: PayoutListLabels }) {
  return (
    <section aria-labelledby="payout-list" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="payout-list" className="mb-3 text-lg font-semibold">{labels.previous}</h2>
      {payouts.length === 0 ? (
        <p className="text-sm text-gray-500">{labels.none}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <thead className="border-b border-gray-200 text-xs text-gray-500">
              <tr>
                <th className="py-2">{labels.id}</th><th className="py-2">{labels.createdAt}</th>
                <th className="py-2 text-right">{labels.beneficiaries}</th><th className="py-2 text-right">{labels.total}</th><th className="py-2" />
              </tr>
            </thead>
            <tbody>
              {payouts.map((p) => (
                <tr key={p.payoutId} className="border-b border-gray-100" data-testid="payout-previous" data-payout-id={p.payoutId}>
                  <td className="py-2 font-mono">{p.payoutId}</td>
                  <td className="py-2">{p.createdAt}</td>
                  <td className="py-2 text-right tabular-nums">{p.beneficiaries}</td>
                  <td className="py-2 text-right tabular-nums">{formatYuan(p.totalFen)}</td>
                  <td className="py-2 text-right"><a href={`/api/admin/payouts/${encodeURIComponent(p.payoutId)}`} download className="text-sm underline">{labels.download}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
