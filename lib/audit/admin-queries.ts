import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";

// The console's audit log. The group admin reads every row; a brand admin reads the rows tagged with their brand
// (AuditLog.brandId): the console's staff, member and stock changes, commission and binding rules, payouts,
// customer reassignments, their staff's sign-ins and the denials of pages of their brand. Member sign-ins, OTP
// limits and group-level entries have no brand and stay the group's (decision 017).

export const AUDIT_SORTS = ["createdAt"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];
export type AuditFilter = { action?: string; actor?: string; from?: Date; to?: Date };

/** The actor filter as typed: "staff:<id>", "member:<id>", "system", or a staff username (looked up). */
async function actorOf(typed: string | undefined): Promise<string | undefined> {
  if (!typed || typed.includes(":") || typed === "system" || typed === "anonymous") return typed;
  const staff = await db.staff.findUnique({ where: { username: typed.toLowerCase() }, select: { id: true } });
  return staff ? `staff:${staff.id}` : typed;
}

export async function listAuditEntries(scope: { brandId: string | null }, params: ListParams<AuditSort>, filter: AuditFilter = {}): Promise<Page<AuditRow>> {
  const actor = await actorOf(filter.actor);
  const where: Prisma.AuditLogWhereInput = {
    ...(scope.brandId ? { brandId: scope.brandId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(actor ? { actor } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...(params.q ? { target: { contains: params.q } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where, ...countUpTo({ createdAt: params.dir }) }),
    db.auditLog.findMany({ where, orderBy: [{ createdAt: params.dir }, { id: params.dir }], skip: params.skip, take: params.take, select: { id: true, createdAt: true, actor: true, action: true, target: true, ip: true, detail: true, brandId: true } }),
  ]);
  return pageOf(rows, total, params);
}
export type AuditRow = { id: string; createdAt: Date; actor: string; action: string; target: string; ip: string; detail: string; brandId: string | null };
