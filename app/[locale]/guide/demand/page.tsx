import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { maskPhone } from "@/lib/auth/phone";
import { toLocale } from "@/lib/i18n/locales";
import { formatDistance } from "@/lib/stores/geo";
import { boundCustomers, demandSku, demandStyle } from "@/lib/transfers/queries";
import { proposeSources } from "@/lib/transfers/service";
import { StaffHeader } from "@/components/staff/staff-header";
import { DemandCodeInput } from "@/components/staff/demand-code-input";
import { DemandRequest, type DemandRequestLabels } from "@/components/staff/demand-request";
import { fill } from "@/components/staff/store-action-result";
import { requireTransferPage } from "../transfers/_shared/run";
import { requestTransferAction } from "./actions";

export const metadata: Metadata = { title: "缺货登记 · Record demand", robots: { index: false } };
export const dynamic = "force-dynamic";

// 缺货登记 in two taps once the item is scanned: tap the size the customer wants, tap the store to ask.
// Each step is a URL (?code, then &sku, &qty), so the phone's back button walks back through them.
const query = z.object({
  code: z.string().trim().max(32).optional().catch(undefined),
  sku: z.string().min(1).max(64).optional().catch(undefined),
  qty: z.coerce.number().int().min(1).max(9).catch(1),
});

export default async function DemandPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { staff, profile } = await requireTransferPage("/guide/demand", true);
  const brandId = staff.brandId!;
  const storeId = staff.storeId!;
  const raw = await searchParams;
  const q = query.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const t = await getTranslations("transfers.demand");

  const style = q.code ? await demandStyle(brandId, storeId, q.code) : null;
  const sku = q.sku ? await demandSku(brandId, q.sku) : null;
  const [sources, customers] = sku ? await Promise.all([proposeSources(brandId, storeId, sku.id, q.qty), boundCustomers(staff.staffId)]) : [null, null];
  const link = (extra: Record<string, string>) => `/guide/demand?${new URLSearchParams({ ...(q.code ? { code: q.code } : {}), ...extra })}`;
  const requestLabels = Object.fromEntries(
    (["customer", "noCustomer", "note", "sources", "sellable", "warehouse", "request", "requested", "viewTransfers", "working"] as const).map((k) => [k, t.raw(k) as string]),
  ) as DemandRequestLabels;

  return (
    <main className="mx-auto max-w-screen-sm pb-8">
      <StaffHeader title={t("title")} profile={profile} />
      {!sku ? (
        <section className="p-4">
          <DemandCodeInput labels={{ codeLabel: t("codeLabel"), codePlaceholder: t("codePlaceholder"), emptyCode: t("emptyCode") }} />
        </section>
      ) : null}

      {q.code && !style && !sku ? (
        <p className="mx-4 rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert" data-testid="demand-not-found">{fill(t.raw("notFound") as string, { code: q.code })}</p>
      ) : null}

      {style && !sku ? (
        <section className="px-4" data-testid="demand-style">
          <h2 className="text-base font-semibold">{style.name}</h2>
          <p className="text-sm text-gray-500">{style.styleCode} · {t("pickSku")}</p>
          <ul className="mt-3 grid grid-cols-2 gap-2">
            {style.skus.map((s) => (
              <li key={s.id}>
                <Link href={link({ sku: s.id })} className="flex h-20 flex-col justify-center rounded-2xl border border-gray-200 px-3" data-testid="demand-sku" data-sku-id={s.id}>
                  <span className="flex items-center gap-2 text-base">
                    <span className="inline-block h-3 w-3 rounded-full border border-gray-300" style={{ backgroundColor: s.colorHex }} aria-hidden="true" />
                    {s.colorName} / {s.size}
                  </span>
                  <span className={`text-xs ${s.here ? "text-gray-500" : "text-red-600"}`}>
                    {fill(t.raw("here") as string, { n: s.here })} · {fill(t.raw("elsewhere") as string, { n: s.elsewhere })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {sku && sources && customers ? (
        <section data-testid="demand-sources">
          <div className="px-4 pt-4">
            <h2 className="text-base font-semibold">{sku.product.name}</h2>
            <p className="text-sm text-gray-500">{sku.product.styleCode} · {sku.colorName} / {sku.size}</p>
            <div className="mt-3 flex items-center gap-2 text-sm" role="group" aria-label={t("quantity")}>
              <span className="text-gray-600">{t("quantity")}</span>
              {[1, 2, 3].map((n) => (
                <Link key={n} href={link({ sku: sku.id, qty: String(n) })} aria-current={n === q.qty ? "true" : undefined} className={`flex h-10 w-10 items-center justify-center rounded-full border ${n === q.qty ? "border-black font-semibold" : "border-gray-300"}`}>{n}</Link>
              ))}
            </div>
          </div>
          {sources.length === 0 ? (
            <p className="m-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">{fill(t.raw("noSources") as string, { qty: q.qty })}</p>
          ) : (
            <DemandRequest
              skuId={sku.id}
              quantity={q.qty}
              sources={sources.map((s) => ({ storeId: s.storeId, code: s.code, name: s.name, city: s.city, kind: s.kind, sellable: s.sellable, distance: formatDistance(s.distanceM) }))}
              customers={customers.map((c) => ({ id: c.id, label: [c.nickname, c.phone ? maskPhone(c.phone) : ""].filter(Boolean).join(" · ") || c.id.slice(-6) }))}
              labels={requestLabels}
              request={requestTransferAction}
            />
          )}
          <p className="px-4">
            <Link href="/guide/demand" className="text-sm text-gray-600 underline">{t("otherCode")}</Link>
          </p>
        </section>
      ) : null}
    </main>
  );
}
