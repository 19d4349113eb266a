import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";

// The console's reads of a brand's catalog: the style list (search by style code, name or GTIN; sort; active
// filter; paged on the server), one style with its SKUs and pictures, and the category tree with its counts.

export const STYLE_SORTS = ["styleCode", "name", "price", "launchedAt", "createdAt"] as const;
export type StyleSort = (typeof STYLE_SORTS)[number];
export const STYLE_STATUSES = ["all", "active", "inactive"] as const;
export type StyleStatus = (typeof STYLE_STATUSES)[number];

export type StyleRow = { id: string; styleCode: string; name: string; nameEn: string; priceFen: number; listPriceFen: number | null; launchedAt: Date; createdAt: Date; active: boolean; skuCount: number; category: string };

const ORDER: Record<StyleSort, (dir: "asc" | "desc") => Prisma.ProductOrderByWithRelationInput> = {
  styleCode: (dir) => ({ styleCode: dir }),
  name: (dir) => ({ name: dir }),
  price: (dir) => ({ priceFen: dir }),
  launchedAt: (dir) => ({ launchedAt: dir }),
  createdAt: (dir) => ({ createdAt: dir }),
};

export async function listStyles(brandId: string, params: ListParams<StyleSort>, status: StyleStatus): Promise<Page<StyleRow>> {
  const q = params.q;
  const where: Prisma.ProductWhereInput = {
    brandId,
    ...(status === "all" ? {} : { active: status === "active" }),
    ...(q
      ? {
          OR: [
            { styleCode: { contains: q.toUpperCase() } },
            { name: { contains: q } },
            { nameEn: { contains: q } },
            // A scanned or typed barcode: whole GTINs (and their start) find their style.
            ...(/^\d{4,13}$/.test(q) ? [{ skus: { some: { gtin: { startsWith: q } } } }] : []),
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: [ORDER[params.sort](params.dir), { styleCode: "asc" }],
      skip: params.skip,
      take: params.take,
      select: {
        id: true, styleCode: true, name: true, nameEn: true, priceFen: true, listPriceFen: true, launchedAt: true, createdAt: true, active: true,
        category: { select: { name: true } },
        _count: { select: { skus: true } },
      },
    }),
    db.product.count({ where, ...countUpTo(ORDER[params.sort](params.dir)) }),
  ]);
  return pageOf(
    rows.map(({ category, _count, ...r }) => ({ ...r, category: category.name, skuCount: _count.skus })),
    total,
    params,
  );
}

export async function loadStyleForEdit(brandId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, brandId },
    include: {
      skus: { orderBy: [{ colorCode: "asc" }, { sizeOrder: "asc" }] },
      images: { orderBy: [{ sort: "asc" }, { id: "asc" }] },
    },
  });
  if (!product) return null;
  const orderLines = await db.orderLine.count({ where: { skuId: { in: product.skus.map((s) => s.id) } } });
  return { ...product, hasOrders: orderLines > 0 };
}

export type CategoryAdminNode = { id: string; slug: string; name: string; nameEn: string; sort: number; parentId: string | null; depth: number; productCount: number; childCount: number };

/** The whole tree, depth-first in display order (sort, then slug), each with its own style and child counts. */
export async function loadCategoryAdminTree(brandId: string): Promise<CategoryAdminNode[]> {
  const rows = await db.category.findMany({
    where: { brandId },
    orderBy: [{ sort: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, name: true, nameEn: true, sort: true, parentId: true, _count: { select: { products: true, children: true } } },
  });
  const byParent = new Map<string | null, typeof rows>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const out: CategoryAdminNode[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const r of byParent.get(parentId) ?? []) {
      out.push({ id: r.id, slug: r.slug, name: r.name, nameEn: r.nameEn, sort: r.sort, parentId: r.parentId, depth, productCount: r._count.products, childCount: r._count.children });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
