import { describe, expect, it } from "vitest";
import { db, onQuery } from "@/lib/db";
import { parseListParams } from "@/lib/admin/list-params";
import { loadBrand, loadCategoryListing, loadCategoryTree, loadNewArrivals, loadProductDetail, searchCatalog } from "@/lib/catalog/queries";
import { parseListingFilters } from "@/lib/catalog/filters";
import { loadProductStock } from "@/lib/inventory/availability";
import { loadShopperStores } from "@/lib/stores/queries";
import { listBrandOrders, ORDER_SORTS } from "@/lib/orders/admin-queries";
import { storeQueue } from "@/lib/orders/queries";
import { storeHolds } from "@/lib/holds/try-on";
import { transferCounts } from "@/lib/transfers/queries";

// No N+1: what each main page reads on a cache miss is a fixed number of SQL statements, whatever the size of
// the data (a style with more colours, a category with more products, a store with more orders). The counts are
// the specification: a change that adds a query per row fails here before it is felt at chain scale.
let statements = 0;
onQuery(() => statements++);
async function count<T>(read: () => Promise<T>): Promise<number> {
  const before = statements;
  await read();
  return statements - before;
}

const lumi = () => db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });

describe("SQL statements per page read (cache miss)", () => {
  it("shop pages: home, category, product, store finder, search", async () => {
    const brand = await lumi();
    const [small, large] = await Promise.all([
      db.product.findFirstOrThrow({ where: { brandId: brand.id, active: true, styleCode: { startsWith: "LM26" } }, orderBy: [{ skus: { _count: "asc" } }, { styleCode: "asc" }] }),
      db.product.findFirstOrThrow({ where: { brandId: brand.id, active: true, styleCode: { startsWith: "LM26" } }, orderBy: [{ skus: { _count: "desc" } }, { styleCode: "asc" }] }),
    ]);
    expect(await db.sku.count({ where: { productId: large.id } })).toBeGreaterThan(await db.sku.count({ where: { productId: small.id } }));
    const categories = await db.category.findMany({ where: { brandId: brand.id, parentId: { not: null }, products: { some: {} } }, orderBy: { slug: "asc" } });
    const none = parseListingFilters(new URLSearchParams());

    const page = {
      brand: await count(() => loadBrand("lumi")),
      home: await count(() => Promise.all([loadNewArrivals(brand.id), loadCategoryTree(brand.id)])),
      productSmall: await count(() => Promise.all([loadProductDetail(brand.id, small.styleCode), loadProductStock(small.id)])),
      productLarge: await count(() => Promise.all([loadProductDetail(brand.id, large.styleCode), loadProductStock(large.id)])),
      categoryFirst: await count(() => loadCategoryListing(brand.id, categories[0]!.slug, none)),
      categoryLast: await count(() => loadCategoryListing(brand.id, categories.at(-1)!.slug, none)),
      stores: await count(() => loadShopperStores(brand.id)),
      search: await count(() => searchCatalog(brand.id, "裙")),
    };
    expect(page.productLarge).toBe(page.productSmall);
    expect(page.categoryLast).toBe(page.categoryFirst);
    expect(page).toEqual(EXPECTED_SHOP);
  });

  it("staff pages: the guide's home and the admin order list", async () => {
    const brand = await lumi();
    const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, code: "SH01" } });
    const list = parseListParams({}, { sorts: ORDER_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
    const page = {
      guideHome: await count(() => Promise.all([storeQueue(store.id, "prepare", 0), storeHolds(store.id), transferCounts(store.id)])),
      adminOrders: await count(() => listBrandOrders(brand.id, list)),
      adminOrdersPage3: await count(() => listBrandOrders(brand.id, { ...list, page: 3, skip: 2 * list.pageSize })),
    };
    expect(page.adminOrdersPage3).toBe(page.adminOrders);
    expect(page).toEqual(EXPECTED_STAFF);
  });
});

// Measured on the seed (Prisma issues one statement per included relation); they must not grow with the data.
const EXPECTED_SHOP = { brand: 1, home: 5, productSmall: 7, productLarge: 7, categoryFirst: 10, categoryLast: 10, stores: 1, search: 3 };
const EXPECTED_STAFF = { guideHome: 10, adminOrders: 4, adminOrdersPage3: 4 };
