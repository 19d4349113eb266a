import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateApiKey, listApiKeys, revokeApiKey } from "@/lib/erp/keys";
import { parseListParams } from "@/lib/admin/list-params";
import { API_KEY_SORTS } from "@/lib/erp/keys";
import { GET as getOrders } from "@/app/api/v1/orders/route";
import { call, newKey } from "./support";

describe("API keys", () => {
  it("shows the secret once and stores only its sha256 under a public prefix", async () => {
    const key = await newKey();
    expect(key.secret).toMatch(/^mck_[0-9a-f]{8}_[A-Za-z0-9_-]{32}$/);
    expect(key.secret.startsWith(`${key.prefix}_`)).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(key.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(key.secret.slice(13));
    const page = await listApiKeys(key.brandId, parseListParams({ q: key.prefix }, { sorts: API_KEY_SORTS, defaultSort: "createdAt" }));
    expect(page.rows).toEqual([expect.objectContaining({ id: key.id, prefix: key.prefix, revokedAt: null })]);
    expect(JSON.stringify(page)).not.toContain(row.secretHash);
    expect(await db.auditLog.count({ where: { action: "api_key.created", target: `api-key:${key.id}` } })).toBe(1);
  });

  it("authenticates a live key for its brand; unknown, malformed and revoked keys get 401 JSON", async () => {
    const key = await newKey("nord");
    expect(await authenticateApiKey(`Bearer ${key.secret}`)).toMatchObject({ id: key.id, brandId: key.brandId, actor: `api-key:${key.id}` });
    for (const header of [null, "", "Basic abc", `Bearer ${key.prefix}_${"x".repeat(32)}`, `Bearer ${key.secret}x`]) {
      await expect(authenticateApiKey(header)).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    }
    expect(await revokeApiKey(key.brandId, key.id, "system")).toBe(true);
    expect(await revokeApiKey(key.brandId, key.id, "system")).toBe(false);
    const refused = await call(getOrders, "GET", "/api/v1/orders", { secret: key.secret });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("revoked") } });
    expect(await db.auditLog.count({ where: { action: "api_key.revoked", target: `api-key:${key.id}` } })).toBe(1);
  });

  it("a brand admin cannot revoke another brand's key", async () => {
    const key = await newKey("lumi");
    const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
    expect(await revokeApiKey(nord.id, key.id, "system")).toBe(false);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });

  it("notes the last use at most once a minute", async () => {
    const key = await newKey();
    const t0 = new Date("2030-01-01T00:00:00.000Z");
    await authenticateApiKey(`Bearer ${key.secret}`, t0);
    await authenticateApiKey(`Bearer ${key.secret}`, new Date(t0.getTime() + 30_000));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(`Bearer ${key.secret}`, t1);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(t1);
  });

  it("limits requests per key per minute: 429 JSON with Retry-After, other keys unaffected", async () => {
    const key = await newKey("lumi", 2);
    const other = await newKey("lumi", 2);
    expect((await call(getOrders, "GET", "/api/v1/orders?limit=1", { secret: key.secret })).status).toBe(200);
    expect((await call(getOrders, "GET", "/api/v1/orders?limit=1", { secret: key.secret })).status).toBe(200);
    const limited = await call(getOrders, "GET", "/api/v1/orders?limit=1", { secret: key.secret });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(getOrders, "GET", "/api/v1/orders?limit=1", { secret: other.secret })).status).toBe(200);
  });
});
