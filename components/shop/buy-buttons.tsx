"use client";

import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { addToCartAction } from "./cart-actions";

// "Add to bag" and "Buy now" under the product page's size picker (part of the product island, so no new
// client dependencies). Buy now is a plain link to checkout so it works as one tap: it carries the SKU and
// everything the island knows about where the shopper is (position, the store whose tag was scanned, the
// scene code that proves it), so checkout can preselect the nearest pickup or the counter.

export type BuyLabels = Record<"addToBag" | "buyNow" | "added" | "viewBag" | "bagCount" | "pickSizeToBuy" | "sizeSoldOut", string>;

/** Pieces of this brand in the device's bag, from the cookie's readable payload (the signature is the server's business). */
function cookieCount(brand: string): number {
  const raw = document.cookie.split("; ").find((c) => c.startsWith("mc_cart="))?.slice(8);
  if (!raw) return 0;
  try {
    const payload = decodeURIComponent(raw).split(".")[0] ?? "";
    const lines = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { b: string; q: number }[];
    return lines.reduce((n, l) => n + (l.b === brand ? Number(l.q) || 0 : 0), 0);
  } catch {
    return 0;
  }
}

export function checkoutHref(brand: string, p: { skuId: string; point?: { lat: number; lng: number } | null; store?: string | null; scene?: string | null }): string {
  const q = new URLSearchParams({ sku: p.skuId, qty: "1" });
  if (p.point) {
    q.set("lat", p.point.lat.toFixed(5));
    q.set("lng", p.point.lng.toFixed(5));
  }
  if (p.store) q.set("store", p.store);
  if (p.scene) q.set("scene", p.scene);
  return `/${brand}/checkout?${q}`;
}

export function BuyButtons(props: {
  brand: string;
  /** The chosen colour and size's SKU; null until a size is chosen. */
  sku: { id: string; soldOut: boolean } | null;
  point: { lat: number; lng: number } | null;
  sceneStore: string | null;
  sceneCode: string | null;
  labels: BuyLabels;
}) {
  const { brand, sku, labels } = props;
  const [count, setCount] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => setCount(cookieCount(brand)), [brand]);
  useEffect(() => setMessage(null), [sku?.id]);

  const ready = sku !== null && !sku.soldOut;
  const hint = !sku ? labels.pickSizeToBuy : sku.soldOut ? labels.sizeSoldOut : null;

  function add() {
    if (!sku || !ready) return;
    setMessage(null);
    startTransition(async () => {
      const result = await addToCartAction({ brand, skuId: sku.id, quantity: 1 });
      if (result.ok) {
        setCount(result.count);
        setMessage({ ok: true, text: labels.added });
      } else setMessage({ ok: false, text: result.message });
    });
  }

  const button = "flex h-11 flex-1 items-center justify-center rounded-full text-sm font-medium";
  return (
    <div className="mt-4">
      <div className="flex items-center gap-2">
        <Link href={`/${brand}/cart`} className="relative flex h-11 w-11 shrink-0 items-center justify-center rounded-full border border-line" aria-label={labels.bagCount.replace("{count}", String(count))} data-testid="bag-link">
          <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
            <path d="M5 8h14l-1 12H6zM9 8V6a3 3 0 0 1 6 0v2" strokeLinejoin="round" />
          </svg>
          {count > 0 ? (
            <span className="absolute -right-1 -top-1 min-w-5 rounded-full bg-brand px-1 text-center text-[11px] leading-5 text-white" data-testid="bag-count">
              {count > 99 ? "99+" : count}
            </span>
          ) : null}
        </Link>
        <button
          type="button"
          onClick={add}
          disabled={!ready || pending}
          aria-describedby={hint ? "buy-hint" : undefined}
          className={`${button} border border-brand text-brand disabled:border-line disabled:text-gray-400`}
          data-testid="add-to-cart"
        >
          {labels.addToBag}
        </button>
        {ready ? (
          <a href={checkoutHref(brand, { skuId: sku.id, point: props.point, store: props.sceneStore, scene: props.sceneCode })} className={`${button} bg-brand text-white`} data-testid="buy-now">
            {labels.buyNow}
          </a>
        ) : (
          // Without an href a link cannot be followed: disabled until a size that can be bought is chosen.
          <a role="link" aria-disabled="true" aria-describedby="buy-hint" className={`${button} bg-gray-200 text-gray-400`} data-testid="buy-now">
            {labels.buyNow}
          </a>
        )}
      </div>
      {hint ? <p id="buy-hint" className="mt-1.5 text-xs text-muted">{hint}</p> : null}
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`mt-1.5 text-xs ${message.ok ? "text-ok" : "text-warn"}`} data-testid="add-to-cart-message">
          {message.text}
          {message.ok ? (
            <>
              {" · "}
              <Link href={`/${brand}/cart`} className="underline">{labels.viewBag}</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
