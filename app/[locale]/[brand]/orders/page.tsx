import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { memberOrders } from "@/lib/orders/queries";
import { memberHolds } from "@/lib/holds/try-on";
import { formatYuan } from "@/lib/money";
import { OrderStatusChip } from "@/components/shop/order-status";
import { OrderActionButton } from "@/components/shop/order-action-button";
import { cancelHoldAction } from "@/components/shop/order-actions";
import { EmptyState } from "@/components/ui/empty-state";

type Params = Promise<{ locale: string; brand: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "orders" });
  return { title: t("title"), robots: { index: false } };
}

// The member's orders of this brand (newest first) and their try-on holds.
export default async function OrdersPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/orders`)}`);
  const [orders, holds, t] = await Promise.all([memberOrders(principal.memberId, brand.id), memberHolds(principal.memberId, brand.id), getTranslations("orders")]);
  const en = locale === "en";
  const when = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
  const until = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });

  return (
    <div className="py-4">
      <h1 className="px-4 text-lg font-semibold">{t("title")}</h1>
      {orders.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={{ href: `/${slug}`, label: t("browse") }} />
      ) : (
        <ul className="mt-3 space-y-3 px-4" data-testid="order-list">
          {orders.map((o) => (
            <li key={o.number}>
              <Link href={`/${slug}/orders/${o.number}`} className="block rounded-xl border border-line p-3" data-testid="order-item" data-number={o.number}>
                <div className="flex items-center justify-between text-xs text-muted">
                  <span>{t(`fulfilment.${o.fulfilment}`)} · {when.format(o.createdAt)}</span>
                  <OrderStatusChip status={o.status} label={t(`status.${o.status}`)} />
                </div>
                <ul className="mt-2 space-y-0.5 text-sm">
                  {o.lines.map((line, i) => (
                    <li key={i} className="truncate">{line.productName} <span className="text-xs text-muted">{line.colorName} · {line.size} ×{line.quantity}</span></li>
                  ))}
                </ul>
                <p className="mt-2 flex justify-between text-xs text-muted">
                  <span>{o._count.lines > o.lines.length ? t("moreLines", { n: o._count.lines - o.lines.length }) : o.store?.name ?? ""}</span>
                  <span className="text-sm font-semibold text-ink">{formatYuan(o.totalFen)}</span>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <section id="holds" aria-labelledby="holds-title" className="mt-8 border-t-8 border-gray-50 px-4 pt-4" data-testid="holds">
        <h2 id="holds-title" className="text-base font-semibold">{t("holdsTitle")}</h2>
        <p className="mt-0.5 text-xs text-muted">{t("holdsHint")}</p>
        {holds.length === 0 ? <p className="py-4 text-sm text-muted">{t("noHolds")}</p> : null}
        <ul className="mt-2 divide-y divide-line">
          {holds.map((h) => (
            <li key={h.id} className="py-3 text-sm" data-testid="hold-item" data-status={h.status}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate">{en ? h.sku.product.nameEn : h.sku.product.name}</p>
                  <p className="text-xs text-muted">{h.sku.colorName} · {h.sku.size} · {h.store.name}</p>
                  <p className="text-xs text-muted">{h.status === "ACTIVE" ? t("heldUntil", { time: until.format(h.expiresAt) }) : t(`holdStatus.${h.status}`)}</p>
                </div>
                {h.status === "ACTIVE" ? (
                  <div className="w-24 shrink-0">
                    <OrderActionButton action={cancelHoldAction} fields={{ brand: slug, holdId: h.id }} label={t("cancelHold")} pendingLabel={t("working")} testId="cancel-hold" />
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
