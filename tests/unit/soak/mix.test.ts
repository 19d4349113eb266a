import { describe, expect, it } from "vitest";
import { blockSchedule, BROWSE_MIX, browsePath, type Catalog, MIX, seededRandom } from "../../../scripts/soak/mix";

const catalog: Catalog = {
  brands: ["lumi", "nord"].map((slug) => ({
    slug,
    styleCodes: Array.from({ length: 50 }, (_, i) => `${slug.toUpperCase()}${String(i).padStart(4, "0")}`),
    categorySlugs: ["dresses", "coats", "jeans"],
    storeCodes: ["SH01", "BJ01"],
    searchTerms: ["dress", "连衣"],
  })),
};

describe("the soak's traffic mix", () => {
  it("is the issue's 90/5/5 exactly in every block of 20 actions", () => {
    const next = blockSchedule(MIX, seededRandom(1));
    for (let block = 0; block < 50; block++) {
      const picks = Array.from({ length: 20 }, () => next());
      expect(picks.filter((k) => k === "browse")).toHaveLength(18);
      expect(picks.filter((k) => k === "favourite")).toHaveLength(1);
      expect(picks.filter((k) => k === "order")).toHaveLength(1);
    }
  });

  it("repeats with the same seed and shuffles differently with another", () => {
    const take = (seed: number) => {
      const next = blockSchedule(MIX, seededRandom(seed));
      return Array.from({ length: 200 }, () => next());
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
  });

  it("refuses weights that are not whole numbers or are all zero", () => {
    expect(() => blockSchedule({ a: 1.5 }, Math.random)).toThrow(/whole number/);
    expect(() => blockSchedule({ a: 0 }, Math.random)).toThrow(/positive weight/);
  });
});

describe("the pages a browse opens", () => {
  it("covers every kind of shop page in the browse mix, under each brand", () => {
    const random = seededRandom(3);
    const next = blockSchedule(BROWSE_MIX, random);
    const paths = Array.from({ length: 2000 }, () => browsePath(catalog, next(), random));
    for (const pattern of [/^\/(lumi|nord)$/, /\/categories$/, /\/c\/[a-z]+$/, /\/p\/[A-Z]+\d{4}$/, /\/availability\?store=/, /\/search\?q=/, /\/stores$/, /\/stores\/[A-Z]{2}01$/]) {
      expect(paths.some((p) => pattern.test(p)), String(pattern)).toBe(true);
    }
    expect(paths.some((p) => p.startsWith("/lumi"))).toBe(true);
    expect(paths.some((p) => p.startsWith("/nord"))).toBe(true);
  });

  it("spreads product views over the whole catalog, not one cached page", () => {
    const random = seededRandom(4);
    const seen = new Set(Array.from({ length: 2000 }, () => browsePath(catalog, "product", random)));
    expect(seen.size).toBeGreaterThanOrEqual(95); // of 100 products in all
  });

  it("encodes search terms and codes for the URL", () => {
    const one: Catalog = { brands: [{ slug: "lumi", styleCodes: ["A B"], categorySlugs: ["x"], storeCodes: ["S1"], searchTerms: ["连衣 裙"] }] };
    expect(browsePath(one, "search", () => 0)).toBe(`/lumi/search?q=${encodeURIComponent("连衣 裙")}`);
    expect(browsePath(one, "product", () => 0)).toBe("/lumi/p/A%20B");
  });
});
