import { getTranslations } from "next-intl/server";
import { DmHomeIsland } from "./dm-home";

/**
 * The brand home's DM section. It reads no cookie, so the home page stays one cached page for everyone; the
 * island inside asks /api/shop/<brand>/dm for the signed-in member's catalogs and shows nothing otherwise.
 */
export async function DmHomeSection({ brand }: { brand: string }) {
  const t = await getTranslations("dm.shop");
  return <DmHomeIsland brand={brand} title={t("homeTitle")} allLabel={t("homeAll")} itemsLabel={t("items", { n: "#" })} />;
}
