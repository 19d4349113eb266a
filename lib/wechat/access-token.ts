import "server-only";
import { z } from "zod";
import { wechatGetJson, type WechatFailureKind, type WechatFailureDetail } from "./http";
import { requireWechatOAuthConfig, type WechatOAuthConfig } from "./config";

// The official account's own credentials for server-to-server calls (docs/decisions/012-wechat-jssdk.md):
//   GET {apiHost}/cgi-bin/token?grant_type=client_credential&appid&secret → access_token, expires_in 7200
// Not the shopper's OAuth token (lib/wechat/oauth.ts): one per app, shared by every request, and WeChat
// caps how many a day an app may fetch (2,000), so it is cached and fetched by one caller at a time.
//
// The app's cache is the database (DbCredentialCache, decision 032): instances that each fetched their own token
// would keep knocking each other's out, since a new token retires the previous one after 5 minutes (WeChat
// answers 40001 for it then). Tests may pass a MemoryCredentialCache.

export type WechatApiErrorCode = "invalid_credential" | "ip_not_allowed" | "access_token_invalid" | "wechat_error" | "wechat_unreachable";

const MESSAGES: Record<WechatApiErrorCode, string> = {
  invalid_credential: "微信公众号 AppID 或 AppSecret 有误 / The WeChat AppID or AppSecret is wrong",
  ip_not_allowed: "服务器 IP 不在微信公众号的 IP 白名单中 / This server's IP address is not in the official account's IP whitelist",
  access_token_invalid: "微信接口调用凭据无效或已过期 / The WeChat access token is invalid or has expired",
  wechat_error: "微信接口调用失败，请稍后再试 / The WeChat API call failed; please try again later",
  wechat_unreachable: "暂时无法连接微信，请稍后再试 / WeChat cannot be reached right now; please try again later",
};

// Global return codes (全局返回码) these endpoints meet; anything else is `wechat_error` with the errcode kept.
const ERRCODES: Record<number, WechatApiErrorCode> = {
  40125: "invalid_credential", // invalid appsecret
  40013: "invalid_credential", // invalid appid
  40164: "ip_not_allowed", // invalid ip, not in whitelist
  61004: "ip_not_allowed", // access clientip is not registered
  40001: "access_token_invalid", // invalid credential (a retired or unknown access token; older APIs also for a wrong secret)
  40014: "access_token_invalid", // invalid access_token
  42001: "access_token_invalid", // access_token expired
};

export class WechatApiError extends Error {
  constructor(
    readonly code: WechatApiErrorCode,
    /** For logs: WeChat's errcode and errmsg, or the network failure's name. Never holds the secret or a token. */
    readonly detail?: { errcode?: number; errmsg?: string; reason?: string },
  ) {
    super(MESSAGES[code] + (detail?.errcode ? ` (errcode ${detail.errcode})` : ""));
    this.name = "WechatApiError";
  }
}

export interface CachedCredential {
  value: string;
  /** Ms since the epoch: WeChat's expiry less REFRESH_MARGIN_MS, so a value is never used in its last minutes. */
  refreshAt: number;
  /** Ms since the epoch: WeChat's own expiry (until then the value still works, e.g. while another caller renews it). */
  expiresAt: number;
}

/** Where tokens and tickets are kept between requests. Async so a shared store (issue 8) fits the same shape. */
export interface WechatCredentialCache {
  get(key: string): Promise<CachedCredential | undefined>;
  set(key: string, entry: CachedCredential): Promise<void>;
  /** Drops the value under `key`; with `value`, only if it still holds that one (another caller may have replaced it). */
  delete(key: string, value?: string): Promise<void>;
  /**
   * A cache several instances share: runs `fetch` (fetch and set) in one instance at a time and lets the others
   * wait for its value. Without it, one fetch at a time per cache object (this process's inflight map) is all.
   */
  fetchOnce?(key: string, fetch: () => Promise<string>): Promise<string>;
}

