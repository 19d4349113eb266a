import { formatYuan } from "@/lib/money";

export type ResultsBalanceLabels = {
  balance: string; pending: string; pendingHint: string; settled: string; carriedForward: string; carriedForwardHint: string; reversed: string; paidOut: string;
};

/**
 * The guide's commission at a glance. The settled balance leads (it is what the next payout pays); below zero
 * it is named "carried forward", so a guide reads a refund after payout as a debt later sales pay back, not a bug.
 */
export function ResultsBalance({ balance, labels }: { balance: { pendingFen: number; balanceFen: number; reversedFen: number; paidOutFen: number }; labels: ResultsBalanceLabels }) {
  const negative = balance.balanceFen < 0;
  return (
    <section aria-label={labels.balance} className="space-y-3 p-4" data-testid="results-balance">
      <div className={`rounded-2xl p-4 ${negative ? "bg-amber-50 text-amber-900" : "bg-black text-white"}`} data-testid="results-settled">
        <p className="text-sm opacity-80">{negative ? labels.carriedForward : labels.settled}</p>
        <p className="mt-1 text-3xl font-semibold tabular-nums">{formatYuan(balance.balanceFen)}</p>
        {negative ? <p className="mt-1 text-xs">{labels.carriedForwardHint}</p> : null}
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center">
        {[
          { key: "pending", label: labels.pending, fen: balance.pendingFen },
          { key: "reversed", label: labels.reversed, fen: balance.reversedFen },
          { key: "paid-out", label: labels.paidOut, fen: balance.paidOutFen },
        ].map((f) => (
          <div key={f.key} className="rounded-xl bg-gray-100 px-2 py-3" data-testid={`results-${f.key}`}>
            <dt className="text-xs text-gray-600">{f.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{formatYuan(f.fen)}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-gray-500">{labels.pendingHint}</p>
    </section>
  );
}
