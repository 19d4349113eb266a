"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { AdminActionResult } from "@/components/admin/admin-action-result";

export type RevokeLabels = { button: string; confirm: string; yes: string; cancel: string };

/** Revoke with a confirmation step in place (no browser dialog): the key is refused from its next request. */
export function RevokeKeyButton({ brandId, id, labels, revoke }: { brandId: string; id: string; labels: RevokeLabels; revoke: (input: { brandId: string; id: string }) => Promise<AdminActionResult> }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!asking)
    return (
      <button type="button" className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700" onClick={() => setAsking(true)} data-testid="api-key-revoke">
        {labels.button}
      </button>
    );
  return (
    <div role="group" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-red-700">{labels.confirm}</span>
      <button
        type="button"
        disabled={pending}
        className="rounded-md bg-red-700 px-3 py-1 text-white disabled:opacity-50"
        onClick={() =>
          start(async () => {
            const result = await revoke({ brandId, id });
            if (!result.ok) return setError(result.message);
            setAsking(false);
            router.refresh();
          })
        }
        data-testid="api-key-revoke-confirm"
      >
        {labels.yes}
      </button>
      <button type="button" className="px-2 py-1 underline" onClick={() => setAsking(false)}>
        {labels.cancel}
      </button>
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </div>
  );
}
