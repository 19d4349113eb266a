import { REFERENCE_DATE } from "./constants";

export type BrandSlug = "lumi" | "nord";

export type SeedBrand = {
  id: string;
  slug: BrandSlug;
  name: string;
  nameEn: string;
  tagline: string;
  colorPrimary: string;
  colorAccent: string;
  colorInk: string;
  logoUrl: string;
  shipFromDirect: boolean;
  shipFromFranchise: boolean;
  deliveryFeeFen: number;
  freeDeliveryFromFen: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Per-brand constants the generators share: style-code prefix, GS1 company prefix (69 = China) and phone of HQ. */
export const BRAND_PROFILE: Record<BrandSlug, { stylePrefix: string; gs1Company: string; storeWord: string }> = {
  // Style codes: LM26W0001 = LUMI, 2026, Womenswear, sequence.
  lumi: { stylePrefix: "LM26W", gs1Company: "6923418", storeWord: "LUMI" },
  // ND26U0001 = NORD, 2026, Unisex, sequence.
  nord: { stylePrefix: "ND26U", gs1Company: "6923427", storeWord: "NORD" },
};

export function generateBrands(): SeedBrand[] {
  const at = REFERENCE_DATE;
  return [
    {
      id: "brand_lumi",
      slug: "lumi",
      name: "LUMI 露米",
      nameEn: "LUMI",
      tagline: "温柔而明亮的日常 · 年轻女装",
      colorPrimary: "#C8102E",
      colorAccent: "#F6E7E9",
      colorInk: "#1A1A1A",
      logoUrl: "/brands/lumi.svg",
      shipFromDirect: true,
      shipFromFranchise: true,
      deliveryFeeFen: 1000,
      freeDeliveryFromFen: 29900,
      createdAt: at,
      updatedAt: at,
    },
    {
      id: "brand_nord",
      slug: "nord",
      name: "NORD 北岸",
      nameEn: "NORD",
      tagline: "少即是多 · 极简中性服饰",
      colorPrimary: "#1F3A5F",
      colorAccent: "#E8EEF4",
      colorInk: "#15202B",
      logoUrl: "/brands/nord.svg",
      // NORD's franchisees keep their stock for walk-in customers: online orders ship from direct stores and the warehouse.
      shipFromDirect: true,
      shipFromFranchise: false,
      deliveryFeeFen: 1200,
      freeDeliveryFromFen: 39900,
      createdAt: at,
      updatedAt: at,
    },
  ];
}
