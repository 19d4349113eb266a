import { db } from "@/lib/db";
import type { AuditLog } from "@/lib/generated/prisma/client";

// The audit trail of sign-ins, failed sign-ins, permission denials and role changes (AuditLog table).
// Rows are written, never updated. Codes and passwords never reach a row: `detail` is scrubbed of
// secret-looking keys before it is stored, and callers pass identities, not credentials.

export const AUDIT_ACTIONS = [
  "staff.sign_in",
  "staff.sign_in_failed",
  "member.sign_in",
  "access.denied",
  "staff.role_changed",
  "otp.rate_limited",
  // Brand settings that move money or customers between people (admin commission page, manager team page).
  "commission.rules_changed",
  "binding.rules_changed",
  "commission.payout_created",
  "customers.reassigned",
  // Admin console: the catalog (styles, SKUs, images, categories) and stores; target names the row, detail what changed.
  "catalog.changed",
  "store.changed",
  // Admin console: staff, members and stock (lib/staff/admin.ts, lib/members/admin.ts, lib/inventory/adjustments.ts).
  "staff.created",
  "staff.deactivated",
  "staff.password_reset",
  "member.tier_changed",
  "member.tag_added",
  "member.tag_removed",
  "member.points_adjusted",
  "stock.adjusted",
  // A held stock feed (would empty a store, decision 024) confirmed or rejected on /admin/stock-feeds.
  "stock_feed.confirmed",
  "stock_feed.rejected",
  // ERP/POS API keys (admin API keys page).
  "api_key.created",
  "api_key.revoked",
  // VIP DM catalogs (lib/dm/builder.ts): publishing shows a catalog to its audience at once.
  "dm.published",
  "dm.unpublished",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** "staff:<id>", "member:<id>", "anonymous" or "system". */
export type AuditActor = `staff:${string}` | `member:${string}` | "anonymous" | "system";

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  /** What was acted on: "staff:<id>", a route, a phone's masked form, … */
  target?: string;
  ip?: string;
  /** Any JSON-serialisable context; stored JSON-stringified, scrubbed and cut to DETAIL_MAX_CHARS. */
  detail?: unknown;
  /** The brand the entry is about, so that brand's admins read it in the console's audit log. */
  brandId?: string;
}

export const DETAIL_MAX_CHARS = 2000;
const ACTOR_RE = /^(?:(?:staff|member):[^\s]{1,100}|anonymous|system)$/;
// Keys whose values are never stored, at any depth.
const SECRET_KEY_RE = /password|passwd|passcode|^pwd$|secret|token|^otp|^code$|codehash|^pin$|cookie|authorization/i;
const REDACTED = "[redacted]";

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[too deep]";
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY_RE.test(k) ? REDACTED : scrub(v, depth + 1)]));
  }
  return value;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The stored form of `detail`: "" when absent, else scrubbed JSON of at most DETAIL_MAX_CHARS characters. */
export function serializeDetail(detail: unknown): string {
  if (detail === undefined || detail === null) return "";
  let json: string;
  try {
    json = typeof detail === "string" ? JSON.stringify(detail) : (JSON.stringify(scrub(detail)) ?? "");
  } catch {
    json = JSON.stringify("[unserialisable detail]");
  }
  return cut(json, DETAIL_MAX_CHARS);
}

/** Writes one audit row. Throws on an unknown action or malformed actor (a programming error), or if the write fails. */
export async function audit(entry: AuditEntry, now: Date = new Date()): Promise<AuditLog> {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(entry.action)) throw new Error(`unknown audit action: ${entry.action}`);
  if (!ACTOR_RE.test(entry.actor)) throw new Error(`malformed audit actor: ${entry.actor}`);
  return db.auditLog.create({
    data: {
      createdAt: now,
      actor: entry.actor,
      action: entry.action,
      target: cut(entry.target ?? "", 200),
      ip: cut(entry.ip ?? "", 64),
      detail: serializeDetail(entry.detail),
      brandId: entry.brandId ?? null,
    },
  });
}

export interface AuditQuery {
  /** e.g. "staff:" for every staff member, "staff:abc" for one. */
  actorPrefix?: string;
  action?: AuditAction;
  /** Rows at or after this time. */
  since?: Date;
  /** Rows strictly before this time (for paging back). */
  before?: Date;
  /** 1..500. */
  take: number;
}

/** Newest first, for the admin page. */
export async function listAudit(query: AuditQuery): Promise<AuditLog[]> {
  const take = Math.min(500, Math.max(1, Math.floor(query.take) || 1));
  return db.auditLog.findMany({
    where: {
      ...(query.actorPrefix ? { actor: { startsWith: query.actorPrefix } } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.since || query.before ? { createdAt: { ...(query.since ? { gte: query.since } : {}), ...(query.before ? { lt: query.before } : {}) } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
