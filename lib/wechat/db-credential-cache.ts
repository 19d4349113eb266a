import "server-only";
import { db } from "@/lib/db";
import { claimLease, PROCESS_HOLDER, releaseLease } from "@/lib/ops/lease";
import { refreshAt, WechatApiError, type CachedCredential, type WechatCredentialCache } from "./access-token";
import { setTimeout as sleep } from "node:timers/promises";

// The app's WeChat credentials (access_token, jsapi_ticket) in the database, shared by every instance (decision
// 032): a token fetched by one instance retires the others' within 5 minutes, so they must use one token, and
// only one of them may fetch the next. A fetch runs under the lease "wechat:<appId>:<kind>" (the cache key);
// an instance that does not get it uses the value the holder stores.

/** Longer than a ticket fetch that must first fetch a token (two requests of at most 5 s each). */
export const FETCH_LEASE_MS = 15_000;
export const POLL_MS = 200;
/** A little over one request's timeout: by then the holder has stored a value or failed and let the lease go. */
export const WAIT_MS = 6_000;

export interface DbCredentialCacheOptions {
  /** This instance's name as a lease holder (default: the process's). Tests simulate two instances with two names. */
  holder?: string;
  /** Ms since the epoch; the same clock as the callers' `now` (tests move both). */
  now?: () => number;
  waitMs?: number;
}


export class DbCredentialCache implements WechatCredentialCache {
  private readonly holder: string;
  private readonly now: () => number;
  private readonly waitMs: number;

  constructor(options: DbCredentialCacheOptions = {}) {
    this.holder = options.holder ?? PROCESS_HOLDER;
    this.now = options.now ?? Date.now;
    this.waitMs = options.waitMs ?? WAIT_MS;
  }

  async get(key: string): Promise<CachedCredential | undefined> {
    const row = await db.wechatCredential.findUnique({ where: { key } });
    if (!row) return undefined;
    // updatedAt is when the value was obtained (set writes it), so the refresh rule is the memory cache's.
    const obtainedAt = row.updatedAt.getTime();
    const expiresAt = row.expiresAt.getTime();
    return { value: row.value, expiresAt, refreshAt: refreshAt(obtainedAt, (expiresAt - obtainedAt) / 1000) };
  }

  async set(key: string, entry: CachedCredential): Promise<void> {
    const data = { value: entry.value, expiresAt: new Date(entry.expiresAt), updatedAt: new Date(this.now()) };
    await db.wechatCredential.upsert({ where: { key }, create: { key, ...data }, update: data });
  }

  async delete(key: string, value?: string): Promise<void> {
    await db.wechatCredential.deleteMany({ where: value === undefined ? { key } : { key, value } });
  }

  async fetchOnce(key: string, fetch: () => Promise<string>): Promise<string> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      if (await claimLease(key, this.holder, FETCH_LEASE_MS, new Date(this.now()))) {
        try {
          // The previous holder may have stored a value between this caller's read and its claim.
          const stored = await this.get(key);
          if (stored && this.now() < stored.refreshAt) return stored.value;
          return await fetch();
        } finally {
          // Let go at once, so a failed fetch does not keep the others waiting; otherwise it lapses by itself.
          await releaseLease(key, this.holder).catch(() => undefined);
        }
      }
      // Another instance is fetching. A value that WeChat still accepts (it is being renewed in its last minutes)
      // serves meanwhile; with none, wait for the holder's.
      const stored = await this.get(key);
      if (stored && this.now() < stored.expiresAt) return stored.value;
      if (Date.now() >= deadline) throw new WechatApiError("wechat_unreachable", { reason: "another instance is fetching this credential" });
      await sleep(POLL_MS);
    }
  }
}
