import crypto from "node:crypto";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { prepareCheckout, type CheckoutView } from "@/lib/orders/checkout";
import { OrderRefused } from "@/lib/orders/errors";
import { loadCart } from "@/lib/cart/service";
import { memberContact } from "@/lib/members/identity";
import { formatYuan } from "@/lib/money";
import { CheckoutForm, type CheckoutLabels } from "@/components/shop/checkout-form";
import { EmptyState } from "@/components/ui/empty-state";

type Params = Promise<{ locale: string; brand: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Personal and different on every render (a fresh idempotency key each time).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "checkout" });
  return { title: t("title"), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const num = z.coerce.number().finite();
// The URL contract (product page "buy now", the bag): ?sku=&qty= | ?from=cart, plus where the shopper is.
// lat/lng are GCJ-02, as components/shop/use-position.ts hands them out.
const query = z.object({
  sku: z.string().min(1).max(40).optional(),
  qty: z.coerce.number().int().min(1).max(99).catch(1),
  from: z.literal("cart").optional().catch(undefined),
  lat: num.min(3).max(54).optional().catch(undefined),
  lng: num.min(73).max(136).optional().catch(undefined),
  store: z.string().regex(/^[A-Za-z0-9-]{1,16}$/).optional().catch(undefined),
  city: z.string().min(1).max(16).optional().catch(undefined),
  scene: z.string().regex(/^[a-z0-9]{4,12}$/).optional().catch(undefined),
  /** A link that already chose (e.g. "deliver it to me" in an arrival notice): preselected when available. */
  fulfilment: z.enum(["PICKUP", "DELIVERY"]).optional().catch(undefined),
});

export default async function CheckoutPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const raw = await searchParams;
  const here = `/${slug}/checkout?${new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (one(v) !== undefined ? [[k, one(v)!]] : []))).toString()}`;
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(here)}`);

  const t = await getTranslations("checkout");
  const q = query.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, one(v)])));
  const lines = q.from === "cart" ? (await loadCart({ memberId: principal.memberId }, brand)).checkoutLines : q.sku ? [{ skuId: q.sku, quantity: q.qty }] : [];
  if (!lines.length) return <EmptyState title={t("nothing")} body={t("nothingHint")} action={{ href: `/${slug}`, label: t("browse") }} />;

  const near = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : q.store ? { storeCode: q.store } : q.city ? { city: q.city } : undefined;
  let view: CheckoutView;
  try {
    view = await prepareCheckout(brand.id, { lines, near, sceneCode: q.scene });
  } catch (error) {
    if (!(error instanceof OrderRefused)) throw error;
    return <EmptyState title={t("cannotOrder")} body={error.message} action={{ href: `/${slug}`, label: t("browse") }} />;
  }
  const contact = await memberContact(principal.memberId);
  const en = locale === "en";
  const labels = Object.fromEntries(LABEL_KEYS.map((k) => [k, t.raw(k) as string])) as CheckoutLabels;
  // The query without the position parts, for the client to re-ask with a new position or city.
  const base = new URLSearchParams(Object.entries({ sku: q.sku, qty: q.sku ? String(q.qty) : undefined, from: q.from, scene: q.scene }).flatMap(([k, v]) => (v ? [[k, v]] : [])));

  return (
    <div className="pb-28">
      <h1 className="px-4 pt-4 text-lg font-semibold">{t("title")}</h1>
      <ul className="mt-3 divide-y divide-line border-y border-line" data-testid="checkout-items">
        {view.items.map((i) => (
          <li key={i.skuId} className="flex items-start justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="line-clamp-2">{en ? i.nameEn : i.name}</p>
              <p className="mt-1 text-xs text-muted">
                <span className="mr-1 inline-block h-2.5 w-2.5 rounded-full border border-black/10 align-middle" style={{ backgroundColor: i.colorHex }} aria-hidden="true" />
                {i.colorName} · {i.size} · ×{i.quantity}
              </p>
            </div>
            <span className="shrink-0 font-medium">{formatYuan(i.lineFen)}</span>
          </li>
        ))}
      </ul>
      <CheckoutForm
        brand={slug}
        idempotencyKey={crypto.randomUUID()}
        lines={lines}
        fromCart={q.from === "cart"}
        sceneCode={view.counter ? q.scene ?? null : null}
        view={{
          itemsFen: view.itemsFen,
          from: view.from,
          pickup: view.pickup,
          counter: view.counter,
          delivery: view.delivery,
          cities: view.cities,
          suggested: q.fulfilment === "DELIVERY" && view.delivery.available ? "DELIVERY" : q.fulfilment === "PICKUP" && view.pickup.length ? "PICKUP" : view.suggested,
        }}
        city={q.city ?? null}
        baseQuery={base.toString()}
        contactPhone={contact?.phone ?? ""}
        contactName={contact?.nickname ?? ""}
        labels={labels}
      />
    </div>
  );
}

const LABEL_KEYS = [
  "fulfilment", "pickup", "pickupHint", "delivery", "deliveryHint", "counter", "counterHint", "counterUnavailable", "pickupStore", "noPickupStore",
  "payment", "payOnline", "payOnlineHint", "payCashier", "payCashierHint", "contact", "contactName", "contactPhone", "address", "addressPlaceholder",
  "useLocation", "locating", "locationDenied", "orCity", "chooseCity", "locatedAt", "shipFrom", "shipWarehouse", "shipSplit", "noDelivery",
  "items", "deliveryFee", "free", "total", "placeOrder", "placing", "alternatives", "chooseStore", "distance", "failed", "cashierOnly",
] as const;
