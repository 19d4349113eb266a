import { execFile } from "node:child_process";
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hitRateLimit, purgeExpiredRateLimits } from "@/lib/security/rate-limit";

// Tests share one database file: every key is unique to its test.
const uniqueKey = (label: string) => `test:${label}:${crypto.randomUUID()}`;

describe("database-backed rate limits", () => {
  it("20 concurrent hits with limit 5 allow exactly 5", async () => {
    const key = uniqueKey("concurrent");
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, { limit: 5, windowSeconds: 60 }, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds === 60 && r.remaining === 0)).toBe(true);
    const row = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(20);
    expect(row.windowStart.getTime()).toBe(now.getTime()); // Prisma reads back what the raw SQL wrote
  });

  it("counts down remaining and resets once the window has passed", async () => {
    const key = uniqueKey("window");
    const rule = { limit: 2, windowSeconds: 60 };
    const t0 = new Date("2026-03-01T08:00:00.000Z");
    expect(await hitRateLimit(key, rule, t0)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(await hitRateLimit(key, rule, new Date(t0.getTime() + 10_000))).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(await hitRateLimit(key, rule, new Date(t0.getTime() + 30_500))).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
    // one millisecond before the end: still the same window
    expect((await hitRateLimit(key, rule, new Date(t0.getTime() + 59_999))).allowed).toBe(false);
    // at the end of the window: a new one starts with this hit
    const t1 = new Date(t0.getTime() + 60_000);
    expect(await hitRateLimit(key, rule, t1)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    const row = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(row).toMatchObject({ count: 1, windowStart: t1, expiresAt: new Date(t1.getTime() + 60_000) });
  });

  it("keeps separate keys apart", async () => {
    const a = uniqueKey("a");
    const b = uniqueKey("b");
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await hitRateLimit(a, rule)).allowed).toBe(true);
    expect((await hitRateLimit(a, rule)).allowed).toBe(false);
    expect((await hitRateLimit(b, rule)).allowed).toBe(true);
  });

  it("purges only buckets whose window has ended", async () => {
    const old = uniqueKey("old");
    const live = uniqueKey("live");
    const now = new Date("2030-05-05T12:00:00.000Z");
    await hitRateLimit(old, { limit: 5, windowSeconds: 60 }, new Date(now.getTime() - 120_000));
    await hitRateLimit(live, { limit: 5, windowSeconds: 600 }, new Date(now.getTime() - 120_000));
    expect(await purgeExpiredRateLimits(now)).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitBucket.findUnique({ where: { key: old } })).toBeNull();
    expect(await db.rateLimitBucket.findUnique({ where: { key: live } })).not.toBeNull();
  });

  it("holds across several processes sharing the database", async () => {
    const key = uniqueKey("processes");
    // an eval script is CommonJS for tsx: no top-level await
    const script = `
      (async () => {
        const { hitRateLimit } = await import("@/lib/security/rate-limit");
        const results = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(${JSON.stringify(key)}, { limit: 12, windowSeconds: 60 })));
        console.log(JSON.stringify(results.filter((r) => r.allowed).length));
        process.exit(0);
      })();`;
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const run = () =>
      promisify(execFile)(process.execPath, [tsx, "--eval", script], { cwd: process.cwd(), env: { ...process.env }, timeout: 30_000 });
    const outputs = await Promise.all([run(), run(), run()]);
    const allowed = outputs.map((o) => Number(o.stdout.trim().split("\n").at(-1)));
    expect(allowed.reduce((a, b) => a + b, 0)).toBe(12);
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key } })).count).toBe(30);
  }, 60_000);

  it("refuses a nonsensical rule", async () => {
    await expect(hitRateLimit(uniqueKey("bad"), { limit: 0, windowSeconds: 60 })).rejects.toThrow(/limit/);
  });
});
