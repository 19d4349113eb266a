"use server";

import { z } from "zod";
import { categoryForm, createCategory, deleteCategory, updateCategory } from "@/lib/catalog/manage-categories";
import { answerForm, brandAdminActor, brandIdField, SAVED, text, type FormState } from "@/lib/catalog/console-action";

// The category console's forms: brand.manage of the brand posted; one domain call each.

const id = z.string().max(64);

export async function saveCategoryAction(_state: FormState, form: FormData): Promise<FormState> {
  return answerForm("save category", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const input = categoryForm.parse({ name: text(form, "name"), nameEn: text(form, "nameEn"), slug: text(form, "slug"), parentId: text(form, "parentId"), sort: text(form, "sort") || "0" });
    const actor = await brandAdminActor(brandId);
    const categoryId = id.parse(text(form, "categoryId"));
    const result = categoryId === "" ? await createCategory(brandId, input, actor) : await updateCategory(brandId, categoryId, input, actor);
    return result.ok ? SAVED : result;
  });
}

export async function deleteCategoryAction(_state: FormState, form: FormData): Promise<FormState> {
  return answerForm("delete category", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const actor = await brandAdminActor(brandId);
    const result = await deleteCategory(brandId, id.min(1).parse(text(form, "categoryId")), actor);
    return result.ok ? { ok: true, message: "已删除 / Deleted" } : result;
  });
}
