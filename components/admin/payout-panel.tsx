"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { formatYuan } from "@/lib/money";
import type { AdminActionResult } from "./admin-action-result";
import { buttonClass, FormStatus } from "./form-status";

export type PayoutPanelLabels = { title: string; hint: string; create: string; working: string; nothing: string; created: string; download: string; type: string; name: string; amount: string; staff: string; member: string; total: string };
type Created = { payoutId: string | null; rows: { key: string; type: "staff" | "member"; name: string; amountFen: number }[] };

/** "Create payout" pays every positive settled balance at once; the new payout's lines and its CSV show right here. */
export function PayoutPanel({ brandId, labels, create }: { brandId: string; labels: PayoutPanelLabels; create(input: { brandId: string }): Promise<AdminActionResult<Created>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [created, setCreated] = useState<Created | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-labelledby="payouts" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="payouts" className="text-lg font-semibold">{labels.title}</h2>
      <p className="mb-4 text-xs text-gray-500">{labels.hint}</p>
      <button
        type="button"
        disabled={pending}
        className={buttonClass}
        data-testid="payout-create"
        onClick={() =>
          start(async () => {
            setStatus(null);
            const result = await create({ brandId });
            if (!result.ok) return setStatus({ ok: false, text: result.message });
            setCreated(result);
            setStatus({ ok: true, text: result.payoutId ? labels.created.replace("{id}", result.payoutId) : labels.nothing });
            router.refresh();
          })
        }
      >
        {pending ? labels.working : labels.create}
      </button>
      <div className="mt-3"><FormStatus status={status} testId="payout-status" /></div>
      {created?.payoutId ? (
        <div className="mt-4" data-testid="payout-created" data-payout-id={created.payoutId}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-gray-200 text-xs text-gray-500">
              <tr><th className="py-2">{labels.type}</th><th className="py-2">{labels.name}</th><th className="py-2 text-right">{labels.amount}</th></tr>
            </thead>
            <tbody>
              {created.rows.map((r) => (
                <tr key={r.key} className="border-b border-gray-100" data-testid="payout-row">
                  <td className="py-2">{r.type === "staff" ? labels.staff : labels.member}</td>
                  <td className="py-2">{r.name}</td>
                  <td className="py-2 text-right tabular-nums">{formatYuan(r.amountFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><td className="py-2 font-semibold" colSpan={2}>{labels.total}</td><td className="py-2 text-right font-semibold tabular-nums">{formatYuan(created.rows.reduce((a, r) => a + r.amountFen, 0))}</td></tr>
            </tfoot>
          </table>
          <a href={`/api/admin/payouts/${encodeURIComponent(created.payoutId)}`} download className="mt-3 inline-flex h-11 items-center rounded-lg border border-gray-300 px-4 text-sm font-medium" data-testid="payout-download">
            {labels.download}
          </a>
        </div>
      ) : null}
    </section>
  );
}
