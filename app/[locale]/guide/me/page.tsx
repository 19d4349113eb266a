import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { toLocale } from "@/lib/i18n/locales";
import { requireGuidePage } from "@/lib/guides/access";
import { loadGuideMe } from "@/lib/guides/me";
import { formatYuan } from "@/lib/money";
import { StaffHeader } from "@/components/staff/staff-header";
import { GuideNav } from "@/components/staff/guide-nav";
import { guideMessages } from "@/components/staff/guide-messages";
import { ShareButton } from "@/components/staff/share-button";

export const metadata: Metadata = { title: "我的二维码 · My QR code", robots: { index: false } };

// ?q= filters the products to share; anything unusable is simply no filter.
const query = z.object({ q: z.string().max(100).optional().catch(undefined) });

export default async function GuideMePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { guide, profile } = await requireGuidePage("/guide/me");
  const { q = "" } = query.parse(await searchParams);
  const me = await loadGuideMe(guide, q);
  const { t, nav, share } = await guideMessages();
  const desc = t("share.defaultDesc", { name: me.name });

  return (
    <main className="pb-tabbar mx-auto max-w-screen-sm">
      <StaffHeader title={t("me.title")} profile={profile} />

      <section className="m-4 overflow-hidden rounded-3xl border border-gray-200" aria-labelledby="my-code" style={{ background: me.brand.colorAccent }}>
        <div className="px-4 py-3 text-white" style={{ background: me.brand.colorPrimary }}>
          <h2 id="my-code" className="text-lg font-semibold">
            {me.name}
          </h2>
          <p className="text-sm" data-testid="guide-store">
            {me.store.name}
            {me.store.mallName ? ` · ${me.store.mallName}` : ""}
          </p>
        </div>
        <div className="bg-white p-4">
          <div
            className="mx-auto w-64 max-w-full [&>svg]:h-auto [&>svg]:w-full"
            role="img"
            aria-label={t("me.qrAlt", { name: me.name })}
            data-testid="guide-qr"
            dangerouslySetInnerHTML={{ __html: me.qrSvg }}
          />
          <p className="mt-2 text-center text-sm text-gray-600">{t("me.scanHint")}</p>
          <p className="mt-2 break-all text-center font-mono text-xs text-gray-500" data-testid="guide-link">
            {me.link}
          </p>
        </div>
        <div className="space-y-3 bg-white px-4 pb-4">
          {/* A plain link: works before the page's script has loaded, and the browser does the download. */}
          <a href="/api/guide/poster" download className="flex h-14 items-center justify-center rounded-full bg-black text-lg font-semibold text-white" data-testid="poster-download">
            {t("me.poster")}
          </a>
          <a href="/api/guide/poster?inline=1" target="_blank" rel="noopener" className="flex h-12 items-center justify-center rounded-full border border-gray-300 bg-white text-base">
            {t("me.openPoster")}
          </a>
          <p className="text-xs text-gray-500">{t("me.posterWechat")}</p>
          <ShareButton url={me.link} title={`${me.brand.name} · ${me.name}`} desc={desc} imgUrl={me.imageUrl} label={share.share} labels={share} testId="share-mine" />
        </div>
      </section>

      <section className="px-4 pb-6" aria-labelledby="share-products">
        <h2 id="share-products" className="text-base font-semibold">
          {t("me.shareTitle")}
        </h2>
        <p className="mb-3 text-sm text-gray-600">{t("me.shareHint")}</p>
        <form method="get" action="/guide/me" role="search" className="mb-4 flex gap-2">
          <label htmlFor="share-q" className="sr-only">
            {t("me.searchLabel")}
          </label>
          <input
            id="share-q"
            name="q"
            defaultValue={me.query}
            placeholder={t("me.searchPlaceholder")}
            enterKeyHint="search"
            autoComplete="off"
            className="h-12 min-w-0 flex-1 rounded-lg border border-gray-300 px-3 text-base"
          />
          <button type="submit" className="h-12 shrink-0 rounded-lg bg-black px-4 text-base font-medium text-white">
            {t("me.search")}
          </button>
        </form>
        <h3 className="mb-2 text-sm text-gray-500">{me.query ? t("me.results") : t("me.newest")}</h3>
        {me.products.length === 0 ? (
          <p className="rounded bg-gray-50 px-3 py-4 text-sm text-gray-600">{t("me.noProducts")}</p>
        ) : (
          <ul className="space-y-4">
            {me.products.map((p) => (
              <li key={p.styleCode} className="rounded-2xl border border-gray-200 p-3" data-testid="share-product" data-style-code={p.styleCode}>
                <div className="mb-3 flex items-center gap-3">
                  {p.imageUrl ? (
                    <img src={p.imageUrl} alt="" width={64} height={80} className="h-20 w-16 shrink-0 rounded bg-gray-50 object-cover" />
                  ) : null}
                  <div className="min-w-0">
                    <p className="font-medium">{p.name}</p>
                    <p className="text-sm text-gray-500">
                      {p.styleCode} · {formatYuan(p.priceFen)}
                    </p>
                  </div>
                </div>
                <ShareButton url={p.shareUrl} title={`${me.brand.name} ${p.name}`} desc={desc} imgUrl={p.imageUrl ?? ""} labels={share} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <GuideNav current="me" labels={nav} />
    </main>
  );
}
