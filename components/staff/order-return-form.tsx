"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { formatYuan } from "@/lib/money";
import { fill, type StoreActionResult } from "./store-action-result";

export type ReturnLine = { id: string; name: string; variant: string; returnable: number; unitPriceFen: number };

export type ReturnLabels = {
  nothingReturnable: string;
  returnable: string;
  reason: string;
  reasonPlaceholder: string;
  decrease: string;
  increase: string;
  refundTotal: string;
  submit: string;
  chooseSome: string;
  successTitle: string;
  successBody: string;
  statusNow: string;
  refundPending: string;
  refundFailed: string;
  another: string;
  working: string;
};

/** Quantity steppers per returnable line, a reason, one button; then the refund as the domain booked it. */
export function OrderReturnForm({
  orderId,
  lines,
  statusNames,
  labels,
  submit,
}: {
  orderId: string;
  lines: ReturnLine[];
  statusNames: Record<string, string>;
  labels: ReturnLabels;
  submit(input: { orderId: string; lines: { orderLineId: string; quantity: number }[]; reason: string }): Promise<StoreActionResult<{ amountFen: number; status: string; refundStatus: string }>>;
}) {
  const router = useRouter();
  const reasonId = useId();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ amountFen: number; status: string; refundStatus: string } | null>(null);
  const [pending, start] = useTransition();

  const chosen = lines.filter((l) => (counts[l.id] ?? 0) > 0).map((l) => ({ orderLineId: l.id, quantity: counts[l.id]! }));
  const itemsFen = lines.reduce((sum, l) => sum + (counts[l.id] ?? 0) * l.unitPriceFen, 0);
  const step = (id: string, by: number, max: number) => setCounts((c) => ({ ...c, [id]: Math.min(max, Math.max(0, (c[id] ?? 0) + by)) }));

  if (done) {
    return (
      <section className="space-y-4 rounded-2xl bg-green-50 p-5 text-center" data-testid="return-success" aria-live="polite">
        <p aria-hidden className="text-5xl text-green-700">✓</p>
        <h2 className="text-xl font-semibold text-green-900">{labels.successTitle}</h2>
        <p className="text-base">{fill(labels.successBody, { amount: formatYuan(done.amountFen) })}</p>
        <p className="text-sm">
          <span className="text-gray-500">{labels.statusNow}</span> <span className="font-medium" data-testid="return-status">{statusNames[done.status] ?? done.status}</span>
        </p>
        {done.refundStatus === "PENDING" ? <p className="text-sm">{labels.refundPending}</p> : done.refundStatus === "FAILED" ? <p className="text-sm text-red-700">{labels.refundFailed}</p> : null}
        <Link href="/guide/returns" className="flex h-14 w-full items-center justify-center rounded-full bg-black text-base font-medium text-white">
          {labels.another}
        </Link>
      </section>
    );
  }

  // Nothing (left) to return: the page shows why. The form stays mounted across the refresh a return causes,
  // so the success screen above survives it.
  if (!lines.length) return <p className="rounded-lg bg-amber-50 px-3 py-3 text-base text-amber-900">{labels.nothingReturnable}</p>;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen.length) return setError(labels.chooseSome);
        setError(null);
        start(async () => {
          const result = await submit({ orderId, lines: chosen, reason });
          if (!result.ok) return setError(result.message);
          setDone(result);
          router.refresh();
        });
      }}
    >
      <ul className="divide-y divide-gray-100 rounded-2xl border border-gray-200">
        {lines.map((l) => {
          const n = counts[l.id] ?? 0;
          return (
            <li key={l.id} className="flex items-center gap-3 px-4 py-3" data-testid="return-line">
              <div className="min-w-0 flex-1">
                <p className="text-base">{l.name}</p>
                <p className="text-sm text-gray-500">
                  {l.variant} · {formatYuan(l.unitPriceFen)} · {fill(labels.returnable, { count: l.returnable })}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <button type="button" aria-label={`${labels.decrease} ${l.name}`} onClick={() => step(l.id, -1, l.returnable)} disabled={pending || n === 0} className="size-12 rounded-full border border-gray-300 text-2xl disabled:opacity-40">
                  −
                </button>
                <output aria-live="polite" className="w-8 text-center text-lg font-semibold" data-testid="return-qty">
                  {n}
                </output>
                <button type="button" aria-label={`${labels.increase} ${l.name}`} onClick={() => step(l.id, 1, l.returnable)} disabled={pending || n >= l.returnable} className="size-12 rounded-full border border-gray-300 text-2xl disabled:opacity-40">
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="space-y-2">
        <label htmlFor={reasonId} className="block text-sm">
          {labels.reason}
        </label>
        <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={labels.reasonPlaceholder} maxLength={200} disabled={pending} className="h-14 w-full rounded-lg border border-gray-300 px-3 text-base" />
      </div>
      {itemsFen ? <p className="text-base font-medium">{fill(labels.refundTotal, { amount: formatYuan(itemsFen) })}</p> : null}
      {error ? (
        <p className="rounded-lg bg-red-50 px-3 py-3 text-base text-red-800" role="alert" data-testid="return-error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="h-16 w-full rounded-full bg-black text-lg font-semibold text-white disabled:opacity-60">
        {pending ? labels.working : labels.submit}
      </button>
    </form>
  );
}

export type RefundRetryLabels = { retry: string; retryPending: string; retryFailed: string; working: string };

/** On a FAILED refund in the order's refund list: sends it again; the page then shows its new status. */
export function RefundRetryButton({
  refundId,
  labels,
  retry,
}: {
  refundId: string;
  labels: RefundRetryLabels;
  retry(refundId: string): Promise<StoreActionResult<{ refundStatus: string }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        data-testid="refund-retry"
        onClick={() =>
          start(async () => {
            setMessage(null);
            const result = await retry(refundId);
            if (!result.ok) return setMessage({ text: result.message, bad: true });
            if (result.refundStatus === "PENDING") setMessage({ text: labels.retryPending, bad: false });
            else if (result.refundStatus === "FAILED") setMessage({ text: labels.retryFailed, bad: true });
            router.refresh();
          })
        }
        className="h-11 rounded-full border border-black px-4 text-sm font-medium disabled:opacity-60"
      >
        {pending ? labels.working : labels.retry}
      </button>
      {message ? (
        <span role={message.bad ? "alert" : "status"} className={message.bad ? "text-red-700" : "text-gray-700"} data-testid="refund-retry-message">
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
