"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { AdminActionResult } from "@/components/admin/admin-action-result";
import { buttonClass, fieldClass, FormStatus } from "@/components/admin/form-status";

// The DM builder's client forms (app/[locale]/admin/dm/[id]): each calls one server action, shows the server's
// answer (saved, or the refusal in its words) and refreshes the page so every section shows the stored state.

type Labels = Record<string, string>;
type Call<I, T extends object = object> = (input: I) => Promise<AdminActionResult<T>>;

function useCall(savedText: string) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  function call<T extends object>(act: () => Promise<AdminActionResult<T>>, after?: (r: { ok: true } & T) => void) {
    start(async () => {
      setStatus(null);
      // A refused request (network down, an upload over the server's body limit) answers like a refusal.
      const result = await act().catch((): AdminActionResult<T> => ({ ok: false, message: "操作失败，请重试 / Something went wrong, please retry" }));
      setStatus(result.ok ? { ok: true, text: savedText } : { ok: false, text: result.message });
      if (result.ok) {
        after?.(result);
        router.refresh();
      }
    });
  }
  return { pending, status, call };
}

const smallButton = "rounded-md border border-gray-300 px-2 py-1 text-xs disabled:opacity-40";
const sectionClass = "rounded-xl border border-gray-200 p-4";

export function DmDetailsForm({ brandId, id, initial, labels, save }: { brandId: string; id: string; initial: { title: string; note: string }; labels: Labels; save: Call<{ brandId: string; id: string; title: string; note: string }> }) {
  const [values, setValues] = useState(initial);
  const { pending, status, call } = useCall(labels.saved!);
  return (
    <section className={sectionClass} aria-labelledby="dm-details">
      <h2 id="dm-details" className="mb-3 font-semibold">{labels.details}</h2>
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); call(() => save({ brandId, id, ...values })); }}>
        <label className="block text-sm">{labels.fieldTitle}<input name="title" value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} className={fieldClass} data-testid="dm-field-title" /></label>
        <label className="block text-sm">{labels.fieldNote}<textarea name="note" rows={3} value={values.note} onChange={(e) => setValues({ ...values, note: e.target.value })} className={`${fieldClass} h-auto py-2`} /></label>
        <button type="submit" disabled={pending} className={buttonClass}>{labels.save}</button>
        <FormStatus status={status} testId="dm-details-status" />
      </form>
    </section>
  );
}

export function DmCoverForm({ brandId, id, coverUrl, labels, upload }: { brandId: string; id: string; coverUrl: string; labels: Labels; upload: (form: FormData) => Promise<AdminActionResult<{ coverUrl: string }>> }) {
  const { pending, status, call } = useCall(labels.saved!);
  return (
    <section className={sectionClass} aria-labelledby="dm-cover">
      <h2 id="dm-cover" className="mb-3 font-semibold">{labels.cover}</h2>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      {coverUrl ? <img src={coverUrl} alt="" className="mb-3 aspect-video w-full max-w-sm rounded-lg object-cover" data-testid="dm-cover-image" /> : <p className="mb-3 text-sm text-gray-500">{labels.noCover}</p>}
      <form className="space-y-2" onSubmit={(e) => { e.preventDefault(); const form = new FormData(e.currentTarget); call(() => upload(form)); }}>
        <input type="hidden" name="brandId" value={brandId} />
        <input type="hidden" name="id" value={id} />
        <input type="file" name="cover" accept="image/jpeg,image/png,image/webp" aria-label={labels.cover} className="block text-sm" data-testid="dm-cover-file" />
        <p className="text-xs text-gray-500">{labels.coverHint}</p>
        <button type="submit" disabled={pending} className={buttonClass}>{labels.upload}</button>
        <FormStatus status={status} testId="dm-cover-status" />
      </form>
    </section>
  );
}

export type BuilderItem = { itemId: string; styleCode: string; name: string; priceText: string; note: string; onSale: boolean };
export type PickedProduct = { id: string; styleCode: string; name: string; priceFen: number };

