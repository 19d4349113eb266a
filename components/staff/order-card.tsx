import type { ReactNode } from "react";

export type OrderCardLine = { id: string; name: string; variant: string; quantity: number; price: string; from: string | null; muted: boolean };

export type OrderCardView = {
  number: string;
  placedAt: string;
  status: string;
  fulfilment: string;
  member: string;
  lines: OrderCardLine[];
  total: string;
  notes: string[];
};

/** One order as staff read it at the counter: who, what (and from which store), how much; actions below. */
export function OrderCard({ order, labels, children }: { order: OrderCardView; labels: { member: string; total: string }; children?: ReactNode }) {
  return (
    <article className="rounded-2xl border border-gray-200 bg-white p-4 shadow-sm" data-testid="order-card" data-number={order.number}>
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-base font-semibold tracking-wide">{order.number}</p>
          <p className="text-xs text-gray-500">
            {order.placedAt} · {order.fulfilment}
          </p>
        </div>
        <span className="shrink-0 rounded-full bg-gray-100 px-2.5 py-1 text-xs">{order.status}</span>
      </header>
      <p className="mt-2 text-sm">
        <span className="text-gray-500">{labels.member}</span> {order.member}
      </p>
      <ul className="mt-3 space-y-2">
        {order.lines.map((line) => (
          <li key={line.id} className={`flex justify-between gap-3 text-sm ${line.muted ? "text-gray-400" : ""}`}>
            <div className="min-w-0">
              <p className="truncate">{line.name}</p>
              <p className="text-xs text-gray-500">
                {line.variant} · × {line.quantity}
                {line.from ? ` · ${line.from}` : ""}
              </p>
            </div>
            <span className="shrink-0">{line.price}</span>
          </li>
        ))}
      </ul>
      {order.notes.map((note) => (
        <p key={note} className="mt-2 text-xs break-words text-gray-600">
          {note}
        </p>
      ))}
      <p className="mt-3 flex justify-between border-t border-gray-100 pt-3 text-sm">
        <span className="text-gray-500">{labels.total}</span>
        <span className="font-semibold">{order.total}</span>
      </p>
      {children ? <div className="mt-4">{children}</div> : null}
    </article>
  );
}
