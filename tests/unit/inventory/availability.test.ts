import { describe, expect, it } from "vitest";
import { availabilityNear } from "@/lib/inventory/availability";
import { sellableQuantity, stockLevel } from "@/lib/inventory/levels";
import type { StoreSummary } from "@/lib/stores/queries";

const store = (id: string, lat: number, lng: number, safetyStock = 0): StoreSummary => ({
  id, code: id.toUpperCase(), name: id, kind: "DIRECT", city: "上海", district: "", address: "", mallName: id, phone: "",
  lat, lng, opensAt: 600, closesAt: 1320, pickupEnabled: true, safetyStock,
});

describe("stock levels", () => {
  it("never shows negative or reserved stock as sellable and respects safety stock", () => {
    expect(sellableQuantity(5, 2)).toBe(3);
    expect(sellableQuantity(2, 2)).toBe(0);
    expect(sellableQuantity(3, 0, 1)).toBe(2);
    expect(sellableQuantity(1, 0, 2)).toBe(0);
  });
  it("maps quantities to in / low / none", () => {
    expect([0, 1, 2, 3, 10].map(stockLevel)).toEqual(["none", "low", "low", "in", "in"]);
  });
});

describe("availability near a shopper", () => {
  const stores = [store("far", 31.3, 121.6), store("near", 31.231, 121.471, 1), store("mid", 31.25, 121.5)];
  const stock = [
    { storeId: "near", skuId: "M", onHand: 1, reserved: 0 }, // safety stock 1 → none
    { storeId: "near", skuId: "L", onHand: 5, reserved: 0 },
    { storeId: "mid", skuId: "M", onHand: 2, reserved: 0 },
    { storeId: "far", skuId: "M", onHand: 9, reserved: 4 },
  ];

  it("lists the nearest stores first with a level per SKU", () => {
    const result = availabilityNear(stores, stock, ["S", "M", "L"], { lat: 31.23, lng: 121.47 });
    expect(result.map((r) => r.code)).toEqual(["NEAR", "MID", "FAR"]);
    expect(result[0]!.levels).toEqual({ S: "none", M: "none", L: "in" });
    expect(result[1]!.levels).toEqual({ S: "none", M: "low", L: "none" });
    expect(result[2]!.levels.M).toBe("in");
    expect(result[0]!.distanceM).toBeLessThan(result[1]!.distanceM);
  });

  it("caps the number of stores and flags stores with nothing to sell", () => {
    const result = availabilityNear(stores, stock, ["S"], { lat: 31.23, lng: 121.47 }, 2);
    expect(result).toHaveLength(2);
    expect(result.every((r) => r.hasAny === false)).toBe(true);
  });
});
