"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

export type DmHomeCard = { id: string; title: string; coverUrl: string; items: number };

/**
 * The home page's member catalogs: the page itself is cached for everyone (decision 006), so the signed-in
 * member's catalogs are asked for after it loads. Anonymous visitors, and members with none, get nothing at all.
 */
export function DmHomeIsland({ brand, title, allLabel, itemsLabel }: { brand: string; title: string; allLabel: string; itemsLabel: string }) {
  const [cards, setCards] = useState<DmHomeCard[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/shop/${brand}/dm`, { signal: controller.signal, cache: "no-store" })
      .then((res) => (res.ok ? res.json() : { catalogs: [] }))
      .then((body: { catalogs?: DmHomeCard[] }) => setCards(body.catalogs ?? []))
      .catch(() => {}); // offline or aborted: the section simply stays away
    return () => controller.abort();
  }, [brand]);
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="dm-title" className="mx-3 -mt-4 rounded-xl border border-line bg-white p-4 shadow-sm" data-testid="home-dm">
      <div className="flex items-baseline justify-between">
        <h2 id="dm-title" className="text-sm font-semibold">{title}</h2>
        <Link href={`/${brand}/dm`} className="text-xs text-muted">{allLabel} ›</Link>
      </div>
      <ul className="no-scrollbar mt-3 flex gap-3 overflow-x-auto">
        {cards.map((c) => (
          <li key={c.id} className="w-40 shrink-0">
            <Link href={`/${brand}/dm/${c.id}`} className="block" data-testid="home-dm-card">
              <div className="aspect-video overflow-hidden rounded-lg bg-brand-soft">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                {c.coverUrl ? <img src={c.coverUrl} alt="" width={160} height={90} className="h-full w-full object-cover" /> : null}
              </div>
              <p className="mt-1.5 line-clamp-2 text-sm">{c.title}</p>
              <p className="text-xs text-muted">{itemsLabel.replace("#", String(c.items))}</p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
