import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import { pageOf, type ListParams, type Page } from "@/lib/admin/list-params";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { refusals } from "./errors";

// API keys of the ERP/POS API. The secret "mck_<8 hex>_<32 chars>" is shown once at creation; only its sha256 is
// stored (a database leak gives no usable key), with the public prefix "mck_<8 hex>" for lists and logs.
// A key acts for one brand only. Requests are limited per key per minute (lib/security/rate-limit.ts).

const SECRET_RE = /^(mck_[0-9a-f]{8})_[A-Za-z0-9_-]{32}$/;
const LAST_USED_EVERY_MS = 60_000;

const RATE_MESSAGE = "每分钟上限须为 1–10000 的整数 / Requests per minute must be a whole number from 1 to 10000";
export const newApiKeyInput = z.object({
  name: z.string().trim().min(1, "请填写名称 / Enter a name").max(80, "名称最多 80 字 / At most 80 characters"),
  rateLimit: z.coerce
    .number({ error: RATE_MESSAGE })
    .int(RATE_MESSAGE)
    .min(1, RATE_MESSAGE)
    .max(10_000, RATE_MESSAGE)
    .default(600),
});
export type NewApiKeyInput = z.input<typeof newApiKeyInput>;

export type ApiKeyPrincipal = { id: string; brandId: string; prefix: string; rateLimit: number; actor: `api-key:${string}` };

export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

/** Creates a key for the brand; the returned secret is never readable again. */
export async function createApiKey(brandId: string, raw: NewApiKeyInput, actor: AuditActor, now = new Date()) {
  const input = newApiKeyInput.parse(raw);
  const prefix = `mck_${crypto.randomBytes(4).toString("hex")}`;
  const secret = `${prefix}_${crypto.randomBytes(24).toString("base64url")}`;
  const key = await db.apiKey.create({
    data: { brandId, name: input.name, prefix, secretHash: hashSecret(secret), rateLimit: input.rateLimit, createdBy: actor, createdAt: now },
    select: { id: true, prefix: true, name: true, rateLimit: true, createdAt: true },
  });
  await audit({ actor, action: "api_key.created", target: `api-key:${key.id}`, detail: { brandId, prefix, name: input.name, rateLimit: input.rateLimit } }, now);
  return { ...key, secret };
}

/** Revokes a key of the brand (at once: its next request is refused). False when there is no such live key. */
export async function revokeApiKey(brandId: string, id: string, actor: AuditActor, now = new Date()): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { id, brandId, revokedAt: null }, data: { revokedAt: now } });
  if (count) await audit({ actor, action: "api_key.revoked", target: `api-key:${id}`, detail: { brandId } }, now);
  return count === 1;
}

export const API_KEY_SORTS = ["createdAt", "name", "lastUsedAt"] as const;
export type ApiKeySort = (typeof API_KEY_SORTS)[number];
export type ApiKeyListRow = { id: string; prefix: string; name: string; rateLimit: number; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** The brand's keys, searched by name or prefix, sorted and paged on the server. */
export async function listApiKeys(brandId: string, params: ListParams<ApiKeySort>): Promise<Page<ApiKeyListRow>> {
  const where = { brandId, ...(params.q ? { OR: [{ name: { contains: params.q } }, { prefix: { contains: params.q } }] } : {}) };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      skip: params.skip,
      take: params.take,
      select: { id: true, prefix: true, name: true, rateLimit: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
    db.apiKey.count({ where }),
  ]);
  return pageOf(rows, total, params);
}

/**
 * `Authorization: Bearer <key>` → the key, or a 401 refusal (missing, malformed, unknown, revoked). Then counts the
 * request against the key's per-minute limit (429 with Retry-After) and notes the last use at most once a minute.
 */
export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiKeyPrincipal> {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!secret || !SECRET_RE.test(secret)) throw refusals.noKey();
  const key = await db.apiKey.findUnique({ where: { secretHash: hashSecret(secret) }, select: { id: true, brandId: true, prefix: true, rateLimit: true, lastUsedAt: true, revokedAt: true } });
  if (!key) throw refusals.noKey();
  if (key.revokedAt) throw refusals.revoked();
  const limit = await hitRateLimit(`erp:key:${key.id}`, { limit: key.rateLimit, windowSeconds: 60 }, now);
  if (!limit.allowed) throw refusals.rateLimited(limit.retryAfterSeconds);
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so two requests at once write it once; a lost race is harmless.
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] }, data: { lastUsedAt: now } });
  }
  return { id: key.id, brandId: key.brandId, prefix: key.prefix, rateLimit: key.rateLimit, actor: `api-key:${key.id}` };
}
