import { formatYuan } from "@/lib/money";

export type TeamRow = {
  staffId: string; name: string; username: string; isManager: boolean; active: boolean;
  openCustomers: number; monthOrders: number; monthSalesFen: number; monthCommissionFen: number;
};
export type TeamListLabels = { title: string; month: string; left: string; manager: string; customers: string; orders: string; sales: string; commission: string; empty: string };

/** The store's guides, each with their open customers and this month's figures; those who left stay listed, greyed. */
export function TeamList({ rows, labels }: { rows: TeamRow[]; labels: TeamListLabels }) {
  return (
    <section aria-labelledby="team-list" className="p-4">
      <h2 id="team-list" className="mb-2 flex items-baseline justify-between text-base font-semibold">
        <span>{labels.title}</span>
        <span className="text-xs font-normal text-gray-500">{labels.month}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="rounded-2xl bg-gray-50 px-4 py-8 text-center text-sm text-gray-500">{labels.empty}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((r) => (
            <li key={r.staffId} className={`rounded-2xl border border-gray-200 p-3 ${r.active ? "" : "bg-gray-50 text-gray-500"}`} data-testid="team-member" data-username={r.username}>
              <div className="flex items-baseline justify-between gap-2">
                <p className="truncate text-base font-semibold">{r.name}</p>
                <span className="shrink-0 text-xs">
                  {r.isManager ? <span className="rounded-full bg-gray-100 px-2 py-0.5">{labels.manager}</span> : null}
                  {!r.active ? <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">{labels.left}</span> : null}
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-4 gap-2 text-center text-xs">
                <div><dt className="text-gray-500">{labels.customers}</dt><dd className="text-base font-semibold tabular-nums" data-testid="team-customers">{r.openCustomers}</dd></div>
                <div><dt className="text-gray-500">{labels.orders}</dt><dd className="text-base font-semibold tabular-nums" data-testid="team-orders">{r.monthOrders}</dd></div>
                <div><dt className="text-gray-500">{labels.sales}</dt><dd className="text-sm font-semibold tabular-nums">{formatYuan(r.monthSalesFen)}</dd></div>
                <div><dt className="text-gray-500">{labels.commission}</dt><dd className="text-sm font-semibold tabular-nums" data-testid="team-commission">{formatYuan(r.monthCommissionFen)}</dd></div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
