import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { loadCategoryAdminTree } from "@/lib/catalog/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { StyleForm } from "@/components/admin/catalog/style-form";
import { categoryOptions } from "@/components/admin/catalog/category-options";
import { createStyleAction } from "../actions";

export const metadata: Metadata = { title: "新建商品 · New style", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ brand?: string | string[] }> };

export default async function NewStylePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const c = await openBrandConsole("/admin/products/new", (await searchParams).brand);
  const [tree, t] = await Promise.all([loadCategoryAdminTree(c.brand.id), getTranslations("adminCatalog.products")]);
  const brandQuery = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
  return (
    <ConsoleShell console={c} section="products" title={t("new")}>
      <Link href={`/admin/products${brandQuery}`} className="mb-3 inline-block text-sm text-gray-600 underline">{t("back")}</Link>
      <StyleForm
        action={createStyleAction}
        hidden={{ brandId: c.brand.id, brandQuery }}
        values={{ styleCode: "", name: "", nameEn: "", description: "", categoryId: "", season: "", active: true, price: "", listPrice: "" }}
        categories={categoryOptions(tree, locale)}
        isNew
      />
    </ConsoleShell>
  );
}
