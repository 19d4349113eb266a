import { describe, expect, it } from "vitest";
import { countVerdict, emptiesStore, storeEffects, storesToHold } from "@/lib/stock-feeds/rules";

// The hold rule (would the feed empty a store?) and the count-conflict rule (is this count older than the last?).

describe("storesToHold", () => {
  const totals = [{ storeId: "A", units: 30, skus: 20 }];
  const zero = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ storeId: "A", before: i + from < 20 ? 1 : 0, after: 0 }));

  it("holds a feed that leaves a stocked store with nothing", () => {
    const changes = Array.from({ length: 20 }, () => ({ storeId: "A", before: 1, after: 0 }));
    const totalsExact = [{ storeId: "A", units: 20, skus: 20 }];
    expect(storesToHold(totalsExact, changes)).toEqual([{ storeId: "A", unitsBefore: 20, unitsAfter: 0, skusBefore: 20, skusAfter: 0 }]);
  });

  it("holds a feed that keeps at most a tenth of the stocked SKUs, not one that keeps more", () => {
    expect(storesToHold(totals, zero(18))).toHaveLength(1); // 2 of 20 left = 10 %
    expect(storesToHold(totals, zero(17))).toEqual([]); // 3 of 20 left
  });

  it("does not hold a normal partial feed, a store with no stock, or a feed that restocks", () => {
    expect(storesToHold(totals, [{ storeId: "A", before: 3, after: 0 }, { storeId: "A", before: 1, after: 5 }])).toEqual([]);
    expect(storesToHold([{ storeId: "B", units: 0, skus: 0 }], [{ storeId: "B", before: 0, after: 0 }])).toEqual([]);
    // A small store whose only stocked SKU is counted out while new SKUs arrive: a range change, not an empty store.
    expect(storesToHold([{ storeId: "C", units: 2, skus: 1 }], [{ storeId: "C", before: 2, after: 0 }, { storeId: "C", before: 0, after: 4 }])).toEqual([]);
  });

  it("a small store (fewer than 10 stocked SKUs) is held only when emptied", () => {
    const small = [{ storeId: "S", units: 5, skus: 5 }];
    expect(storesToHold(small, [0, 1, 2, 3].map(() => ({ storeId: "S", before: 1, after: 0 })))).toEqual([]);
    expect(storesToHold(small, [0, 1, 2, 3, 4].map(() => ({ storeId: "S", before: 1, after: 0 })))).toHaveLength(1);
  });

  it("judges each store of the feed alone and ignores stores the feed does not touch", () => {
    const two = [{ storeId: "A", units: 1, skus: 1 }, { storeId: "B", units: 9, skus: 3 }, { storeId: "Z", units: 0, skus: 0 }];
    const effects = storeEffects(two, [{ storeId: "A", before: 1, after: 0 }, { storeId: "B", before: 3, after: 0 }]);
    expect(effects.map((e) => e.storeId)).toEqual(["A", "B"]);
    expect(effects.filter(emptiesStore).map((e) => e.storeId)).toEqual(["A"]);
  });
});

describe("countVerdict", () => {
  const t = (iso: string) => new Date(iso);
  it("applies the first count and any newer one", () => {
    expect(countVerdict(t("2026-11-23T08:00:00Z"), 5, { at: null, onHand: null })).toBe("apply");
    expect(countVerdict(t("2026-11-23T08:00:01Z"), 5, { at: t("2026-11-23T08:00:00Z"), onHand: 9 })).toBe("apply");
  });
  it("reports an older count, or another figure at the same time, as stale", () => {
    expect(countVerdict(t("2026-11-23T07:59:59Z"), 5, { at: t("2026-11-23T08:00:00Z"), onHand: 9 })).toBe("stale");
    expect(countVerdict(t("2026-11-23T08:00:00Z"), 5, { at: t("2026-11-23T08:00:00Z"), onHand: 9 })).toBe("stale");
  });
  it("treats the same count sent again as already applied", () => {
    expect(countVerdict(t("2026-11-23T08:00:00Z"), 9, { at: t("2026-11-23T08:00:00Z"), onHand: 9 })).toBe("already_applied");
  });
});
