"use client";

import { useActionState } from "react";
import type { InboxActionResult } from "@/app/[locale]/[brand]/inbox/actions";

export type InboxMessageView = { id: string; kind: string; title: string; body: string; readAt: Date | null; when: string };

/**
 * One message with its buttons (forms, so they work before the script loads on a slow phone): an arrival
 * notice offers pick-up and delivery; anything else one "open". Pressing marks it read.
 */
export function InboxMessageCard({ brand, message, labels, open }: { brand: string; message: InboxMessageView; labels: { unread: string; pickUp: string; deliver: string; open: string }; open(previous: InboxActionResult, data: FormData): Promise<InboxActionResult> }) {
  const [state, action, pending] = useActionState(open, null);
  const arrival = message.kind === "transfer.arrived";
  const button = (go: "link" | "delivery", text: string, primary: boolean) => (
    <button name="go" value={go} disabled={pending} className={`h-11 flex-1 rounded-full text-sm font-medium disabled:opacity-60 ${primary ? "bg-brand text-white" : "border border-line"}`} data-testid={`inbox-${go === "link" ? (arrival ? "pickup" : "open") : "deliver"}`}>
      {text}
    </button>
  );
  return (
    <li className="rounded-xl border border-line p-3" data-testid="inbox-message" data-kind={message.kind} data-unread={message.readAt ? undefined : "true"}>
      <div className="flex items-start justify-between gap-2">
        <p className={`text-sm ${message.readAt ? "" : "font-semibold"}`}>
          {message.readAt ? null : <span className="mr-1 inline-block h-2 w-2 rounded-full bg-red-500 align-middle" aria-label={labels.unread} />}
          {message.title}
        </p>
        <span className="shrink-0 text-xs text-muted">{message.when}</span>
      </div>
      {message.body ? <p className="mt-1 text-xs text-muted">{message.body}</p> : null}
      <form action={action} className="mt-3 flex gap-2">
        <input type="hidden" name="brand" value={brand} />
        <input type="hidden" name="id" value={message.id} />
        {arrival ? (
          <>
            {button("link", labels.pickUp, true)}
            {button("delivery", labels.deliver, false)}
          </>
        ) : (
          button("link", labels.open, true)
        )}
      </form>
      {state ? <p className="mt-2 text-xs text-red-600" role="alert">{state.message}</p> : null}
    </li>
  );
}
