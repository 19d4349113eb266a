import { getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/catalog/console-action";
import { STORE_KINDS } from "@/lib/stores/admin-input";
import { formatClock } from "@/lib/stores/hours";
import { buttonClass } from "@/components/admin/form-status";
import { ActionForm } from "@/components/admin/catalog/action-form";
import { Hidden, Select, Switch, TextField } from "@/components/admin/catalog/fields";

export type StoreValues = {
  code: string; name: string; kind: string; city: string; district: string; address: string; mallName: string; phone: string;
  lat: number | null; lng: number | null; opensAt: number; closesAt: number; pickupEnabled: boolean; deliveryEnabled: boolean; safetyStock: number; active: boolean;
};

/** A store's settings; the franchise flag is the kind (直营 / 加盟 / 仓库). Hours as HH:MM; a close before the opening is the next day. */
export async function StoreForm({ action, hidden, values, isNew }: { action: FormAction; hidden: Record<string, string>; values: StoreValues; isNew: boolean }) {
  const t = await getTranslations("adminCatalog.store");
  return (
    <ActionForm action={action} statusTestId="store-status" className="space-y-4 rounded-2xl border border-gray-200 p-5" testId="store-form">
      <Hidden values={hidden} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        {isNew ? <TextField label={t("code")} name="code" defaultValue={values.code} testId="store-code" required /> : null}
        <TextField label={t("name")} name="name" defaultValue={values.name} testId="store-name" required />
        <Select label={t("kind")} name="kind" defaultValue={values.kind} options={STORE_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))} testId="store-kind" />
        <TextField label={t("phone")} name="phone" defaultValue={values.phone} inputMode="tel" testId="store-phone" />
        <TextField label={t("city")} name="city" defaultValue={values.city} testId="store-city" required />
        <TextField label={t("district")} name="district" defaultValue={values.district} testId="store-district" />
        <TextField label={t("mallName")} name="mallName" defaultValue={values.mallName} testId="store-mallName" />
        <TextField label={t("address")} name="address" defaultValue={values.address} testId="store-address" required />
      </div>
      <fieldset className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <legend className="mb-1 text-sm font-medium">{t("location")}</legend>
        <TextField label={t("lat")} name="lat" defaultValue={values.lat ?? ""} inputMode="decimal" testId="store-lat" />
        <TextField label={t("lng")} name="lng" defaultValue={values.lng ?? ""} inputMode="decimal" testId="store-lng" />
        <TextField label={t("opens")} name="opens" type="time" defaultValue={formatClock(values.opensAt)} testId="store-opens" />
        <TextField label={t("closes")} name="closes" type="time" defaultValue={formatClock(values.closesAt)} testId="store-closes" />
      </fieldset>
      <p className="text-xs text-gray-500">{t("hint")}</p>
      <div className="grid grid-cols-2 items-end gap-3 md:grid-cols-4">
        <Switch label={t("pickupEnabled")} name="pickupEnabled" defaultChecked={values.pickupEnabled} testId="store-pickup" />
        <Switch label={t("deliveryEnabled")} name="deliveryEnabled" defaultChecked={values.deliveryEnabled} testId="store-delivery" />
        <Switch label={t("active")} name="active" defaultChecked={values.active} testId="store-active" />
        <TextField label={t("safetyStock")} name="safetyStock" defaultValue={values.safetyStock} inputMode="numeric" testId="store-safetyStock" />
      </div>
      <button type="submit" className={buttonClass} data-testid="store-save">{isNew ? t("create") : t("save")}</button>
    </ActionForm>
  );
}
