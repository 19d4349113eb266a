import { describe, expect, it } from "vitest";
import { pickupStores, routeDelivery, type RoutingStore, type StockRow } from "@/lib/fulfilment/routing";

// Stores on a line east of the shopper at (31.2, 121.4): each 0.01° of longitude is ~950 m.
const at = (km: number) => ({ lat: 31.2, lng: 121.4 + km / 95 });
const store = (id: string, km: number, extra: Partial<RoutingStore> = {}): RoutingStore => ({
  id, kind: "DIRECT", active: true, pickupEnabled: true, deliveryEnabled: true, safetyStock: 0, ...at(km), ...extra,
});
const row = (storeId: string, skuId: string, onHand: number, reserved = 0): StockRow => ({ storeId, skuId, onHand, reserved });
const shopper = at(0);
const ALL = { shipFromDirect: true, shipFromFranchise: true };

describe("delivery routing", () => {
  it("ships from the nearest store that has every line", () => {
    const stores = [store("far", 9), store("near", 2), store("nearest-but-partial", 1)];
    const stock = [row("far", "a", 5), row("far", "b", 5), row("near", "a", 1), row("near", "b", 2), row("nearest-but-partial", "a", 9)];
    const route = routeDelivery(stores, stock, [{ skuId: "a", quantity: 1 }, { skuId: "b", quantity: 2 }], shopper, ALL);
    expect(route).toMatchObject({ kind: "single", storeId: "near" });
    expect(route.kind !== "unavailable" && route.assignments).toEqual([
      { storeId: "near", skuId: "a", quantity: 1 },
      { storeId: "near", skuId: "b", quantity: 2 },
    ]);
  });

  it("splits across the fewest stores when none has everything, preferring the nearer pair", () => {
    const stores = [store("a-near", 1), store("b-near", 2), store("b-far", 20), store("c-only", 3), store("ab-far", 30, { deliveryEnabled: false })];
    const stock = [row("a-near", "a", 1), row("b-near", "b", 1), row("b-far", "b", 1), row("b-far", "c", 1), row("c-only", "c", 1), row("ab-far", "a", 9), row("ab-far", "b", 9), row("ab-far", "c", 9)];
    const two = routeDelivery(stores, stock, [{ skuId: "a", quantity: 1 }, { skuId: "b", quantity: 1 }], shopper, ALL);
    expect(two).toMatchObject({ kind: "split", storeIds: ["a-near", "b-near"] });
    // a, b, c: a-near + b-far (b and c) is 2 stores; a-near + b-near + c-only would be 3.
    const three = routeDelivery(stores, stock, [{ skuId: "a", quantity: 1 }, { skuId: "b", quantity: 1 }, { skuId: "c", quantity: 1 }], shopper, ALL);
    expect(three.kind).toBe("split");
    expect(three.kind === "split" && [...three.storeIds].sort()).toEqual(["a-near", "b-far"]);
  });

  it("falls back to the nearest warehouse when no stores can cover the order", () => {
    const stores = [store("s1", 1), store("w-far", 300, { kind: "WAREHOUSE", pickupEnabled: false }), store("w-near", 100, { kind: "WAREHOUSE", pickupEnabled: false })];
    const stock = [row("s1", "a", 0), row("w-far", "a", 50), row("w-near", "a", 50)];
    expect(routeDelivery(stores, stock, [{ skuId: "a", quantity: 2 }], shopper, ALL)).toMatchObject({ kind: "warehouse", storeId: "w-near" });
  });

  it("respects the brand's exclusions of direct or franchise stores", () => {
    const stores = [store("franchise", 1, { kind: "FRANCHISE" }), store("direct", 5)];
    const stock = [row("franchise", "a", 3), row("direct", "a", 3)];
    const lines = [{ skuId: "a", quantity: 1 }];
    expect(routeDelivery(stores, stock, lines, shopper, ALL)).toMatchObject({ storeId: "franchise" });
    expect(routeDelivery(stores, stock, lines, shopper, { shipFromDirect: true, shipFromFranchise: false })).toMatchObject({ storeId: "direct" });
    expect(routeDelivery(stores, stock, lines, shopper, { shipFromDirect: false, shipFromFranchise: false })).toEqual({ kind: "unavailable", missing: ["a"] });
  });

  it("keeps each store's safety stock back and counts reserved units as gone", () => {
    const stores = [store("guarded", 1, { safetyStock: 2 }), store("reserved", 2), store("open", 8)];
    const stock = [row("guarded", "a", 3), row("reserved", "a", 3, 2), row("open", "a", 2)];
    // guarded: 3 - 2 safety = 1 sellable; reserved: 3 - 2 = 1 sellable; open: 2.
    expect(routeDelivery(stores, stock, [{ skuId: "a", quantity: 2 }], shopper, ALL)).toMatchObject({ storeId: "open" });
    expect(routeDelivery(stores, stock, [{ skuId: "a", quantity: 1 }], shopper, ALL)).toMatchObject({ storeId: "guarded" });
  });

  it("says which lines nobody has", () => {
    const route = routeDelivery([store("s", 1)], [row("s", "a", 1)], [{ skuId: "a", quantity: 1 }, { skuId: "z", quantity: 1 }], shopper, ALL);
    expect(route).toEqual({ kind: "unavailable", missing: ["z"] });
  });
});

describe("pickup stores", () => {
  it("lists only open pickup stores with every line, nearest first; never a warehouse", () => {
    const stores = [store("b", 4), store("a", 2), store("no-pickup", 1, { pickupEnabled: false }), store("w", 0.5, { kind: "WAREHOUSE" }), store("closed", 1, { active: false }), store("short", 1)];
    const stock = ["a", "b", "no-pickup", "w", "closed"].map((s) => row(s, "x", 5)).concat([row("short", "x", 1)]);
    expect(pickupStores(stores, stock, [{ skuId: "x", quantity: 2 }], shopper).map((s) => s.id)).toEqual(["a", "b"]);
  });
});
