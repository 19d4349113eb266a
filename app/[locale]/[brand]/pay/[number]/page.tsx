import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { memberOrderDetail } from "@/lib/orders/queries";
import { startPayment } from "@/lib/orders/payment";
import { OrderRefused } from "@/lib/orders/errors";
import { orderNumberPattern } from "@/lib/orders/number";
import { paymentProvider, PaymentProviderError, type PrepayResult } from "@/lib/payments";
import { wechatOpenIdOf } from "@/lib/members/wechat-identity";
import { publicBaseUrl } from "@/lib/site";
import { formatYuan } from "@/lib/money";
import { PaySheet } from "@/components/shop/pay-sheet";
import { PayJsapi } from "@/components/shop/pay-jsapi";
import { EmptyState } from "@/components/ui/empty-state";

type Params = Promise<{ locale: string; brand: string; number: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "orders" });
  return { title: t("payTitle"), robots: { index: false } };
}

// Paying an online order: the sandbox shows its own WeChat-like sheet; WeChat Pay (JSAPI) opens WeChat's.
export default async function PayPage({ params }: { params: Params }) {
  const { locale, brand: slug, number } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand || !orderNumberPattern.test(number)) notFound();
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/pay/${number}`)}`);

  const order = await memberOrderDetail(principal.memberId, number).catch((error) => {
    if (error instanceof OrderRefused && error.code === "not_found") return null;
    throw error;
  });
  if (!order || order.brandId !== brand.id) notFound();
  const orderUrl = `/${slug}/orders/${number}`;
  if (order.paymentMethod !== "ONLINE" || order.status !== "PLACED") redirect(orderUrl);

  const t = await getTranslations("orders");
  const provider = paymentProvider();
  // WeChat Pay needs the payer's openid under the pay account's appid (their WeChat sign-in recorded it).
  const appId = process.env.WECHATPAY_APPID?.trim();
  const payerOpenId = provider.name === "WECHAT_PAY" && appId ? (await wechatOpenIdOf(principal.memberId, appId)) ?? undefined : undefined;
  let prepay: PrepayResult;
  try {
    prepay = await startPayment(number, principal.memberId, { notifyUrl: `${publicBaseUrl()}/api/payments/wechatpay/notify`, payerOpenId, provider });
  } catch (error) {
    if (error instanceof OrderRefused || error instanceof PaymentProviderError) {
      if (!(error instanceof OrderRefused)) console.error("[pay]", error);
      return <EmptyState title={t("payFailed")} body={error.message} action={{ href: orderUrl, label: t("viewOrder") }} />;
    }
    throw error;
  }
  const minutes = order.payBy ? Math.max(0, Math.ceil((order.payBy.getTime() - Date.now()) / 60_000)) : null;
  const timeLeft = minutes !== null ? t("payWithin", { minutes }) : "";
  const merchant = locale === "en" ? brand.nameEn : brand.name;

  return (
    <div className="px-4 py-6">
      <p className="text-center text-sm text-muted">{t("payFor", { number })}</p>
      <p className="mt-2 text-center text-3xl font-semibold">{formatYuan(order.totalFen)}</p>
      <p className="mt-1 text-center text-xs text-muted">{timeLeft}</p>
      {prepay.kind === "sandbox" ? (
        <PaySheet
          brand={slug}
          number={number}
          amount={formatYuan(order.totalFen)}
          merchant={merchant}
          timeLeft={timeLeft}
          labels={{ title: t("sheetTitle"), merchant: t("merchant"), pay: t("payConfirm"), paying: t("paying"), cancel: t("payCancel"), sandboxNote: t("sandboxNote") }}
        />
      ) : (
        <PayJsapi
          brand={slug}
          number={number}
          params={prepay.params}
          labels={{ pay: t("payConfirm"), paying: t("paying"), confirming: t("confirming"), cancelled: t("payCancelled"), failed: t("payFailed"), notWechat: t("notWechat"), slow: t("paySlow"), viewOrder: t("viewOrder") }}
        />
      )}
    </div>
  );
}
