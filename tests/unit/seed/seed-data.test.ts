import { describe, expect, it } from "vitest";
import { isValidGtin13 } from "@/lib/catalog/gtin";
import { GARMENT_KINDS } from "@/lib/catalog/garment-svg";
import { generateSeedData, REFERENCE_DATE } from "@/lib/seed";
import { GARMENT_KIND_BY_CATEGORY } from "@/lib/seed/categories";
import { sceneCodeFor } from "@/lib/seed/scenes";

const data = generateSeedData();
const shops = data.stores.filter((s) => s.kind !== "WAREHOUSE");
const warehouses = data.stores.filter((s) => s.kind === "WAREHOUSE");

describe("demo seed data", () => {
  it("is deterministic: two runs give deep-equal data", () => {
    expect(generateSeedData()).toEqual(data);
  });

  it("does not depend on the order the generators run in", async () => {
    const { generateStores } = await import("@/lib/seed/stores");
    const { generateCatalog } = await import("@/lib/seed/catalog");
    // Run the catalog first this time: each generator seeds faker itself.
    const catalog = generateCatalog();
    expect(generateStores()).toEqual(data.stores);
    expect(catalog.products).toEqual(data.products);
  });

  it("has unique ids in every table", () => {
    for (const rows of [data.brands, data.stores, data.categories, data.products, data.skus, data.images, data.members, data.memberBrands, data.scenes]) {
      const ids = rows.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("gives every SKU a valid, unique EAN-13 with the China prefix 69", () => {
    const gtins = data.skus.map((s) => s.gtin);
    expect(gtins.every(isValidGtin13)).toBe(true);
    expect(gtins.every((g) => g.startsWith("69"))).toBe(true);
    expect(new Set(gtins).size).toBe(gtins.length);
    expect(data.skus.every((s) => s.id === `sku_${s.gtin}`)).toBe(true);
  });

  it("has two brands with at least 22 stores each, at least 40 stores in at least 4 cities, one warehouse each", () => {
    expect(data.brands.map((b) => b.slug)).toEqual(["lumi", "nord"]);
    for (const b of data.brands) {
      expect(shops.filter((s) => s.brandId === b.id).length).toBeGreaterThanOrEqual(22);
      expect(b.logoUrl).toBe(`/brands/${b.slug}.svg`);
    }
    expect(shops.length).toBeGreaterThanOrEqual(40);
    expect(new Set(shops.map((s) => s.city)).size).toBeGreaterThanOrEqual(4);
    expect(warehouses).toHaveLength(2);
    for (const w of warehouses) {
      expect(w.pickupEnabled).toBe(false);
      expect(w.mallName).toBe("");
    }
  });

  it("puts every store inside China with sensible hours, codes and phones", () => {
    for (const s of data.stores) {
      expect(s.lat).toBeGreaterThan(18);
      expect(s.lat).toBeLessThan(54);
      expect(s.lng).toBeGreaterThan(73);
      expect(s.lng).toBeLessThan(135);
      expect(s.opensAt).toBeGreaterThanOrEqual(0);
      expect(s.closesAt).toBeGreaterThan(s.opensAt);
      expect(s.closesAt).toBeLessThanOrEqual(2880);
      expect(s.code).toMatch(/^(SH|BJ|GZ|SZ|HZ|CD|WH)\d{2}$/);
      expect(s.phone).toMatch(/^0\d{2,3}-\d{8}$/);
    }
    expect(shops.some((s) => s.closesAt > 1440)).toBe(true);
    const franchise = shops.filter((s) => s.kind === "FRANCHISE").length / shops.length;
    expect(franchise).toBeGreaterThan(0.15);
    expect(franchise).toBeLessThan(0.35);
    expect(shops.some((s) => s.safetyStock === 1)).toBe(true);
  });

  it("builds a two-level category tree and attaches products to leaves only", () => {
    const parents = new Set(data.categories.map((c) => c.parentId).filter(Boolean));
    for (const c of data.categories) {
      if (c.parentId) expect(data.categories.find((p) => p.id === c.parentId)?.parentId).toBeNull();
      expect(c.slug).toMatch(/^[a-z0-9-]+$/);
    }
    for (const p of data.products) expect(parents.has(p.categoryId)).toBe(false);
  });

  it("has at least 70 styles per brand with unique style codes, realistic prices and launch dates", () => {
    for (const b of data.brands) {
      const products = data.products.filter((p) => p.brandId === b.id);
      expect(products.length).toBeGreaterThanOrEqual(70);
      expect(new Set(products.map((p) => p.styleCode)).size).toBe(products.length);
    }
    const oldest = REFERENCE_DATE.getTime() - 120 * 86_400_000;
    for (const p of data.products) {
      expect(p.styleCode).toMatch(/^(LM26W|ND26U)\d{4}$/);
      expect(p.priceFen).toBeGreaterThanOrEqual(9900);
      expect(p.priceFen).toBeLessThanOrEqual(129900);
      expect(p.priceFen % 1000).toBe(900);
      if (p.listPriceFen !== null) expect(p.listPriceFen).toBeGreaterThan(p.priceFen);
      expect(p.launchedAt.getTime()).toBeGreaterThanOrEqual(oldest);
      expect(p.launchedAt.getTime()).toBeLessThan(REFERENCE_DATE.getTime());
      expect(p.name).toMatch(/[\u4e00-\u9fff]/);
      expect(p.description.length).toBeGreaterThan(8);
    }
    const marked = data.products.filter((p) => p.listPriceFen !== null).length / data.products.length;
    expect(marked).toBeGreaterThan(0.15);
    expect(marked).toBeLessThan(0.45);
  });

  it("cuts every style in 2–4 colours × 4–6 sizes, the full grid", () => {
    for (const p of data.products) {
      const skus = data.skus.filter((s) => s.productId === p.id);
      const colours = new Set(skus.map((s) => s.colorCode));
      const sizes = new Set(skus.map((s) => s.size));
      expect(colours.size).toBeGreaterThanOrEqual(2);
      expect(colours.size).toBeLessThanOrEqual(4);
      expect(sizes.size).toBeGreaterThanOrEqual(4);
      expect(sizes.size).toBeLessThanOrEqual(6);
      expect(skus.length).toBe(colours.size * sizes.size);
      for (const s of skus) expect(s.colorHex).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it("gives each colour a front picture (and often a back) at a URL the image route accepts", () => {
    for (const p of data.products) {
      const colours = new Set(data.skus.filter((s) => s.productId === p.id).map((s) => s.colorCode));
      const images = data.images.filter((i) => i.productId === p.id);
      for (const c of colours) {
        const views = images.filter((i) => i.colorCode === c);
        expect(views.length).toBeGreaterThanOrEqual(1);
        expect(views.length).toBeLessThanOrEqual(2);
        expect(views[0]!.url).toMatch(/\?v=front$/);
      }
      expect(images.find((i) => i.sort === 0)).toBeDefined();
    }
    for (const i of data.images) {
      const m = /^\/img\/garment\/([a-z]+)\/([0-9a-f]{6})\?v=(front|back)$/.exec(i.url);
      expect(m, i.url).not.toBeNull();
      expect((GARMENT_KINDS as readonly string[]).includes(m![1]!)).toBe(true);
    }
    expect(Object.values(GARMENT_KIND_BY_CATEGORY).sort()).toEqual([...GARMENT_KINDS].sort());
  });

  it("stocks stores sparsely (0–8, sizes missing) and the warehouse deeply (10–60)", () => {
    const warehouseIds = new Set(warehouses.map((w) => w.id));
    const shopLines = data.stock.filter((l) => !warehouseIds.has(l.storeId));
    const whLines = data.stock.filter((l) => warehouseIds.has(l.storeId));
    expect(shopLines.every((l) => l.quantity >= 0 && l.quantity <= 8)).toBe(true);
    expect(whLines.every((l) => l.quantity >= 10 && l.quantity <= 60)).toBe(true);
    expect(shopLines.some((l) => l.quantity === 0)).toBe(true);
    // Every shop has stock, and the warehouse holds most of its brand's SKUs.
    for (const s of shops) expect(shopLines.some((l) => l.storeId === s.id)).toBe(true);
    expect(whLines.length / data.skus.length).toBeGreaterThan(0.8);
    // No duplicate (store, sku) pairs: each is one Inventory row.
    const keys = data.stock.map((l) => `${l.storeId}|${l.skuId}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Gaps: a style a shop carries often lacks one of its sizes there.
    const held = new Set(shopLines.filter((l) => l.quantity > 0).map((l) => `${l.storeId}|${l.skuId}`));
    const skuById = new Map(data.skus.map((s) => [s.id, s]));
    let gaps = 0;
    for (const s of shops) {
      const carried = new Set(shopLines.filter((l) => l.storeId === s.id).map((l) => skuById.get(l.skuId)!.productId + "|" + skuById.get(l.skuId)!.colorCode));
      for (const key of carried) {
        const [productId, colorCode] = key.split("|");
        const grid = data.skus.filter((k) => k.productId === productId && k.colorCode === colorCode);
        if (grid.some((k) => !held.has(`${s.id}|${k.id}`))) gaps++;
      }
    }
    expect(gaps).toBeGreaterThan(100);
    // Extreme sizes are rarer in shops than middle sizes.
    const bySize = (size: string) => shopLines.filter((l) => skuById.get(l.skuId)!.size === size).length;
    expect(bySize("XS")).toBeLessThan(bySize("M"));
  });

  it("has about 30 members with unique phones and per-brand tiers", () => {
    expect(data.members.length).toBeGreaterThanOrEqual(25);
    const phones = data.members.map((m) => m.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(p).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(data.memberBrands.map((mb) => mb.tier))).toEqual(new Set(["NORMAL", "VIP", "SVIP"]));
    expect(data.memberBrands.every((mb) => mb.points >= 0)).toBe(true);
  });

  it("makes one short, unique scene code per product, per product tag of the flagship stores, and per shop", () => {
    expect(data.scenes.filter((s) => s.kind === "PRODUCT" && s.storeId === null)).toHaveLength(data.products.length);
    const flagships = data.stores.filter((s) => s.code === "SH01");
    expect(flagships).toHaveLength(2);
    for (const f of flagships) {
      expect(data.scenes.filter((s) => s.kind === "PRODUCT" && s.storeId === f.id)).toHaveLength(data.products.filter((p) => p.brandId === f.brandId).length);
    }
    expect(data.scenes.filter((s) => s.kind === "STORE")).toHaveLength(shops.length);
    const codes = data.scenes.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{6,8}$/);
    expect(sceneCodeFor("scene_prod_lumi_LM26W0001")).toBe(sceneCodeFor("scene_prod_lumi_LM26W0001"));
    expect(sceneCodeFor("x", 0)).not.toBe(sceneCodeFor("x", 1));
  });
});
