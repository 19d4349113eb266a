import { formatYuan } from "@/lib/money";

export type ResultsDay = { day: string; orders: number; salesFen: number; pendingFen: number; settledFen: number; reversedFen: number };
export type ResultsDaysLabels = { title: string; orders: string; sales: string; pending: string; settled: string; reversed: string; empty: string };

/**
 * Day by day, newest first. One card per day rather than a six-column table: 375 px cannot show six columns
 * of money legibly, and a guide looks for "yesterday" first.
 */
export function ResultsDays({ days, labels }: { days: ResultsDay[]; labels: ResultsDaysLabels }) {
  return (
    <section aria-labelledby="results-days" className="px-4 pb-4">
      <h2 id="results-days" className="mb-2 text-base font-semibold">{labels.title}</h2>
      {days.length === 0 ? (
        <p className="rounded-2xl bg-gray-50 px-4 py-8 text-center text-sm text-gray-500" data-testid="results-empty">{labels.empty}</p>
      ) : (
        <ul className="space-y-2">
          {days.map((d) => (
            <li key={d.day} className="rounded-2xl border border-gray-200 p-3" data-testid="results-day" data-day={d.day}>
              <div className="flex items-baseline justify-between">
                <span className="font-mono text-sm font-semibold">{d.day}</span>
                <span className="text-sm">
                  <span className="text-gray-500">{labels.orders}</span> <span className="font-semibold tabular-nums">{d.orders}</span>
                  <span className="ml-3 text-gray-500">{labels.sales}</span> <span className="font-semibold tabular-nums">{formatYuan(d.salesFen)}</span>
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                <div><dt className="text-gray-500">{labels.pending}</dt><dd className="text-sm tabular-nums">{formatYuan(d.pendingFen)}</dd></div>
                <div><dt className="text-gray-500">{labels.settled}</dt><dd className="text-sm tabular-nums">{formatYuan(d.settledFen)}</dd></div>
                <div><dt className="text-gray-500">{labels.reversed}</dt><dd className={`text-sm tabular-nums ${d.reversedFen ? "text-red-700" : ""}`}>{formatYuan(d.reversedFen)}</dd></div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
