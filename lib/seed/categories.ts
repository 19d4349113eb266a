import type { GarmentKind } from "@/lib/catalog/garment-svg";
import type { BrandSlug } from "./brands";

/** A leaf category's garment kind picks the illustration (/img/garment/<kind>/…) and its size system. */
export type LeafDef = { slug: string; name: string; nameEn: string; kind: GarmentKind; styles: number };
export type TopDef = { slug: string; name: string; nameEn: string; children: LeafDef[] } | ({ children?: undefined } & LeafDef);

/** Two-level trees. A top category without children (连衣裙) is itself a leaf. `styles` = how many styles to make. */
export const CATEGORY_TREES: Record<BrandSlug, TopDef[]> = {
  lumi: [
    {
      slug: "tops",
      name: "上装",
      nameEn: "Tops",
      children: [
        { slug: "t-shirts", name: "T恤", nameEn: "T-Shirts", kind: "tshirt", styles: 8 },
        { slug: "shirts", name: "衬衫", nameEn: "Shirts & Blouses", kind: "shirt", styles: 8 },
        { slug: "knitwear", name: "针织衫", nameEn: "Knitwear", kind: "knit", styles: 9 },
      ],
    },
    { slug: "dresses", name: "连衣裙", nameEn: "Dresses", kind: "dress", styles: 14 },
    {
      slug: "bottoms",
      name: "下装",
      nameEn: "Bottoms",
      children: [
        { slug: "jeans", name: "牛仔裤", nameEn: "Jeans", kind: "jeans", styles: 7 },
        { slug: "skirts", name: "半身裙", nameEn: "Skirts", kind: "skirt", styles: 7 },
        { slug: "trousers", name: "休闲裤", nameEn: "Trousers", kind: "trousers", styles: 5 },
      ],
    },
    {
      slug: "outerwear",
      name: "外套",
      nameEn: "Outerwear",
      children: [
        { slug: "jackets", name: "夹克", nameEn: "Jackets", kind: "jacket", styles: 5 },
        { slug: "coats", name: "大衣", nameEn: "Coats", kind: "coat", styles: 5 },
        { slug: "trench-coats", name: "风衣", nameEn: "Trench Coats", kind: "trench", styles: 4 },
      ],
    },
  ],
  nord: [
    {
      slug: "tops",
      name: "上装",
      nameEn: "Tops",
      children: [
        { slug: "t-shirts", name: "T恤", nameEn: "T-Shirts", kind: "tshirt", styles: 10 },
        { slug: "shirts", name: "衬衫", nameEn: "Shirts", kind: "shirt", styles: 9 },
        { slug: "knitwear", name: "针织衫", nameEn: "Knitwear", kind: "knit", styles: 10 },
      ],
    },
    {
      slug: "bottoms",
      name: "下装",
      nameEn: "Bottoms",
      children: [
        { slug: "jeans", name: "牛仔裤", nameEn: "Jeans", kind: "jeans", styles: 9 },
        { slug: "trousers", name: "休闲裤", nameEn: "Trousers", kind: "trousers", styles: 10 },
      ],
    },
    {
      slug: "outerwear",
      name: "外套",
      nameEn: "Outerwear",
      children: [
        { slug: "jackets", name: "夹克", nameEn: "Jackets", kind: "jacket", styles: 9 },
        { slug: "coats", name: "大衣", nameEn: "Coats", kind: "coat", styles: 8 },
        { slug: "trench-coats", name: "风衣", nameEn: "Trench Coats", kind: "trench", styles: 7 },
      ],
    },
  ],
};

/** Garment kind of each leaf category slug (the same slug means the same kind in every brand). */
export const GARMENT_KIND_BY_CATEGORY: Record<string, GarmentKind> = {
  "t-shirts": "tshirt",
  shirts: "shirt",
  knitwear: "knit",
  dresses: "dress",
  jeans: "jeans",
  skirts: "skirt",
  trousers: "trousers",
  jackets: "jacket",
  coats: "coat",
  "trench-coats": "trench",
};

export type SeedCategory = { id: string; brandId: string; parentId: string | null; slug: string; name: string; nameEn: string; sort: number };

export const categoryId = (brand: BrandSlug, slug: string) => `cat_${brand}_${slug}`;

/** Parents before children (the insert order the foreign key needs). */
export function generateCategories(): SeedCategory[] {
  const out: SeedCategory[] = [];
  for (const brand of ["lumi", "nord"] as const) {
    const tops = CATEGORY_TREES[brand];
    tops.forEach((top, i) => {
      out.push({ id: categoryId(brand, top.slug), brandId: `brand_${brand}`, parentId: null, slug: top.slug, name: top.name, nameEn: top.nameEn, sort: (i + 1) * 10 });
    });
    tops.forEach((top) => {
      top.children?.forEach((leaf, j) => {
        out.push({
          id: categoryId(brand, leaf.slug),
          brandId: `brand_${brand}`,
          parentId: categoryId(brand, top.slug),
          slug: leaf.slug,
          name: leaf.name,
          nameEn: leaf.nameEn,
          sort: (j + 1) * 10,
        });
      });
    });
  }
  return out;
}

/** The leaves of a brand's tree, in display order. */
export function leafCategories(brand: BrandSlug): LeafDef[] {
  return CATEGORY_TREES[brand].flatMap((top) => (top.children ? top.children : [top as LeafDef]));
}
