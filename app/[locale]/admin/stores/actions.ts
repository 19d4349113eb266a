"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { newStoreForm, storeForm } from "@/lib/stores/admin-input";
import { createStore, updateStore } from "@/lib/stores/manage";
import { answerForm, brandAdminActor, brandIdField, brandQueryField, checked, SAVED, text, type FormState } from "@/lib/catalog/console-action";

// The store console's form: brand.manage of the brand posted (another brand's store id reads as not found in the
// domain); a new store goes on to its own page.

const fields = (form: FormData) => ({
  name: text(form, "name"),
  kind: text(form, "kind"),
  city: text(form, "city"),
  district: text(form, "district"),
  address: text(form, "address"),
  mallName: text(form, "mallName"),
  phone: text(form, "phone"),
  lat: text(form, "lat"),
  lng: text(form, "lng"),
  opens: text(form, "opens"),
  closes: text(form, "closes"),
  pickupEnabled: checked(form, "pickupEnabled"),
  deliveryEnabled: checked(form, "deliveryEnabled"),
  safetyStock: text(form, "safetyStock"),
  active: checked(form, "active"),
});

export async function saveStoreAction(_state: FormState, form: FormData): Promise<FormState> {
  let created: string | null = null;
  const answer = await answerForm("save store", async () => {
    const brandId = brandIdField.parse(text(form, "brandId"));
    const input = storeForm.parse(fields(form));
    const actor = await brandAdminActor(brandId);
    const storeId = z.string().max(64).parse(text(form, "storeId"));
    if (storeId !== "") {
      const result = await updateStore(brandId, storeId, input, actor);
      return result.ok ? SAVED : result;
    }
    const { code } = newStoreForm.parse({ code: text(form, "code") });
    const result = await createStore(brandId, code, input, actor);
    if (!result.ok) return result;
    created = result.code;
    return SAVED;
  });
  if (created) redirect(`/admin/stores/${created}${brandQueryField.parse(text(form, "brandQuery"))}`);
  return answer;
}
