import { describe, expect, it } from "vitest";
import { brandParam, dayFilter, enumFilter, textFilter } from "@/lib/admin/filters";

// Console list filters from the URL: a malformed value is no filter, never an error.

describe("console list filters", () => {
  it("takes a known enum value and ignores anything else", () => {
    const statuses = ["PAID", "COMPLETED"] as const;
    expect(enumFilter({ status: "PAID" }, "status", statuses)).toBe("PAID");
    expect(enumFilter({ status: ["COMPLETED", "PAID"] }, "status", statuses)).toBe("COMPLETED");
    expect(enumFilter({ status: "paid" }, "status", statuses)).toBeUndefined();
    expect(enumFilter({ status: "" }, "status", statuses)).toBeUndefined();
    expect(enumFilter({}, "status", statuses)).toBeUndefined();
  });

  it("trims text and drops blank or overlong values", () => {
    expect(textFilter({ tag: "  VIP客户 " }, "tag")).toBe("VIP客户");
    expect(textFilter({ tag: "   " }, "tag")).toBeUndefined();
    expect(textFilter({ tag: "x".repeat(21) }, "tag", 20)).toBeUndefined();
  });

  it("reads a day as Shanghai midnight; the end bound is the next midnight", () => {
    expect(dayFilter({ from: "2026-11-23" }, "from")).toEqual({ text: "2026-11-23", at: new Date("2026-11-22T16:00:00.000Z") });
    expect(dayFilter({ to: "2026-11-23" }, "to", true)).toEqual({ text: "2026-11-23", at: new Date("2026-11-23T16:00:00.000Z") });
    expect(dayFilter({ from: "2026-13-45" }, "from")).toBeUndefined();
    expect(dayFilter({ from: "23/11/2026" }, "from")).toBeUndefined();
  });

  it("takes a brand slug only in its plain form", () => {
    expect(brandParam({ brand: "lumi" })).toBe("lumi");
    expect(brandParam({ brand: "LUMI" })).toBeUndefined();
    expect(brandParam({ brand: "../x" })).toBeUndefined();
  });
});
