import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { maskPhone } from "@/lib/auth/phone";
import { toLocale } from "@/lib/i18n/locales";
import { formatYuan } from "@/lib/money";
import { OrderRefused } from "@/lib/orders/errors";
import { orderNumberPattern } from "@/lib/orders/number";
import { staffOrderByNumber } from "@/lib/orders/queries";
import { StaffHeader } from "@/components/staff/staff-header";
import { StoreNav } from "@/components/staff/store-nav";
import { OrderReturnForm, RefundRetryButton, type RefundRetryLabels, type ReturnLabels } from "@/components/staff/order-return-form";
import { requireStoreStaffPage } from "../orders/_shared/store-staff";
import { storeOpsMessages } from "../orders/_shared/labels";
import { retryRefundAction, returnLinesAction } from "./actions";

export const metadata: Metadata = { title: "退货 · Returns", robots: { index: false } };

const RETURNABLE = ["COMPLETED", "PARTIALLY_REFUNDED"];

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ number?: string | string[] }> };

async function findOrder(brandId: string, number: string) {
  try {
    return { order: await staffOrderByNumber(brandId, number) };
  } catch (error) {
    if (error instanceof OrderRefused) return { refused: error.message };
    throw error;
  }
}

export default async function ReturnsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { staff, profile } = await requireStoreStaffPage("/guide/returns");
  const rawNumber = (await searchParams).number;
  // Typed at a counter: spaces and dashes read off a phone screen are forgiven.
  const number = typeof rawNumber === "string" ? rawNumber.replace(/[\s-]/g, "") : "";
  const { t, nav, raw } = await storeOpsMessages();
  const valid = orderNumberPattern.test(number);
  const found = valid ? await findOrder(staff.brandId, number) : null;
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const statusNames = raw<Record<string, string>>("orders.status");
  const labels: ReturnLabels = { ...raw<Omit<ReturnLabels, "working">>("returns"), working: t("actions.working") };
  const retryLabels: RefundRetryLabels = { retry: t("returns.retry"), retryPending: t("returns.retryPending"), retryFailed: t("returns.retryFailed"), working: t("actions.working") };

  const order = found && "order" in found ? found.order : null;
  const lines = order
    ? order.lines
        .map((l) => ({ id: l.id, name: l.productName, variant: `${l.colorName} / ${l.size}`, returnable: l.soldQty - l.refundedQty, unitPriceFen: l.unitPriceFen }))
        .filter((l) => l.returnable > 0)
    : [];

  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("returns.title")} profile={profile} />
      <div className="space-y-4 p-4">
        <p className="text-sm text-gray-600">{t("returns.hint")}</p>
        <form method="get" action="/guide/returns" className="space-y-2">
          <label htmlFor="order-number" className="block text-sm">
            {t("returns.numberLabel")}
          </label>
          <div className="flex gap-2">
            <input
              id="order-number"
              name="number"
              defaultValue={number}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t("returns.numberPlaceholder")}
              maxLength={20}
              className="h-14 min-w-0 flex-1 rounded-lg border border-gray-300 px-3 font-mono text-lg tracking-wider"
            />
            <button type="submit" className="h-14 shrink-0 rounded-lg bg-black px-5 text-base font-medium text-white">
              {t("returns.find")}
            </button>
          </div>
        </form>
        {number && !valid ? <p className="rounded-lg bg-red-50 px-3 py-3 text-base text-red-800" role="alert">{t("returns.badNumber")}</p> : null}
        {found && "refused" in found ? <p className="rounded-lg bg-red-50 px-3 py-3 text-base text-red-800" role="alert" data-testid="return-refused">{found.refused}</p> : null}
        {order ? (
          <section className="space-y-4" data-testid="return-order">
            <div className="rounded-2xl bg-gray-50 p-4 text-sm">
              <p className="flex items-start justify-between gap-3">
                <span className="font-mono text-lg font-semibold tracking-wide">{order.number}</span>
                <span className="shrink-0 rounded-full bg-white px-2.5 py-1 text-xs">{statusNames[order.status] ?? order.status}</span>
              </p>
              <p className="mt-1 text-gray-600">{t("returns.placedAt", { store: order.store?.name ?? t(`orders.fulfilment.${order.fulfilment}`), date: when.format(order.createdAt) })}</p>
              <p className="mt-1">
                <span className="text-gray-500">{t("orders.member")}</span> {order.member?.phone ? maskPhone(order.member.phone) : order.member?.nickname || "—"}
              </p>
              <p className="mt-1">
                <span className="text-gray-500">{t("orders.total")}</span> {formatYuan(order.totalFen)}
                {order.refundedFen ? ` · ${t("orders.refunded")} ${formatYuan(order.refundedFen)}` : ""}
              </p>
              {order.refunds.length ? (
                <ul className="mt-2 space-y-0.5 text-xs text-gray-600" aria-label={t("returns.history")}>
                  {order.refunds.map((r) => (
                    <li key={r.id} data-testid="refund-row" data-status={r.status}>
                      {when.format(r.createdAt)} · {formatYuan(r.amountFen)} · {r.store.name} · {t(`returns.refundStatus.${r.status}`)}
                      {r.reason ? ` · ${r.reason}` : ""}
                      {/* A refund the provider refused: staff send it again (same refund number, never paid twice). */}
                      {r.status === "FAILED" ? <RefundRetryButton refundId={r.id} labels={retryLabels} retry={retryRefundAction} /> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <OrderReturnForm key={order.id} orderId={order.id} lines={RETURNABLE.includes(order.status) ? lines : []} statusNames={statusNames} labels={labels} submit={returnLinesAction} />
          </section>
        ) : null}
      </div>
      <StoreNav current="returns" labels={nav} />
    </main>
  );
}
