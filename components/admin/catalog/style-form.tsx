import { getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/catalog/console-action";
import { buttonClass } from "@/components/admin/form-status";
import { ActionForm } from "./action-form";
import { Hidden, Select, Switch, TextArea, TextField } from "./fields";

export type StyleValues = { styleCode: string; name: string; nameEn: string; description: string; categoryId: string; season: string; active: boolean; price: string; listPrice: string };

/** A style's fields; a new style also asks for its code (fixed afterwards: QR codes and links carry it). */
export async function StyleForm({
  action,
  hidden,
  values,
  categories,
  isNew,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  values: StyleValues;
  categories: { id: string; label: string }[];
  isNew: boolean;
}) {
  const t = await getTranslations("adminCatalog.style");
  return (
    <ActionForm action={action} statusTestId="style-status" className="space-y-3 rounded-2xl border border-gray-200 p-5" testId="style-form">
      <Hidden values={hidden} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        {isNew ? <TextField label={t("styleCode")} name="styleCode" defaultValue={values.styleCode} testId="style-styleCode" required /> : null}
        <TextField label={t("name")} name="name" defaultValue={values.name} testId="style-name" required />
        <TextField label={t("nameEn")} name="nameEn" defaultValue={values.nameEn} testId="style-nameEn" required />
        <Select label={t("category")} name="categoryId" defaultValue={values.categoryId} options={[{ value: "", label: "—" }, ...categories.map((c) => ({ value: c.id, label: c.label }))]} testId="style-category" />
        <TextField label={t("season")} name="season" defaultValue={values.season} testId="style-season" />
        <TextField label={t("price")} name="price" defaultValue={values.price} inputMode="decimal" testId="style-price" required />
        <TextField label={t("listPrice")} name="listPrice" defaultValue={values.listPrice} inputMode="decimal" placeholder={t("listPriceHint")} testId="style-listPrice" />
        <Switch label={t("active")} name="active" defaultChecked={values.active} testId="style-active" />
      </div>
      <TextArea label={t("description")} name="description" defaultValue={values.description} testId="style-description" />
      <button type="submit" className={buttonClass} data-testid="style-save">{isNew ? t("create") : t("save")}</button>
    </ActionForm>
  );
}
