import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-sm flex-col items-center justify-center px-8 text-center">
      <p className="text-5xl font-light text-gray-300">404</p>
      <h1 className="mt-3 text-lg font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-gray-600">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 rounded-full bg-black px-6 py-2.5 text-sm text-white">{t("backHome")}</Link>
    </main>
  );
}
