"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { usePosition, type GcjPoint } from "./use-position";
import { isOpenAt, formatHours } from "@/lib/stores/hours";
import { formatDistance } from "@/lib/stores/format";
import { amapUrl, tencentMapUrl } from "@/lib/stores/navigation";
import type { FinderStore } from "@/lib/stores/finder";

type Labels = Record<
  "useMyLocation" | "locating" | "locationDenied" | "locationUnavailable" | "chooseCity" | "nearest" | "openNow" | "closed"
  | "hours" | "nextDay" | "navigate" | "tencentMap" | "amap" | "wechatMap" | "call" | "pickToSee" | "loadFailed",
  string
>;

type WxLocation = { openLocation?: (o: { latitude: number; longitude: number; name: string; address: string; scale: number }) => void };

type Ask = { near: GcjPoint } | { city: string };

/**
 * Store finder: the stores nearest the phone's position (converted WGS-84 → GCJ-02), or, when the shopper refuses
 * or prefers, one city's stores. The list comes from /api/shop/<brand>/stores (a chain has 1,800 stores: the page
 * carries only the cities). Open/closed is computed here, at the shopper's "now".
 */
export function StoreLocator({ brand, cities, labels }: { brand: string; cities: string[]; labels: Labels }) {
  const position = usePosition();
  const [city, setCity] = useState<string | null>(null);
  const [list, setList] = useState<FinderStore[] | null>(null);
  const [failed, setFailed] = useState(false);
  const now = new Date();

  // A chosen city wins over the position; the position is used once it is known.
  const ask: Ask | null = city ? { city } : position.point ? { near: position.point } : null;
  const askKey = ask === null ? "" : "city" in ask ? `city=${encodeURIComponent(ask.city)}` : `lat=${ask.near.lat.toFixed(5)}&lng=${ask.near.lng.toFixed(5)}`;
  useEffect(() => {
    if (!askKey) return;
    const controller = new AbortController();
    setFailed(false);
    fetch(`/api/shop/${brand}/stores?${askKey}`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ stores: FinderStore[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((body) => setList(body.stores))
      .catch((error: unknown) => {
        if ((error as Error).name !== "AbortError") setFailed(true);
      });
    return () => controller.abort();
  }, [brand, askKey]);

  const refused = position.state === "denied" || position.state === "unavailable";

  function openInWechat(s: FinderStore) {
    const wx = (window as unknown as { wx?: WxLocation }).wx;
    wx?.openLocation?.({ latitude: s.lat, longitude: s.lng, name: s.name, address: s.address, scale: 16 });
  }
  // Inside WeChat with the JS-SDK configured, its own map sheet is the best way there; elsewhere the map apps' links.
  const [wechatMap, setWechatMap] = useState(false);
  useEffect(() => {
    const wx = (window as unknown as { wx?: WxLocation }).wx;
    setWechatMap(/MicroMessenger/i.test(navigator.userAgent) && typeof wx?.openLocation === "function");
  }, []);

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 px-4">
        <button
          type="button"
          onClick={() => {
            setCity(null);
            position.request();
          }}
          className="rounded-full bg-brand px-4 py-2 text-sm font-medium text-white"
          data-testid="use-location"
        >
          {position.state === "locating" ? labels.locating : labels.useMyLocation}
        </button>
      </div>
      {refused ? (
        <p role="alert" className="mx-4 mt-3 rounded bg-amber-50 px-3 py-2 text-xs text-warn">
          {position.state === "denied" ? labels.locationDenied : labels.locationUnavailable}
        </p>
      ) : null}
      <nav aria-label={labels.chooseCity} className="no-scrollbar mt-3 flex gap-2 overflow-x-auto px-4" data-testid="city-chooser">
        {cities.map((c) => (
          <button key={c} type="button" onClick={() => setCity(c)} aria-pressed={city === c} className={`shrink-0 rounded-full px-3 py-1.5 text-xs ${city === c ? "bg-ink text-white" : "bg-gray-100"}`}>
            {c}
          </button>
        ))}
      </nav>
      {failed ? (
        <p role="alert" className="mx-4 mt-3 rounded bg-amber-50 px-3 py-2 text-xs text-warn">{labels.loadFailed}</p>
      ) : list === null ? (
        <p className="px-4 py-6 text-center text-sm text-muted" data-testid="store-hint">{labels.pickToSee}</p>
      ) : null}
      <ul className="mt-3 divide-y divide-line" data-testid="store-list" aria-busy={ask !== null && list === null && !failed}>
        {(list ?? []).map((s, i) => {
          const open = isOpenAt(s, now);
          return (
            <li key={s.code} className="px-4 py-3" data-testid="store-item" data-store={s.code}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <Link href={`/${brand}/stores/${s.code}`} className="block text-sm font-medium">
                    {s.name}
                  </Link>
                  <p className="mt-0.5 text-xs text-muted">{s.mallName} · {s.address}</p>
                  <p className="mt-0.5 text-xs">
                    <span className={open ? "text-ok" : "text-muted"}>{open ? labels.openNow : labels.closed}</span>
                    <span className="text-muted"> · {labels.hours} {formatHours(s)}{s.closesAt > 1440 ? ` (${labels.nextDay})` : ""}</span>
                  </p>
                </div>
                {s.distanceM !== null ? (
                  <span className="shrink-0 text-right text-xs" data-testid="store-distance">
                    {i === 0 ? <span className="block text-brand">{labels.nearest}</span> : null}
                    {formatDistance(s.distanceM)}
                  </span>
                ) : null}
              </div>
              <div className="mt-2 flex flex-wrap gap-2 text-xs">
                {wechatMap ? (
                  <button type="button" onClick={() => openInWechat(s)} className="rounded-full border border-line px-3 py-1">{labels.wechatMap}</button>
                ) : null}
                <a href={tencentMapUrl(s)} className="rounded-full border border-line px-3 py-1">{labels.tencentMap}</a>
                <a href={amapUrl(s)} className="rounded-full border border-line px-3 py-1">{labels.amap}</a>
                {s.phone ? <a href={`tel:${s.phone}`} className="rounded-full border border-line px-3 py-1">{labels.call}</a> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