export class MemoryCredentialCache implements WechatCredentialCache {
  private readonly entries = new Map<string, CachedCredential>();
  async get(key: string) {
    return this.entries.get(key);
  }
  async set(key: string, entry: CachedCredential) {
    this.entries.set(key, entry);
  }
  async delete(key: string, value?: string) {
    if (value === undefined || this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}

// On globalThis so the development server's module reloads keep one cache. Loaded on first use, so modules that
// only import this file's pure helpers (unit tests) never open the database.
const holder = globalThis as unknown as { __wechatCredentialCache?: Promise<WechatCredentialCache> };
function appCredentialCache(): Promise<WechatCredentialCache> {
  return (holder.__wechatCredentialCache ??= import("./db-credential-cache").then((m) => new m.DbCredentialCache()));
}

export interface WechatApiOptions {
  /** Defaults to the environment (requireWechatOAuthConfig()). */
  config?: WechatOAuthConfig;
  /** Defaults to the database (DbCredentialCache), shared by every instance. */
  cache?: WechatCredentialCache;
  /** Ms since the epoch; tests move it to expire cached values. */
  now?: () => number;
  /** Per request. */
  timeoutMs?: number;
}

/** Refresh this long before WeChat's expiry: a token fetched at 7200 s is used for 6900 s. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 5000;

export type CredentialKind = "access_token" | "jsapi_ticket";
export const credentialKey = (appId: string, kind: CredentialKind) => `wechat:${appId}:${kind}`;

/** When a value WeChat says lives `expiresInSeconds` should be replaced. Half its life if that is shorter than the margin. */
export function refreshAt(obtainedAt: number, expiresInSeconds: number): number {
  const life = expiresInSeconds * 1000;
  return obtainedAt + Math.max(life - REFRESH_MARGIN_MS, life / 2);
}

// One fetch at a time per cache and key: a burst of first requests must not spend the daily quota, nor
// have the second token retire the first. A shared cache adds the same across instances (fetchOnce).
const inflight = new WeakMap<WechatCredentialCache, Map<string, Promise<string>>>();

/**
 * The cached value under `key`, or the one `fetchFresh` gets (then cached). Concurrent callers for the
 * same key share one fetch.
 */
export async function cachedCredential(
  key: string,
  options: WechatApiOptions,
  fetchFresh: () => Promise<{ value: string; expiresInSeconds: number }>,
): Promise<string> {
  const cache = options.cache ?? (await appCredentialCache());
  const now = options.now ?? Date.now;
  const cached = await cache.get(key);
  if (cached && now() < cached.refreshAt) return cached.value;

  let pending = inflight.get(cache);
  if (!pending) inflight.set(cache, (pending = new Map()));
  const running = pending.get(key);
  if (running) return running;
  const fetchAndKeep = async () => {
    const fresh = await fetchFresh();
    const obtainedAt = now();
    await cache.set(key, { value: fresh.value, refreshAt: refreshAt(obtainedAt, fresh.expiresInSeconds), expiresAt: obtainedAt + fresh.expiresInSeconds * 1000 });
    return fresh.value;
  };
  const started = (async () => {
    try {
      return await (cache.fetchOnce ? cache.fetchOnce(key, fetchAndKeep) : fetchAndKeep());
    } finally {
      pending.delete(key);
    }
  })();
  pending.set(key, started);
  return started;
}

/** Drops a cached value WeChat refused, unless another caller already replaced it. */
export async function forgetCredential(key: string, value: string, options: WechatApiOptions): Promise<void> {
  const cache = options.cache ?? (await appCredentialCache());
  await cache.delete(key, value);
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

/** The app's access token: cached until 5 minutes before it expires. */
export async function getAccessToken(options: WechatApiOptions = {}): Promise<string> {
  const config = options.config ?? requireWechatOAuthConfig();
  return cachedCredential(credentialKey(config.appId, "access_token"), options, async () => {
    const query = new URLSearchParams({ grant_type: "client_credential", appid: config.appId, secret: config.appSecret });
    let body: unknown;
    try {
      body = await wechatGet(`${config.apiHost}/cgi-bin/token?${query}`, options);
    } catch (error) {
      // Here 40001 can only mean the secret: there is no token in this request to be invalid.
      if (error instanceof WechatApiError && error.code === "access_token_invalid") throw new WechatApiError("invalid_credential", error.detail);
      throw error;
    }
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) throw new WechatApiError("wechat_error", { reason: "unexpected token response" });
    return { value: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  });
}

/** After WeChat refused `token` (40001/42001): the next getAccessToken() fetches a new one. */
export async function forgetAccessToken(token: string, options: WechatApiOptions = {}): Promise<void> {
  const config = options.config ?? requireWechatOAuthConfig();
  await forgetCredential(credentialKey(config.appId, "access_token"), token, options);
}


/** One GET to WeChat's API host (lib/wechat/http.ts): the parsed body, or a WechatApiError. */
export async function wechatGet(url: string, options: Pick<WechatApiOptions, "timeoutMs">): Promise<unknown> {
  return wechatGetJson(url, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, (kind: WechatFailureKind, detail: WechatFailureDetail) =>
    new WechatApiError(kind === "errcode" ? (ERRCODES[detail.errcode!] ?? "wechat_error") : kind === "unreachable" ? "wechat_unreachable" : "wechat_error", detail),
  );
}
