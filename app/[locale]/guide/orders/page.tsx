import type { Metadata } from "next";
import Link from "next/link";
import { setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { maskPhone } from "@/lib/auth/phone";
import { toLocale } from "@/lib/i18n/locales";
import { formatYuan } from "@/lib/money";
import { storeQueue, type StoreQueue } from "@/lib/orders/queries";
import { StaffHeader } from "@/components/staff/staff-header";
import { StoreNav } from "@/components/staff/store-nav";
import { OrderCard, type OrderCardView } from "@/components/staff/order-card";
import { OrderActions, type OrderActionLabels } from "@/components/staff/order-actions";
import { requireStoreStaffPage } from "./_shared/store-staff";
import { storeOpsMessages } from "./_shared/labels";
import { cancelAction, confirmReceiptAction, markReadyAction, shipAction } from "./actions";

export const metadata: Metadata = { title: "门店订单 · Store orders", robots: { index: false } };

const QUEUES = ["prepare", "ready", "cashier", "ship", "done"] as const satisfies readonly StoreQueue[];
const queueParam = z.enum(QUEUES).catch("prepare");
const RETURNABLE = ["COMPLETED", "PARTIALLY_REFUNDED"];

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ tab?: string | string[] }> };

export default async function StoreOrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const queue = queueParam.parse((await searchParams).tab);
  const { staff, profile } = await requireStoreStaffPage(queue === "prepare" ? "/guide/orders" : `/guide/orders?tab=${queue}`);
  const [{ orders, counts }, { t, nav, raw }] = await Promise.all([storeQueue(staff.storeId, queue), storeOpsMessages()]);
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const actionLabels = raw<OrderActionLabels>("actions");

  const view = (o: (typeof orders)[number]): OrderCardView => {
    const stores = new Set(o.lines.map((l) => l.storeId));
    return {
      number: o.number,
      placedAt: when.format(o.createdAt),
      status: t(`orders.status.${o.status}`),
      fulfilment: t(`orders.fulfilment.${o.fulfilment}`),
      member: o.member?.phone ? maskPhone(o.member.phone) : o.member?.nickname || "—",
      lines: o.lines.map((l) => ({
        id: l.id,
        name: l.productName,
        variant: `${l.colorName} / ${l.size}`,
        quantity: l.quantity,
        price: formatYuan(l.unitPriceFen * l.quantity),
        // Split deliveries: say which store sends each line; lines another store sends are not this store's work.
        from: stores.size > 1 || l.storeId !== staff.storeId ? (l.storeId === staff.storeId ? t("orders.thisStore") : t("orders.from", { store: l.store.name })) : null,
        muted: queue === "ship" && l.storeId !== staff.storeId,
      })),
      total: formatYuan(o.totalFen),
      // The courier's label needs the whole address and phone; only the store that ships sees them.
      notes: queue === "ship" ? [`${t("orders.deliverTo")}: ${[o.contactName, o.contactPhone, o.address].filter(Boolean).join(" · ")}`] : [],
    };
  };

  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("orders.title")} profile={profile} />
      {/* Five short tabs that all fit one phone width: the current queue is always in view. */}
      <nav aria-label={t("orders.title")} className="sticky top-0 z-10 grid grid-cols-5 gap-1 border-b border-gray-200 bg-white px-2 py-2">
        {QUEUES.map((q) => (
          <Link
            key={q}
            href={q === "prepare" ? "/guide/orders" : `/guide/orders?tab=${q}`}
            aria-current={q === queue ? "page" : undefined}
            aria-label={t(`orders.tabs.${q}`)}
            data-testid={`queue-${q}`}
            className={`flex h-16 flex-col items-center justify-center rounded-xl text-sm ${q === queue ? "bg-black text-white" : "bg-gray-100 text-gray-800"}`}
          >
            <span>{t(`orders.tabsShort.${q}`)}</span>
            {q !== "done" ? <span className={`mt-0.5 min-w-6 rounded-full px-1.5 text-center text-xs ${q === queue ? "bg-white text-black" : counts[q] ? "bg-red-600 text-white" : "bg-gray-300"}`}>{counts[q]}</span> : null}
          </Link>
        ))}
      </nav>
      <h2 className="px-4 pt-3 text-sm text-gray-600">{t(`orders.tabs.${queue}`)}</h2>
      {orders.length === 0 ? (
        <p className="px-4 py-12 text-center text-sm text-gray-500">{t("orders.empty")}</p>
      ) : (
        <ul className="space-y-3 p-3">
          {orders.map((o) => (
            <li key={o.id}>
              <OrderCard order={view(o)} labels={{ member: t("orders.member"), total: t("orders.total") }}>
                {queue !== "done" || RETURNABLE.includes(o.status) ? (
                  <OrderActions
                    order={{ id: o.id, number: o.number, refundFen: o.totalFen, paid: o.status !== "AWAITING_CASHIER" }}
                    queue={queue}
                    labels={actionLabels}
                    actions={{ markReady: markReadyAction, confirmReceipt: confirmReceiptAction, ship: shipAction, cancel: cancelAction }}
                  />
                ) : null}
              </OrderCard>
            </li>
          ))}
        </ul>
      )}
      <StoreNav current="orders" labels={nav} />
    </main>
  );
}
