import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";

// The console's stock pages: one store's SKUs (on hand, reserved, available) and one SKU's ledger in a store.
// Count + one page per list; the store's rows come by the (storeId, skuId) unique index.

export const STOCK_SORTS = ["gtin", "onHand", "reserved", "updatedAt"] as const;
export type StockSort = (typeof STOCK_SORTS)[number];

/**
 * A brand offers its stores as a drop-down up to this many; a chain's 1,800 would add ≈ 300 kB (HTML and its RSC
 * copy) to every console list that filters by store, so past it the filter is a store-code field.
 */
export const STORE_MENU_LIMIT = 200;

export type StoreOption = { id: string; code: string; name: string; kind: string };
export type StoreChoice = { menu: StoreOption[] | null; store: StoreOption | null };

/** The store a console list is filtered by (by its code), and the menu to choose another, when the brand is small enough. */
export async function chooseStore(brandId: string, code: string | undefined, orFirst = false): Promise<StoreChoice> {
  const select = { id: true, code: true, name: true, kind: true } as const;
  const count = await db.store.count({ where: { brandId } });
  if (count <= STORE_MENU_LIMIT) {
    const menu = await db.store.findMany({ where: { brandId }, select, orderBy: { code: "asc" } });
    return { menu, store: menu.find((s) => s.code === code) ?? (orFirst ? (menu[0] ?? null) : null) };
  }
  const store = code ? await db.store.findUnique({ where: { brandId_code: { brandId, code } }, select }) : null;
  return { menu: null, store: store ?? (orFirst ? await db.store.findFirst({ where: { brandId }, select, orderBy: { code: "asc" } }) : null) };
}

export async function brandStoreByCode(brandId: string, code: string) {
  return db.store.findUnique({ where: { brandId_code: { brandId, code } }, select: { id: true, code: true, name: true, safetyStock: true } });
}

const stockRowSelect = {
  id: true,
  onHand: true,
  reserved: true,
  updatedAt: true,
  sku: { select: { id: true, gtin: true, colorName: true, size: true, product: { select: { styleCode: true, name: true } } } },
} as const satisfies Prisma.InventorySelect;
export type StockRow = Prisma.InventoryGetPayload<{ select: typeof stockRowSelect }>;

/** One page of a store's stock: search by style code or GTIN (prefix), sort by GTIN, on hand, reserved or last change. */
export async function storeStockPage(storeId: string, params: ListParams<StockSort>): Promise<Page<StockRow & { available: number }>> {
  const q = params.q.toUpperCase();
  const where: Prisma.InventoryWhereInput = {
    storeId,
    ...(q ? { sku: { OR: [{ gtin: { startsWith: q } }, { product: { styleCode: { startsWith: q } } }] } } : {}),
  };
  const orderBy: Prisma.InventoryOrderByWithRelationInput = params.sort === "gtin" ? { sku: { gtin: params.dir } } : { [params.sort]: params.dir };
  const [total, rows] = await Promise.all([
    db.inventory.count({ where, ...countUpTo(orderBy) }),
    db.inventory.findMany({ where, select: stockRowSelect, orderBy: [orderBy, { id: "asc" }], skip: params.skip, take: params.take }),
  ]);
  return pageOf(
    rows.map((r) => ({ ...r, available: r.onHand - r.reserved })),
    total,
    params,
  );
}

/** A SKU of the brand by GTIN with its stock in the store (zeros when the store never held it). */
export async function brandSkuStock(brandId: string, storeId: string, gtin: string) {
  const sku = await db.sku.findUnique({ where: { gtin }, select: { id: true, gtin: true, colorName: true, size: true, product: { select: { brandId: true, styleCode: true, name: true } } } });
  if (!sku || sku.product.brandId !== brandId) return null;
  const inv = await db.inventory.findUnique({ where: { storeId_skuId: { storeId, skuId: sku.id } }, select: { onHand: true, reserved: true, updatedAt: true } });
  return { sku, onHand: inv?.onHand ?? 0, reserved: inv?.reserved ?? 0, updatedAt: inv?.updatedAt ?? null };
}

/** The ledger of one SKU in one store, newest first, one page (the (storeId, skuId, createdAt) index). */
export async function stockLedgerPage(storeId: string, skuId: string, params: { page: number; pageSize: number; skip: number; take: number }) {
  const where = { storeId, skuId };
  const [total, rows] = await Promise.all([
    db.stockLedger.count({ where, ...countUpTo({ createdAt: "desc" as const }) }),
    db.stockLedger.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: params.skip,
      take: params.take,
      select: { id: true, reason: true, onHandDelta: true, reservedDelta: true, onHandAfter: true, reservedAfter: true, actor: true, reference: true, note: true, createdAt: true },
    }),
  ]);
  return pageOf(rows, total, params);
}
