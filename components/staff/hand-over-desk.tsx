"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { formatYuan } from "@/lib/money";
import { CodeScanner } from "./code-scanner";
import { fill, type StoreActionResult } from "./store-action-result";
import type { HandOverDone, HandOverOrder } from "./hand-over-types";

export type HandOverLabels = {
  hint: string;
  order: string;
  linesHint: string;
  qty: string;
  confirm: string;
  noneTicked: string;
  missingWarning: string;
  again: string;
  successTitle: string;
  successBody: string;
  partialRefund: string;
  refundPending: string;
  refundFailed: string;
  next: string;
  cashierTitle: string;
  cashierHint: string;
  receiptLabel: string;
  receiptPlaceholder: string;
  receiptConfirm: string;
  working: string;
};

type Refusal = { message: string; code?: string; orderId?: string };
type Step = { kind: "scan"; refusal: Refusal | null } | { kind: "order"; code: string; order: HandOverOrder; ticked: string[] } | { kind: "done"; result: HandOverDone };

/**
 * The counter's hand-over: read the shopper's code, show what the order holds (everything ticked), hand over
 * what is on the counter. Every refusal is shown as the domain words it (e.g. which store the order belongs to).
 */
export function HandOverDesk({
  labels,
  initialCode,
  lookup,
  handOver,
  confirmReceipt,
}: {
  labels: HandOverLabels;
  /** A code submitted before hydration (the scanner form's plain GET): looked up once on arrival. */
  initialCode?: string;
  lookup(input: { code: string }): Promise<StoreActionResult<{ order: HandOverOrder }>>;
  handOver(input: { code: string; lineIds: string[] }): Promise<StoreActionResult<{ result: HandOverDone }>>;
  confirmReceipt(input: { orderId: string; receiptNo: string }): Promise<StoreActionResult>;
}) {
  const [step, setStep] = useState<Step>({ kind: "scan", refusal: null });
  const [lastCode, setLastCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState("");
  const [pending, start] = useTransition();
  const receiptId = useId();

  function find(code: string) {
    setLastCode(code);
    setError(null);
    start(async () => {
      const found = await lookup({ code });
      if (found.ok) setStep({ kind: "order", code, order: found.order, ticked: found.order.lines.map((l) => l.id) });
      else setStep({ kind: "scan", refusal: { message: found.message, code: found.code, orderId: found.orderId } });
    });
  }

  const looked = useRef(false);
  useEffect(() => {
    if (!initialCode || looked.current) return;
    looked.current = true;
    find(initialCode);
  }, [initialCode]);

  function enterReceipt(orderId: string) {
    setError(null);
    start(async () => {
      const paid = await confirmReceipt({ orderId, receiptNo: receipt });
      if (!paid.ok) return setError(paid.message);
      setReceipt("");
      // Paid now: look the same code up again to carry on with the hand-over.
      const found = await lookup({ code: lastCode });
      if (found.ok) setStep({ kind: "order", code: lastCode, order: found.order, ticked: found.order.lines.map((l) => l.id) });
      else setStep({ kind: "scan", refusal: { message: found.message, code: found.code, orderId: found.orderId } });
    });
  }

  function confirm(code: string, ticked: string[]) {
    if (!ticked.length) return setError(labels.noneTicked);
    setError(null);
    start(async () => {
      const done = await handOver({ code, lineIds: ticked });
      if (done.ok) setStep({ kind: "done", result: done.result });
      else setError(done.message);
    });
  }

  function reset() {
    setError(null);
    setStep({ kind: "scan", refusal: null });
  }

  const errorBox = error ? (
    <p className="rounded-lg bg-red-50 px-3 py-3 text-base text-red-800" role="alert" data-testid="hand-over-error">
      {error}
    </p>
  ) : null;

  if (step.kind === "done") {
    const r = step.result;
    return (
      <section className="space-y-4 rounded-2xl bg-green-50 p-5 text-center" data-testid="hand-over-success" aria-live="polite">
        <p aria-hidden className="text-5xl text-green-700">✓</p>
        <h2 className="text-xl font-semibold text-green-900">{labels.successTitle}</h2>
        <p className="text-base">{fill(labels.successBody, { number: r.number, count: r.handedOver })}</p>
        {r.missing ? (
          <p className="rounded-lg bg-white px-3 py-3 text-base font-medium text-amber-800" data-testid="hand-over-refund">
            {fill(labels.partialRefund, { amount: formatYuan(r.refundedFen) })}
            {r.refundStatus === "PENDING" ? ` ${labels.refundPending}` : r.refundStatus === "FAILED" ? ` ${labels.refundFailed}` : ""}
          </p>
        ) : null}
        <button type="button" onClick={reset} className="h-14 w-full rounded-full bg-black text-base font-medium text-white">
          {labels.next}
        </button>
      </section>
    );
  }

  if (step.kind === "order") {
    const { order, ticked, code } = step;
    const toggle = (id: string) => setStep({ ...step, ticked: ticked.includes(id) ? ticked.filter((t) => t !== id) : [...ticked, id] });
    const unticked = order.lines.filter((l) => !ticked.includes(l.id));
    const missingFen = unticked.reduce((sum, l) => sum + l.quantity * l.unitPriceFen, 0);
    return (
      <section className="space-y-4" data-testid="hand-over-order">
        <div>
          <p className="text-sm text-gray-500">{labels.order}</p>
          <p className="font-mono text-xl font-semibold tracking-wide">{order.number}</p>
        </div>
        <p className="text-sm text-gray-600">{labels.linesHint}</p>
        <ul className="divide-y divide-gray-100 rounded-2xl border border-gray-200">
          {order.lines.map((l) => (
            <li key={l.id}>
              <label className="flex min-h-16 cursor-pointer items-center gap-4 px-4 py-3">
                <input type="checkbox" checked={ticked.includes(l.id)} onChange={() => toggle(l.id)} disabled={pending} className="size-7 shrink-0 accent-black" />
                <span className="min-w-0 flex-1">
                  <span className="block text-base">{l.name}</span>
                  <span className="block text-sm text-gray-500">
                    {l.styleCode} · {l.variant}
                  </span>
                </span>
                <span className="shrink-0 text-lg font-semibold">{fill(labels.qty, { count: l.quantity })}</span>
              </label>
            </li>
          ))}
        </ul>
        {unticked.length && ticked.length ? (
          <p className="rounded-lg bg-amber-50 px-3 py-3 text-sm text-amber-900">{fill(labels.missingWarning, { count: unticked.length, amount: formatYuan(missingFen) })}</p>
        ) : null}
        {errorBox}
        <button type="button" onClick={() => confirm(code, ticked)} disabled={pending} className="h-16 w-full rounded-full bg-black text-lg font-semibold text-white disabled:opacity-60">
          {pending ? labels.working : labels.confirm}
        </button>
        <button type="button" onClick={reset} disabled={pending} className="h-12 w-full rounded-full border border-gray-300 text-sm">
          {labels.again}
        </button>
      </section>
    );
  }

  const refusal = step.refusal;
  return (
    <section className="space-y-4">
      <p className="text-sm text-gray-600">{labels.hint}</p>
      {refusal ? (
        <div className="space-y-3 rounded-2xl bg-red-50 p-4" data-testid="hand-over-refusal">
          <p className="text-base font-medium text-red-800" role="alert">
            {refusal.message}
          </p>
          {refusal.code === "awaiting_cashier" && refusal.orderId ? (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                enterReceipt(refusal.orderId!);
              }}
            >
              <p className="text-sm text-gray-700">{labels.cashierHint}</p>
              <label htmlFor={receiptId} className="block text-sm">
                {labels.receiptLabel}
              </label>
              <input
                id={receiptId}
                value={receipt}
                onChange={(e) => setReceipt(e.target.value)}
                placeholder={labels.receiptPlaceholder}
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={32}
                required
                disabled={pending}
                className="h-14 w-full rounded-lg border border-gray-300 bg-white px-3 font-mono text-lg placeholder:font-sans placeholder:text-base"
              />
              <button type="submit" disabled={pending} className="h-14 w-full rounded-full bg-black text-base font-medium text-white disabled:opacity-60">
                {labels.receiptConfirm}
              </button>
              {errorBox}
            </form>
          ) : null}
        </div>
      ) : null}
      <CodeScanner onCode={find} busy={pending} />
    </section>
  );
}
