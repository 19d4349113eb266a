import { describe, expect, it } from "vitest";
import { rankSources, type SourceCandidate } from "@/lib/transfers/proposals";

// Which stores are proposed to a guide, in which order: only those that can give the quantity after their
// own reservations and safety stock, never the requesting store, nearest first.

const BJ01 = { storeId: "bj01", lat: 39.9087, lng: 116.3975 };
const store = (storeId: string, lat: number, lng: number, onHand: number, reserved = 0, safetyStock = 0, kind = "DIRECT"): SourceCandidate => ({
  storeId,
  code: storeId.toUpperCase(),
  name: storeId,
  city: "",
  kind,
  lat,
  lng,
  onHand,
  reserved,
  safetyStock,
});

describe("rankSources", () => {
  it("keeps stores that can give the quantity, nearest first, with distance and sellable figure", () => {
    const ranked = rankSources(
      BJ01,
      [
        store("sh01", 31.2304, 121.4737, 5), // Shanghai, ~1,070 km
        store("bj02", 39.95, 116.45, 2), // Beijing, a few km
        store("bj03", 39.92, 116.40, 3, 2), // 1 after reservations: short of 2
        store("bj04", 39.93, 116.41, 3, 0, 2), // 1 after safety stock: short of 2
        store("wh", 39.5, 116.7, 40, 0, 0, "WAREHOUSE"), // the warehouse may give too
        store("bj01", 39.9087, 116.3975, 9), // the requesting store itself
      ],
      2,
    );
    expect(ranked.map((r) => r.storeId)).toEqual(["bj02", "wh", "sh01"]);
    expect(ranked[0]).toMatchObject({ sellable: 2, code: "BJ02" });
    expect(ranked[0]!.distanceM).toBeGreaterThan(3_000);
    expect(ranked[0]!.distanceM).toBeLessThan(10_000);
    expect(ranked[2]!.distanceM).toBeGreaterThan(1_000_000);
    expect(ranked[0]).not.toHaveProperty("onHand");
  });

  it("breaks distance ties by what a store can give, then by code", () => {
    const ranked = rankSources(BJ01, [store("b", 31, 121, 3), store("a", 31, 121, 3), store("c", 31, 121, 9)], 1);
    expect(ranked.map((r) => r.storeId)).toEqual(["c", "a", "b"]);
  });

  it("proposes nothing when no store can give the quantity", () => {
    expect(rankSources(BJ01, [store("sh01", 31.23, 121.47, 1)], 2)).toEqual([]);
    expect(rankSources(BJ01, [], 1)).toEqual([]);
  });
});
