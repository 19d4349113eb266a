"use client";

import { useState } from "react";

/** Copies the share link; where the clipboard is refused (some in-app browsers) the link stays selectable. */
export function ReferralCopy({ url, labels }: { url: string; labels: { copy: string; copied: string; failed: string } }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="mt-2">
      <p className="select-all break-all rounded-lg bg-gray-50 px-3 py-2 font-mono text-sm" data-testid="referral-link">{url}</p>
      <button type="button" onClick={copy} className="mt-2 w-full rounded-full bg-brand py-2.5 text-sm font-medium text-white" data-testid="referral-copy">
        {state === "copied" ? labels.copied : labels.copy}
      </button>
      {state === "failed" ? <p className="mt-1 text-xs text-muted" role="status">{labels.failed}</p> : null}
    </div>
  );
}
