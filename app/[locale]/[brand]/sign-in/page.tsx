import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { PhoneSignIn } from "@/components/shop/phone-sign-in";

type Params = Promise<{ locale: string; brand: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "me" });
  return { title: t("signInTitle"), robots: { index: false } };
}

// Outside WeChat: phone + one-time code. (Inside WeChat the silent WeChat sign-in arrives with its provider.)
export default async function MemberSignInPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const t = await getTranslations("me");
  const keys = ["phone", "code", "sendCode", "resendIn", "signIn", "signingIn", "devBanner", "failed"] as const;
  return (
    <div className="px-5 py-6">
      <h1 className="text-lg font-semibold">{t("signInTitle")}</h1>
      <p className="mt-1 pb-5 text-xs text-muted">{t("signInHint")}</p>
      <PhoneSignIn brand={slug} labels={Object.fromEntries(keys.map((k) => [k, t.raw(k) as string])) as Record<(typeof keys)[number], string>} />
    </div>
  );
}
