import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";

type Params = Promise<{ locale: string }>;

// Fully static (no data): what a weak network falls back to, and the benchmark's reference page.
export const dynamic = "force-static";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "errors" });
  return { title: t("offlineTitle") };
}

export default async function OfflinePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col items-center justify-center px-8 text-center">
      <h1 className="text-lg font-semibold">{t("offlineTitle")}</h1>
      <p className="mt-2 text-sm text-gray-600">{t("offlineBody")}</p>
      <a href="/" className="mt-6 rounded-full bg-black px-6 py-2.5 text-sm text-white">{t("backHome")}</a>
    </main>
  );
}
