import { getTranslations } from "next-intl/server";
import type { CategoryAdminNode } from "@/lib/catalog/admin-queries";
import type { FormAction } from "@/lib/catalog/console-action";
import { ActionForm } from "./action-form";
import { Hidden } from "./fields";

const cell = "h-10 w-full rounded-md border border-gray-300 px-2 text-sm";

/**
 * The category tree as rows, depth-first, each row its own form (names, slug, parent, sort) with a delete button;
 * a blank row at the top adds a category. Parents offered: every category (the server refuses a cycle).
 */
export async function CategoryForms({
  save,
  remove,
  brandId,
  nodes,
  parents,
}: {
  save: FormAction;
  remove: FormAction;
  brandId: string;
  nodes: CategoryAdminNode[];
  parents: { id: string; label: string }[];
}) {
  const t = await getTranslations("adminCatalog.categories");
  const row = (n: CategoryAdminNode | null, key: string) => (
    <li key={key} className="border-t border-gray-100 py-2" data-testid={`category-${n?.slug ?? "new"}`}>
      <div className="flex flex-wrap items-start gap-2">
        <ActionForm action={save} resetOnSave={!n} statusTestId={`category-status-${n?.slug ?? "new"}`} className="grid flex-1 grid-cols-2 items-end gap-2 md:grid-cols-[1fr_1fr_10rem_14rem_5rem_auto]">
          <Hidden values={{ brandId, categoryId: n?.id ?? "" }} />
          <label className="text-xs text-gray-600">
            {t("name")}
            <span className="flex items-center">
              {n ? <span aria-hidden className="mr-1 text-gray-400">{"└ ".repeat(Math.min(n.depth, 4)).trim()}</span> : null}
              <input name="name" defaultValue={n?.name} className={cell} data-testid="category-name" />
            </span>
          </label>
          <label className="text-xs text-gray-600">{t("nameEn")}<input name="nameEn" defaultValue={n?.nameEn} className={cell} data-testid="category-nameEn" /></label>
          <label className="text-xs text-gray-600">{t("slug")}<input name="slug" defaultValue={n?.slug} className={cell} data-testid="category-slug" /></label>
          <label className="text-xs text-gray-600">
            {t("parent")}
            <select name="parentId" defaultValue={n?.parentId ?? ""} className={cell} data-testid="category-parent">
              <option value="">{t("root")}</option>
              {parents.filter((p) => p.id !== n?.id).map((p) => (
                <option key={p.id} value={p.id}>{p.label}</option>
              ))}
            </select>
          </label>
          <label className="text-xs text-gray-600">{t("sort")}<input name="sort" defaultValue={n?.sort ?? 0} inputMode="numeric" className={cell} data-testid="category-sort" /></label>
          <button type="submit" className="h-10 rounded-md bg-black px-3 text-sm text-white" data-testid="category-save">{n ? t("save") : t("add")}</button>
        </ActionForm>
        {n ? (
          <ActionForm action={remove} statusTestId={`category-delete-status-${n.slug}`} className="pt-4" confirmText={t("deleteConfirm", { name: n.name })}>
            <Hidden values={{ brandId, categoryId: n.id }} />
            <button type="submit" className="h-10 rounded-md border border-red-300 px-3 text-sm text-red-700" data-testid="category-delete">{t("delete")}</button>
          </ActionForm>
        ) : null}
      </div>
      {n ? <p className="mt-1 text-xs text-gray-500">{t("counts", { children: n.childCount, products: n.productCount })}</p> : null}
    </li>
  );
  return (
    <ul>
      {row(null, "new")}
      {nodes.map((n) => row(n, n.id))}
    </ul>
  );
}
