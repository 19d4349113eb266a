import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  hasActiveFilters,
  listingFiltersFromSegment,
  listingFiltersToQuery,
  listingFiltersToSegment,
  parseListingFilters,
} from "@/lib/catalog/filters";

describe("listing filters", () => {
  it("defaults when nothing is given", () => {
    expect(parseListingFilters("")).toEqual(DEFAULT_FILTERS);
    expect(listingFiltersToSegment(DEFAULT_FILTERS)).toBe("all");
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
  });

  it("reads comma lists and repeated form fields, sorted and de-duplicated", () => {
    expect(parseListingFilters("size=M,S&size=M&color=黑色,米白").sizes).toEqual(["M", "S"]);
    expect(parseListingFilters("size=M,S&color=米白&color=黑色").colors).toEqual(["米白", "黑色"].sort());
  });

  it("ignores malformed values in favour of defaults instead of failing", () => {
    const f = parseListingFilters("size=<script>&color=' OR 1=1&min=abc&max=-5&sort=evil&page=99999&near=1,2");
    expect(f).toEqual(DEFAULT_FILTERS);
  });

  it("swaps a reversed price range and bounds the page", () => {
    const f = parseListingFilters("min=500&max=100&page=3");
    expect([f.minYuan, f.maxYuan, f.page]).toEqual([100, 500, 3]);
  });

  it("rounds a position to 0.01° and refuses one outside China", () => {
    expect(parseListingFilters("near=31.22712,121.44961").near).toEqual({ lat: 31.23, lng: 121.45 });
    expect(parseListingFilters("near=51.5,-0.12").near).toBeNull();
  });

  it("canonicalises: two spellings of one filter give one segment, and it round-trips", () => {
    const a = parseListingFilters("sort=price_asc&size=S,M&min=100");
    const b = parseListingFilters("min=100&size=M&size=S&sort=price_asc&page=1");
    expect(listingFiltersToSegment(a)).toBe(listingFiltersToSegment(b));
    expect(listingFiltersFromSegment(listingFiltersToSegment(a))).toEqual(a);
    expect(listingFiltersToQuery(a)).toBe("size=M%2CS&min=100&sort=price_asc");
  });

  it("reads a broken segment as the defaults", () => {
    expect(listingFiltersFromSegment("%E0%A4%A")).toEqual(DEFAULT_FILTERS);
  });
});
