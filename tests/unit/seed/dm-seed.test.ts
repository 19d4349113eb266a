import { describe, expect, it } from "vitest";
import { generateSeedData } from "@/lib/seed";
import { generateDmCatalogs } from "@/lib/seed/dm";

const data = generateSeedData();

describe("demo DM catalogs", () => {
  const dm = generateDmCatalogs(data.products, data.images);

  it("are deterministic and have unique ids", () => {
    expect(generateDmCatalogs(data.products, data.images)).toEqual(dm);
    for (const rows of [dm.catalogs, dm.items, dm.audience]) expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("are published LUMI catalogs of LUMI products on sale, each with items and an audience for VIPs or SVIPs", () => {
    const lumi = new Set(data.products.filter((p) => p.brandId === "brand_lumi" && p.active).map((p) => p.id));
    expect(dm.catalogs.length).toBeGreaterThanOrEqual(1);
    for (const c of dm.catalogs) {
      expect(c).toMatchObject({ brandId: "brand_lumi", kind: "DM", status: "PUBLISHED", endsAt: null });
      const items = dm.items.filter((i) => i.lookbookId === c.id);
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.productId)).size).toBe(items.length);
      for (const i of items) expect(lumi.has(i.productId)).toBe(true);
      expect(dm.audience.some((r) => r.lookbookId === c.id && r.kind === "TIER")).toBe(true);
    }
  });
});
