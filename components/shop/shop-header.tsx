import Link from "next/link";
import type { BrandTheme } from "@/lib/catalog/queries";

/** Top bar: brand logo home link and the search box (a plain GET form: works before any script loads). */
export function ShopHeader({ brand, searchLabel, placeholder, defaultQuery = "" }: { brand: BrandTheme; searchLabel: string; placeholder: string; defaultQuery?: string }) {
  return (
    <header className="safe-top sticky top-0 z-30 border-b border-line bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-screen-sm items-center gap-3 px-3">
        <Link href={`/${brand.slug}`} className="shrink-0" aria-label={brand.name}>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={brand.logoUrl} alt={brand.name} width={88} height={24} className="h-6 w-auto" />
        </Link>
        <form action={`/${brand.slug}/search`} method="get" role="search" className="min-w-0 flex-1">
          <label className="sr-only" htmlFor="q">{searchLabel}</label>
          <input
            id="q"
            name="q"
            type="search"
            enterKeyHint="search"
            defaultValue={defaultQuery}
            placeholder={placeholder}
            className="h-8 w-full rounded-full bg-gray-100 px-3 text-sm outline-none placeholder:text-gray-500 focus:ring-2 focus:ring-brand"
          />
        </form>
      </div>
    </header>
  );
}
