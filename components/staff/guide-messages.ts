import "server-only";
import { getTranslations } from "next-intl/server";
import type { CodeScannerLabels } from "./code-scanner";
import type { ShareLabels } from "./share-button";

// The guide pages' strings: client islands get plain objects (the staff pages have no next-intl provider).
export async function guideMessages() {
  const t = await getTranslations("guide");
  const raw = <T,>(key: string) => t.raw(key) as T;
  return {
    t,
    raw,
    nav: raw<{ label: string; home: string; me: string; customers: string; stock: string }>("nav"),
    share: raw<ShareLabels>("share"),
    scanner: (): Partial<CodeScannerLabels> => ({
      scan: t("stock.scan"),
      scanWithCamera: t("stock.scanWithCamera"),
      codeLabel: t("stock.codeLabel"),
      codePlaceholder: t("stock.codePlaceholder"),
      submit: t("stock.submit"),
      emptyCode: t("stock.emptyCode"),
    }),
  };
}
