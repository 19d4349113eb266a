import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoreKind } from "@/lib/generated/prisma/enums";

// The console's store list and store page: server-side search (code, name, city), sort and paging.

export const STORE_SORTS = ["code", "name", "city", "kind"] as const;
export type StoreSort = (typeof STORE_SORTS)[number];

export type StoreRow = { id: string; code: string; name: string; kind: StoreKind; city: string; district: string; pickupEnabled: boolean; deliveryEnabled: boolean; safetyStock: number; active: boolean };

export async function listStores(brandId: string, params: ListParams<StoreSort>): Promise<Page<StoreRow>> {
  const where: Prisma.StoreWhereInput = {
    brandId,
    ...(params.q ? { OR: [{ code: { contains: params.q.toUpperCase() } }, { name: { contains: params.q } }, { city: { contains: params.q } }, { mallName: { contains: params.q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.store.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { code: "asc" }],
      skip: params.skip,
      take: params.take,
      select: { id: true, code: true, name: true, kind: true, city: true, district: true, pickupEnabled: true, deliveryEnabled: true, safetyStock: true, active: true },
    }),
    db.store.count({ where, ...countUpTo({ [params.sort]: params.dir }) }),
  ]);
  return pageOf(rows, total, params);
}

export async function loadStoreForEdit(brandId: string, code: string) {
  return db.store.findUnique({ where: { brandId_code: { brandId, code } } });
}
