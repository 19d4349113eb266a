import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseListingFilters, DEFAULT_FILTERS } from "@/lib/catalog/filters";
import { loadBrand, loadCategoryListing, loadCategoryTree, loadNewArrivals, loadProductDetail, searchCatalog, PAGE_SIZE, NEAR_ME_RADIUS_M } from "@/lib/catalog/queries";
import { isValidGtin13 } from "@/lib/catalog/gtin";
import { distanceMeters } from "@/lib/stores/geo";

async function lumi() {
  const brand = await loadBrand("lumi");
  if (!brand) throw new Error("seed has no lumi brand");
  return brand;
}

describe("catalog reads on the seeded database", () => {
  it("loads a brand's theme and nothing for an unknown brand", async () => {
    const brand = await lumi();
    expect(brand.colorPrimary).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(await loadBrand("no-such-brand")).toBeNull();
  });

  it("lists new arrivals newest first, within the brand", async () => {
    const brand = await lumi();
    const cards = await loadNewArrivals(brand.id, 10);
    expect(cards).toHaveLength(10);
    const launched = await db.product.findMany({ where: { id: { in: cards.map((c) => c.id) } }, select: { id: true, launchedAt: true, brandId: true } });
    const byId = new Map(launched.map((p) => [p.id, p]));
    const dates = cards.map((c) => byId.get(c.id)!.launchedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(launched.every((p) => p.brandId === brand.id)).toBe(true);
    expect(cards[0]!.colors.length).toBeGreaterThanOrEqual(2);
  });

  it("builds a category tree whose parents count their children's products", async () => {
    const brand = await lumi();
    const tree = await loadCategoryTree(brand.id);
    const total = await db.product.count({ where: { brandId: brand.id, active: true } });
    expect(tree.reduce((s, c) => s + c.productCount, 0)).toBe(total);
    for (const root of tree.filter((r) => r.children.length)) {
      expect(root.productCount).toBe(root.children.reduce((s, c) => s + c.productCount, 0) + (await db.product.count({ where: { categoryId: root.id } })));
    }
  });

  it("loads a product page with colours, sizes in size order and valid GTINs", async () => {
    const brand = await lumi();
    // A seeded style (LM26…): other files add test styles of their own (e.g. ITCAT0001) while they run.
    const any = await db.product.findFirstOrThrow({ where: { brandId: brand.id, styleCode: { startsWith: "LM26" } }, orderBy: { styleCode: "asc" } });
    const p = (await loadProductDetail(brand.id, any.styleCode))!;
    expect(p.colors.length).toBeGreaterThanOrEqual(2);
    expect(p.colors.length).toBeLessThanOrEqual(4);
    expect(p.sizes.length).toBeGreaterThanOrEqual(4);
    expect(p.sizes.length).toBeLessThanOrEqual(6);
    expect(p.colors.every((c) => c.images.length > 0)).toBe(true);
    expect(p.skus.every((s) => isValidGtin13(s.gtin))).toBe(true);
    const order = await db.sku.findMany({ where: { productId: p.id }, distinct: ["size"], orderBy: { sizeOrder: "asc" }, select: { size: true } });
    expect(p.sizes).toEqual(order.map((s) => s.size));
    expect(await loadProductDetail(brand.id, "NOPE")).toBeNull();
  });

  it("marks a SKU sold out only when no store can sell it", async () => {
    const brand = await lumi();
    const any = await db.product.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { styleCode: "desc" } });
    const p = (await loadProductDetail(brand.id, any.styleCode))!;
    for (const sku of p.skus) {
      const rows = await db.inventory.findMany({ where: { skuId: sku.id } });
      expect(sku.soldOut).toBe(rows.reduce((s, r) => s + r.onHand - r.reserved, 0) <= 0);
    }
  });

  it("filters a category by size, colour and price, sorts and pages", async () => {
    const brand = await lumi();
    const category = await db.category.findFirstOrThrow({ where: { brandId: brand.id, parentId: { not: null }, products: { some: {} } }, orderBy: { slug: "asc" } });
    const all = (await loadCategoryListing(brand.id, category.slug, DEFAULT_FILTERS))!;
    expect(all.total).toBe(await db.product.count({ where: { categoryId: category.id, active: true } }));
    expect(all.products.length).toBe(Math.min(PAGE_SIZE, all.total));

    const size = all.facets.sizes[0]!;
    const bySize = (await loadCategoryListing(brand.id, category.slug, parseListingFilters(`size=${size}&sort=price_asc`)))!;
    expect(bySize.total).toBe(await db.product.count({ where: { categoryId: category.id, active: true, skus: { some: { size } } } }));
    const prices = bySize.products.map((p) => p.priceFen);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const color = all.facets.colors[0]!.name;
    const byColor = (await loadCategoryListing(brand.id, category.slug, parseListingFilters(`color=${color}`)))!;
    expect(byColor.products.every((p) => p.colors.some((c) => c.name === color))).toBe(true);

    const maxYuan = Math.floor(all.facets.minPriceFen / 100) + 100;
    const cheap = (await loadCategoryListing(brand.id, category.slug, parseListingFilters(`max=${maxYuan}`)))!;
    expect(cheap.products.every((p) => p.priceFen <= maxYuan * 100)).toBe(true);
    expect(cheap.total).toBeGreaterThan(0);
    expect(await loadCategoryListing(brand.id, "no-such-category", DEFAULT_FILTERS)).toBeNull();
  });

  it("'in stock near me' keeps only products sellable in a store within the radius", async () => {
    const brand = await lumi();
    const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT", city: "上海" }, orderBy: { code: "asc" } });
    const root = await db.category.findFirstOrThrow({ where: { brandId: brand.id, parentId: null, children: { some: {} } }, orderBy: { sort: "asc" } });
    const f = parseListingFilters(`near=${store.lat},${store.lng}`);
    const listing = (await loadCategoryListing(brand.id, root.slug, { ...f, page: 1 }))!;
    const nearStores = (await db.store.findMany({ where: { brandId: brand.id, kind: { not: "WAREHOUSE" } } })).filter((s) => distanceMeters(f.near!, s) <= NEAR_ME_RADIUS_M);
    expect(nearStores.length).toBeGreaterThan(0);
    for (const card of listing.products) {
      const rows = await db.inventory.findMany({ where: { sku: { productId: card.id }, storeId: { in: nearStores.map((s) => s.id) } } });
      expect(rows.some((r) => r.onHand > r.reserved)).toBe(true);
    }
    // A position far from every store finds nothing.
    const nowhere = (await loadCategoryListing(brand.id, root.slug, parseListingFilters("near=45.75,126.65")))!;
    expect(nowhere.total).toBe(0);
  });

  it("searches by GTIN, style code prefix and name", async () => {
    const brand = await lumi();
    const sku = await db.sku.findFirstOrThrow({ where: { product: { brandId: brand.id } }, include: { product: true } });
    expect(await searchCatalog(brand.id, sku.gtin)).toEqual({ kind: "sku", styleCode: sku.product.styleCode, colorCode: sku.colorCode, size: sku.size });
    const byCode = await searchCatalog(brand.id, sku.product.styleCode.toLowerCase());
    expect(byCode.kind === "products" && byCode.products.some((p) => p.styleCode === sku.product.styleCode)).toBe(true);
    const word = sku.product.name.slice(-3);
    const byName = await searchCatalog(brand.id, word);
    expect(byName.kind === "products" && byName.products.length > 0 && byName.products.every((p) => p.name.includes(word) || p.nameEn.includes(word) || p.styleCode.startsWith(word))).toBe(true);
    // A GTIN of another brand is not found here.
    const other = await db.sku.findFirstOrThrow({ where: { product: { brand: { slug: { not: "lumi" } } } } });
    expect(await searchCatalog(brand.id, other.gtin)).toEqual({ kind: "products", products: [] });
    expect(await searchCatalog(brand.id, "   ")).toEqual({ kind: "products", products: [] });
  });
});
