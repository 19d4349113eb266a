import { describe, expect, it } from "vitest";
import { COUNT_CAP, countUpTo, listHref, pageOf, parseListParams } from "@/lib/admin/list-params";

const options = { sorts: ["name", "createdAt"] as const, defaultSort: "createdAt" as const, defaultDir: "desc" as const, pageSize: 20 };

describe("console list parameters", () => {
  it("reads q, sort, dir and page and turns the page into skip/take", () => {
    expect(parseListParams({ q: "  dress ", sort: "name", dir: "asc", page: "3" }, options)).toEqual({ q: "dress", sort: "name", dir: "asc", page: 3, pageSize: 20, skip: 40, take: 20 });
  });

  it("falls back to the defaults for an unknown sort, a bad direction or page, instead of failing", () => {
    expect(parseListParams({ sort: "passwordHash", dir: "sideways", page: "-2" }, options)).toMatchObject({ q: "", sort: "createdAt", dir: "desc", page: 1, skip: 0 });
    expect(parseListParams({ page: ["2", "9"], q: "x".repeat(101) }, options)).toMatchObject({ page: 2, q: "" });
  });

  it("counts pages and builds links that keep filters, reset the page on a new sort and drop page 1", () => {
    expect(pageOf([1, 2], 41, { page: 1, pageSize: 20 }).pages).toBe(3);
    expect(pageOf([], 0, { page: 1, pageSize: 20 }).pages).toBe(1);
    const current = { brand: "lumi", q: "裙", sort: "name", dir: "asc", page: 3 };
    expect(listHref("/admin/products", current, { sort: "createdAt", dir: "desc" })).toBe("/admin/products?brand=lumi&q=%E8%A3%99&sort=createdAt&dir=desc");
    expect(listHref("/admin/products", current, { page: 4 })).toBe("/admin/products?brand=lumi&q=%E8%A3%99&sort=name&dir=asc&page=4");
  });

  it("counts at most COUNT_CAP rows: past it the list says so and still pages on while pages are full", () => {
    expect(countUpTo({ createdAt: "desc" })).toEqual({ take: COUNT_CAP + 1, orderBy: { createdAt: "desc" } });
    const full = Array.from({ length: 20 }, (_, i) => i);
    expect(pageOf(full, COUNT_CAP, { page: 1, pageSize: 20 })).toMatchObject({ total: COUNT_CAP, capped: false, pages: COUNT_CAP / 20 });
    expect(pageOf(full, COUNT_CAP + 1, { page: 1, pageSize: 20 })).toMatchObject({ total: COUNT_CAP, capped: true, pages: COUNT_CAP / 20 });
    // Deep past the cap (reached by ?page=): a full page offers the next one, a short page is the last.
    expect(pageOf(full, COUNT_CAP + 1, { page: 900, pageSize: 20 }).pages).toBe(901);
    expect(pageOf(full.slice(0, 5), COUNT_CAP + 1, { page: 900, pageSize: 20 }).pages).toBe(900);
    // A partial search cut short at 1,000 matches: "more than 1,000", and its pages end with those matches.
    expect(pageOf(full, 1000, { page: 50, pageSize: 20 }, 1000)).toMatchObject({ total: 1000, capped: true, pages: 50 });
  });
});
