import type { ReactNode } from "react";

export type TransferCardData = {
  id: string;
  status: string;
  quantity: number;
  note: string;
  requestedAt: Date;
  approvedAt: Date | null;
  shippedAt: Date | null;
  receivedAt: Date | null;
  endedAt: Date | null;
  fromStore: { code: string; name: string };
  toStore: { code: string; name: string };
  customer: string | null;
  requestedBy: string;
  sku: { colorName: string; size: string; product: { styleCode: string; name: string } };
};

export type TransferCardLabels = {
  from: string;
  to: string;
  for: string;
  restock: string;
  requestedBy: string;
  status: Record<string, string>;
  timeline: { requested: string; approved: string; shipped: string; received: string; ended: string };
};

const ENDED = new Set(["REFUSED", "CANCELLED"]);

/** One transfer: what, from where to where, for whom, its status and the time of each step so far. */
export function TransferCard({ t, labels, time, children }: { t: TransferCardData; labels: TransferCardLabels; time: (d: Date) => string; children?: ReactNode }) {
  const steps: { key: keyof TransferCardLabels["timeline"]; at: Date | null }[] = [
    { key: "requested", at: t.requestedAt },
    { key: "approved", at: t.approvedAt },
    { key: "shipped", at: t.shippedAt },
    { key: "received", at: t.receivedAt },
    ...(ENDED.has(t.status) ? [{ key: "ended" as const, at: t.endedAt }] : []),
  ];
  return (
    <li className="rounded-2xl border border-gray-200 p-4" data-testid="transfer" data-transfer-id={t.id} data-status={t.status}>
      <div className="flex items-start justify-between gap-2">
        <p className="text-base">{t.sku.product.name}</p>
        <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs ${ENDED.has(t.status) ? "bg-gray-100 text-gray-500" : t.status === "RECEIVED" ? "bg-green-50 text-green-800" : "bg-amber-50 text-amber-900"}`} data-testid="transfer-status">
          {labels.status[t.status] ?? t.status}
        </span>
      </div>
      <p className="text-sm text-gray-500">
        {t.sku.product.styleCode} · {t.sku.colorName} / {t.sku.size} · ×{t.quantity}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-gray-500">{labels.from}</dt>
        <dd>{t.fromStore.name}（{t.fromStore.code}）</dd>
        <dt className="text-gray-500">{labels.to}</dt>
        <dd>{t.toStore.name}（{t.toStore.code}）</dd>
        <dt className="text-gray-500">{labels.for}</dt>
        <dd>{t.customer ?? labels.restock}</dd>
        <dt className="text-gray-500">{labels.requestedBy}</dt>
        <dd>{t.requestedBy}{t.note ? ` · ${t.note}` : ""}</dd>
      </dl>
      <ol className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="timeline">
        {steps.map((s) => (
          <li key={s.key} className={s.at ? "text-gray-900" : "text-gray-400"}>
            {s.at ? "●" : "○"} {labels.timeline[s.key]}
            {s.at ? ` ${time(s.at)}` : ""}
          </li>
        ))}
      </ol>
      {children}
    </li>
  );
}
