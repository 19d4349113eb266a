import type { Metadata } from "next";
import Link from "next/link";
import { setRequestLocale } from "next-intl/server";
import { getBrands } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";

// Rendered per request (reads are cached) so that building the app never needs a seeded database.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "品牌 · Brands" };

// The group's brand chooser; shoppers normally arrive on a brand's page from a QR code or a shared link.
export default async function BrandChooser({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const brands = await getBrands();
  return (
    <main className="mx-auto max-w-screen-sm px-4 py-8">
      <h1 className="text-lg font-semibold">品牌 <span className="text-sm font-normal text-gray-500">Brands</span></h1>
      <ul className="mt-5 grid gap-3">
        {brands.map((b) => (
          <li key={b.id}>
            <Link href={`/${b.slug}`} className="flex items-center gap-4 rounded-xl p-5 text-white" style={{ backgroundColor: b.colorPrimary }}>
              <span className="text-xl font-semibold">{locale === "en" ? b.nameEn : b.name}</span>
              <span className="text-xs opacity-90">{b.tagline}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
