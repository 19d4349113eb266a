import { describe, expect, it } from "vitest";
import { fenToYuanText, firstMessage, newStyleForm, skuForm, styleForm, yuanToFen } from "@/lib/catalog/admin-input";
import { parseClock, parseCoordinates, parseOpeningHours, storeForm } from "@/lib/stores/admin-input";

describe("yuan typed in a form → integer fen", () => {
  it("reads whole yuan, one and two decimals without float error", () => {
    expect(yuanToFen("129")).toBe(12900);
    expect(yuanToFen("129.5")).toBe(12950);
    expect(yuanToFen(" 0.29 ")).toBe(29);
    expect(yuanToFen("1.13")).toBe(113); // 1.13 * 100 = 112.99999999999999 in floating point
    expect(yuanToFen("9999999.99")).toBe(999999999);
  });
  it("refuses negatives, three decimals, letters, blanks and thousands separators", () => {
    for (const bad of ["-1", "1.234", "12a", "", " ", "1,299", "1e3", ".5", "10000000"]) expect(yuanToFen(bad)).toBeNull();
  });
  it("shows stored fen back as yuan with two decimals", () => {
    expect(fenToYuanText(12950)).toBe("129.50");
    expect(fenToYuanText(5)).toBe("0.05");
  });
});

const style = { name: "羊毛大衣", nameEn: "Wool coat", description: "", categoryId: "cat", season: "26AW", active: true, price: "899", listPrice: "" };

describe("style form", () => {
  it("turns prices into fen, a blank list price into none", () => {
    expect(styleForm.parse(style)).toMatchObject({ price: 89900, listPrice: null });
    expect(styleForm.parse({ ...style, listPrice: "1299.00" })).toMatchObject({ price: 89900, listPrice: 129900 });
  });
  it("refuses a list price below the price, in both languages", () => {
    const r = styleForm.safeParse({ ...style, listPrice: "800" });
    expect(r.success).toBe(false);
    expect(firstMessage(r.error!)).toBe("原价不能低于售价 / The list price cannot be below the price");
  });
  it("refuses a price that is not an amount", () => {
    const r = styleForm.safeParse({ ...style, price: "abc" });
    expect(r.success).toBe(false);
    expect(firstMessage(r.error!)).toBe("售价须为金额，最多两位小数 / The price must be an amount in yuan with at most 2 decimals");
  });
  it("upper-cases a new style code and refuses spaces", () => {
    expect(newStyleForm.parse({ ...style, styleCode: "lm26x0001" }).styleCode).toBe("LM26X0001");
    expect(newStyleForm.safeParse({ ...style, styleCode: "LM 1" }).success).toBe(false);
  });
});

describe("SKU form", () => {
  const sku = { gtin: "6901234567892", colorCode: "01", colorName: "黑色", colorHex: "1c1c1e", size: "M", sizeOrder: "3", price: "" };
  it("accepts a valid EAN-13, normalises the colour value", () => {
    expect(skuForm.parse(sku)).toMatchObject({ gtin: "6901234567892", colorHex: "#1C1C1E", sizeOrder: 3, price: null });
  });
  it("refuses a wrong check digit", () => {
    const r = skuForm.safeParse({ ...sku, gtin: "6901234567893" });
    expect(r.success).toBe(false);
    expect(firstMessage(r.error!)).toBe("GTIN 须为 13 位数字且校验位正确 / A GTIN is 13 digits with a valid check digit");
  });
  it("reads an own price in yuan", () => {
    expect(skuForm.parse({ ...sku, price: "99.90" }).price).toBe(9990);
  });
});

describe("opening hours", () => {
  it("reads HH:MM as minutes after midnight", () => {
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("09:30")).toBe(570);
    expect(parseClock("23:59")).toBe(1439);
    for (const bad of ["24:00", "9:30", "12:60", "noon", ""]) expect(parseClock(bad)).toBeNull();
  });
  it("a close at or before the opening passes midnight", () => {
    expect(parseOpeningHours("10:00", "22:00")).toEqual({ ok: true, opensAt: 600, closesAt: 1320 });
    expect(parseOpeningHours("18:00", "02:00")).toEqual({ ok: true, opensAt: 1080, closesAt: 1560 });
  });
  it("refuses equal times and malformed times", () => {
    expect(parseOpeningHours("10:00", "10:00")).toMatchObject({ ok: false, message: expect.stringMatching(/ \/ Opening and closing/) });
    expect(parseOpeningHours("10", "22:00")).toMatchObject({ ok: false });
  });
});

describe("GCJ-02 coordinates", () => {
  it("accepts a point in Shanghai", () => {
    expect(parseCoordinates("31.230416", "121.473701")).toEqual({ ok: true, lat: 31.230416, lng: 121.473701 });
  });
  it("refuses swapped, out-of-China and malformed values", () => {
    expect(parseCoordinates("121.47", "31.23")).toMatchObject({ ok: false, message: expect.stringMatching(/^纬度.* \/ Latitude/) });
    expect(parseCoordinates("48.85", "2.35")).toMatchObject({ ok: false, message: expect.stringMatching(/ \/ Longitude/) });
    expect(parseCoordinates("31,23", "121.47")).toMatchObject({ ok: false });
    expect(parseCoordinates("", "")).toMatchObject({ ok: false });
  });
});

describe("store form", () => {
  const form = { name: "LUMI 测试店", kind: "DIRECT", city: "上海", district: "", address: "南京西路 1 号", mallName: "", phone: "021-1234 5678", lat: "31.23", lng: "121.47", opens: "10:00", closes: "01:00", pickupEnabled: true, deliveryEnabled: false, safetyStock: "2", active: true };
  it("comes out as stored", () => {
    expect(storeForm.parse(form)).toMatchObject({ opensAt: 600, closesAt: 1500, lat: 31.23, lng: 121.47, safetyStock: 2, kind: "DIRECT" });
  });
  it("refuses bad hours and coordinates with their messages", () => {
    expect(storeForm.safeParse({ ...form, closes: "25:00" }).error?.issues[0]?.message).toMatch(/^营业时间/);
    expect(storeForm.safeParse({ ...form, lat: "95" }).error?.issues[0]?.message).toMatch(/^纬度/);
    expect(storeForm.safeParse({ ...form, kind: "SHOP" }).success).toBe(false);
  });
});
