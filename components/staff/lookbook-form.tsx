"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

type Product = { id: string; styleCode: string; name: string; priceFen: number; imageUrl: string | null };
type Customer = { memberId: string; who: string };
type Result<T extends object> = ({ ok: true } & T) | { ok: false; message: string };

export type LookbookFormLabels = {
  title: string; titlePlaceholder: string; note: string; search: string; searchButton: string; noResults: string;
  add: string; added: string; remove: string; picked: string; itemNote: string; customers: string; noCustomers: string;
  send: string; sending: string;
};

const yuan = (fen: number) => `¥${fen % 100 === 0 ? fen / 100 : (fen / 100).toFixed(2)}`;

/**
 * The guide's lookbook form, one column for a phone held in one hand: title and note, products found by style
 * code or name (added with one tap, each with an optional note), the customers to send to, send.
 */
export function LookbookForm({
  customers,
  max,
  labels,
  search,
  create,
}: {
  customers: Customer[];
  max: number;
  labels: LookbookFormLabels;
  search(input: { q: string }): Promise<Result<{ products: Product[] }>>;
  create(input: { title: string; note: string; items: { productId: string; note: string }[]; recipients: string[] }): Promise<Result<{ id: string; sent: number }>>;
}) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [note, setNote] = useState("");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Product[] | null>(null);
  const [picked, setPicked] = useState<{ product: Product; note: string }[]>([]);
  const [recipients, setRecipients] = useState<string[]>(customers.length === 1 ? [customers[0]!.memberId] : []);
  const [error, setError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const [sending, startSend] = useTransition();

  function runSearch(e: React.FormEvent) {
    e.preventDefault();
    startSearch(async () => {
      setError(null);
      const r = await search({ q: query });
      if (!r.ok) return setError(r.message);
      setResults(r.products);
    });
  }

  function send() {
    startSend(async () => {
      setError(null);
      const r = await create({ title, note, items: picked.map((p) => ({ productId: p.product.id, note: p.note })), recipients });
      if (!r.ok) return setError(r.message);
      router.push(`/guide/lookbooks?sent=${r.sent}`);
    });
  }

  const isPicked = (id: string) => picked.some((p) => p.product.id === id);
  return (
    <div className="space-y-5 p-4">
      <label className="block">
        <span className="text-sm font-medium">{labels.title}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={40} placeholder={labels.titlePlaceholder} className="mt-1 h-12 w-full rounded-xl border border-gray-300 px-3 text-base" name="title" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{labels.note}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} className="mt-1 w-full rounded-xl border border-gray-300 px-3 py-2 text-base" name="note" />
      </label>

      <section>
        <form onSubmit={runSearch} className="flex gap-2" role="search">
          <input value={query} onChange={(e) => setQuery(e.target.value)} maxLength={40} placeholder={labels.search} aria-label={labels.search} className="h-12 min-w-0 flex-1 rounded-xl border border-gray-300 px-3 text-base" />
          <button type="submit" disabled={searching || !query.trim()} className="h-12 rounded-xl bg-gray-900 px-4 text-sm font-medium text-white disabled:opacity-50">{labels.searchButton}</button>
        </form>
        {results && results.length === 0 ? <p className="py-3 text-sm text-gray-500">{labels.noResults}</p> : null}
        {results && results.length > 0 ? (
          <ul className="mt-2 divide-y divide-gray-100 rounded-xl border border-gray-200" data-testid="lookbook-results">
            {results.map((p) => (
              <li key={p.id} className="flex items-center gap-3 p-2">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                {p.imageUrl ? <img src={p.imageUrl} alt="" width={40} height={53} className="h-[53px] w-10 rounded object-cover" /> : <span className="h-[53px] w-10" />}
                <span className="min-w-0 flex-1 text-sm">
                  <span className="block truncate">{p.name}</span>
                  <span className="text-xs text-gray-500">{p.styleCode} · {yuan(p.priceFen)}</span>
                </span>
                <button
                  type="button"
                  disabled={isPicked(p.id) || picked.length >= max}
                  onClick={() => setPicked((list) => [...list, { product: p, note: "" }])}
                  className="h-10 rounded-full border border-gray-900 px-4 text-sm disabled:border-gray-300 disabled:text-gray-400"
                  data-testid="lookbook-add"
                >
                  {isPicked(p.id) ? labels.added : labels.add}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section>
        <p className="text-sm font-medium" data-testid="lookbook-picked-count">{labels.picked.replace("{n}", String(picked.length)).replace("{max}", String(max))}</p>
        <ul className="mt-2 space-y-2">
          {picked.map((p, i) => (
            <li key={p.product.id} className="rounded-xl border border-gray-200 p-3" data-testid="lookbook-picked">
              <div className="flex items-center justify-between gap-2 text-sm">
                <span className="truncate">{p.product.name} <span className="text-xs text-gray-500">{p.product.styleCode}</span></span>
                <button type="button" onClick={() => setPicked((list) => list.filter((x) => x.product.id !== p.product.id))} className="shrink-0 text-sm text-red-700">{labels.remove}</button>
              </div>
              <input
                value={p.note}
                onChange={(e) => setPicked((list) => list.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))}
                maxLength={200}
                placeholder={labels.itemNote}
                aria-label={`${labels.itemNote} ${p.product.styleCode}`}
                className="mt-2 h-10 w-full rounded-lg border border-gray-300 px-3 text-sm"
              />
            </li>
          ))}
        </ul>
      </section>

      <fieldset>
        <legend className="text-sm font-medium">{labels.customers}</legend>
        {customers.length === 0 ? <p className="py-2 text-sm text-gray-500">{labels.noCustomers}</p> : null}
        <ul className="mt-2 space-y-1">
          {customers.map((c) => (
            <li key={c.memberId}>
              <label className="flex h-12 items-center gap-3 rounded-xl border border-gray-200 px-3 text-sm" data-testid="lookbook-customer">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={recipients.includes(c.memberId)}
                  onChange={(e) => setRecipients((list) => (e.target.checked ? [...list, c.memberId] : list.filter((m) => m !== c.memberId)))}
                />
                {c.who}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      {error ? <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">{error}</p> : null}
      <button type="button" onClick={send} disabled={sending || picked.length === 0 || recipients.length === 0 || !title.trim()} className="h-14 w-full rounded-full bg-black text-base font-medium text-white disabled:opacity-50" data-testid="lookbook-send">
        {sending ? labels.sending : labels.send}
      </button>
    </div>
  );
}
