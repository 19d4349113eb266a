import { db } from "@/lib/db";
import { isValidGtin13 } from "@/lib/catalog/gtin";
import { sellableQuantity } from "@/lib/inventory/levels";

// Reads for the guide's demand and transfer screens.

export const transferSelect = {
  id: true,
  brandId: true,
  status: true,
  quantity: true,
  note: true,
  requestedAt: true,
  approvedAt: true,
  shippedAt: true,
  receivedAt: true,
  endedAt: true,
  requestedById: true,
  fromStore: { select: { id: true, code: true, name: true } },
  toStore: { select: { id: true, code: true, name: true } },
  member: { select: { phone: true, nickname: true } },
  requestedBy: { select: { name: true } },
  sku: { select: { gtin: true, colorName: true, size: true, product: { select: { styleCode: true, name: true } } } },
} as const;

/** A store's transfers: incoming (it asked) or outgoing (it gives); open ones first, then the latest 30 days. */
export async function storeTransfers(storeId: string, direction: "incoming" | "outgoing", take = 50) {
  return db.transfer.findMany({
    where: direction === "incoming" ? { toStoreId: storeId } : { fromStoreId: storeId },
    orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { requestedAt: "desc" }],
    take,
    select: transferSelect,
  });
}

/** For a brand admin (or the group's admin: every brand) without a store: the brand's transfers awaiting a decision or in transit. */
export async function brandTransfers(brandId: string | null, take = 50) {
  return db.transfer.findMany({
    where: { ...(brandId ? { brandId } : {}), status: { in: ["REQUESTED", "APPROVED", "SHIPPED"] } },
    orderBy: { requestedAt: "desc" },
    take,
    select: transferSelect,
  });
}

export type StoreTransfer = Awaited<ReturnType<typeof storeTransfers>>[number];

/**
 * The style behind a scanned barcode (GTIN) or a typed style code, with each colour/size and what this store
 * and the rest of the brand can sell of it: the guide taps the size the customer wants.
 */
export async function demandStyle(brandId: string, storeId: string, rawCode: string) {
  const code = rawCode.trim();
  if (!code) return null;
  const product = /^\d{13}$/.test(code)
    ? isValidGtin13(code)
      ? (await db.sku.findFirst({ where: { gtin: code, product: { brandId } }, select: { product: { select: { id: true } } } }))?.product
      : null
    : await db.product.findFirst({ where: { brandId, styleCode: code.toUpperCase() }, select: { id: true } });
  if (!product) return null;
  const style = await db.product.findUniqueOrThrow({
    where: { id: product.id },
    select: {
      styleCode: true,
      name: true,
      nameEn: true,
      skus: {
        orderBy: [{ colorCode: "asc" }, { sizeOrder: "asc" }],
        select: { id: true, gtin: true, colorName: true, colorHex: true, size: true, inventory: { where: { store: { brandId, active: true } }, select: { storeId: true, onHand: true, reserved: true, store: { select: { safetyStock: true } } } } },
      },
    },
  });
  return {
    styleCode: style.styleCode,
    name: style.name,
    nameEn: style.nameEn,
    skus: style.skus.map((s) => {
      const here = s.inventory.find((i) => i.storeId === storeId);
      const elsewhere = s.inventory.filter((i) => i.storeId !== storeId).reduce((n, i) => n + sellableQuantity(i.onHand, i.reserved, i.store.safetyStock), 0);
      return { id: s.id, gtin: s.gtin, colorName: s.colorName, colorHex: s.colorHex, size: s.size, here: here ? sellableQuantity(here.onHand, here.reserved, here.store.safetyStock) : 0, elsewhere };
    }),
  };
}

/** One SKU of the brand, for the demand screen's header. */
export async function demandSku(brandId: string, skuId: string) {
  return db.sku.findFirst({ where: { id: skuId, product: { brandId } }, select: { id: true, colorName: true, size: true, product: { select: { styleCode: true, name: true } } } });
}

/** The guide's customers (open bindings), to say whom a transfer is for. */
export async function boundCustomers(guideId: string, take = 200) {
  const rows = await db.guideBinding.findMany({
    where: { guideId, endedAt: null },
    orderBy: { lastTouchAt: "desc" },
    take,
    select: { member: { select: { id: true, nickname: true, phone: true } } },
  });
  return rows.map((r) => r.member);
}

/** What waits on a store: requests to approve or ship (outgoing) and parcels in transit to it (incoming). */
export async function transferCounts(storeId: string) {
  const [toHandle, inTransit] = await Promise.all([
    db.transfer.count({ where: { fromStoreId: storeId, status: { in: ["REQUESTED", "APPROVED"] } } }),
    db.transfer.count({ where: { toStoreId: storeId, status: "SHIPPED" } }),
  ]);
  return { toHandle, inTransit };
}
