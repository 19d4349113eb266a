import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { AccessDenied, decide, type Principal } from "./policy";
import { Refusal } from "@/lib/refusal";

export const roleChangeInput = z
  .object({
    staffId: z.string().min(1),
    role: z.enum(["ADMIN", "BRAND_ADMIN", "STORE_MANAGER", "GUIDE"]),
    brandId: z.string().min(1).nullable(),
    storeId: z.string().min(1).nullable(),
  })
  .refine((v) => (v.role === "ADMIN" ? v.brandId === null && v.storeId === null : v.brandId !== null), {
    message: "管理员不属于品牌；其他角色必须属于一个品牌 / Admins have no brand; every other role needs one",
  })
  .refine((v) => (v.role === "STORE_MANAGER" || v.role === "GUIDE" ? v.storeId !== null : v.storeId === null), {
    message: "店长和导购必须属于一家门店 / Managers and guides belong to one store",
  });

export class RoleChangeError extends Refusal {
  constructor(readonly code: "invalid" | "not_found", message: string) {
    super(message);
  }
}

/**
 * Changes a staff member's role and scope. The actor must manage the brand the person is in now and the one
 * they move to (only a group admin makes admins). Their sessions end (the token's role no longer matches)
 * and the change is audited; a refusal is audited as a denial.
 */
export async function changeStaffRole(actor: Principal, raw: unknown, ip = ""): Promise<void> {
  const parsed = roleChangeInput.safeParse(raw);
  if (!parsed.success) throw new RoleChangeError("invalid", parsed.error.issues[0]!.message);
  const next = parsed.data;
  const current = await db.staff.findUnique({ where: { id: next.staffId }, select: { role: true, brandId: true, storeId: true } });
  if (!current) throw new RoleChangeError("not_found", "员工不存在 / No such staff member");
  if (next.storeId) {
    const store = await db.store.findUnique({ where: { id: next.storeId }, select: { brandId: true } });
    if (!store || store.brandId !== next.brandId) throw new RoleChangeError("invalid", "门店不属于该品牌 / That store is not in that brand");
  }
  const actorName = actor.kind === "staff" ? (`staff:${actor.staffId}` as const) : "anonymous";
  const needs = [
    { capability: "brand.manage" as const, scope: current.brandId ? { brandId: current.brandId } : {} },
    { capability: "brand.manage" as const, scope: next.brandId ? { brandId: next.brandId } : {} },
    ...(next.role === "ADMIN" || current.role === "ADMIN" ? [{ capability: "group.manage" as const, scope: {} }] : []),
  ];
  for (const need of needs) {
    const decision = decide(actor, need.capability, need.scope);
    if (decision !== "allow") {
      await audit({ actor: actorName, action: "access.denied", target: `staff:${next.staffId}`, ip, detail: { wanted: "staff.role_change", ...need } });
      throw new AccessDenied(decision, need.capability);
    }
  }
  await db.staff.update({ where: { id: next.staffId }, data: { role: next.role, brandId: next.brandId, storeId: next.storeId, sessionsRevokedAt: new Date() } });
  await audit({ actor: actorName, action: "staff.role_changed", target: `staff:${next.staffId}`, ip, detail: { from: current, to: { role: next.role, brandId: next.brandId, storeId: next.storeId } }, brandId: next.brandId ?? current.brandId ?? undefined });
}
