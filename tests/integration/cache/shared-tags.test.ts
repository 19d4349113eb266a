import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { invalidateProduct, invalidateStock, TAGS } from "@/lib/catalog/cache-tags";
import type SharedTagsCacheHandler from "@/lib/cache/shared-tags-cache-handler.mjs";

// The cache handler of several instances (lib/cache/shared-tags-cache-handler.mjs, decision 032), on this run's
// database (SQLite or PostgreSQL): a revalidation on this instance is written to CacheTag, and one written by
// another instance (a row put in the table directly) expires this instance's cached entry at its next read.

let handler: SharedTagsCacheHandler;
let tagsManifest: Map<string, { stale?: number; expired?: number }>;

beforeAll(async () => {
  vi.stubEnv("CACHE_TAG_POLL_MS", "0"); // look at the table on every read (1 s in the app)
  const mod = await import("@/lib/cache/shared-tags-cache-handler.mjs");
  tagsManifest = ((await import("next/dist/server/lib/incremental-cache/tags-manifest.external.js")) as unknown as { tagsManifest: typeof tagsManifest }).tagsManifest;
  handler = new mod.default({ flushToDisk: false, serverDistDir: path.join(os.tmpdir(), "mc-cache-test"), maxMemoryCacheSize: 10 * 1024 * 1024, revalidatedTags: [] });
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const fetchEntry = (tag: string) => ({ kind: "FETCH", data: { headers: {}, body: "e30=", status: 200, url: "" }, tags: [tag], revalidate: 3600 });
const read = (key: string, tag: string) => handler.get(key, { kind: "FETCH", tags: [tag], softTags: [] });
const unique = (name: string) => `${name}:${Date.now()}:${Math.random().toString(36).slice(2)}`;

describe("shared cache tags", () => {
  it("writes this instance's revalidation to the table, with Next's stale and expiry times", async () => {
    const tag = unique("product:test");
    const before = Date.now();
    await handler.revalidateTag([tag], { expire: 0 });
    const [row] = await db.cacheTag.findMany({ where: { tag } });
    expect(row).toBeDefined();
    expect(Number(row!.staleAt)).toBeGreaterThanOrEqual(before);
    expect(Number(row!.expiredAt)).toBe(Number(row!.staleAt)); // expire: 0 → expired at once
    expect(tagsManifest.get(tag)?.expired).toBe(Number(row!.expiredAt));
  });

  it("expires an entry cached here when another instance revalidated its tag", async () => {
    const tag = unique("catalog:test");
    const key = unique("key");
    await handler.set(key, fetchEntry(tag), { fetchCache: true, tags: [tag] });
    expect(await read(key, tag)).not.toBeNull(); // cached, and nobody revalidated it yet
    await new Promise((resolve) => setTimeout(resolve, 5));
    const at = BigInt(Date.now());
    // Another instance's revalidateTag(tag, { expire: 0 }): only the row, nothing in this process's state.
    await db.cacheTag.create({ data: { tag, staleAt: at, expiredAt: at, updatedAt: at } });
    expect(tagsManifest.has(tag)).toBe(false);
    // Next compares with its own clock (performance.timeOrigin + now()), which may trail Date.now() by a few ms.
    await expect.poll(() => read(key, tag), { timeout: 2000, interval: 20 }).toBeNull();
    expect(tagsManifest.get(tag)).toMatchObject({ stale: Number(at), expired: Number(at) });
  });

  it("keeps entries whose tags nobody touched, and an older row does not undo a newer revalidation", async () => {
    const kept = unique("stores:test");
    const key = unique("key");
    await handler.set(key, fetchEntry(kept), { fetchCache: true, tags: [kept] });
    const tag = unique("stock:test");
    const older = BigInt(Date.now() - 60_000);
    await handler.revalidateTag([tag], { expire: 0 });
    const mine = tagsManifest.get(tag)!.expired!;
    // Another instance's revalidation from a minute ago arrives late (its row is older than ours).
    await db.cacheTag.update({ where: { tag }, data: { staleAt: older, expiredAt: older, updatedAt: older } });
    expect(await read(key, kept)).not.toBeNull();
    expect(tagsManifest.get(tag)?.expired).toBe(mine);
  });

  it("an 'expire now' after a 'max' on another instance expires the entry here (the newest revalidation decides)", async () => {
    const tag = unique("product:test");
    const key = unique("key");
    await handler.revalidateTag([tag], { expire: 365 * 86_400 }); // "max" (a stock change): stale now, expired in a year
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.set(key, fetchEntry(tag), { fetchCache: true, tags: [tag] });
    expect(await read(key, tag)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const at = BigInt(Date.now());
    // The console on another instance: revalidateTag(tag, { expire: 0 }).
    await db.cacheTag.update({ where: { tag }, data: { staleAt: at, expiredAt: at, updatedAt: at } });
    await expect.poll(() => read(key, tag), { timeout: 2000, interval: 20 }).toBeNull();
  });

  it("outside a request (the sweeper's timer, a script) writes the invalidated tags straight to the table", async () => {
    const styleCode = unique("STYLE");
    const before = Date.now();
    invalidateProduct("brand-x", styleCode); // "max": stale now, expired after a year
    invalidateStock("brand-x", `prod-${styleCode}`, styleCode); // the stock grid: expired at once
    await expect.poll(() => db.cacheTag.count({ where: { tag: { in: [TAGS.product("brand-x", styleCode), TAGS.stock(`prod-${styleCode}`)] } } })).toBe(2);
    const product = await db.cacheTag.findUniqueOrThrow({ where: { tag: TAGS.product("brand-x", styleCode) } });
    const stock = await db.cacheTag.findUniqueOrThrow({ where: { tag: TAGS.stock(`prod-${styleCode}`) } });
    expect(Number(product.staleAt)).toBeGreaterThanOrEqual(before);
    expect(Number(product.expiredAt) - Number(product.staleAt)).toBe(365 * 86_400_000);
    expect(Number(stock.expiredAt)).toBe(Number(stock.staleAt));
  });
});
