import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { loadMyReferrals } from "@/lib/referral/service";
import { textQrSvg } from "@/lib/qr/svg";
import { formatYuan } from "@/lib/money";
import { ReferralCopy } from "@/components/shop/referral-copy";

type Params = Promise<{ locale: string; brand: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "referral" });
  return { title: t("title"), robots: { index: false } };
}

// The member's referrals in this brand: their share link and QR, who joined through it (level 1 and 2,
// masked), what those friends ordered, and the member's referral earnings from the commission ledger.
export default async function ReferralsPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/me/referrals`)}`);
  const [{ link, referrals, earnings }, t] = await Promise.all([loadMyReferrals(principal.memberId, brand.id), getTranslations("referral")]);
  const qr = await textQrSvg(link.url);
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric", timeZone: "Asia/Shanghai" });

  return (
    <div className="py-4">
      <h1 className="px-4 text-lg font-semibold">{t("title")}</h1>
      <section className="mx-4 mt-3 rounded-xl border border-line p-4" aria-labelledby="my-link">
        <h2 id="my-link" className="text-sm font-medium">{t("myLink")}</h2>
        <p className="mt-0.5 text-xs text-muted">{t("linkHint")}</p>
        <div className="mx-auto mt-3 w-40 [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label={t("qrLabel")} data-testid="referral-qr" dangerouslySetInnerHTML={{ __html: qr }} />
        <ReferralCopy url={link.url} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
      </section>

      <section className="mx-4 mt-4" aria-labelledby="earnings">
        <h2 id="earnings" className="text-sm font-medium">{t("earnings")}</h2>
        <dl className="mt-2 grid grid-cols-3 gap-2 text-center" data-testid="referral-earnings">
          {([["pending", earnings.pendingFen], ["settled", earnings.settledFen], ["reversed", earnings.reversedFen]] as const).map(([k, fen]) => (
            <div key={k} className="rounded-lg bg-gray-50 py-3">
              <dt className="text-xs text-muted">{t(k)}</dt>
              <dd className="mt-1 text-base font-semibold" data-testid={`earnings-${k}`}>{formatYuan(fen)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="mt-6 border-t-8 border-gray-50 px-4 pt-4" aria-labelledby="referrals">
        <h2 id="referrals" className="text-base font-semibold">{t("myReferrals")}</h2>
        {referrals.length === 0 ? <p className="py-6 text-center text-sm text-muted">{t("none")}</p> : null}
        <ul className="mt-2 divide-y divide-line" data-testid="referral-list">
          {referrals.map((r) => (
            <li key={r.memberId} className="flex items-start justify-between gap-3 py-3 text-sm" data-testid="referral-item" data-level={r.level}>
              <div>
                <p className="font-medium">{r.who}</p>
                <p className="text-xs text-muted">{t(r.level === 1 ? "level1" : "level2")} · {t("joined", { date: day.format(r.joinedAt) })}</p>
              </div>
              <p className="shrink-0 text-right text-xs text-muted">{t("results", { n: r.orders, amount: formatYuan(r.ordersFen) })}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
