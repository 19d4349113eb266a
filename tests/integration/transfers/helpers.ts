import { db } from "@/lib/db";
import type { TransferActor } from "@/lib/transfers/service";

// LUMI's demo staff (lib/seed/staff.ts): BJ01's guide asks, SH01 gives (its manager approves, its guide ships).

export async function lumi() {
  const brand = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
  const [sh01, bj01] = await Promise.all(["SH01", "BJ01"].map((code) => db.store.findUniqueOrThrow({ where: { brandId_code: { brandId: brand.id, code } } })));
  return { brand, sh01: sh01!, bj01: bj01! };
}

export async function staff(username: string): Promise<TransferActor> {
  const s = await db.staff.findUniqueOrThrow({ where: { username }, select: { id: true, role: true, brandId: true, storeId: true } });
  return { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
}

/** The store's own safety stock is kept back from what it can give: stock it so that exactly `sellable` can go. */
export const onHandFor = (store: { safetyStock: number }, sellable: number) => sellable + store.safetyStock;

export const transferOf = (id: string) => db.transfer.findUniqueOrThrow({ where: { id } });
export const ledgerOf = (id: string) => db.stockLedger.findMany({ where: { reference: `transfer:${id}` }, orderBy: { createdAt: "asc" } });
export const inboxOf = (memberId: string) => db.inboxMessage.findMany({ where: { memberId } });
