import { describe, expect, it } from "vitest";
import { distanceMeters, formatDistance, sortByDistance, wgs84ToGcj02 } from "@/lib/stores/geo";

describe("coordinates", () => {
  it("shifts a WGS-84 position in Shanghai by the GCJ-02 offset (a few hundred metres)", () => {
    const wgs = { lat: 31.2304, lng: 121.4737 };
    const gcj = wgs84ToGcj02(wgs.lat, wgs.lng);
    expect(gcj.lat).toBeCloseTo(31.2285, 3);
    expect(gcj.lng).toBeCloseTo(121.4781, 3);
    const shift = distanceMeters(wgs, gcj);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  it("measures city distances", () => {
    // People's Square to Jing'an Temple, about 2.5 km.
    const d = distanceMeters({ lat: 31.2317, lng: 121.4751 }, { lat: 31.2237, lng: 121.4464 });
    expect(d).toBeGreaterThan(2500);
    expect(d).toBeLessThan(3100);
    // Shanghai to Beijing, about 1070 km.
    expect(distanceMeters({ lat: 31.23, lng: 121.47 }, { lat: 39.9, lng: 116.4 })).toBeGreaterThan(1_000_000);
  });

  it("sorts by distance and formats it for people", () => {
    const from = { lat: 31.23, lng: 121.47 };
    const sorted = sortByDistance(
      [
        { id: "far", lat: 39.9, lng: 116.4 },
        { id: "near", lat: 31.231, lng: 121.471 },
        { id: "mid", lat: 31.3, lng: 121.5 },
      ],
      from,
    );
    expect(sorted.map((s) => s.id)).toEqual(["near", "mid", "far"]);
    expect(formatDistance(842)).toBe("840 m");
    expect(formatDistance(3240)).toBe("3.2 km");
    expect(formatDistance(1_068_000)).toBe("1068 km");
  });
});
