import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import { transferSelect } from "./queries";

// The console's brand-wide transfer list: filter status and store (either end), search GTIN or style code
// (prefix), sort by request time; count + one page (the (brandId, requestedAt) index).

export const TRANSFER_SORTS = ["requestedAt", "quantity"] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];

const transferRowSelect = transferSelect satisfies Prisma.TransferSelect;
export type TransferRow = Prisma.TransferGetPayload<{ select: typeof transferRowSelect }>;

export async function listBrandTransfers(brandId: string, params: ListParams<TransferSort>, filter: { status?: TransferStatus; storeId?: string } = {}): Promise<Page<TransferRow>> {
  const q = params.q.toUpperCase();
  const where: Prisma.TransferWhereInput = {
    brandId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.storeId ? { OR: [{ fromStoreId: filter.storeId }, { toStoreId: filter.storeId }] } : {}),
    ...(q ? { sku: { OR: [{ gtin: { startsWith: q } }, { product: { styleCode: { startsWith: q } } }] } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.transfer.count({ where, ...countUpTo({ [params.sort]: params.dir }) }),
    db.transfer.findMany({ where, select: transferRowSelect, orderBy: [{ [params.sort]: params.dir }, { id: "asc" }], skip: params.skip, take: params.take }),
  ]);
  return pageOf(rows, total, params);
}
