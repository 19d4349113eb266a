import "server-only";
import { z } from "zod";

// WeChat web OAuth (网页授权) settings, from the environment. Both hosts are configurable so tests
// point them at a fake WeChat server on loopback (tests/fakes/wechat-server.ts).
//   WECHAT_APP_ID      the official account's AppID (公众号 AppID, "wx" + 16 characters)
//   WECHAT_APP_SECRET  its AppSecret; never logged, never put into an error message
//   WECHAT_OPEN_HOST   where /connect/oauth2/authorize lives (default https://open.weixin.qq.com)
//   WECHAT_API_HOST    where /sns/... lives (default https://api.weixin.qq.com)
// No app id and no secret: the feature is off (wechatOAuthConfig() returns null). Only one of them:
// a deployment mistake, reported at once rather than at the first shopper's sign-in.

export interface WechatOAuthConfig {
  appId: string;
  appSecret: string;
  /** Origin (optionally with a path prefix), no trailing slash. */
  openHost: string;
  apiHost: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only on loopback (the fake server), since the secret travels in the query. */
const host = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : fallback))
    .pipe(
      z.string().refine(
        (value) => {
          try {
            const url = new URL(value);
            return !url.search && !url.hash && (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)));
          } catch {
            return false;
          }
        },
        { message: `${name} 必须是 https 地址（回环地址可用 http） / ${name} must be an https URL (http only on loopback)` },
      ),
    )
    .transform((value) => value.replace(/\/+$/, ""));

// Empty strings count as unset: `.env.example` ships `WECHAT_APP_ID=`.
const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const envSchema = z.object({
  WECHAT_APP_ID: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^wx[0-9a-zA-Z]{16}$/, { message: "WECHAT_APP_ID 应为 wx 开头的 18 位 AppID / WECHAT_APP_ID must be an AppID: wx + 16 characters" })
      .optional(),
  ),
  // The message names the variable only: zod must never echo the secret's value.
  WECHAT_APP_SECRET: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^[0-9a-zA-Z]{32}$/, { message: "WECHAT_APP_SECRET 应为 32 位 AppSecret / WECHAT_APP_SECRET must be a 32-character AppSecret" })
      .optional(),
  ),
  WECHAT_OPEN_HOST: host("WECHAT_OPEN_HOST", "https://open.weixin.qq.com"),
  WECHAT_API_HOST: host("WECHAT_API_HOST", "https://api.weixin.qq.com"),
});

export class WechatConfigError extends Error {
  readonly code = "wechat_misconfigured";
  constructor(message: string) {
    super(message);
    this.name = "WechatConfigError";
  }
}

/**
 * The WeChat OAuth settings, or null when WeChat sign-in is off (neither app id nor secret set).
 * Throws WechatConfigError when half-configured or malformed. Read on every call (cheap), so a test
 * can change the environment between cases.
 */
export function wechatOAuthConfig(env: Record<string, string | undefined> = process.env): WechatOAuthConfig | null {
  const parsed = envSchema.safeParse({
    WECHAT_APP_ID: env.WECHAT_APP_ID,
    WECHAT_APP_SECRET: env.WECHAT_APP_SECRET,
    WECHAT_OPEN_HOST: env.WECHAT_OPEN_HOST,
    WECHAT_API_HOST: env.WECHAT_API_HOST,
  });
  if (!parsed.success) {
    throw new WechatConfigError(`微信登录配置有误 / WeChat sign-in is misconfigured: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  const { WECHAT_APP_ID: appId, WECHAT_APP_SECRET: appSecret, WECHAT_OPEN_HOST: openHost, WECHAT_API_HOST: apiHost } = parsed.data;
  if (!appId && !appSecret) return null;
  if (!appId || !appSecret) {
    const missing = appId ? "WECHAT_APP_SECRET" : "WECHAT_APP_ID";
    throw new WechatConfigError(
      `微信登录只配置了一半：缺少 ${missing} / WeChat sign-in is half-configured: ${missing} is missing (set both WECHAT_APP_ID and WECHAT_APP_SECRET, or neither)`,
    );
  }
  return { appId, appSecret, openHost, apiHost };
}

/** For code paths that only run when WeChat sign-in is on: the config, or a clear error. */
export function requireWechatOAuthConfig(env: Record<string, string | undefined> = process.env): WechatOAuthConfig {
  const config = wechatOAuthConfig(env);
  if (!config) throw new WechatConfigError("微信登录未启用 / WeChat sign-in is not configured (WECHAT_APP_ID, WECHAT_APP_SECRET)");
  return config;
}

/** For pages and routes: the config, or null when WeChat sign-in is off or half-configured (that case is logged). */
export function usableWechatOAuthConfig(env: Record<string, string | undefined> = process.env): WechatOAuthConfig | null {
  try {
    return wechatOAuthConfig(env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return null;
  }
}
