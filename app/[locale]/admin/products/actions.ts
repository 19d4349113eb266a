"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { newStyleForm, skuForm, styleForm } from "@/lib/catalog/admin-input";
import { addStyleImage, deleteImage, deleteStyle, moveImage, saveSku, setImageColour, updateStyle, createStyle } from "@/lib/catalog/manage";
import { answerForm, brandAdminActor, brandIdField, brandQueryField, checked, SAVED, text, type FormState } from "@/lib/catalog/console-action";
import { MAX_IMAGE_BYTES } from "@/lib/storage";

// The product console's forms: brand.manage of the brand posted (another brand's admin is refused; another
// brand's product id reads as not found in the domain), input parsed with zod, one domain call each.

const id = z.string().min(1).max(64);
const styleFields = (form: FormData) => ({
  name: text(form, "name"),
  nameEn: text(form, "nameEn"),
  description: text(form, "description"),
  categoryId: text(form, "categoryId"),
  season: text(form, "season"),
  active: checked(form, "active"),
  price: text(form, "price"),
  listPrice: text(form, "listPrice"),
});
const colour = z.string().trim().toUpperCase().regex(/^([A-Z0-9]{1,8})?$/).transform((c) => (c === "" ? null : c));

export async function createStyleAction(_state: FormState, form: FormData): Promise<FormState> {
  let created: string | null = null;
  const answer = await answerForm("create style", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const input = newStyleForm.parse({ styleCode: text(form, "styleCode"), ...styleFields(form) });
    const result = await createStyle(brandId, input, await brandAdminActor(brandId));
    if (!result.ok) return result;
    created = result.id;
    return SAVED;
  });
  // Outside answerForm: redirect() works by throwing.
  if (created) redirect(`/admin/products/${created}${brandQueryField.parse(text(form, "brandQuery"))}`);
  return answer;
}

export async function updateStyleAction(_state: FormState, form: FormData): Promise<FormState> {
  return answerForm("update style", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const input = styleForm.parse(styleFields(form));
    const actor = await brandAdminActor(brandId);
    const result = await updateStyle(brandId, id.parse(text(form, "productId")), input, actor);
    return result.ok ? SAVED : result;
  });
}

export async function deleteStyleAction(_state: FormState, form: FormData): Promise<FormState> {
  let deleted = false;
  const answer = await answerForm("delete style", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const actor = await brandAdminActor(brandId);
    const result = await deleteStyle(brandId, id.parse(text(form, "productId")), actor);
    if (!result.ok) return result;
    deleted = true;
    return SAVED;
  });
  if (deleted) redirect(`/admin/products${brandQueryField.parse(text(form, "brandQuery"))}`);
  return answer;
}

export async function saveSkuAction(_state: FormState, form: FormData): Promise<FormState> {
  return answerForm("save sku", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const input = skuForm.parse({
      gtin: text(form, "gtin"),
      colorCode: text(form, "colorCode"),
      colorName: text(form, "colorName"),
      colorHex: text(form, "colorHex"),
      size: text(form, "size"),
      sizeOrder: text(form, "sizeOrder"),
      price: text(form, "price"),
    });
    const actor = await brandAdminActor(brandId);
    const skuId = text(form, "skuId");
    const result = await saveSku(brandId, id.parse(text(form, "productId")), skuId === "" ? null : id.parse(skuId), input, actor);
    return result.ok ? SAVED : result;
  });
}

export async function uploadImageAction(_state: FormState, form: FormData): Promise<FormState> {
  return answerForm("upload image", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const actor = await brandAdminActor(brandId);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "请选择图片 / Choose a picture" };
    if (file.size > MAX_IMAGE_BYTES) return { ok: false, message: "图片不能超过 5 MB / Pictures may be at most 5 MB" };
    const bytes = Buffer.from(await file.arrayBuffer());
    const result = await addStyleImage(brandId, id.parse(text(form, "productId")), { bytes, colorCode: colour.parse(text(form, "colorCode")), alt: text(form, "alt").trim().slice(0, 120) }, actor);
    return result.ok ? { ok: true, message: "已上传 / Uploaded" } : result;
  });
}

/** One picture's buttons: colour (with the chosen colour), up, down, delete. */
export async function imageAction(_state: FormState, form: FormData): Promise<FormState> {
  return answerForm("image", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const op = z.enum(["colour", "up", "down", "delete"]).parse(text(form, "op"));
    const imageId = id.parse(text(form, "imageId"));
    const actor = await brandAdminActor(brandId);
    const result =
      op === "colour" ? await setImageColour(brandId, imageId, colour.parse(text(form, "colorCode")), actor)
      : op === "delete" ? await deleteImage(brandId, imageId, actor)
      : await moveImage(brandId, imageId, op, actor);
    return result.ok ? SAVED : result;
  });
}
