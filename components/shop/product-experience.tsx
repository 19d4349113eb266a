"use client";

import { useCallback, useEffect, useMemo, useState, useTransition } from "react";
import { usePosition } from "./use-position";
import { toggleFavouriteAction } from "./favourite-actions";
import { TryOnButton } from "./try-on-button";
import { BuyButtons, type BuyLabels } from "./buy-buttons";
import type { StoreAvailability } from "@/lib/inventory/availability";
import type { StockLevel } from "@/lib/inventory/levels";
import { isOpenAt } from "@/lib/stores/hours";
import { formatDistance } from "@/lib/stores/format";
import { amapUrl, tencentMapUrl } from "@/lib/stores/navigation";

// The product page's one client island: colour and size picker, favourite, and the nearby-stores stock grid.
// Everything else on the page is server-rendered and cached.

type Color = { code: string; name: string; hex: string; images: { url: string; alt: string }[] };
type Sku = { id: string; colorCode: string; size: string; soldOut: boolean };
type Labels = Record<
  | "color" | "size" | "soldOut" | "nearbyStock" | "nearbyStockHint" | "locate" | "locating" | "locationDenied"
  | "inStock" | "low" | "none" | "onlyInStock" | "noStoreHasIt" | "favourite" | "favourited" | "favouriteError"
  | "openNow" | "closed" | "navigate" | "fullGrid" | "loadFailed" | "pickSizeFirst" | "tencentMap" | "amap" | "fromStore",
  string
>;

type Anchor = { kind: "position" } | { kind: "store"; code: string } | { kind: "city"; city: string };

const LEVEL_STYLE: Record<StockLevel, string> = {
  in: "bg-ok text-white",
  low: "bg-amber-100 text-warn",
  none: "bg-gray-100 text-gray-400",
};

function readFavourites(): { b: string; p: string }[] {
  const raw = document.cookie.split("; ").find((c) => c.startsWith("mc_fav="))?.slice(7);
  if (!raw) return [];
  try {
    const payload = decodeURIComponent(raw).split(".")[0] ?? "";
    return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return [];
  }
}

