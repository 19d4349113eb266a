import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BrandConsole } from "@/lib/admin/console";
import { StaffHeader } from "@/components/staff/staff-header";

/** The console's sections, in the order an admin meets them. Each page says which one it is. */
export const CONSOLE_SECTIONS = [
  "overview",
  "products",
  "categories",
  "stores",
  "staff",
  "members",
  "inventory",
  "stockFeeds",
  "transfers",
  "orders",
  "returns",
  "dm",
  "dashboards",
  "imports",
  "commission",
  "promoters",
  "apiKeys",
  "audit",
] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

const HREF: Record<ConsoleSection, string> = {
  overview: "/admin",
  products: "/admin/products",
  categories: "/admin/categories",
  stores: "/admin/stores",
  staff: "/admin/staff",
  members: "/admin/members",
  inventory: "/admin/inventory",
  stockFeeds: "/admin/stock-feeds",
  transfers: "/admin/transfers",
  orders: "/admin/orders",
  returns: "/admin/returns",
  dm: "/admin/dm",
  dashboards: "/admin/dashboards",
  imports: "/admin/imports",
  commission: "/admin/commission",
  promoters: "/admin/promoters",
  apiKeys: "/admin/api-keys",
  audit: "/admin/audit",
};

export function sectionHref(section: ConsoleSection, brandSlug?: string): string {
  return brandSlug ? `${HREF[section]}?brand=${brandSlug}` : HREF[section];
}

/**
 * Desktop-first frame of every console page: header, section nav (a row of tabs on a tablet, a side column on a
 * desktop) and, for the group admin, the brand switcher. Links carry ?brand= only for the group admin.
 */
export async function ConsoleShell({ console: c, section, title, children }: { console: BrandConsole; section: ConsoleSection; title: string; children: React.ReactNode }) {
  const t = await getTranslations("admin");
  const slug = c.role === "ADMIN" ? c.brand.slug : undefined;
  return (
    <div className="mx-auto max-w-screen-2xl pb-10">
      <StaffHeader title={`${title} · ${c.brand.name}`} profile={c.profile} />
      <div className="lg:flex">
        <nav aria-label={t("nav.label")} className="flex gap-1 overflow-x-auto border-b border-gray-200 px-2 py-2 lg:w-52 lg:shrink-0 lg:flex-col lg:border-b-0 lg:border-r lg:py-4" data-testid="console-nav">
          {CONSOLE_SECTIONS.map((s) => (
            <Link
              key={s}
              href={sectionHref(s, slug)}
              aria-current={s === section ? "page" : undefined}
              className={`shrink-0 whitespace-nowrap rounded-md px-3 py-2 text-sm ${s === section ? "bg-black font-medium text-white" : "text-gray-700 hover:bg-gray-100"}`}
            >
              {t(`nav.${s}`)}
            </Link>
          ))}
        </nav>
        <main className="min-w-0 flex-1 px-4 py-4 lg:px-6">
          {c.brands.length > 1 ? (
            <nav aria-label={t("brand")} className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="console-brands">
              <span className="text-gray-600">{t("brand")}:</span>
              {c.brands.map((b) => (
                <Link key={b.id} href={sectionHref(section, b.slug)} aria-current={b.id === c.brand.id ? "page" : undefined} className={`rounded-full px-3 py-1 ${b.id === c.brand.id ? "bg-black text-white" : "bg-gray-100"}`}>
                  {b.name}
                </Link>
              ))}
            </nav>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
