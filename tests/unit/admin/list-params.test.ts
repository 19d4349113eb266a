import { describe, expect, it } from "vitest";
import { listHref, pageOf, parseListParams } from "@/lib/admin/list-params";

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
});
