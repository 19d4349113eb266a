"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { StoreActionResult } from "./store-action-result";

export type TransferButton = { step: "approve" | "refuse" | "ship" | "receive" | "cancel"; label: string };

/** The next steps of one transfer, as big buttons; the list refreshes after a step (or shows why not). */
export function TransferActions({ transferId, buttons, working, act }: { transferId: string; buttons: TransferButton[]; working: string; act(input: { transferId: string; step: TransferButton["step"] }): Promise<StoreActionResult> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!buttons.length) return null;
  return (
    <div className="mt-3 space-y-2">
      <div className="flex gap-2">
        {buttons.map((b, i) => (
          <button
            key={b.step}
            type="button"
            disabled={pending}
            data-testid={`transfer-${b.step}`}
            onClick={() =>
              start(async () => {
                setError(null);
                const result = await act({ transferId, step: b.step });
                if (!result.ok) return setError(result.message);
                router.refresh();
              })
            }
            className={`h-12 flex-1 rounded-full text-base font-medium disabled:opacity-60 ${i === 0 && b.step !== "refuse" && b.step !== "cancel" ? "bg-black text-white" : "border border-gray-300"}`}
          >
            {pending ? working : b.label}
          </button>
        ))}
      </div>
      {error ? <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">{error}</p> : null}
    </div>
  );
}
