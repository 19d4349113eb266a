"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { StoreActionResult } from "./store-action-result";

/** One tap ends a try-on hold; the list refreshes without it. */
export function StoreHoldRelease({ holdId, labels, release }: { holdId: string; labels: { release: string; released: string; working: string }; release(input: { holdId: string }): Promise<StoreActionResult> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done) return <p className="py-3 text-center text-sm text-green-800" role="status">{labels.released}</p>;
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await release({ holdId });
            if (!result.ok) return setError(result.message);
            setDone(true);
            router.refresh();
          })
        }
        className="h-14 w-full rounded-full bg-black text-base font-medium text-white disabled:opacity-60"
      >
        {pending ? labels.working : labels.release}
      </button>
      {error ? <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">{error}</p> : null}
    </div>
  );
}
