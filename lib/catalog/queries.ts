import { replicaReads } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isValidGtin13 } from "./gtin";
import type { ListingFilters } from "./filters";
import { distanceMeters } from "@/lib/stores/geo";

// Plain reads of the catalog. Pages reach them through lib/catalog/cached.ts; tests call them directly.
// Read through replicaReads (decision 033): cached pages tolerate replica lag; the fence keeps a refill as new as its invalidation.
// Everything returned is JSON-plain (no Date objects) because the cache serialises it.

export type BrandTheme = {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  tagline: string;
  colorPrimary: string;
  colorAccent: string;
  colorInk: string;
  logoUrl: string;
};

export type ProductCard = {
  id: string;
  styleCode: string;
  name: string;
  nameEn: string;
  priceFen: number;
  listPriceFen: number | null;
  imageUrl: string | null;
  colors: { code: string; name: string; hex: string }[];
};

export type CategoryNode = {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  productCount: number;
  children: CategoryNode[];
};

/** Radius of "in stock near me" (附近有货). */
export const NEAR_ME_RADIUS_M = 10_000;
/** Products per listing page: ten rows of two on a phone (24 made a chain category page 109 kB of HTML). */
export const PAGE_SIZE = 20;

const brandSelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  tagline: true,
  colorPrimary: true,
  colorAccent: true,
  colorInk: true,
  logoUrl: true,
} satisfies Prisma.BrandSelect;

export async function loadBrand(slug: string): Promise<BrandTheme | null> {
  return replicaReads.brand.findUnique({ where: { slug }, select: brandSelect });
}

export async function loadBrands(): Promise<BrandTheme[]> {
  return replicaReads.brand.findMany({ select: brandSelect, orderBy: { slug: "asc" } });
}

const cardSelect = {
  id: true,
  styleCode: true,
  name: true,
  nameEn: true,
  priceFen: true,
  listPriceFen: true,
  images: { select: { url: true }, orderBy: { sort: "asc" }, take: 1 },
  skus: { select: { colorCode: true, colorName: true, colorHex: true }, orderBy: { colorCode: "asc" } },
} satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow): ProductCard {
  const colors = new Map<string, { code: string; name: string; hex: string }>();
  for (const sku of row.skus) {
    if (!colors.has(sku.colorCode)) colors.set(sku.colorCode, { code: sku.colorCode, name: sku.colorName, hex: sku.colorHex });
  }
  return {
    id: row.id,
    styleCode: row.styleCode,
    name: row.name,
    nameEn: row.nameEn,
    priceFen: row.priceFen,
    listPriceFen: row.listPriceFen,
    imageUrl: row.images[0]?.url ?? null,
    colors: [...colors.values()],
  };
}

export async function loadNewArrivals(brandId: string, limit = 12): Promise<ProductCard[]> {
  const rows = await replicaReads.product.findMany({
    where: { brandId, active: true },
    orderBy: [{ launchedAt: "desc" }, { styleCode: "asc" }],
    take: limit,
    select: cardSelect,
  });
  return rows.map(toCard);
}

