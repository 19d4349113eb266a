import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { findPreviewMember, previewDmCatalog } from "@/lib/dm/read";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DmCatalogView, DmNotForYou } from "@/components/shop/dm-catalog";

export const metadata: Metadata = { title: "预览 DM 目录 · Preview", robots: { index: false } };

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ brand?: string | string[]; member?: string | string[] }> };

const memberParam = z.string().trim().max(64).catch("");

/**
 * "Preview as member X": the page that member gets at /<brand>/dm/<id> while the catalog is live (the catalog if
 * they are in its audience, else the not-for-you page), inside a phone-width frame under a preview banner that
 * also says the catalog's state now (draft, starts …, live, ended …): an admin previews before publishing.
 */
export default async function AdminDmPreview({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(toLocale(locale));
  const sp = await searchParams;
  const c = await openBrandConsole(`/admin/dm/${encodeURIComponent(id)}/preview`, sp.brand);
  const asked = memberParam.parse(Array.isArray(sp.member) ? sp.member[0] : sp.member ?? "");
  const [brand, member, t, ts] = await Promise.all([getBrand(c.brand.slug), asked ? findPreviewMember(c.brand.id, asked) : null, getTranslations("dm.admin"), getTranslations("dm.shop")]);
  if (!brand) notFound();
  const answer = member ? await previewDmCatalog(member.id, { id: brand.id, slug: brand.slug }, id) : null;
  // An id that is not a DM catalog of this brand is not found, whoever is previewed.
  if (member && !answer) notFound();
  const q = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const live = answer?.state === "LIVE";
  const theme = { "--brand-primary": brand.colorPrimary, "--brand-accent": brand.colorAccent, "--brand-ink": brand.colorInk } as React.CSSProperties;
  return (
    <ConsoleShell console={c} section="dm" title={t("previewTitle")}>
      <p className="mb-3 text-sm"><Link href={`/admin/dm/${encodeURIComponent(id)}${q}`} className="text-gray-600 underline">← {t("backToList")}</Link></p>
      <form method="get" className="mb-4 flex max-w-md gap-2">
        {q ? <input type="hidden" name="brand" value={c.brand.slug} /> : null}
        <input name="member" defaultValue={asked} required maxLength={64} placeholder={t("previewMember")} aria-label={t("previewMember")} className="h-10 flex-1 rounded-md border border-gray-300 px-3 text-sm" />
        <button type="submit" className="h-10 rounded-md bg-black px-4 text-sm font-medium text-white">{t("preview")}</button>
      </form>
      {!asked ? <p className="text-sm text-gray-600">{t("previewAsk")}</p> : null}
      {asked && !member ? <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="dm-preview-unknown">{t("previewUnknown")}</p> : null}
      {member && answer ? (
        <>
          <p role="status" className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="dm-preview-banner">
            {ts("previewBanner", { who: member.who })} · {answer.kind === "view" ? t(live ? "previewSees" : "previewWillSee") : t(live ? "previewNotForYou" : "previewNotInAudience")}
          </p>
          <p className={`mb-3 rounded px-3 py-2 text-sm font-medium ${live ? "bg-green-50 text-green-800" : "bg-gray-100 text-gray-800"}`} data-testid="dm-preview-state" data-state={answer.state}>
            {answer.state === "SCHEDULED" && answer.startsAt
              ? t("previewState.SCHEDULED", { date: when.format(answer.startsAt) })
              : answer.state === "ENDED" && answer.endsAt
                ? t("previewState.ENDED", { date: when.format(answer.endsAt) })
                : t(answer.state === "DRAFT" ? "previewState.DRAFT" : "previewState.LIVE")}
          </p>
          <div style={theme} className="max-w-screen-sm overflow-hidden rounded-2xl border border-gray-200" data-testid="dm-preview-frame">
            {answer.kind === "view" ? (
              <DmCatalogView view={answer.view} locale={locale} brandSlug={brand.slug} />
            ) : (
              <DmNotForYou brandSlug={brand.slug} brandName={locale === "en" ? brand.nameEn : brand.name} signedIn next={`/${brand.slug}/dm/${id}`} />
            )}
          </div>
        </>
      ) : null}
    </ConsoleShell>
  );
}