export function DmItemsEditor({
  brandId,
  id,
  items,
  labels,
  change,
  search,
  add,
}: {
  brandId: string;
  id: string;
  items: BuilderItem[];
  labels: Labels;
  change: Call<{ brandId: string; id: string; itemId: string; op: "up" | "down" | "remove" | "note"; note?: string }>;
  search: Call<{ brandId: string; q: string }, { products: PickedProduct[] }>;
  add: Call<{ brandId: string; id: string; productId: string }>;
}) {
  const { pending, status, call } = useCall(labels.saved!);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [q, setQ] = useState("");
  const [found, setFound] = useState<PickedProduct[] | null>(null);
  const inCatalog = new Set(items.map((i) => i.styleCode));
  return (
    <section className={sectionClass} aria-labelledby="dm-items">
      <h2 id="dm-items" className="mb-3 font-semibold">{labels.items} ({items.length})</h2>
      {items.length === 0 ? <p className="text-sm text-gray-500">{labels.noItems}</p> : null}
      <ol className="space-y-2" data-testid="dm-builder-items">
        {items.map((item, i) => (
          <li key={item.itemId} className="rounded-lg border border-gray-100 p-2" data-testid="dm-builder-item" data-style={item.styleCode}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="w-6 text-gray-500 tabular-nums">{i + 1}.</span>
              <span className="font-mono text-xs">{item.styleCode}</span>
              <span className="min-w-0 flex-1 truncate">{item.name}</span>
              <span className="tabular-nums">{item.priceText}</span>
              {item.onSale ? null : <span className="rounded bg-red-50 px-1 text-xs text-red-700">{labels.offSale}</span>}
              <button type="button" disabled={pending || i === 0} onClick={() => call(() => change({ brandId, id, itemId: item.itemId, op: "up" }))} className={smallButton} aria-label={`${labels.up} ${item.styleCode}`}>↑ {labels.up}</button>
              <button type="button" disabled={pending || i === items.length - 1} onClick={() => call(() => change({ brandId, id, itemId: item.itemId, op: "down" }))} className={smallButton} aria-label={`${labels.down} ${item.styleCode}`}>↓ {labels.down}</button>
              <button type="button" disabled={pending} onClick={() => call(() => change({ brandId, id, itemId: item.itemId, op: "remove" }))} className={smallButton} aria-label={`${labels.remove} ${item.styleCode}`}>{labels.remove}</button>
            </div>
            <form className="mt-2 flex gap-2" onSubmit={(e) => { e.preventDefault(); call(() => change({ brandId, id, itemId: item.itemId, op: "note", note: notes[item.itemId] ?? item.note })); }}>
              <input value={notes[item.itemId] ?? item.note} onChange={(e) => setNotes({ ...notes, [item.itemId]: e.target.value })} placeholder={labels.itemNote} aria-label={`${labels.itemNote} ${item.styleCode}`} className="h-9 flex-1 rounded-md border border-gray-300 px-2 text-sm" />
              <button type="submit" disabled={pending} className={smallButton}>{labels.save}</button>
            </form>
          </li>
        ))}
      </ol>
      <form className="mt-4 flex gap-2" role="search" onSubmit={(e) => { e.preventDefault(); call(() => search({ brandId, q }), (r) => setFound(r.products)); }}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={labels.pick} aria-label={labels.pick} className="h-10 flex-1 rounded-md border border-gray-300 px-3 text-sm" data-testid="dm-product-search" />
        <button type="submit" disabled={pending} className={buttonClass}>{labels.find}</button>
      </form>
      {found !== null ? (
        found.length === 0 ? <p className="mt-2 text-sm text-gray-500">{labels.noResults}</p> : (
          <ul className="mt-2 divide-y divide-gray-100 rounded-lg border border-gray-100" data-testid="dm-product-results">
            {found.map((p) => (
              <li key={p.id} className="flex items-center gap-2 px-2 py-1.5 text-sm">
                <span className="font-mono text-xs">{p.styleCode}</span>
                <span className="min-w-0 flex-1 truncate">{p.name}</span>
                <button type="button" disabled={pending || inCatalog.has(p.styleCode)} onClick={() => call(() => add({ brandId, id, productId: p.id }))} className={smallButton} aria-label={`${labels.add} ${p.styleCode}`}>{labels.add}</button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="mt-2"><FormStatus status={status} testId="dm-items-status" /></div>
    </section>
  );
}

const TIERS = ["NORMAL", "VIP", "SVIP"] as const;

export function DmAudienceForm({
  brandId,
  id,
  initial,
  labels,
  tierLabels,
  save,
}: {
  brandId: string;
  id: string;
  initial: { tiers: string[]; tags: string; members: string; stores: string };
  labels: Labels;
  tierLabels: Record<string, string>;
  save: Call<{ brandId: string; id: string; tiers: string[]; tags: string; members: string; stores: string }, { rules: number }>;
}) {
  const [values, setValues] = useState(initial);
  const { pending, status, call } = useCall(labels.saved!);
  return (
    <section className={sectionClass} aria-labelledby="dm-audience">
      <h2 id="dm-audience" className="font-semibold">{labels.audience}</h2>
      <p className="mb-3 text-xs text-gray-500">{labels.audienceHint}</p>
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); call(() => save({ brandId, id, ...values })); }}>
        <fieldset>
          <legend className="text-sm">{labels.tiers}</legend>
          <div className="mt-1 flex gap-4">
            {TIERS.map((tier) => (
              <label key={tier} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={values.tiers.includes(tier)} onChange={(e) => setValues({ ...values, tiers: e.target.checked ? [...values.tiers, tier] : values.tiers.filter((x) => x !== tier) })} data-testid={`dm-tier-${tier}`} />
                {tierLabels[tier]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm">{labels.tags}<input value={values.tags} onChange={(e) => setValues({ ...values, tags: e.target.value })} className={fieldClass} data-testid="dm-tags" /></label>
        <label className="block text-sm">{labels.members}<textarea rows={3} value={values.members} onChange={(e) => setValues({ ...values, members: e.target.value })} className={`${fieldClass} h-auto py-2`} data-testid="dm-members" /></label>
        <label className="block text-sm">{labels.stores}<input value={values.stores} onChange={(e) => setValues({ ...values, stores: e.target.value })} className={fieldClass} data-testid="dm-stores" /></label>
        <button type="submit" disabled={pending} className={buttonClass} data-testid="dm-audience-save">{labels.save}</button>
        <FormStatus status={status} testId="dm-audience-status" />
      </form>
    </section>
  );
}

export function DmWindowForm({ brandId, id, initial, labels, save }: { brandId: string; id: string; initial: { startsAt: string; endsAt: string }; labels: Labels; save: Call<{ brandId: string; id: string; startsAt: string; endsAt: string }> }) {
  const [values, setValues] = useState(initial);
  const { pending, status, call } = useCall(labels.saved!);
  return (
    <section className={sectionClass} aria-labelledby="dm-window">
      <h2 id="dm-window" className="font-semibold">{labels.window}</h2>
      <p className="mb-3 text-xs text-gray-500">{labels.windowHint}</p>
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); call(() => save({ brandId, id, ...values })); }}>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">{labels.startsAt}<input type="datetime-local" value={values.startsAt} onChange={(e) => setValues({ ...values, startsAt: e.target.value })} className={fieldClass} data-testid="dm-starts" /></label>
          <label className="block text-sm">{labels.endsAt}<input type="datetime-local" value={values.endsAt} onChange={(e) => setValues({ ...values, endsAt: e.target.value })} className={fieldClass} data-testid="dm-ends" /></label>
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>{labels.save}</button>
        <FormStatus status={status} testId="dm-window-status" />
      </form>
    </section>
  );
}

export function DmPublishBar({ brandId, id, published, labels, save }: { brandId: string; id: string; published: boolean; labels: Labels; save: Call<{ brandId: string; id: string; publish: boolean }> }) {
  const { pending, status, call } = useCall(published ? labels.unpublished! : labels.published!);
  return (
    <section className={sectionClass} aria-labelledby="dm-publishing">
      <h2 id="dm-publishing" className="mb-3 font-semibold">{labels.publishing}</h2>
      <button type="button" disabled={pending} onClick={() => call(() => save({ brandId, id, publish: !published }))} className={buttonClass} data-testid={published ? "dm-unpublish" : "dm-publish"}>
        {published ? labels.unpublish : labels.publish}
      </button>
      <div className="mt-2"><FormStatus status={status} testId="dm-publish-status" /></div>
    </section>
  );
}