export async function loadCategoryTree(brandId: string): Promise<CategoryNode[]> {
  const [categories, counts] = await Promise.all([
    replicaReads.category.findMany({ where: { brandId }, orderBy: [{ sort: "asc" }, { slug: "asc" }] }),
    replicaReads.product.groupBy({ by: ["categoryId"], where: { brandId, active: true }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  const nodes = new Map<string, CategoryNode & { parentId: string | null }>();
  for (const c of categories) {
    nodes.set(c.id, { id: c.id, slug: c.slug, name: c.name, nameEn: c.nameEn, parentId: c.parentId, productCount: countOf.get(c.id) ?? 0, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // A parent counts the products of its children.
  const total = (n: CategoryNode): number => (n.productCount += n.children.reduce((s, c) => s + total(c), 0), n.productCount);
  roots.forEach(total);
  const strip = (n: CategoryNode & { parentId?: string | null }): CategoryNode => ({
    id: n.id,
    slug: n.slug,
    name: n.name,
    nameEn: n.nameEn,
    productCount: n.productCount,
    children: n.children.map(strip),
  });
  return roots.map(strip);
}

export type ProductDetail = {
  id: string;
  brandId: string;
  styleCode: string;
  name: string;
  nameEn: string;
  description: string;
  priceFen: number;
  listPriceFen: number | null;
  season: string;
  category: { slug: string; name: string; nameEn: string; parent: { slug: string; name: string; nameEn: string } | null };
  colors: { code: string; name: string; hex: string; images: { url: string; alt: string }[] }[];
  sizes: string[];
  skus: { id: string; gtin: string; colorCode: string; size: string; priceFen: number; soldOut: boolean }[];
};

/** The product page: style, colours with their images, sizes in size order, SKUs with "sold out everywhere". */
export async function loadProductDetail(brandId: string, styleCode: string): Promise<ProductDetail | null> {
  const p = await replicaReads.product.findUnique({
    where: { brandId_styleCode: { brandId, styleCode }, active: true },
    include: {
      category: { include: { parent: true } },
      images: { orderBy: { sort: "asc" } },
      skus: { orderBy: [{ colorCode: "asc" }, { sizeOrder: "asc" }] },
    },
  });
  if (!p) return null;
  const stock = await replicaReads.inventory.groupBy({
    by: ["skuId"],
    where: { skuId: { in: p.skus.map((s) => s.id) }, store: { active: true } },
    _sum: { onHand: true, reserved: true },
  });
  const sellable = new Map(stock.map((s) => [s.skuId, (s._sum.onHand ?? 0) - (s._sum.reserved ?? 0)]));
  const colors = new Map<string, ProductDetail["colors"][number]>();
  for (const sku of p.skus) {
    if (!colors.has(sku.colorCode)) {
      const images = p.images.filter((i) => i.colorCode === sku.colorCode || i.colorCode === null);
      colors.set(sku.colorCode, { code: sku.colorCode, name: sku.colorName, hex: sku.colorHex, images: images.map((i) => ({ url: i.url, alt: i.alt })) });
    }
  }
  const sizes = [...new Map(p.skus.map((s) => [s.size, s.sizeOrder])).entries()].sort((a, b) => a[1] - b[1]).map(([size]) => size);
  return {
    id: p.id,
    brandId: p.brandId,
    styleCode: p.styleCode,
    name: p.name,
    nameEn: p.nameEn,
    description: p.description,
    priceFen: p.priceFen,
    listPriceFen: p.listPriceFen,
    season: p.season,
    category: {
      slug: p.category.slug,
      name: p.category.name,
      nameEn: p.category.nameEn,
      parent: p.category.parent ? { slug: p.category.parent.slug, name: p.category.parent.name, nameEn: p.category.parent.nameEn } : null,
    },
    colors: [...colors.values()],
    sizes,
    skus: p.skus.map((s) => ({
      id: s.id,
      gtin: s.gtin,
      colorCode: s.colorCode,
      size: s.size,
      priceFen: s.priceFen ?? p.priceFen,
      soldOut: (sellable.get(s.id) ?? 0) <= 0,
    })),
  };
}

export type CategoryListing = {
  category: { id: string; slug: string; name: string; nameEn: string; parent: { slug: string; name: string; nameEn: string } | null };
  siblings: { slug: string; name: string; nameEn: string }[];
  facets: { sizes: string[]; colors: { name: string; hex: string }[]; minPriceFen: number; maxPriceFen: number };
  products: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
};

/** Store ids of a brand within the "near me" radius of a point. */
async function storeIdsNear(brandId: string, near: { lat: number; lng: number }): Promise<string[]> {
  const stores = await replicaReads.store.findMany({
    where: { brandId, active: true, kind: { not: "WAREHOUSE" } },
    select: { id: true, lat: true, lng: true },
  });
  return stores.filter((s) => distanceMeters(near, s) <= NEAR_ME_RADIUS_M).map((s) => s.id);
}

export async function loadCategoryListing(brandId: string, slug: string, f: ListingFilters): Promise<CategoryListing | null> {
  const category = await replicaReads.category.findUnique({
    where: { brandId_slug: { brandId, slug } },
    include: { parent: true, children: { select: { id: true } } },
  });
  if (!category) return null;
  const categoryIds = [category.id, ...category.children.map((c) => c.id)];
  const base: Prisma.ProductWhereInput = { brandId, active: true, categoryId: { in: categoryIds } };

  const skuWhere: Prisma.SkuWhereInput = {};
  if (f.sizes.length) skuWhere.size = { in: f.sizes };
  if (f.colors.length) skuWhere.colorName = { in: f.colors };
  if (f.near) {
    const storeIds = await storeIdsNear(brandId, f.near);
    skuWhere.inventory = { some: { storeId: { in: storeIds }, onHand: { gt: replicaReads.inventory.fields.reserved } } };
  }
  const where: Prisma.ProductWhereInput = { ...base };
  if (Object.keys(skuWhere).length) where.skus = { some: skuWhere };
  if (f.minYuan !== null || f.maxYuan !== null) {
    where.priceFen = {
      ...(f.minYuan !== null ? { gte: f.minYuan * 100 } : {}),
      ...(f.maxYuan !== null ? { lte: f.maxYuan * 100 } : {}),
    };
  }
  const orderBy: Prisma.ProductOrderByWithRelationInput[] =
    f.sort === "price_asc" ? [{ priceFen: "asc" }, { styleCode: "asc" }]
    : f.sort === "price_desc" ? [{ priceFen: "desc" }, { styleCode: "asc" }]
    : [{ launchedAt: "desc" }, { styleCode: "asc" }];

  const [rows, total, facetSkus, priceRange, siblings] = await Promise.all([
    replicaReads.product.findMany({ where, orderBy, skip: (f.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: cardSelect }),
    replicaReads.product.count({ where }),
    replicaReads.sku.findMany({
      where: { product: base },
      distinct: ["size", "colorName"],
      select: { size: true, sizeOrder: true, colorName: true, colorHex: true },
    }),
    replicaReads.product.aggregate({ where: base, _min: { priceFen: true }, _max: { priceFen: true } }),
    replicaReads.category.findMany({
      where: { brandId, parentId: category.parentId ?? category.id },
      orderBy: [{ sort: "asc" }, { slug: "asc" }],
      select: { slug: true, name: true, nameEn: true },
    }),
  ]);
  const sizeOrder = new Map<string, number>();
  const colors = new Map<string, string>();
  for (const s of facetSkus) {
    sizeOrder.set(s.size, Math.min(sizeOrder.get(s.size) ?? Infinity, s.sizeOrder));
    if (!colors.has(s.colorName)) colors.set(s.colorName, s.colorHex);
  }
  return {
    category: {
      id: category.id,
      slug: category.slug,
      name: category.name,
      nameEn: category.nameEn,
      parent: category.parent ? { slug: category.parent.slug, name: category.parent.name, nameEn: category.parent.nameEn } : null,
    },
    siblings,
    facets: {
      sizes: [...sizeOrder.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([s]) => s),
      colors: [...colors.entries()].map(([name, hex]) => ({ name, hex })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
      minPriceFen: priceRange._min.priceFen ?? 0,
      maxPriceFen: priceRange._max.priceFen ?? 0,
    },
    products: rows.map(toCard),
    total,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export type SearchResult =
  | { kind: "sku"; styleCode: string; colorCode: string; size: string }
  | { kind: "products"; products: ProductCard[] };

/** Search by GTIN (exact: straight to that colour and size), style code (prefix) or name (substring). */
export async function searchCatalog(brandId: string, rawQuery: string): Promise<SearchResult> {
  const q = rawQuery.trim().slice(0, 40);
  if (q === "") return { kind: "products", products: [] };
  if (isValidGtin13(q)) {
    const sku = await replicaReads.sku.findUnique({ where: { gtin: q }, select: { colorCode: true, size: true, product: { select: { brandId: true, styleCode: true, active: true } } } });
    if (sku && sku.product.brandId === brandId && sku.product.active) {
      return { kind: "sku", styleCode: sku.product.styleCode, colorCode: sku.colorCode, size: sku.size };
    }
  }
  const rows = await replicaReads.product.findMany({
    where: {
      brandId,
      active: true,
      OR: [{ styleCode: { startsWith: q.toUpperCase() } }, { name: { contains: q } }, { nameEn: { contains: q } }],
    },
    orderBy: [{ launchedAt: "desc" }, { styleCode: "asc" }],
    take: 48,
    select: cardSelect,
  });
  return { kind: "products", products: rows.map(toCard) };
}
