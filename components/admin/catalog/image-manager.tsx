import { getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/catalog/console-action";
import { buttonClass } from "@/components/admin/form-status";
import { ActionForm } from "./action-form";
import { Hidden, Select } from "./fields";

type Image = { id: string; url: string; alt: string; colorCode: string | null };

/** The style's pictures in shop order: upload (JPEG/PNG/WebP ≤ 5 MB), colour, move earlier/later, delete. */
export async function ImageManager({
  upload,
  change,
  hidden,
  images,
  colours,
}: {
  upload: FormAction;
  change: FormAction;
  hidden: Record<string, string>;
  images: Image[];
  colours: { code: string; name: string }[];
}) {
  const t = await getTranslations("adminCatalog.images");
  const colourOptions = [{ value: "", label: t("allColours") }, ...colours.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))];
  const small = "h-9 rounded-md border border-gray-300 px-3 text-sm";
  return (
    <section aria-labelledby="images-title" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="images-title" className="mb-3 text-lg font-semibold">{t("title", { count: images.length })}</h2>
      <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5" data-testid="image-list">
        {images.map((img, i) => (
          <li key={img.id} className="rounded-lg border border-gray-200 p-2" data-testid="image-item" data-url={img.url}>
            {/* eslint-disable-next-line @next/next/no-img-element -- uploaded media and generated SVGs, served as they are */}
            <img src={img.url} alt={img.alt} className="aspect-[3/4] w-full rounded object-cover" />
            <ActionForm action={change} statusTestId={`image-status-${img.id}`} className="mt-2 space-y-2">
              <Hidden values={{ ...hidden, imageId: img.id }} />
              <Select label={t("colour")} name="colorCode" defaultValue={img.colorCode ?? ""} options={colourOptions} />
              <div className="flex flex-wrap gap-1">
                <button type="submit" name="op" value="colour" className={small}>{t("setColour")}</button>
                <button type="submit" name="op" value="up" disabled={i === 0} className={small} aria-label={t("earlier")}>←</button>
                <button type="submit" name="op" value="down" disabled={i === images.length - 1} className={small} aria-label={t("later")}>→</button>
                <button type="submit" name="op" value="delete" className={`${small} text-red-700`} data-testid="image-delete">{t("delete")}</button>
              </div>
            </ActionForm>
          </li>
        ))}
      </ul>
      <ActionForm action={upload} statusTestId="image-upload-status" className="mt-4 flex flex-wrap items-end gap-3" testId="image-upload">
        <Hidden values={hidden} />
        <label className="block text-sm">
          {t("file")}
          <input type="file" name="file" accept="image/jpeg,image/png,image/webp" className="mt-1 block text-sm" data-testid="image-file" />
        </label>
        <Select label={t("colour")} name="colorCode" defaultValue="" options={colourOptions} testId="image-colour" />
        <button type="submit" className={buttonClass} data-testid="image-upload-submit">{t("upload")}</button>
      </ActionForm>
    </section>
  );
}
