import { describe, expect, it } from "vitest";
import { CITY_STORES, findStores, finderQuery, NEAREST_STORES } from "@/lib/stores/finder";
import { distanceMeters } from "@/lib/stores/geo";
import type { StoreSummary } from "@/lib/stores/queries";

// 30 stores on a line east of People's Square (Shanghai) and 5 in Beijing, codes out of order on purpose.
const store = (code: string, city: string, district: string, lat: number, lng: number): StoreSummary => ({
  id: `id-${code}`, code, name: `店 ${code}`, kind: "DIRECT", city, district, address: "路 1 号", mallName: "广场", phone: "",
  lat, lng, opensAt: 600, closesAt: 1320, pickupEnabled: true, safetyStock: 1,
});
const shanghai = Array.from({ length: 30 }, (_, i) => store(`SH${String(30 - i).padStart(2, "0")}`, "上海", i % 2 ? "黄浦区" : "静安区", 31.23, 121.47 + i * 0.01));
const beijing = Array.from({ length: 5 }, (_, i) => store(`BJ0${i + 1}`, "北京", "朝阳区", 39.9, 116.45 + i * 0.01));
const all = [...beijing, ...shanghai];

describe("store finder", () => {
  it("lists the 20 stores nearest a position, nearest first, with their distance", () => {
    const from = { lat: 31.23, lng: 121.47 };
    const found = findStores(all, from);
    expect(found).toHaveLength(NEAREST_STORES);
    expect(found[0]!.code).toBe("SH30");
    expect(found.map((s) => s.distanceM)).toEqual([...found.map((s) => s.distanceM)].sort((a, b) => a! - b!));
    expect(found[5]!.distanceM).toBe(distanceMeters(from, found[5]!));
    expect(found.some((s) => s.city === "北京")).toBe(false);
    // What a shopper does not need is not sent: no ids, safety stock or pickup flags.
    expect(Object.keys(found[0]!)).not.toContain("safetyStock");
    expect(Object.keys(found[0]!)).not.toContain("id");
  });

  it("lists a city's stores by district then code, without distances, at most CITY_STORES", () => {
    const found = findStores(all, { city: "上海" });
    expect(found).toHaveLength(30);
    expect(found.every((s) => s.city === "上海" && s.distanceM === null)).toBe(true);
    const districts = found.map((s) => s.district);
    expect(districts.slice(0, 15).every((d) => d === districts[0])).toBe(true);
    const firstDistrict = found.slice(0, 15).map((s) => s.code);
    expect(firstDistrict).toEqual([...firstDistrict].sort());
    expect(findStores(all, { city: "广州" })).toEqual([]);
    const many = Array.from({ length: CITY_STORES + 5 }, (_, i) => store(`X${i}`, "深圳", "南山区", 22.5, 113.9));
    expect(findStores(many, { city: "深圳" })).toHaveLength(CITY_STORES);
  });

  it("reads ?lat=&lng= or ?city= and refuses anything else", () => {
    expect(finderQuery.parse({ lat: "31.2", lng: "121.4" })).toEqual({ lat: 31.2, lng: 121.4 });
    expect(finderQuery.parse({ city: " 上海 " })).toEqual({ city: "上海" });
    for (const bad of [{}, { lat: "31.2" }, { lat: "91", lng: "121" }, { lat: "x", lng: "1" }, { city: "" }, { city: "a".repeat(41) }]) {
      expect(finderQuery.safeParse(bad).success).toBe(false);
    }
  });
});
