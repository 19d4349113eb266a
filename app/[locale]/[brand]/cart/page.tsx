import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { CART_COOKIE, MAX_LINE_QUANTITY } from "@/lib/cart/anonymous";
import { loadCart } from "@/lib/cart/service";
import { currentPrincipal } from "@/lib/auth/session";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/ui/empty-state";
import { CartLineControls } from "@/components/shop/cart-line-controls";

type Params = Promise<{ locale: string; brand: string }>;

// Per shopper (session or cookie) and priced now: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "cart" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CartPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const [jar, principal] = await Promise.all([cookies(), currentPrincipal()]);
  // Signed-out shoppers (and staff browsing the shop) use this device's bag; checkout asks them to sign in.
  const owner = principal.kind === "member" ? { memberId: principal.memberId } : { cookie: jar.get(CART_COOKIE)?.value };
  const [cart, t] = await Promise.all([loadCart(owner, { id: brand.id, slug: brand.slug }), getTranslations("cart")]);
  const en = locale === "en";
  const controlLabels = { quantity: t("quantity"), decrease: t("decrease"), increase: t("increase"), remove: t("remove"), updateFailed: t("updateFailed") };

  return (
    <div className="py-4">
      <h1 className="px-4 text-lg font-semibold">{t("title")}</h1>
      {cart.lines.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={{ href: `/${slug}`, label: t("browse") }} />
      ) : (
        <>
          {principal.kind !== "member" ? <p className="px-4 pt-1 text-xs text-muted">{t("anonymousNote")}</p> : null}
          <ul className="mt-3 divide-y divide-line" data-testid="cart-lines">
            {cart.lines.map((line) => (
              <li key={line.id} className="flex gap-3 px-4 py-3" data-testid="cart-line" data-sku={line.skuId}>
                <Link href={`/${slug}/p/${line.styleCode}`} className="shrink-0">
                  {line.imageUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={line.imageUrl} alt="" width={72} height={96} className="h-24 w-18 rounded bg-brand-soft object-cover" />
                  ) : (
                    <span className="block h-24 w-18 rounded bg-brand-soft" />
                  )}
                </Link>
                <div className="min-w-0 flex-1">
                  <Link href={`/${slug}/p/${line.styleCode}`} className="line-clamp-2 text-sm">{en ? line.nameEn : line.name}</Link>
                  <p className="mt-0.5 text-xs text-muted">{line.colorName} · {line.size}</p>
                  <p className="mt-0.5 text-xs text-muted">{t("unitPrice", { price: formatYuan(line.unitPriceFen) })}</p>
                  {line.soldOut ? <p className="mt-0.5 text-xs text-warn">{t("soldOut")}</p> : null}
                  <CartLineControls brand={slug} line={line.id} quantity={line.quantity} max={MAX_LINE_QUANTITY} labels={controlLabels} />
                </div>
                <p className={`shrink-0 text-sm font-semibold ${line.soldOut ? "text-muted line-through" : "text-brand"}`} data-testid="line-total">
                  {formatYuan(line.lineTotalFen)}
                </p>
              </li>
            ))}
          </ul>
          <div className="mx-4 mt-4 flex items-center justify-between gap-3 rounded-lg border border-line p-3">
            <div>
              <p className="text-sm">
                {t("total")} <span className="text-lg font-semibold text-brand" data-testid="cart-total">{formatYuan(cart.totalFen)}</span>
              </p>
              <p className="text-xs text-muted" data-testid="cart-count">{t("pieces", { count: cart.count })}</p>
            </div>
            {cart.checkoutLines.length ? (
              <Link href={`/${slug}/checkout?from=cart`} className="rounded-full bg-brand px-6 py-2.5 text-sm font-medium text-white" data-testid="checkout-link">
                {t("checkout")}
              </Link>
            ) : (
              <span aria-disabled="true" className="rounded-full bg-gray-200 px-6 py-2.5 text-sm text-muted">{t("nothingToCheckout")}</span>
            )}
          </div>
        </>
      )}
    </div>
  );
}
