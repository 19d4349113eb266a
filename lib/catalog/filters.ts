import { z } from "zod";

// Category listing filters. They arrive as a query string from the shopper and are folded by the proxy
// into one canonical path segment, so every distinct filter is one cached page and junk never reaches a query.

export const SORTS = ["new", "price_asc", "price_desc"] as const;
export type ListingSort = (typeof SORTS)[number];

export type ListingFilters = {
  sizes: string[];
  colors: string[];
  minYuan: number | null;
  maxYuan: number | null;
  /** GCJ-02 position rounded to 0.01° (~1 km) so nearby shoppers share one cached page. */
  near: { lat: number; lng: number } | null;
  sort: ListingSort;
  page: number;
};

export const DEFAULT_FILTERS: ListingFilters = {
  sizes: [],
  colors: [],
  minYuan: null,
  maxYuan: null,
  near: null,
  sort: "new",
  page: 1,
};

export const MAX_PAGE = 50;
const sizeValue = z.string().regex(/^[A-Za-z0-9/.]{1,8}$/);
const colorValue = z.string().regex(/^[\p{Script=Han}A-Za-z ]{1,8}$/u);
const yuan = z.coerce.number().int().min(0).max(100_000);
const CHINA = { minLat: 3.5, maxLat: 54, minLng: 73, maxLng: 136 };

function list(values: string[], schema: z.ZodString): string[] {
  const items = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => schema.safeParse(v).success);
  return [...new Set(items)].slice(0, 10).sort();
}

function one<T>(value: string | null, schema: z.ZodType<T>): T | null {
  if (value === null || value === "") return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function parseNear(value: string | null): ListingFilters["near"] {
  const m = value?.match(/^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/);
  if (!m) return null;
  const lat = Math.round(Number(m[1]) * 100) / 100;
  const lng = Math.round(Number(m[2]) * 100) / 100;
  if (lat < CHINA.minLat || lat > CHINA.maxLat || lng < CHINA.minLng || lng > CHINA.maxLng) return null;
  return { lat, lng };
}

/** Reads filters from a query string (`size=M,L` or a form's `size=M&size=L`); anything malformed falls back to its default, never an error. */
export function parseListingFilters(input: URLSearchParams | string): ListingFilters {
  const params = typeof input === "string" ? new URLSearchParams(input) : input;
  let minYuan = one(params.get("min"), yuan);
  let maxYuan = one(params.get("max"), yuan);
  if (minYuan !== null && maxYuan !== null && minYuan > maxYuan) [minYuan, maxYuan] = [maxYuan, minYuan];
  const sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "") ? (params.get("sort") as ListingSort) : "new";
  const page = one(params.get("page"), z.coerce.number().int().min(1).max(MAX_PAGE)) ?? 1;
  return {
    sizes: list(params.getAll("size"), sizeValue),
    colors: list(params.getAll("color"), colorValue),
    minYuan,
    maxYuan,
    near: parseNear(params.get("near")),
    sort,
    page,
  };
}

/** The canonical query string of a filter (keys in a fixed order, defaults left out); "" for the defaults. */
export function listingFiltersToQuery(f: ListingFilters): string {
  const params = new URLSearchParams();
  if (f.sizes.length) params.set("size", f.sizes.join(","));
  if (f.colors.length) params.set("color", f.colors.join(","));
  if (f.minYuan !== null) params.set("min", String(f.minYuan));
  if (f.maxYuan !== null) params.set("max", String(f.maxYuan));
  if (f.near) params.set("near", `${f.near.lat.toFixed(2)},${f.near.lng.toFixed(2)}`);
  if (f.sort !== "new") params.set("sort", f.sort);
  if (f.page !== 1) params.set("page", String(f.page));
  return params.toString();
}

/** Path segment form used by the cached listing route: "all" for the defaults. */
export function listingFiltersToSegment(f: ListingFilters): string {
  const query = listingFiltersToQuery(f);
  return query === "" ? "all" : encodeURIComponent(query);
}

export function listingFiltersFromSegment(segment: string): ListingFilters {
  if (segment === "all") return DEFAULT_FILTERS;
  let decoded = "";
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return DEFAULT_FILTERS;
  }
  return parseListingFilters(decoded);
}

export function hasActiveFilters(f: ListingFilters): boolean {
  return f.sizes.length > 0 || f.colors.length > 0 || f.minYuan !== null || f.maxYuan !== null || f.near !== null;
}
