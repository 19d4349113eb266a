import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { loadCategoryAdminTree, loadStyleForEdit } from "@/lib/catalog/admin-queries";
import { fenToYuanText } from "@/lib/catalog/admin-input";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { StyleForm } from "@/components/admin/catalog/style-form";
import { SkuForms } from "@/components/admin/catalog/sku-forms";
import { ImageManager } from "@/components/admin/catalog/image-manager";
import { ActionForm } from "@/components/admin/catalog/action-form";
import { Hidden } from "@/components/admin/catalog/fields";
import { categoryOptions } from "@/components/admin/catalog/category-options";
import { deleteStyleAction, imageAction, saveSkuAction, updateStyleAction, uploadImageAction } from "../actions";

export const metadata: Metadata = { title: "编辑商品 · Edit style", robots: { index: false } };

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ brand?: string | string[] }> };

/** One style of the brand: fields and prices, SKUs, pictures; delete only while nobody has ordered it. */
export default async function EditStylePage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(toLocale(locale));
  const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).safeParse(rawId);
  const c = await openBrandConsole(`/admin/products/${encodeURIComponent(rawId)}`, (await searchParams).brand);
  if (!id.success) notFound();
  const [style, tree, t] = await Promise.all([loadStyleForEdit(c.brand.id, id.data), loadCategoryAdminTree(c.brand.id), getTranslations("adminCatalog.products")]);
  if (!style) notFound();
  const brandQuery = c.role === "ADMIN" ? `?brand=${c.brand.slug}` : "";
  const hidden = { brandId: c.brand.id, productId: style.id, brandQuery };
  const colours = [...new Map(style.skus.map((s) => [s.colorCode, { code: s.colorCode, name: s.colorName }])).values()];
  return (
    <ConsoleShell console={c} section="products" title={`${style.styleCode} ${style.name}`}>
      <div className="mb-3 flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/admin/products${brandQuery}`} className="text-gray-600 underline">{t("back")}</Link>
        {style.active ? <Link href={`/${c.brand.slug}/p/${style.styleCode}`} className="text-gray-600 underline" target="_blank" data-testid="style-shop-link">{t("inShop")}</Link> : <span className="text-gray-500">{t("inactiveHint")}</span>}
      </div>
      <div className="space-y-6">
        <StyleForm
          action={updateStyleAction}
          hidden={hidden}
          values={{ styleCode: style.styleCode, name: style.name, nameEn: style.nameEn, description: style.description, categoryId: style.categoryId, season: style.season, active: style.active, price: fenToYuanText(style.priceFen), listPrice: style.listPriceFen === null ? "" : fenToYuanText(style.listPriceFen) }}
          categories={categoryOptions(tree, locale)}
          isNew={false}
        />
        <SkuForms action={saveSkuAction} hidden={hidden} skus={style.skus} />
        <ImageManager upload={uploadImageAction} change={imageAction} hidden={hidden} images={style.images} colours={colours} />
        <section className="rounded-2xl border border-red-200 p-5">
          <h2 className="text-lg font-semibold">{t("deleteTitle")}</h2>
          <p className="mb-3 text-sm text-gray-600">{style.hasOrders ? t("deleteHasOrders") : t("deleteHint")}</p>
          <ActionForm action={deleteStyleAction} statusTestId="style-delete-status" confirmText={t("deleteConfirm", { code: style.styleCode })}>
            <Hidden values={hidden} />
            <button type="submit" className="h-11 rounded-lg border border-red-300 px-5 text-sm font-medium text-red-700" data-testid="style-delete">{t("delete")}</button>
          </ActionForm>
        </section>
      </div>
    </ConsoleShell>
  );
}