export function ProductExperience(props: {
  brand: string;
  styleCode: string;
  colors: Color[];
  sizes: string[];
  skus: Sku[];
  cities: string[];
  labels: Labels;
  buyLabels: BuyLabels;
  /** Server-rendered name and price, shown between the gallery and the picker. */
  children?: React.ReactNode;
}) {
  const { brand, styleCode, colors, sizes, skus, labels } = props;
  const firstAvailable = colors.find((c) => skus.some((s) => s.colorCode === c.code && !s.soldOut)) ?? colors[0];
  const [color, setColor] = useState(firstAvailable?.code ?? "");
  const [size, setSize] = useState<string | null>(null);
  const [sceneStore, setSceneStore] = useState<string | null>(null);
  const [sceneCode, setSceneCode] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [stores, setStores] = useState<StoreAvailability[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [onlyInStock, setOnlyInStock] = useState(true);
  const [openStore, setOpenStore] = useState<string | null>(null);
  const [favourited, setFavourited] = useState(false);
  const [favMessage, setFavMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const position = usePosition();

  const skuOf = useCallback((c: string, z: string) => skus.find((s) => s.colorCode === c && s.size === z), [skus]);
  const current = colors.find((c) => c.code === color) ?? colors[0];
  const selectedSku = size ? skuOf(color, size) : undefined;

  // Deep links preselect colour/size (GTIN search) and carry the store a QR code was scanned in.
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const c = q.get("color");
    if (c && colors.some((x) => x.code === c)) setColor(c);
    const z = q.get("size");
    if (z && sizes.includes(z)) setSize(z);
    const st = q.get("store");
    if (st && /^[A-Za-z0-9-]{1,16}$/.test(st)) {
      setSceneStore(st);
      setAnchor({ kind: "store", code: st });
    }
    // The tag's scene code travels on to checkout: it proves which store's tag was scanned (counter orders).
    const sc = q.get("scene");
    if (sc && /^[a-z0-9]{4,12}$/.test(sc)) setSceneCode(sc);
    setFavourited(readFavourites().some((f) => f.b === brand && f.p === styleCode));
  }, [brand, styleCode, colors, sizes]);

  // Use a position the shopper already granted; otherwise wait for them to ask.
  useEffect(() => {
    if (position.point) setAnchor({ kind: "position" });
  }, [position.point]);
  useEffect(() => {
    navigator.permissions?.query({ name: "geolocation" }).then(
      (p) => {
        if (p.state === "granted") void position.request();
      },
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!anchor) return;
    const q = new URLSearchParams();
    if (anchor.kind === "position" && position.point) {
      q.set("lat", position.point.lat.toFixed(5));
      q.set("lng", position.point.lng.toFixed(5));
    } else if (anchor.kind === "store") q.set("store", anchor.code);
    else if (anchor.kind === "city") q.set("city", anchor.city);
    else return;
    const controller = new AbortController();
    setLoadError(false);
    fetch(`/api/shop/${brand}/products/${encodeURIComponent(styleCode)}/availability?${q}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data: { stores: StoreAvailability[] }) => setStores(data.stores))
      .catch((e) => e.name !== "AbortError" && setLoadError(true));
    return () => controller.abort();
  }, [anchor, position.point, brand, styleCode]);

  const colorSkus = useMemo(() => sizes.map((z) => skuOf(color, z)), [sizes, color, skuOf]);
  const visibleStores = useMemo(() => {
    if (!stores) return [];
    if (!onlyInStock) return stores;
    if (selectedSku) return stores.filter((s) => s.levels[selectedSku.id] !== "none");
    return stores.filter((s) => colorSkus.some((k) => k && s.levels[k.id] !== "none"));
  }, [stores, onlyInStock, selectedSku, colorSkus]);

  function favourite() {
    setFavMessage(null);
    const nearest = stores?.find((s) => (selectedSku ? s.levels[selectedSku.id] !== "none" : s.hasAny)) ?? stores?.[0];
    const storeCode = sceneStore ?? nearest?.code;
    startTransition(async () => {
      const result = await toggleFavouriteAction({
        brand,
        styleCode,
        colorCode: color,
        ...(size ? { size } : {}),
        ...(storeCode ? { storeCode } : {}),
      });
      if (result.ok) setFavourited(result.favourited);
      else setFavMessage(result.message || labels.favouriteError);
    });
  }

  const levelLabel = (l: StockLevel) => (l === "in" ? labels.inStock : l === "low" ? labels.low : labels.none);

  return (
    <>
      <div className="relative">
        <div className="no-scrollbar flex snap-x snap-mandatory overflow-x-auto bg-brand-soft" aria-label={current?.name}>
          {current?.images.map((img, i) => (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              key={img.url}
              src={img.url}
              alt={img.alt || current.name}
              width={600}
              height={800}
              fetchPriority={i === 0 ? "high" : "auto"}
              loading={i === 0 ? "eager" : "lazy"}
              className="aspect-[3/4] w-full shrink-0 snap-center object-cover"
            />
          ))}
        </div>
        <button
          type="button"
          onClick={favourite}
          disabled={pending}
          aria-pressed={favourited}
          aria-label={favourited ? labels.favourited : labels.favourite}
          data-testid="favourite-button"
          className="absolute right-3 top-3 flex h-11 w-11 items-center justify-center rounded-full bg-white/90 shadow"
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" className={favourited ? "text-brand" : "text-ink"}>
            <path d="M12 20s-7-4.35-7-10a4 4 0 0 1 7-2.65A4 4 0 0 1 19 10c0 5.65-7 10-7 10z" fill={favourited ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.6" />
          </svg>
        </button>
      </div>
      {favMessage ? <p role="alert" className="px-4 pt-2 text-xs text-warn">{favMessage}</p> : null}
      {props.children}

      <div className="px-4 pt-4">
        <fieldset>
          <legend className="text-sm">
            {labels.color}: <span className="font-medium">{current?.name}</span>
          </legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {colors.map((c) => (
              <button
                key={c.code}
                type="button"
                onClick={() => setColor(c.code)}
                aria-pressed={c.code === color}
                aria-label={c.name}
                title={c.name}
                className={`flex h-10 items-center gap-2 rounded-full border px-3 text-xs ${c.code === color ? "border-ink" : "border-line"}`}
              >
                <span className="h-5 w-5 rounded-full border border-black/10" style={{ backgroundColor: c.hex }} aria-hidden="true" />
                {c.name}
              </button>
            ))}
          </div>
        </fieldset>

        <fieldset className="mt-4">
          <legend className="text-sm">{labels.size}</legend>
          <div className="mt-2 grid grid-cols-5 gap-2 min-[400px]:grid-cols-6">
            {sizes.map((z) => {
              const sku = skuOf(color, z);
              const soldOut = !sku || sku.soldOut;
              return (
                <button
                  key={z}
                  type="button"
                  onClick={() => setSize(z === size ? null : z)}
                  aria-pressed={z === size}
                  aria-label={soldOut ? `${z} ${labels.soldOut}` : z}
                  disabled={!sku}
                  className={`h-10 rounded border text-sm ${z === size ? "border-ink bg-ink text-white" : "border-line"} ${soldOut ? "text-gray-400 line-through" : ""}`}
                >
                  {z}
                </button>
              );
            })}
          </div>
        </fieldset>

        <BuyButtons
          brand={brand}
          sku={selectedSku ? { id: selectedSku.id, soldOut: selectedSku.soldOut } : null}
          point={position.point}
          sceneStore={sceneStore}
          sceneCode={sceneCode}
          labels={props.buyLabels}
        />
      </div>

      <section aria-labelledby="nearby-title" className="mt-6 border-t-8 border-gray-50 px-4 pt-4" data-testid="nearby-stock">
        <h2 id="nearby-title" className="text-base font-semibold">{labels.nearbyStock}</h2>
        <p className="mt-0.5 text-xs text-muted">{labels.nearbyStockHint}</p>
        {sceneStore ? (
          <p className="mt-1 text-xs text-brand">
            {labels.fromStore.replace("{store}", stores?.find((s) => s.code === sceneStore)?.mallName || sceneStore)}
          </p>
        ) : null}

        {!stores && !loadError ? (
          anchor ? (
            <div className="mt-3 space-y-2" aria-busy="true">
              {[0, 1, 2].map((i) => <div key={i} className="skeleton h-12" />)}
            </div>
          ) : (
            <div className="mt-3">
              <button type="button" onClick={() => position.request()} className="w-full rounded-full bg-brand py-2.5 text-sm font-medium text-white">
                {position.state === "locating" ? labels.locating : labels.locate}
              </button>
              {position.state === "denied" || position.state === "unavailable" ? (
                <div role="alert" className="mt-3 text-xs text-muted">
                  <p>{labels.locationDenied}</p>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {props.cities.map((city) => (
                      <button key={city} type="button" onClick={() => setAnchor({ kind: "city", city })} className="rounded-full border border-line px-3 py-1.5 text-ink">
                        {city}
                      </button>
                    ))}
                  </div>
                </div>
              ) : null}
            </div>
          )
        ) : null}
        {loadError ? <p role="alert" className="mt-3 text-sm text-warn">{labels.loadFailed}</p> : null}

        {stores ? (
          <>
            <label className="mt-3 flex items-center gap-2 text-xs">
              <input type="checkbox" checked={onlyInStock} onChange={(e) => setOnlyInStock(e.target.checked)} className="accent-[var(--brand-primary)]" />
              {labels.onlyInStock}
            </label>
            {!selectedSku ? <p className="mt-1 text-xs text-muted">{labels.pickSizeFirst}</p> : null}
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-separate border-spacing-y-1 text-xs" data-testid="availability-grid">
                <thead>
                  <tr className="text-muted">
                    <th scope="col" className="text-left font-normal">{labels.nearbyStock}</th>
                    {sizes.map((z) => (
                      <th key={z} scope="col" className={`w-9 font-normal ${z === size ? "text-ink underline" : ""}`}>{z}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {visibleStores.map((s) => (
                    <StoreRow
                      key={s.code}
                      store={s}
                      sizes={sizes}
                      colors={colors}
                      colorSkus={colorSkus}
                      skuOf={skuOf}
                      selectedSize={size}
                      open={openStore === s.code}
                      onToggle={() => setOpenStore(openStore === s.code ? null : s.code)}
                      labels={labels}
                      levelLabel={levelLabel}
                      hold={selectedSku && s.levels[selectedSku.id] !== "none" ? <TryOnButton brand={brand} storeCode={s.code} skuId={selectedSku.id} /> : null}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            {visibleStores.length === 0 ? <p className="py-4 text-center text-sm text-muted" role="status">{labels.noStoreHasIt}</p> : null}
            <p className="mt-2 flex gap-3 text-[11px] text-muted" aria-hidden="true">
              <span><span className={`inline-block h-2.5 w-2.5 rounded-sm ${LEVEL_STYLE.in}`} /> {labels.inStock}</span>
              <span><span className={`inline-block h-2.5 w-2.5 rounded-sm ${LEVEL_STYLE.low}`} /> {labels.low}</span>
              <span><span className={`inline-block h-2.5 w-2.5 rounded-sm ${LEVEL_STYLE.none}`} /> {labels.none}</span>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}

function StoreRow({ store: s, sizes, colors, colorSkus, skuOf, selectedSize, open, onToggle, labels, levelLabel, hold }: {
  store: StoreAvailability;
  sizes: string[];
  colors: Color[];
  colorSkus: (Sku | undefined)[];
  skuOf: (c: string, z: string) => Sku | undefined;
  selectedSize: string | null;
  open: boolean;
  onToggle: () => void;
  labels: Labels;
  levelLabel: (l: StockLevel) => string;
  /** The try-on hold button for the chosen size, when this store has it. */
  hold?: React.ReactNode;
}) {
  const openNow = isOpenAt(s, new Date());
  return (
    <>
      <tr data-testid="store-row" data-store={s.code}>
        <th scope="row" className="max-w-40 pr-2 text-left font-normal">
          <button type="button" onClick={onToggle} aria-expanded={open} className="text-left">
            <span className="block truncate text-[13px] font-medium text-ink">{s.mallName || s.name}</span>
            <span className="block text-muted">
              {formatDistance(s.distanceM)} · <span className={openNow ? "text-ok" : ""}>{openNow ? labels.openNow : labels.closed}</span>
            </span>
          </button>
          {hold}
        </th>
        {colorSkus.map((sku, i) => {
          const level: StockLevel = sku ? s.levels[sku.id] ?? "none" : "none";
          return (
            <td key={sizes[i]} className="text-center">
              <span
                className={`inline-flex h-7 w-8 items-center justify-center rounded ${LEVEL_STYLE[level]} ${sizes[i] === selectedSize ? "ring-2 ring-ink" : ""}`}
                title={`${sizes[i]} ${levelLabel(level)}`}
                data-level={level}
              >
                <span className="sr-only">{`${sizes[i]} ${levelLabel(level)}`}</span>
                <span aria-hidden="true">{level === "in" ? "✓" : level === "low" ? "!" : "–"}</span>
              </span>
            </td>
          );
        })}
      </tr>
      {open ? (
        <tr>
          <td colSpan={sizes.length + 1} className="rounded bg-gray-50 p-2">
            <p className="text-[11px] text-muted">{s.address}</p>
            <p className="mt-1 text-[11px] font-medium">{labels.fullGrid}</p>
            <table className="mt-1 text-[11px]">
              <tbody>
                {colors.map((c) => (
                  <tr key={c.code}>
                    <th scope="row" className="pr-2 text-left font-normal">{c.name}</th>
                    {sizes.map((z) => {
                      const sku = skuOf(c.code, z);
                      const level: StockLevel = sku ? s.levels[sku.id] ?? "none" : "none";
                      return (
                        <td key={z} className="p-0.5">
                          <span className={`inline-flex h-6 w-8 items-center justify-center rounded ${LEVEL_STYLE[level]}`} title={`${c.name} ${z} ${levelLabel(level)}`}>
                            {z}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 flex gap-3">
              <a className="text-brand underline" href={tencentMapUrl(s)}>{labels.tencentMap}</a>
              <a className="text-brand underline" href={amapUrl(s)}>{labels.amap}</a>
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
