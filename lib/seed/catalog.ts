import { fakerZH_CN as faker } from "@faker-js/faker";
import { assertValidGtin13, makeGtin13 } from "@/lib/catalog/gtin";
import { garmentImageUrl, type GarmentKind } from "@/lib/catalog/garment-svg";
import { BRAND_PROFILE, type BrandSlug } from "./brands";
import { categoryId, leafCategories } from "./categories";
import { COLORS, PALETTES } from "./colors";
import { REFERENCE_DATE, SEED, daysBefore } from "./constants";
import { FEATURES, NAME_SLOTS, STYLING, type Fragment } from "./names";
import { SIZE_LADDERS, SIZE_RUNS, ladderFor } from "./sizes";

export type SeedProduct = {
  id: string;
  brandId: string;
  categoryId: string;
  styleCode: string;
  name: string;
  nameEn: string;
  description: string;
  priceFen: number;
  listPriceFen: number | null;
  season: string;
  launchedAt: Date;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type SeedSku = {
  id: string;
  productId: string;
  gtin: string;
  colorCode: string;
  colorName: string;
  colorHex: string;
  size: string;
  sizeOrder: number;
  priceFen: number | null;
};

export type SeedImage = { id: string; productId: string; colorCode: string | null; url: string; alt: string; sort: number };

export type SeedCatalog = { products: SeedProduct[]; skus: SeedSku[]; images: SeedImage[] };

export const SEASON = "2026 秋冬";

/** Tag price range in yuan for each kind (LUMI); NORD sits about 15% higher. */
const PRICE_YUAN: Record<GarmentKind, [number, number]> = {
  tshirt: [99, 259],
  shirt: [199, 459],
  knit: [259, 699],
  dress: [299, 899],
  jeans: [259, 599],
  skirt: [199, 499],
  trousers: [229, 499],
  jacket: [399, 899],
  coat: [799, 1299],
  trench: [699, 1299],
};

/** Retail price points end in 9 yuan: 299, 349, 1299. */
const pricePoint = (yuan: number) => Math.min(1299, Math.max(99, Math.floor(yuan / 10) * 10 + 9));

export const productId = (brand: BrandSlug, styleCode: string) => `prod_${brand}_${styleCode}`;

function buildName(kind: GarmentKind): { zh: string; en: string } {
  const { slots, nouns } = NAME_SLOTS[kind];
  const noun = faker.helpers.arrayElement(nouns);
  const parts: Fragment[] = [];
  for (const slot of slots) {
    if (slot.p < 1 && !faker.datatype.boolean(slot.p)) continue;
    parts.push(faker.helpers.arrayElement(slot.words));
  }
  return { zh: parts.map((p) => p[0]).join("") + noun[0], en: [...parts.map((p) => p[1]), noun[1]].join(" ") };
}

/** Every style, SKU and picture of both brands. Pure: same output on every call. */
export function generateCatalog(): SeedCatalog {
  faker.seed([SEED, 2]);
  const products: SeedProduct[] = [];
  const skus: SeedSku[] = [];
  const images: SeedImage[] = [];
  for (const brand of ["lumi", "nord"] as const) {
    const profile = BRAND_PROFILE[brand];
    const names = new Set<string>();
    let seq = 0;
    for (const leaf of leafCategories(brand)) {
      for (let n = 0; n < leaf.styles; n++) {
        seq += 1;
        const styleCode = `${profile.stylePrefix}${String(seq).padStart(4, "0")}`;
        const id = productId(brand, styleCode);
        let name = buildName(leaf.kind);
        for (let tries = 0; names.has(name.zh) && tries < 50; tries++) name = buildName(leaf.kind);
        if (names.has(name.zh)) throw new Error(`could not make a unique name for ${styleCode}`);
        names.add(name.zh);

        const [lo, hi] = PRICE_YUAN[leaf.kind];
        const k = brand === "nord" ? 1.15 : 1;
        const tag = pricePoint(faker.number.int({ min: Math.round(lo * k), max: Math.round(hi * k) }));
        const markdown = faker.datatype.boolean(0.3);
        const sale = markdown ? pricePoint(tag * faker.number.float({ min: 0.6, max: 0.8 }) - 10) : tag;
        const launchedAt = daysBefore(faker.number.int({ min: 1, max: 120 }));
        const description = faker.helpers.arrayElement(FEATURES[leaf.kind]) + (faker.datatype.boolean(0.7) ? faker.helpers.arrayElement(STYLING) : "");
        products.push({
          id,
          brandId: `brand_${brand}`,
          categoryId: categoryId(brand, leaf.slug),
          styleCode,
          name: name.zh,
          nameEn: name.en,
          description,
          priceFen: sale * 100,
          listPriceFen: markdown && tag > sale ? tag * 100 : null,
          season: SEASON,
          launchedAt,
          active: true,
          createdAt: launchedAt,
          updatedAt: REFERENCE_DATE,
        });

        const colourCount = faker.helpers.weightedArrayElement([
          { weight: 30, value: 2 },
          { weight: 45, value: 3 },
          { weight: 25, value: 4 },
        ]);
        const colourCodes = faker.helpers.arrayElements(PALETTES[brand][leaf.kind]!, colourCount);
        const ladderName = ladderFor(brand, leaf.kind);
        const ladder = SIZE_LADDERS[ladderName];
        const [from, to] = faker.helpers.arrayElement(SIZE_RUNS[ladderName]);
        colourCodes.forEach((code, c) => {
          const colour = COLORS[code]!;
          for (let s = from; s < to; s++) {
            // GTIN-13: 69 (GS1 China) + company + 3-digit style sequence + colour slot + size slot + check digit.
            const body = `${profile.gs1Company}${String(seq).padStart(3, "0")}${c + 1}${s - from + 1}`;
            const gtin = assertValidGtin13(makeGtin13(body));
            skus.push({
              id: `sku_${gtin}`,
              productId: id,
              gtin,
              colorCode: code,
              colorName: colour.name,
              colorHex: colour.hex,
              size: ladder[s]!,
              sizeOrder: s + 1,
              priceFen: null,
            });
          }
          const views = c === 0 || faker.datatype.boolean(0.6) ? (["front", "back"] as const) : (["front"] as const);
          views.forEach((view, v) => {
            images.push({
              id: `img_${brand}_${styleCode}_${code}_${view}`,
              productId: id,
              colorCode: code,
              url: garmentImageUrl(leaf.kind, colour.hex, view),
              alt: `${name.zh}（${colour.name}）${view === "front" ? "正面" : "背面"}`,
              sort: c * 2 + v,
            });
          });
        });
      }
    }
  }
  return { products, skus, images };
}
