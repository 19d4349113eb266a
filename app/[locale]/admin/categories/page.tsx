import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { loadCategoryAdminTree } from "@/lib/catalog/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { CategoryForms } from "@/components/admin/catalog/category-forms";
import { categoryOptions } from "@/components/admin/catalog/category-options";
import { deleteCategoryAction, saveCategoryAction } from "./actions";

export const metadata: Metadata = { title: "分类 · Categories", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

/**
 * The brand's category tree (a few dozen rows: shown whole, in its own order, which the sort field sets); the
 * search box narrows it on the server to categories whose names or slug match.
 */
export default async function AdminCategoriesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/categories", raw.brand);
  const { q } = parseListParams(raw, { sorts: ["tree"], defaultSort: "tree" });
  const [tree, t] = await Promise.all([loadCategoryAdminTree(c.brand.id), getTranslations("adminCatalog.categories")]);
  const needle = q.toLowerCase();
  const shown = needle ? tree.filter((n) => n.name.includes(q) || n.nameEn.toLowerCase().includes(needle) || n.slug.includes(needle)) : tree;
  const brand = c.role === "ADMIN" ? c.brand.slug : undefined;
  return (
    <ConsoleShell console={c} section="categories" title={t("title")}>
      <form method="get" action="/admin/categories" role="search" className="mb-3 flex gap-2">
        {brand ? <input type="hidden" name="brand" value={brand} /> : null}
        <input type="search" name="q" defaultValue={q} aria-label={t("search")} placeholder={t("search")} className="h-10 w-full max-w-sm rounded-md border border-gray-300 px-3 text-sm" />
        <button type="submit" className="h-10 rounded-md bg-black px-4 text-sm font-medium text-white">{t("searchButton")}</button>
        {q ? <Link href={brand ? `/admin/categories?brand=${brand}` : "/admin/categories"} className="self-center text-sm underline">{t("clear")}</Link> : null}
      </form>
      <p className="mb-2 text-sm text-gray-600" data-testid="categories-total">{t("total", { shown: shown.length, total: tree.length })}</p>
      <CategoryForms save={saveCategoryAction} remove={deleteCategoryAction} brandId={c.brand.id} nodes={shown} parents={categoryOptions(tree, locale)} />
    </ConsoleShell>
  );
}
