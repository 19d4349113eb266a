"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { formatYuan } from "@/lib/money";
import { fill, type StoreActionResult } from "./store-action-result";

export type OrderActionLabels = {
  ready: string;
  receiptLabel: string;
  receiptPlaceholder: string;
  receiptConfirm: string;
  trackingLabel: string;
  ship: string;
  cancel: string;
  cancelUnpaid: string;
  cancelQuestion: string;
  cancelQuestionUnpaid: string;
  cancelReason: string;
  cancelReasonDefault: string;
  confirmCancel: string;
  back: string;
  working: string;
  done: string;
  handOver: string;
  returnIt: string;
};

type Act<I> = (input: I) => Promise<StoreActionResult>;

export type OrderActionHandlers = {
  markReady: Act<{ orderId: string }>;
  confirmReceipt: Act<{ orderId: string; receiptNo: string }>;
  ship: Act<{ orderId: string; trackingNo: string }>;
  cancel: Act<{ orderId: string; reason: string }>;
};

const primary = "h-14 w-full rounded-full bg-black text-base font-medium text-white disabled:opacity-60";
const secondary = "h-12 w-full rounded-full border border-gray-300 bg-white text-sm disabled:opacity-60";
const input = "h-14 w-full rounded-lg border border-gray-300 px-3 text-lg disabled:bg-gray-50";

/** The buttons under an order card, by queue; each runs one server action and refreshes the queue. */
export function OrderActions({
  order,
  queue,
  labels,
  actions,
}: {
  order: { id: string; number: string; refundFen: number; paid: boolean };
  queue: "prepare" | "ready" | "cashier" | "ship" | "done";
  labels: OrderActionLabels;
  actions: OrderActionHandlers;
}) {
  const router = useRouter();
  const ids = { receipt: useId(), tracking: useId(), reason: useId() };
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [receipt, setReceipt] = useState("");
  const [tracking, setTracking] = useState("");
  const [reason, setReason] = useState(labels.cancelReasonDefault);

  function run(call: () => Promise<StoreActionResult>) {
    setError(null);
    start(async () => {
      const result = await call();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setDone(true);
      setConfirming(false);
      // The order has moved to another queue: show the queue as it is now.
      router.refresh();
    });
  }

  if (done) return <p className="rounded-lg bg-green-50 px-3 py-3 text-center text-sm text-green-800" role="status">{labels.done}</p>;

  const feedback = (
    <>
      {pending ? <p className="text-sm text-gray-600" role="status">{labels.working}</p> : null}
      {error ? <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert" data-testid="order-action-error">{error}</p> : null}
    </>
  );

  if (confirming) {
    const question = order.paid ? fill(labels.cancelQuestion, { number: order.number, amount: formatYuan(order.refundFen) }) : fill(labels.cancelQuestionUnpaid, { number: order.number });
    return (
      <div className="space-y-3 rounded-xl bg-red-50 p-3">
        <p className="text-sm text-red-900">{question}</p>
        <label htmlFor={ids.reason} className="block text-sm">{labels.cancelReason}</label>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} className={input} disabled={pending} />
        <button type="button" className="h-14 w-full rounded-full bg-red-700 text-base font-medium text-white disabled:opacity-60" disabled={pending} onClick={() => run(() => actions.cancel({ orderId: order.id, reason }))}>
          {labels.confirmCancel}
        </button>
        <button type="button" className={secondary} disabled={pending} onClick={() => setConfirming(false)}>
          {labels.back}
        </button>
        {feedback}
      </div>
    );
  }

  const cancelButton = (
    <button type="button" className={secondary} disabled={pending} onClick={() => setConfirming(true)}>
      {order.paid ? labels.cancel : labels.cancelUnpaid}
    </button>
  );

  switch (queue) {
    case "prepare":
      return (
        <div className="space-y-3">
          <button type="button" className={primary} disabled={pending} onClick={() => run(() => actions.markReady({ orderId: order.id }))}>
            {labels.ready}
          </button>
          {cancelButton}
          {feedback}
        </div>
      );
    case "ready":
      return (
        <div className="space-y-3">
          <Link href="/guide/hand-over" className={`${primary} flex items-center justify-center`}>
            {labels.handOver}
          </Link>
          {cancelButton}
          {feedback}
        </div>
      );
    case "cashier":
      return (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => actions.confirmReceipt({ orderId: order.id, receiptNo: receipt }));
          }}
        >
          <label htmlFor={ids.receipt} className="block text-sm">{labels.receiptLabel}</label>
          <input id={ids.receipt} value={receipt} onChange={(e) => setReceipt(e.target.value)} placeholder={labels.receiptPlaceholder} autoComplete="off" autoCapitalize="characters" maxLength={32} required className={`${input} font-mono placeholder:font-sans placeholder:text-base`} disabled={pending} />
          <button type="submit" className={primary} disabled={pending}>
            {labels.receiptConfirm}
          </button>
          {cancelButton}
          {feedback}
        </form>
      );
    case "ship":
      return (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => actions.ship({ orderId: order.id, trackingNo: tracking }));
          }}
        >
          <label htmlFor={ids.tracking} className="block text-sm">{labels.trackingLabel}</label>
          <input id={ids.tracking} value={tracking} onChange={(e) => setTracking(e.target.value)} autoComplete="off" autoCapitalize="characters" maxLength={40} className={`${input} font-mono placeholder:font-sans placeholder:text-base`} disabled={pending} />
          <button type="submit" className={primary} disabled={pending}>
            {labels.ship}
          </button>
          {cancelButton}
          {feedback}
        </form>
      );
    case "done":
      return (
        <Link href={`/guide/returns?number=${order.number}`} className={`${secondary} flex items-center justify-center`}>
          {labels.returnIt}
        </Link>
      );
  }
}
