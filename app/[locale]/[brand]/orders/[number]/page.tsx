import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { memberOrderDetail } from "@/lib/orders/queries";
import { OrderRefused } from "@/lib/orders/errors";
import { orderNumberPattern } from "@/lib/orders/number";
import { HOLDS_STOCK } from "@/lib/orders/state-machine";
import { formatYuan } from "@/lib/money";
import { tencentMapUrl, amapUrl } from "@/lib/stores/navigation";
import { OrderStatusChip } from "@/components/shop/order-status";
import { OrderPickupCode } from "@/components/shop/order-pickup-code";
import { OrderActionButton } from "@/components/shop/order-action-button";
import { cancelOrderAction, confirmReceivedAction } from "@/components/shop/order-actions";

type Params = Promise<{ locale: string; brand: string; number: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "orders" });
  return { title: t("detailTitle"), robots: { index: false } };
}

// One of the member's orders. Someone else's number gets the same not-found page as a number that never existed.
export default async function OrderPage({ params }: { params: Params }) {
  const { locale, brand: slug, number } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand || !orderNumberPattern.test(number)) notFound();
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/orders/${number}`)}`);
  const order = await memberOrderDetail(principal.memberId, number).catch((error) => {
    if (error instanceof OrderRefused && error.code === "not_found") return null;
    throw error;
  });
  if (!order || order.brandId !== brand.id) notFound();

  const t = await getTranslations("orders");
  const when = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
  const status = order.status;
  const minutesLeft = order.payBy ? Math.max(0, Math.ceil((order.payBy.getTime() - Date.now()) / 60_000)) : 0;
  const payable = status === "PLACED" && order.paymentMethod === "ONLINE" && minutesLeft > 0;
  const cancellable = HOLDS_STOCK.includes(status) && order.lines.every((l) => l.soldQty === 0);
  const shipFrom = [...new Map(order.lines.map((l) => [l.store.code, l.store.name])).values()];
  const store = order.store;
  const codeHint = status === "AWAITING_CASHIER" ? t("codeCashier", { mall: store?.mallName || store?.name || "" }) : status === "READY_FOR_PICKUP" ? t("codeReady") : t("codePaid");

  return (
    <div className="space-y-4 py-4">
      <header className="px-4">
        <div className="flex items-center justify-between">
          <h1 className="text-lg font-semibold">{t(`fulfilment.${order.fulfilment}`)}</h1>
          <OrderStatusChip status={status} label={t(`status.${status}`)} />
        </div>
        <p className="mt-1 text-xs text-muted">{t("number", { number: order.number })} · {when.format(order.createdAt)}</p>
        <p className="mt-2 text-sm" data-testid="status-hint">{t(`statusHint.${status}`)}</p>
      </header>

      {payable ? (
        <section className="mx-4 rounded-xl bg-amber-50 p-4">
          <p className="text-sm">{t("payLeft", { minutes: minutesLeft })}</p>
          <Link href={`/${slug}/pay/${order.number}`} className="mt-3 flex h-11 items-center justify-center rounded-full bg-brand text-sm font-medium text-white" data-testid="pay-now">
            {t("payNow", { amount: formatYuan(order.totalFen) })}
          </Link>
        </section>
      ) : null}

      {order.pickupCode ? (
        <section className="mx-4 rounded-xl border border-line p-4 text-center" data-testid="pickup-code">
          <p className="text-sm font-medium">{t("pickupCode")}</p>
          <OrderPickupCode code={order.pickupCode} />
          <p className="mt-2 text-xs text-muted">{codeHint}</p>
          {order.pickupExpiresAt ? <p className="mt-1 text-xs text-muted">{t("codeValidUntil", { time: when.format(order.pickupExpiresAt) })}</p> : null}
        </section>
      ) : null}

      {store ? (
        <section className="mx-4 rounded-xl border border-line p-4 text-sm" data-testid="order-store">
          <p className="text-xs text-muted">{order.fulfilment === "COUNTER" ? t("counterStore") : t("pickupStore")}</p>
          <p className="mt-1 font-medium">{store.mallName ? `${store.mallName} · ${store.name}` : store.name}</p>
          <p className="mt-0.5 text-xs text-muted">{store.address}</p>
          <p className="mt-2 flex gap-4 text-xs">
            <a className="text-brand underline" href={tencentMapUrl(store)}>{t("navTencent")}</a>
            <a className="text-brand underline" href={amapUrl(store)}>{t("navAmap")}</a>
            {store.phone ? <a className="text-brand underline" href={`tel:${store.phone}`}>{t("callStore")}</a> : null}
          </p>
        </section>
      ) : (
        <section className="mx-4 rounded-xl border border-line p-4 text-sm" data-testid="order-delivery">
          <p className="text-xs text-muted">{t("deliverTo")}</p>
          <p className="mt-1">{order.contactName} {order.contactPhone}</p>
          <p className="mt-0.5 text-xs text-muted">{order.address}</p>
          <p className="mt-2 text-xs" data-testid="ship-from">{t("shipsFrom", { stores: shipFrom.join("、") })}</p>
        </section>
      )}

      <section className="mx-4 rounded-xl border border-line p-4">
        <ul className="divide-y divide-line text-sm">
          {order.lines.map((l) => (
            <li key={l.id} className="flex justify-between gap-3 py-2">
              <span className="min-w-0">
                <span className="block truncate">{l.productName}</span>
                <span className="block text-xs text-muted">
                  {l.colorName} · {l.size} ×{l.quantity}
                  {l.refundedQty || l.releasedQty ? ` · ${t("lineReturned", { n: Math.max(l.refundedQty, l.releasedQty) })}` : ""}
                </span>
              </span>
              <span className="shrink-0">{formatYuan(l.unitPriceFen * l.quantity)}</span>
            </li>
          ))}
        </ul>
        <dl className="mt-2 space-y-1 border-t border-line pt-2 text-sm">
          <div className="flex justify-between"><dt className="text-muted">{t("items")}</dt><dd>{formatYuan(order.itemsFen)}</dd></div>
          {order.fulfilment === "DELIVERY" ? <div className="flex justify-between"><dt className="text-muted">{t("deliveryFee")}</dt><dd>{formatYuan(order.deliveryFen)}</dd></div> : null}
          <div className="flex justify-between font-semibold"><dt>{t("total")}</dt><dd data-testid="order-total">{formatYuan(order.totalFen)}</dd></div>
          {order.refundedFen ? <div className="flex justify-between text-ok"><dt>{t("refunded")}</dt><dd>{formatYuan(order.refundedFen)}</dd></div> : null}
          <div className="flex justify-between text-xs text-muted"><dt>{t("paymentMethod")}</dt><dd>{t(`payment.${order.paymentMethod}`)}</dd></div>
        </dl>
        {order.refunds.length ? (
          <ul className="mt-2 space-y-1 text-xs text-muted">
            {order.refunds.map((r, i) => <li key={i}>{when.format(r.createdAt)} · {formatYuan(r.amountFen)} · {t(`refundStatus.${r.status}`)} · {r.reason}</li>)}
          </ul>
        ) : null}
      </section>

      <section className="mx-4" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-sm font-semibold">{t("timeline")}</h2>
        <ol className="mt-2 space-y-2 border-l-2 border-line pl-4 text-sm" data-testid="order-timeline">
          {order.events.map((e, i) => (
            <li key={i} className="relative">
              <span className="absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full bg-brand" aria-hidden="true" />
              <span className="block">{e.fromStatus === e.toStatus && e.toStatus === "PAID" ? t("event.partShipped") : t(`event.${e.toStatus}`)}</span>
              <time className="block text-xs text-muted" dateTime={e.createdAt.toISOString()}>{when.format(e.createdAt)}</time>
            </li>
          ))}
        </ol>
      </section>

      <div className="space-y-2 px-4">
        {status === "SHIPPED" ? (
          <OrderActionButton action={confirmReceivedAction} fields={{ brand: slug, number: order.number }} label={t("received")} pendingLabel={t("working")} tone="primary" testId="confirm-received" />
        ) : null}
        {cancellable ? (
          <OrderActionButton action={cancelOrderAction} fields={{ brand: slug, number: order.number }} label={t("cancel")} pendingLabel={t("working")} confirm={t("cancelConfirm")} testId="cancel-order" />
        ) : null}
        <Link href={`/${slug}/orders`} className="block py-2 text-center text-sm text-muted underline">{t("allOrders")}</Link>
      </div>
    </div>
  );
}
