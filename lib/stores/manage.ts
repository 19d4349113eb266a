import { db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import { invalidateStoreSettings } from "@/lib/catalog/cache-tags";
import { isConstraintFailure } from "@/lib/inventory/movements";
import type { StoreFields } from "./admin-input";

// The brand's stores in the console: details, hours, coordinates, the pickup / delivery switches, the franchise
// flag (kind), safety stock and whether the store is open for business. Found only inside the admin's brand,
// audited with what changed, and the cached store pages and stock reads refreshed at once.

export type StoreChange<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string };

const refuse = (message: string) => ({ ok: false, message }) as const;

function refreshShop(brandId: string): void {
  try {
    invalidateStoreSettings(brandId);
  } catch {
    // The write has committed; a failed refresh must not undo the answer (the cached reads' lifetime is the safety net).
  }
}

export async function createStore(brandId: string, code: string, fields: StoreFields, actor: AuditActor, now = new Date()): Promise<StoreChange<{ id: string; code: string }>> {
  const taken = () => refuse(`门店编号 ${code} 已存在 / Store code ${code} already exists`);
  if (await db.store.findUnique({ where: { brandId_code: { brandId, code } }, select: { id: true } })) return taken();
  try {
    const store = await db.store.create({ data: { brandId, code, ...fields }, select: { id: true } });
    await audit({ actor, action: "store.changed", target: `store:${store.id}`, detail: { op: "store.created", code, ...fields } }, now);
    refreshShop(brandId);
    return { ok: true, id: store.id, code };
  } catch (error) {
    if (isConstraintFailure(error)) return taken();
    throw error;
  }
}

export async function updateStore(brandId: string, storeId: string, fields: StoreFields, actor: AuditActor, now = new Date()): Promise<StoreChange> {
  const before = await db.store.findFirst({ where: { id: storeId, brandId } });
  if (!before) return refuse("门店不存在 / Store not found");
  await db.store.update({ where: { id: storeId }, data: fields });
  const changed = Object.fromEntries(
    Object.entries(fields)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
  );
  await audit({ actor, action: "store.changed", target: `store:${storeId}`, detail: { op: "store.updated", code: before.code, changed } }, now);
  refreshShop(brandId);
  return { ok: true };
}
