import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { findPreviewMember, openDmCatalog } from "@/lib/dm/read";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DmCatalogView, DmNotForYou } from "@/components/shop/dm-catalog";

export const metadata: Metadata = { title: "预览 DM 目录 · Preview", robots: { index: false } };

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ brand?: string | string[]; member?: string | string[] }> };

const memberParam = z.string().trim().max(64).catch("");

/**
 * "Preview as member X": exactly the page that member gets at /<brand>/dm/<id> now (the catalog, or the
 * not-for-you page), computed by the same openDmCatalog, inside a phone-width frame under a preview banner.
 */
export default async function AdminDmPreview({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(toLocale(locale));
  const sp = await searchParams;
  const c = await openBrandConsole(`/admin/dm/${encodeURIComponent(id)}/preview`, sp.brand);
  const asked = memberParam.parse(Array.isArray(sp.member) ? sp.member[0] : sp.member ?? "");
  const [brand, member, t, ts] = await Promise.all([getBrand(c.brand.slug), asked ? findPreviewMember(c.brand.id, asked) : null, getTranslations("dm.admin"), getTranslations("dm.shop")]);
  if (!brand) notFound();
  const answer = member ? await openDmCatalog(member.id, { id: brand.id, slug: brand.slug }, id) : null;
  // An id that is not a DM catalog of this brand is not found, whoever is previewed.
  if (member && !answer) notFound();
  const q = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
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
            {ts("previewBanner", { who: member.who })} · {answer.kind === "view" ? t("previewSees") : t("previewNotForYou")}
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
