import { db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import { reassignCustomers } from "@/lib/attribution/binding";

// The store manager's "reassign customers" (转移客户): a departing guide's open customers go to a colleague.
// reassignCustomers checks the receiving guide; the giving guide must be of the manager's store too, else a
// manager could pull another store's customers (same brand) into their own store by posting that guide's id.

export type ReassignResult = { ok: true; moved: number } | { ok: false; message: string };

export async function reassignStoreCustomers(
  store: { brandId: string; storeId: string },
  fromGuideId: string,
  toGuideId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<ReassignResult> {
  if (fromGuideId === toGuideId) return { ok: false, message: "转出与接手导购不能是同一人 / Choose two different guides" };
  const people = await db.staff.findMany({ where: { id: { in: [fromGuideId, toGuideId] } }, select: { id: true, brandId: true, storeId: true, active: true } });
  const from = people.find((p) => p.id === fromGuideId);
  const to = people.find((p) => p.id === toGuideId);
  if (!from || from.brandId !== store.brandId || from.storeId !== store.storeId) return { ok: false, message: "转出导购不是本店员工 / That guide is not staff of this store" };
  if (!to || to.brandId !== store.brandId || to.storeId !== store.storeId || !to.active) {
    return { ok: false, message: "接手导购须为本店在职员工 / The new guide must be active staff of this store" };
  }
  const moved = await reassignCustomers(store.brandId, store.storeId, fromGuideId, toGuideId, now);
  await audit({ actor, action: "customers.reassigned", target: `staff:${fromGuideId}`, detail: { storeId: store.storeId, toGuideId, moved }, brandId: store.brandId }, now);
  return { ok: true, moved };
}
