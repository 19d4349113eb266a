"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { fill, type StoreActionResult } from "./store-action-result";

export type DemandSource = { storeId: string; code: string; name: string; city: string; kind: string; sellable: number; distance: string };
export type DemandCustomer = { id: string; label: string };
export type DemandRequestLabels = {
  customer: string;
  noCustomer: string;
  note: string;
  sources: string;
  sellable: string;
  warehouse: string;
  request: string;
  requested: string;
  viewTransfers: string;
  working: string;
};

/**
 * The demand screen's last step: whom it is for (optional, the guide's own customers), then one tap on the
 * source store (nearest first). The domain checks the source's stock again and answers with its figures.
 */
export function DemandRequest(props: {
  skuId: string;
  quantity: number;
  sources: DemandSource[];
  customers: DemandCustomer[];
  labels: DemandRequestLabels;
  request(input: { skuId: string; quantity: number; fromStoreId: string; memberId?: string; note: string }): Promise<StoreActionResult<{ id: string }>>;
}) {
  const l = props.labels;
  const [memberId, setMemberId] = useState("");
  const [note, setNote] = useState("");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (done) {
    return (
      <div className="space-y-3 p-4" role="status" data-testid="demand-requested">
        <p className="rounded-2xl bg-green-50 p-4 text-base text-green-900">{fill(l.requested, { store: done })}</p>
        <Link href="/guide/transfers" className="flex h-14 items-center justify-center rounded-full bg-black text-base font-medium text-white">{l.viewTransfers}</Link>
      </div>
    );
  }
  return (
    <div className="space-y-4 p-4">
      {props.customers.length ? (
        <label className="block text-sm">
          <span className="text-gray-600">{l.customer}</span>
          <select value={memberId} onChange={(e) => setMemberId(e.target.value)} className="mt-1 h-12 w-full rounded-xl border border-gray-300 bg-white px-3 text-base" data-testid="demand-customer">
            <option value="">{l.noCustomer}</option>
            {props.customers.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="block text-sm">
        <span className="text-gray-600">{l.note}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} className="mt-1 h-12 w-full rounded-xl border border-gray-300 px-3 text-base" />
      </label>
      <h2 className="pt-2 text-sm font-semibold">{l.sources}</h2>
      {error ? <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert" data-testid="demand-error">{error}</p> : null}
      <ul className="space-y-3">
        {props.sources.map((s) => (
          <li key={s.storeId}>
            <button
              type="button"
              disabled={pending}
              data-testid="demand-source"
              data-store-code={s.code}
              onClick={() =>
                start(async () => {
                  setError(null);
                  const result = await props.request({ skuId: props.skuId, quantity: props.quantity, fromStoreId: s.storeId, ...(memberId ? { memberId } : {}), note });
                  if (!result.ok) return setError(result.message);
                  setDone(s.name);
                })
              }
              className="flex w-full items-center justify-between rounded-2xl border border-gray-200 px-4 py-3 text-left disabled:opacity-60"
            >
              <span>
                <span className="block text-base">{s.name}{s.kind === "WAREHOUSE" ? ` · ${l.warehouse}` : ""}</span>
                <span className="block text-sm text-gray-500">{s.city} · {s.distance} · {fill(l.sellable, { n: s.sellable })}</span>
              </span>
              <span className="shrink-0 rounded-full bg-black px-3 py-1.5 text-sm text-white">{pending ? l.working : l.request}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
