import type { GarmentKind } from "@/lib/catalog/garment-svg";
import type { BrandSlug } from "./brands";

// Size systems: the full ladder in order; a style is cut in a contiguous run of 4–6 of them.
// sizeOrder = the size's position on its ladder (1-based), so XS < S < M … sort right everywhere.
export const SIZE_LADDERS = {
  womenLetter: ["XS", "S", "M", "L", "XL"],
  // GB/T 1335 women's sizes (height/bust + body type A), used for dresses and coats.
  womenNumeric: ["155/80A", "160/84A", "165/88A", "170/92A", "175/96A"],
  womenWaist: ["24", "25", "26", "27", "28", "29", "30"],
  unisexLetter: ["XS", "S", "M", "L", "XL", "XXL"],
  unisexWaist: ["28", "29", "30", "31", "32", "33", "34"],
} as const;
export type SizeLadder = keyof typeof SIZE_LADDERS;

export function ladderFor(brand: BrandSlug, kind: GarmentKind): SizeLadder {
  if (kind === "jeans") return brand === "lumi" ? "womenWaist" : "unisexWaist";
  if (brand === "nord") return "unisexLetter";
  return kind === "dress" || kind === "coat" ? "womenNumeric" : "womenLetter";
}

/** The contiguous runs a style may be cut in, per ladder (each 4–6 sizes long). */
export const SIZE_RUNS: Record<SizeLadder, [number, number][]> = {
  womenLetter: [[0, 4], [1, 5], [0, 5]],
  womenNumeric: [[0, 4], [1, 5], [0, 5]],
  womenWaist: [[0, 5], [1, 6], [0, 6], [1, 7]],
  unisexLetter: [[1, 5], [1, 6], [0, 6], [2, 6]],
  unisexWaist: [[0, 5], [1, 6], [1, 7], [0, 6]],
};
