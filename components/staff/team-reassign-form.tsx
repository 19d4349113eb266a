"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { fill, type StoreActionResult } from "./store-action-result";

export type TeamReassignLabels = { title: string; hint: string; from: string; to: string; choose: string; submit: string; working: string; done: string; none: string };
type Guide = { staffId: string; name: string; active: boolean; openCustomers: number; leftLabel?: string };

/**
 * From guide → to guide, then one big button. Only active guides can take over (the domain refuses anyone
 * else too); a guide with no customers stays choosable, and the answer says there was nothing to move.
 */
export function TeamReassignForm({ guides, labels, reassign }: { guides: Guide[]; labels: TeamReassignLabels; reassign(input: { fromGuideId: string; toGuideId: string }): Promise<StoreActionResult<{ moved: number }>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const select = "mt-1 h-14 w-full rounded-xl border border-gray-300 bg-white px-3 text-base";
  return (
    <section aria-labelledby="team-reassign" className="p-4">
      <h2 id="team-reassign" className="text-base font-semibold">{labels.title}</h2>
      <p className="mb-3 text-xs text-gray-500">{labels.hint}</p>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            setMessage(null);
            const result = await reassign({ fromGuideId: from, toGuideId: to });
            if (!result.ok) return setMessage({ ok: false, text: result.message });
            setMessage({ ok: true, text: result.moved ? fill(labels.done, { count: result.moved }) : labels.none });
            router.refresh();
          });
        }}
      >
        <label className="block text-sm">
          {labels.from}
          <select name="fromGuideId" value={from} onChange={(e) => setFrom(e.target.value)} className={select} data-testid="reassign-from">
            <option value="">{labels.choose}</option>
            {guides.map((g) => (
              <option key={g.staffId} value={g.staffId}>
                {g.name}（{g.openCustomers}）{g.leftLabel ? ` · ${g.leftLabel}` : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {labels.to}
          <select name="toGuideId" value={to} onChange={(e) => setTo(e.target.value)} className={select} data-testid="reassign-to">
            <option value="">{labels.choose}</option>
            {guides.filter((g) => g.active && g.staffId !== from).map((g) => (
              <option key={g.staffId} value={g.staffId}>{g.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending || !from || !to} className="h-14 w-full rounded-full bg-black text-base font-medium text-white disabled:opacity-50">
          {pending ? labels.working : labels.submit}
        </button>
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={`rounded px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`} data-testid="reassign-result">
            {message.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
