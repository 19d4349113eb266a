import { db } from "@/lib/db";

// Fixed-window rate limits kept in the database (RateLimitBucket), so they hold across restarts and
// across several server processes sharing one database. One hit = ONE atomic SQL statement (an upsert
// with RETURNING), never read-then-write: concurrent hits cannot both see the same count.
//
// Dates: Prisma's better-sqlite3 adapter stores DateTime as ISO-8601 TEXT, "2026-01-02T03:04:05.678+00:00"
// (always UTC, always milliseconds). A JS Date bound as a $queryRaw parameter is serialised the same way,
// so the text comparison `expiresAt <= ${now}` in SQL orders correctly and rows stay readable by Prisma.
// (Checked on a row written by Prisma; docs/decisions/008-otp-and-rate-limits.md.)

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  /** 0 when allowed; else seconds until the window ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` (e.g. "otp:phone:13800138000") and says whether it is within the limit.
 * The window starts at the first hit after the previous window ended. Denied hits count too, so hammering
 * does not help; they never extend the window.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitResult> {
  if (!key) throw new Error("rate limit key is empty");
  if (!(rule.limit >= 1) || !(rule.windowSeconds >= 1)) throw new Error("rate limit rule needs limit >= 1 and windowSeconds >= 1");
  const expires = new Date(now.getTime() + rule.windowSeconds * 1000);
  // In an UPSERT's SET, every right-hand side reads the row as it was before the update.
  const rows = await db.$queryRaw<{ count: number | bigint; expiresAt: Date | string }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${now}, 1, ${expires})
    ON CONFLICT("key") DO UPDATE SET
      "count"       = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN ${now} ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt"   = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN ${expires} ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const count = Number(row.count);
  const allowed = count <= rule.limit;
  const endsAt = new Date(row.expiresAt).getTime();
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
  };
}

/** Deletes buckets whose window has ended (they would be reset on the next hit anyway). Returns how many. */
export async function purgeExpiredRateLimits(now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
