"use client";

import { useActionState, useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { formatYuan } from "@/lib/money";
import { formatDistance } from "@/lib/stores/format";
import { usePosition } from "./use-position";
import { placeOrderAction, type CheckoutResult } from "./checkout-actions";

// The checkout page's one client island: fulfilment, store and payment choices, delivery details, and the
// "place order" button. Everything arrives preselected (nearest store, online payment; at a mall counter
// the mall's cashier), so a member coming from "buy now" places the order with one tap.

export type CheckoutLabels = Record<
  | "fulfilment" | "pickup" | "pickupHint" | "delivery" | "deliveryHint" | "counter" | "counterHint" | "counterUnavailable" | "pickupStore" | "noPickupStore"
  | "payment" | "payOnline" | "payOnlineHint" | "payCashier" | "payCashierHint" | "contact" | "contactName" | "contactPhone" | "address" | "addressPlaceholder"
  | "useLocation" | "locating" | "locationDenied" | "orCity" | "chooseCity" | "locatedAt" | "shipFrom" | "shipWarehouse" | "shipSplit" | "noDelivery"
  | "items" | "deliveryFee" | "free" | "total" | "placeOrder" | "placing" | "alternatives" | "chooseStore" | "distance" | "failed" | "cashierOnly",
  string
>;

type Fulfilment = "PICKUP" | "DELIVERY" | "COUNTER";
type Payment = "ONLINE" | "MALL_CASHIER";
type PickupStore = { id: string; code: string; name: string; city: string; address: string; mallName: string; distanceM: number | null };
type View = {
  itemsFen: number;
  from: { lat: number; lng: number } | null;
  pickup: PickupStore[];
  counter: { storeId: string; code: string; name: string; mallName: string; available: boolean } | null;
  delivery: { available: boolean; routeKind: string; shipFrom: { code: string; name: string; city: string; kind: string }[]; deliveryFen: number; freeFromFen: number };
  cities: string[];
  suggested: Fulfilment | null;
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

export function CheckoutForm(props: {
  brand: string;
  idempotencyKey: string;
  lines: { skuId: string; quantity: number }[];
  fromCart: boolean;
  sceneCode: string | null;
  view: View;
  city: string | null;
  baseQuery: string;
  contactPhone: string;
  contactName: string;
  labels: CheckoutLabels;
}) {
  const { view, labels: l } = props;
  const router = useRouter();
  const position = usePosition();
  const [fulfilment, setFulfilment] = useState<Fulfilment>(view.suggested ?? "PICKUP");
  const [storeId, setStoreId] = useState(view.pickup[0]?.id ?? "");
  const counterInMall = !!view.counter?.mallName;
  const [payment, setPayment] = useState<Payment>(view.suggested === "COUNTER" && counterInMall ? "MALL_CASHIER" : "ONLINE");
  const [result, action, pending] = useActionState<CheckoutResult, FormData>(placeOrderAction, null);
  // Only a position asked for here re-quotes: one remembered from another page must not override a scanned store.
  const [asked, setAsked] = useState(false);

  const store = view.pickup.find((s) => s.id === storeId);
  // Which payments this choice allows: at a mall counter only the mall's cashier; delivery only online.
  const payments: Payment[] =
    fulfilment === "COUNTER" ? (counterInMall ? ["MALL_CASHIER"] : ["ONLINE"])
    : fulfilment === "DELIVERY" ? ["ONLINE"]
    : store?.mallName ? ["ONLINE", "MALL_CASHIER"] : ["ONLINE"];
  const chosenPayment = payments.includes(payment) ? payment : payments[0]!;

  // Re-quote (stores, delivery route) from the new position or city: the server computes, the form keeps its choices.
  const requote = (extra: Record<string, string>) => {
    const q = new URLSearchParams(props.baseQuery);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    router.replace(`/${props.brand}/checkout?${q.toString()}`, { scroll: false });
  };
  useEffect(() => {
    if (!asked || position.state !== "ok" || !position.point) return;
    if (view.from && Math.abs(view.from.lat - position.point.lat) < 1e-4 && Math.abs(view.from.lng - position.point.lng) < 1e-4) return;
    requote({ lat: position.point.lat.toFixed(5), lng: position.point.lng.toFixed(5) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, position.state, position.point]);

  const deliveryFen = fulfilment === "DELIVERY" ? view.delivery.deliveryFen : 0;
  const canOrder =
    fulfilment === "PICKUP" ? !!store
    : fulfilment === "COUNTER" ? !!view.counter?.available && !!props.sceneCode
    : view.delivery.available;
  const option = (value: Fulfilment, label: string, hint: string, enabled: boolean) => (
    <label className={`flex items-start gap-3 rounded-lg border px-3 py-2.5 text-sm ${fulfilment === value ? "border-brand" : "border-line"} ${enabled ? "" : "opacity-50"}`}>
      <input type="radio" name="fulfilment" value={value} checked={fulfilment === value} disabled={!enabled} onChange={() => setFulfilment(value)} className="mt-0.5 accent-[var(--brand-primary)]" />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-xs text-muted">{hint}</span>
      </span>
    </label>
  );

  return (
    <form action={action} className="px-4" data-testid="checkout-form">
      <input type="hidden" name="brand" value={props.brand} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <input type="hidden" name="lines" value={JSON.stringify(props.lines)} />
      <input type="hidden" name="fromCart" value={props.fromCart ? "1" : "0"} />
      <input type="hidden" name="paymentMethod" value={chosenPayment} />
      {fulfilment === "PICKUP" ? <input type="hidden" name="storeId" value={storeId} /> : null}
      {fulfilment === "COUNTER" && props.sceneCode ? <input type="hidden" name="sceneCode" value={props.sceneCode} /> : null}
      {fulfilment === "DELIVERY" && view.from ? (
        <>
          <input type="hidden" name="lat" value={view.from.lat} />
          <input type="hidden" name="lng" value={view.from.lng} />
        </>
      ) : null}

      <fieldset className="mt-4 space-y-2">
        <legend className="mb-2 text-sm font-semibold">{l.fulfilment}</legend>
        {view.counter ? option("COUNTER", l.counter, view.counter.available ? fill(l.counterHint, { store: view.counter.mallName || view.counter.name }) : l.counterUnavailable, view.counter.available) : null}
        {option("PICKUP", l.pickup, l.pickupHint, view.pickup.length > 0)}
        {option("DELIVERY", l.delivery, view.delivery.available ? l.deliveryHint : l.noDelivery, view.delivery.available)}
      </fieldset>

      {fulfilment === "PICKUP" ? (
        <fieldset className="mt-5" data-testid="pickup-stores">
          <legend className="mb-2 text-sm font-semibold">{l.pickupStore}</legend>
          {view.pickup.length === 0 ? <p className="text-sm text-muted">{l.noPickupStore}</p> : null}
          <div className="space-y-2">
            {view.pickup.map((s) => (
              <label key={s.id} className={`flex items-start gap-3 rounded-lg border px-3 py-2.5 text-sm ${s.id === storeId ? "border-brand" : "border-line"}`} data-testid="pickup-store" data-store={s.code}>
                <input type="radio" name="pickupStore" value={s.id} checked={s.id === storeId} onChange={() => setStoreId(s.id)} className="mt-0.5 accent-[var(--brand-primary)]" />
                <span className="min-w-0">
                  <span className="block font-medium">{s.mallName ? `${s.mallName} · ${s.name}` : s.name}</span>
                  <span className="block truncate text-xs text-muted">
                    {s.distanceM !== null ? `${formatDistance(s.distanceM)} · ` : ""}
                    {s.city} {s.address}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      {fulfilment === "DELIVERY" ? (
        <fieldset className="mt-5 space-y-3" data-testid="delivery-details">
          <legend className="mb-2 text-sm font-semibold">{l.contact}</legend>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <button type="button" onClick={() => {
                setAsked(true);
                void position.request();
              }} className="rounded-full border border-brand px-3 py-1.5 text-brand">
              {position.state === "locating" ? l.locating : l.useLocation}
            </button>
            <span className="text-muted">{l.orCity}</span>
            <select aria-label={l.chooseCity} value={props.city ?? ""} onChange={(e) => e.target.value && requote({ city: e.target.value })} className="h-8 rounded border border-line px-2">
              <option value="">{l.chooseCity}</option>
              {view.cities.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
          {position.state === "denied" || position.state === "unavailable" ? <p role="alert" className="text-xs text-warn">{l.locationDenied}</p> : null}
          {view.from ? <p className="text-xs text-muted">{fill(l.locatedAt, { where: props.city ?? `${view.from.lat.toFixed(3)}, ${view.from.lng.toFixed(3)}` })}</p> : null}
          <label className="block text-sm">
            {l.address}
            <textarea name="address" required minLength={5} maxLength={200} rows={2} placeholder={l.addressPlaceholder} className="mt-1 w-full rounded-lg border border-line px-3 py-2 text-base" />
          </label>
          <label className="block text-sm">
            {l.contactName}
            <input name="contactName" defaultValue={props.contactName} maxLength={40} autoComplete="name" className="mt-1 h-11 w-full rounded-lg border border-line px-3 text-base" />
          </label>
          {view.delivery.available ? (
            <p className="text-xs text-muted" data-testid="ship-from">
              {view.delivery.routeKind === "warehouse" ? l.shipWarehouse : fill(view.delivery.shipFrom.length > 1 ? l.shipSplit : l.shipFrom, { stores: view.delivery.shipFrom.map((s) => s.name).join("、") })}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <label className="mt-5 block text-sm">
        <span className="font-semibold">{l.contactPhone}</span>
        <input name="contactPhone" type="tel" inputMode="tel" autoComplete="tel" defaultValue={props.contactPhone} required={fulfilment === "DELIVERY"} className="mt-1 h-11 w-full rounded-lg border border-line px-3 text-base" />
      </label>

      <fieldset className="mt-5 space-y-2">
        <legend className="mb-2 text-sm font-semibold">{l.payment}</legend>
        {payments.map((p) => (
          <label key={p} className={`flex items-start gap-3 rounded-lg border px-3 py-2.5 text-sm ${chosenPayment === p ? "border-brand" : "border-line"}`}>
            <input type="radio" name="paymentChoice" value={p} checked={chosenPayment === p} onChange={() => setPayment(p)} className="mt-0.5 accent-[var(--brand-primary)]" />
            <span>
              <span className="block font-medium">{p === "ONLINE" ? l.payOnline : l.payCashier}</span>
              <span className="block text-xs text-muted">
                {p === "ONLINE" ? l.payOnlineHint : fill(l.payCashierHint, { mall: (fulfilment === "COUNTER" ? view.counter?.mallName : store?.mallName) ?? "" })}
              </span>
            </span>
          </label>
        ))}
        {fulfilment === "COUNTER" && counterInMall ? <p className="text-xs text-muted">{l.cashierOnly}</p> : null}
      </fieldset>

      <dl className="mt-5 space-y-1 border-t border-line pt-3 text-sm">
        <div className="flex justify-between"><dt className="text-muted">{l.items}</dt><dd>{formatYuan(view.itemsFen)}</dd></div>
        {fulfilment === "DELIVERY" ? (
          <div className="flex justify-between"><dt className="text-muted">{l.deliveryFee}</dt><dd>{deliveryFen ? formatYuan(deliveryFen) : l.free}</dd></div>
        ) : null}
      </dl>

      {result ? (
        <div role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="checkout-error">
          <p>{result.message}</p>
          {result.signIn ? <Link className="mt-1 inline-block underline" href={`/${props.brand}/sign-in`}>{l.failed}</Link> : null}
          {result.alternatives?.some((a) => a.stores.length) ? (
            <div className="mt-2" data-testid="sold-out-alternatives">
              <p className="text-xs font-medium">{l.alternatives}</p>
              <ul className="mt-1 space-y-1">
                {result.alternatives.flatMap((a) => a.stores).map((s) => {
                  const q = new URLSearchParams(props.baseQuery);
                  q.set("store", s.code);
                  return (
                    <li key={s.code}>
                      <a href={`/${props.brand}/checkout?${q.toString()}`} className="text-brand underline" data-testid="alternative-store">
                        {fill(l.chooseStore, { store: s.name, city: s.city })}
                        {s.distanceM !== null ? ` · ${formatDistance(s.distanceM)}` : ""}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="safe-bottom fixed inset-x-0 bottom-0 z-50 border-t border-line bg-white">
        <div className="mx-auto flex max-w-screen-sm items-center justify-between gap-3 px-4 py-2.5">
          <p className="text-sm">
            {l.total} <strong className="text-lg text-brand" data-testid="checkout-total">{formatYuan(view.itemsFen + deliveryFen)}</strong>
          </p>
          <button type="submit" disabled={pending || !canOrder} className="h-11 rounded-full bg-brand px-8 text-sm font-medium text-white disabled:opacity-50" data-testid="place-order">
            {pending ? l.placing : l.placeOrder}
          </button>
        </div>
      </div>
    </form>
  );
}
