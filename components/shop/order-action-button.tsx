"use client";

import { useActionState } from "react";
import type { OrderActionResult } from "./order-actions";

/** One member action (cancel, received, end a hold) as a form button; the domain's refusal shows under it. */
export function OrderActionButton(props: {
  action: (previous: OrderActionResult, data: FormData) => Promise<OrderActionResult>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  confirm?: string;
  tone?: "primary" | "plain";
  testId?: string;
}) {
  const [result, action, pending] = useActionState<OrderActionResult, FormData>(props.action, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (props.confirm && !window.confirm(props.confirm)) e.preventDefault();
      }}
      className="w-full"
    >
      {Object.entries(props.fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button
        type="submit"
        disabled={pending}
        data-testid={props.testId}
        className={`h-11 w-full rounded-full text-sm font-medium disabled:opacity-60 ${props.tone === "primary" ? "bg-brand text-white" : "border border-line text-ink"}`}
      >
        {pending ? props.pendingLabel : props.label}
      </button>
      {result ? <p role="alert" className="mt-2 text-xs text-warn">{result.message}</p> : null}
    </form>
  );
}
