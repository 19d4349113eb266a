import { getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/catalog/console-action";
import { fenToYuanText } from "@/lib/catalog/admin-input";
import { ActionForm } from "./action-form";
import { Hidden } from "./fields";

type Sku = { id: string; gtin: string; colorCode: string; colorName: string; colorHex: string; size: string; sizeOrder: number; priceFen: number | null };

const cell = "h-10 w-full rounded-md border border-gray-300 px-2 text-sm tabular-nums";

/** One line per SKU, each its own small form (GTIN, colour, size, size order, own price), and a blank line to add one. */
export async function SkuForms({ action, hidden, skus }: { action: FormAction; hidden: Record<string, string>; skus: Sku[] }) {
  const t = await getTranslations("adminCatalog.sku");
  const line = (sku: Sku | null) => {
    const key = sku?.id ?? "new";
    return (
      <ActionForm key={key} resetOnSave={!sku} action={action} statusTestId={`sku-status-${key}`} className="grid grid-cols-2 items-end gap-2 border-t border-gray-100 py-2 md:grid-cols-[10rem_5rem_7rem_6rem_5rem_4rem_6rem_auto]" testId={`sku-form-${sku?.gtin ?? "new"}`}>
        <Hidden values={{ ...hidden, skuId: sku?.id ?? "" }} />
        <label className="text-xs text-gray-600">{t("gtin")}<input name="gtin" defaultValue={sku?.gtin} inputMode="numeric" maxLength={13} className={cell} data-testid="sku-gtin" /></label>
        <label className="text-xs text-gray-600">{t("colorCode")}<input name="colorCode" defaultValue={sku?.colorCode} className={cell} data-testid="sku-colorCode" /></label>
        <label className="text-xs text-gray-600">{t("colorName")}<input name="colorName" defaultValue={sku?.colorName} className={cell} data-testid="sku-colorName" /></label>
        <label className="text-xs text-gray-600">{t("colorHex")}<input name="colorHex" defaultValue={sku?.colorHex ?? "#000000"} className={cell} data-testid="sku-colorHex" /></label>
        <label className="text-xs text-gray-600">{t("size")}<input name="size" defaultValue={sku?.size} className={cell} data-testid="sku-size" /></label>
        <label className="text-xs text-gray-600">{t("sizeOrder")}<input name="sizeOrder" defaultValue={sku?.sizeOrder ?? ""} inputMode="numeric" className={cell} data-testid="sku-sizeOrder" /></label>
        <label className="text-xs text-gray-600">{t("price")}<input name="price" defaultValue={sku?.priceFen == null ? "" : fenToYuanText(sku.priceFen)} inputMode="decimal" placeholder={t("priceHint")} className={cell} data-testid="sku-price" /></label>
        <span className="flex items-center gap-2">
          {sku ? <span aria-hidden className="h-6 w-6 rounded-full border border-gray-300" style={{ background: sku.colorHex }} /> : null}
          <button type="submit" className="h-10 rounded-md bg-black px-3 text-sm text-white" data-testid="sku-save">{sku ? t("save") : t("add")}</button>
        </span>
      </ActionForm>
    );
  };
  return (
    <section aria-labelledby="skus-title" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="skus-title" className="mb-2 text-lg font-semibold">{t("title", { count: skus.length })}</h2>
      {skus.map((s) => line(s))}
      <h3 className="mt-4 text-sm font-medium">{t("addTitle")}</h3>
      {line(null)}
    </section>
  );
}
