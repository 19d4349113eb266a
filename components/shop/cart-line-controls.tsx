"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { removeCartLineAction, setCartQuantityAction } from "./cart-actions";

// The cart page's client island, one per line: the quantity stepper and remove. Prices and totals stay
// server-rendered; after a change the page re-renders from the server (router.refresh), so what is shown
// is always what the server would charge.

type Labels = Record<"quantity" | "decrease" | "increase" | "remove" | "updateFailed", string>;

export function CartLineControls({ brand, line, quantity, max = 99, labels }: { brand: string; line: string; quantity: number; max?: number; labels: Labels }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function change(action: () => ReturnType<typeof setCartQuantityAction>) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) router.refresh();
      else setMessage(result.message || labels.updateFailed);
    });
  }
  const setTo = (q: number) => change(() => setCartQuantityAction({ brand, line, quantity: q }));

  return (
    <div className="mt-2">
      <div className="flex items-center gap-3">
        <div className="flex items-center rounded border border-line" role="group" aria-label={labels.quantity} aria-busy={pending}>
          <button type="button" onClick={() => setTo(quantity - 1)} disabled={pending || quantity <= 1} aria-label={labels.decrease} className="h-8 w-8 text-base disabled:text-gray-300">
            −
          </button>
          <span className="w-8 text-center text-sm tabular-nums" data-testid="line-quantity" aria-live="polite">{quantity}</span>
          <button type="button" onClick={() => setTo(quantity + 1)} disabled={pending || quantity >= max} aria-label={labels.increase} className="h-8 w-8 text-base disabled:text-gray-300">
            +
          </button>
        </div>
        <button type="button" onClick={() => change(() => removeCartLineAction({ brand, line }))} disabled={pending} className="text-xs text-muted underline" data-testid="remove-line">
          {labels.remove}
        </button>
      </div>
      {message ? <p role="alert" className="mt-1 text-xs text-warn">{message}</p> : null}
    </div>
  );
}
