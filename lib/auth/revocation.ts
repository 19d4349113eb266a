import { db } from "@/lib/db";
import type { Principal } from "./policy";

// "Sign out everywhere" without a session store: a person's sessionsRevokedAt ends every session that began
// before it. Staff sessions also end when the account is disabled or its role or scope changes.

const startedAfter = (revokedAt: Date | null, signedInAt: number) => !revokedAt || signedInAt * 1000 > revokedAt.getTime();

export async function isStillValid(principal: Principal, signedInAt: number): Promise<boolean> {
  if (principal.kind === "anonymous") return true;
  if (principal.kind === "member") {
    const m = await db.member.findUnique({ where: { id: principal.memberId }, select: { sessionsRevokedAt: true } });
    return !!m && startedAfter(m.sessionsRevokedAt, signedInAt);
  }
  const s = await db.staff.findUnique({ where: { id: principal.staffId }, select: { active: true, sessionsRevokedAt: true, role: true, brandId: true, storeId: true } });
  return (
    !!s &&
    s.active &&
    s.role === principal.role &&
    s.brandId === principal.brandId &&
    s.storeId === principal.storeId &&
    startedAfter(s.sessionsRevokedAt, signedInAt)
  );
}

/** Ends every session of this person on every device, including the current one. */
export async function revokeAllSessions(principal: Principal, now: Date = new Date()): Promise<void> {
  if (principal.kind === "staff") await db.staff.update({ where: { id: principal.staffId }, data: { sessionsRevokedAt: now } });
  if (principal.kind === "member") await db.member.update({ where: { id: principal.memberId }, data: { sessionsRevokedAt: now } });
}
