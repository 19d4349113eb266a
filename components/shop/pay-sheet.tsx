"use client";

import { useActionState } from "react";
import Link from "next/link";
import { confirmSandboxPayAction, type PayResult } from "./pay-actions";

/** The sandbox's stand-in for WeChat's pay sheet: amount, merchant, Pay / Cancel. */
export function PaySheet(props: { brand: string; number: string; amount: string; merchant: string; timeLeft: string; labels: Record<"title" | "merchant" | "pay" | "paying" | "cancel" | "sandboxNote", string> }) {
  const [result, action, pending] = useActionState<PayResult, FormData>(confirmSandboxPayAction, null);
  const l = props.labels;
  return (
    <div className="fixed inset-0 z-50 flex items-end bg-black/50" role="dialog" aria-modal="true" aria-labelledby="pay-title" data-testid="pay-sheet">
      <form action={action} className="safe-bottom mx-auto w-full max-w-screen-sm rounded-t-2xl bg-white px-5 pb-5 pt-4">
        <input type="hidden" name="brand" value={props.brand} />
        <input type="hidden" name="number" value={props.number} />
        <div className="flex items-center justify-between">
          <Link href={`/${props.brand}/orders/${props.number}`} className="text-sm text-muted" data-testid="pay-cancel">{l.cancel}</Link>
          <h1 id="pay-title" className="text-sm font-medium">{l.title}</h1>
          <span className="w-8" />
        </div>
        <p className="mt-6 text-center text-xs text-muted">{props.merchant}</p>
        <p className="mt-1 text-center text-4xl font-semibold" data-testid="pay-amount">{props.amount}</p>
        <dl className="mt-6 border-t border-line pt-3 text-sm">
          <div className="flex justify-between py-1"><dt className="text-muted">{l.merchant}</dt><dd>{props.merchant}</dd></div>
          <div className="flex justify-between py-1"><dt className="text-muted">№</dt><dd>{props.number}</dd></div>
        </dl>
        <p className="mt-2 text-xs text-muted">{props.timeLeft}</p>
        {result ? <p role="alert" className="mt-3 rounded bg-red-50 px-3 py-2 text-sm text-red-700">{result.message}</p> : null}
        <button type="submit" disabled={pending} className="mt-5 h-12 w-full rounded-lg bg-[#07c160] text-base font-medium text-white disabled:opacity-60" data-testid="pay-confirm">
          {pending ? l.paying : l.pay}
        </button>
        <p className="mt-3 text-center text-[11px] text-muted">{l.sandboxNote}</p>
      </form>
    </div>
  );
}
