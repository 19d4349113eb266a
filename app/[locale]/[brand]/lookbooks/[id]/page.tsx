import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { openLookbook } from "@/lib/lookbooks/service";
import { LookbookItems } from "@/components/shop/lookbook-items";

type Params = Promise<{ locale: string; brand: string; id: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "lookbooks" });
  return { title: t("tile"), robots: { index: false } };
}

// A lookbook a guide sent: the member opens it in one tap from the inbox or a WeChat message. Only its
// recipients see it; anyone else gets the not-found page (never "not for you", which would confirm it exists).
export default async function LookbookPage({ params }: { params: Params }) {
  const { locale, brand: slug, id: rawId } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const id = z.string().regex(/^[a-z0-9]{1,64}$/).safeParse(rawId);
  if (!id.success) notFound();
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/lookbooks/${id.data}`)}`);
  const [view, t] = await Promise.all([openLookbook(principal.memberId, brand.id, id.data), getTranslations("lookbooks")]);
  if (!view) notFound();
  return (
    <article className="py-4" data-testid="lookbook">
      <header className="px-4">
        <p className="text-xs text-muted">{t("fromGuide", { name: view.guideName })}</p>
        <h1 className="mt-1 text-xl font-semibold" data-testid="lookbook-title">{view.title}</h1>
        {view.note ? <p className="mt-2 whitespace-pre-line text-sm">{view.note}</p> : null}
      </header>
      {view.items.length === 0 ? <p className="px-4 py-12 text-center text-sm text-muted">{t("memberEmpty")}</p> : null}
      <LookbookItems brand={slug} locale={locale} items={view.items} />
      <p className="mt-6 px-4">
        <Link href={`/${slug}`} className="text-sm text-brand">{t("back")}</Link>
      </p>
    </article>
  );
}
