import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import type { RawSearchParams } from "@/lib/admin/list-params";
import { brandParam } from "@/lib/admin/filters";
import { brandOrderDetail } from "@/lib/orders/admin-queries";
import { orderNumberPattern } from "@/lib/orders/number";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { staffDisplayNames } from "@/lib/staff/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { consoleTime } from "@/components/admin/people/filter-bar";

export const metadata: Metadata = { title: "订单详情 · Order", robots: { index: false } };

type Props = { params: Promise<{ locale: string; number: string }>; searchParams: Promise<RawSearchParams> };

/** One order of the brand: lines, payments, refunds and the timeline of its status changes. */
export default async function OrderDetailPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole(`/admin/orders/${encodeURIComponent(number)}`, raw.brand);
  const order = orderNumberPattern.test(number) ? await brandOrderDetail(c.brand.id, number) : null;
  if (!order) notFound();
  const [t, names] = await Promise.all([getTranslations("adminStock"), staffDisplayNames([...order.events.map((e) => e.actor), ...order.refunds.map((r) => r.actor)])]);
  const brand = brandParam(raw);
  const when = consoleTime(locale);
  const th = "px-3 py-2 font-medium";
  const td = "px-3 py-2";
  return (
    <ConsoleShell console={c} section="orders" title={t("orders.title")}>
      <Link href={`/admin/orders${brand ? `?brand=${brand}` : ""}`} className="text-sm text-gray-600 underline">{t("back")}</Link>
      <h2 className="mt-3 font-mono text-lg font-semibold" data-testid="order-number">{order.number}</h2>
      <dl className="my-3 grid max-w-4xl grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
        <dt className="text-gray-500">{t("orders.status")}</dt>
        <dd data-testid="order-status">{t(`orderStatus.${order.status}`)}</dd>
        <dt className="text-gray-500">{t("orders.fulfilment")}</dt>
        <dd>{t(`fulfilment.${order.fulfilment}`)} · {order.paymentMethod}</dd>
        <dt className="text-gray-500">{t("orders.store")}</dt>
        <dd>{order.store ? `${order.store.code} ${order.store.name}` : "—"}</dd>
        <dt className="text-gray-500">{t("orders.member")}</dt>
        <dd className="font-mono">{order.member.phone ?? "—"} {order.contactName}</dd>
        <dt className="text-gray-500">{t("orders.guide")}</dt>
        <dd>{order.guide ? `${order.guide.name} (${order.guide.username})` : "—"}</dd>
        <dt className="text-gray-500">{t("orders.total")}</dt>
        <dd className="tabular-nums">{formatYuan(order.totalFen)} ({t("orders.items")} {formatYuan(order.itemsFen)} + {t("orders.delivery")} {formatYuan(order.deliveryFen)})</dd>
        <dt className="text-gray-500">{t("orders.refunded")}</dt>
        <dd className="tabular-nums">{formatYuan(order.refundedFen)}</dd>
        <dt className="text-gray-500">{t("orders.createdAt")}</dt>
        <dd>{when(order.createdAt)}</dd>
        {order.address ? (
          <>
            <dt className="text-gray-500">{t("orders.address")}</dt>
            <dd className="col-span-3">{order.address}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="mb-2 mt-6 text-sm font-semibold">{t("orders.lines")}</h3>
      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className="w-full text-left text-sm" data-testid="order-lines">
          <thead className="bg-gray-50 text-xs text-gray-600">
            <tr>
              <th className={th}>{t("inventory.style")}</th>
              <th className={th}>{t("inventory.gtin")}</th>
              <th className={th}>{t("inventory.variant")}</th>
              <th className={th}>{t("orders.lineStore")}</th>
              <th className={`${th} text-right`}>{t("orders.qty")}</th>
              <th className={`${th} text-right`}>{t("orders.sold")}</th>
              <th className={`${th} text-right`}>{t("orders.released")}</th>
              <th className={`${th} text-right`}>{t("orders.refundedQty")}</th>
              <th className={`${th} text-right`}>{t("orders.unitPrice")}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.id} className="border-t border-gray-100">
                <td className={td}>{l.styleCode} {l.productName}</td>
                <td className={`${td} font-mono`}>{l.sku.gtin}</td>
                <td className={td}>{l.colorName} / {l.size}</td>
                <td className={td}>{l.store.code}</td>
                <td className={`${td} text-right`}>{l.quantity}</td>
                <td className={`${td} text-right`}>{l.soldQty}</td>
                <td className={`${td} text-right`}>{l.releasedQty}</td>
                <td className={`${td} text-right`}>{l.refundedQty}</td>
                <td className={`${td} text-right tabular-nums`}>{formatYuan(l.unitPriceFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section>
          <h3 className="mb-2 text-sm font-semibold">{t("orders.payments")}</h3>
          {order.payments.length === 0 ? <p className="text-sm text-gray-500">—</p> : null}
          <ul className="space-y-1 text-sm" data-testid="order-payments">
            {order.payments.map((p) => (
              <li key={p.id}>
                <span className="font-mono">{p.outTradeNo}</span> · {p.provider} · {formatYuan(p.amountFen)} · {p.status} · {when(p.paidAt ?? p.createdAt)}
              </li>
            ))}
          </ul>
          <h3 className="mb-2 mt-4 text-sm font-semibold">{t("orders.refunds")}</h3>
          {order.refunds.length === 0 ? <p className="text-sm text-gray-500">—</p> : null}
          <ul className="space-y-1 text-sm" data-testid="order-refunds">
            {order.refunds.map((r) => (
              <li key={r.id}>
                <span className="font-mono">{r.outRefundNo}</span> · {formatYuan(r.amountFen)} · {t(`refundStatus.${r.status}`)} · {r.store.code} · {r.reason || "—"} · {names.get(r.actor) ?? r.actor} · {when(r.createdAt)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3 className="mb-2 text-sm font-semibold">{t("orders.timeline")}</h3>
          <ol className="space-y-2 border-l-2 border-gray-200 pl-4 text-sm" data-testid="order-events">
            {order.events.map((e) => (
              <li key={e.id}>
                <span className="text-gray-500">{when(e.createdAt)}</span> · {e.fromStatus ? `${t(`orderStatus.${e.fromStatus}`)} → ` : ""}
                <strong>{t(`orderStatus.${e.toStatus}`)}</strong> · {names.get(e.actor) ?? e.actor}
                {e.note ? <span className="text-gray-600"> · {e.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </ConsoleShell>
  );
}
