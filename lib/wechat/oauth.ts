import "server-only";
import { z } from "zod";
import { wechatGetJson, type WechatFailureKind, type WechatFailureDetail } from "./http";
import { requireWechatOAuthConfig, type WechatOAuthConfig } from "./config";

// WeChat web OAuth (网页授权) for shoppers inside WeChat's browser: three endpoints, written by hand
// (docs/decisions/007-wechat-oauth.md).
//   1. authorizeUrl(): the shopper's browser goes to open.weixin.qq.com/connect/oauth2/authorize;
//      WeChat redirects back to redirect_uri?code=CODE&state=STATE.
//        snsapi_base     silent, gives the openid only
//        snsapi_userinfo asks the shopper once, then /sns/userinfo gives nickname and avatar
//   2. exchangeCode(): server to server, code → access token + openid (+ unionid when the official
//      account is bound to the group's Open Platform account: the same person across our brands).
//   3. fetchUserInfo(): nickname, avatar (snsapi_userinfo only; base scope gets errcode 48001).
// WeChat answers errors as HTTP 200 with {"errcode": 40029, "errmsg": "invalid code"}; they become a
// WechatOAuthError with a stable `code` and a message safe to show (Chinese first, English after).
// The AppSecret is sent in the query string of one request and appears nowhere else: not in errors,
// not in logs (this module logs nothing).

export type WechatScope = "snsapi_base" | "snsapi_userinfo";

export type WechatOAuthErrorCode =
  | "invalid_code"
  | "code_used"
  | "invalid_credential"
  | "invalid_openid"
  | "access_token_expired"
  | "scope_unauthorized"
  | "wechat_error"
  | "wechat_unreachable";

const MESSAGES: Record<WechatOAuthErrorCode, string> = {
  invalid_code: "微信授权码无效或已过期，请重新打开页面 / The WeChat sign-in code is invalid or has expired; please open the page again",
  code_used: "微信授权码已被使用，请重新打开页面 / This WeChat sign-in code has already been used; please open the page again",
  invalid_credential: "微信登录配置有误，请稍后再试 / WeChat sign-in is misconfigured; please try again later",
  invalid_openid: "微信用户标识无效，请重新打开页面 / Invalid WeChat user id; please open the page again",
  access_token_expired: "微信授权已过期，请重新打开页面 / The WeChat authorisation has expired; please open the page again",
  scope_unauthorized: "未获授权读取微信昵称和头像 / Permission to read your WeChat nickname and avatar was not granted",
  wechat_error: "微信登录失败，请稍后再试 / WeChat sign-in failed; please try again later",
  wechat_unreachable: "暂时无法连接微信，请稍后再试 / WeChat cannot be reached right now; please try again later",
};

// WeChat's global return codes (全局返回码) that OAuth can meet; anything else is `wechat_error`.
const ERRCODES: Record<number, WechatOAuthErrorCode> = {
  40029: "invalid_code", // invalid code (unknown or older than 5 minutes)
  40163: "code_used", // code been used
  40001: "invalid_credential", // invalid credential (secret wrong, or user access token invalid)
  40125: "invalid_credential", // invalid appsecret
  40013: "invalid_credential", // invalid appid
  40003: "invalid_openid", // invalid openid
  42001: "access_token_expired", // access_token expired
  48001: "scope_unauthorized", // api unauthorized (userinfo with snsapi_base)
};

export class WechatOAuthError extends Error {
  constructor(
    readonly code: WechatOAuthErrorCode,
    /** For logs, never shown: WeChat's errcode and errmsg, or the network failure's name. Never holds a secret. */
    readonly detail?: { errcode?: number; errmsg?: string; reason?: string },
  ) {
    super(MESSAGES[code]);
    this.name = "WechatOAuthError";
  }
}

export interface WechatClientOptions {
  /** Defaults to the environment (requireWechatOAuthConfig()). */
  config?: WechatOAuthConfig;
  /** Per request; WeChat usually answers in well under a second. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

// WeChat's documented limits: state is a-zA-Z0-9, at most 128 bytes; redirect_uri must be absolute.
const stateSchema = z.string().regex(/^[A-Za-z0-9]{0,128}$/);
const redirectUriSchema = z.url({ protocol: /^https?$/ });

/**
 * The URL to send the shopper's browser to, exactly in WeChat's format (parameter order included; WeChat
 * is known to reject reordered ones) and ending with `#wechat_redirect`.
 */
export function authorizeUrl(
  input: { redirectUri: string; scope: WechatScope; state: string },
  options: Pick<WechatClientOptions, "config"> = {},
): string {
  const config = options.config ?? requireWechatOAuthConfig();
  if (!redirectUriSchema.safeParse(input.redirectUri).success) throw new TypeError("redirectUri must be an absolute http(s) URL");
  if (input.scope !== "snsapi_base" && input.scope !== "snsapi_userinfo") throw new TypeError("scope must be snsapi_base or snsapi_userinfo");
  if (!stateSchema.safeParse(input.state).success) throw new TypeError("state must be a-zA-Z0-9, at most 128 characters (WeChat's limit)");
  return (
    `${config.openHost}/connect/oauth2/authorize` +
    `?appid=${encodeURIComponent(config.appId)}` +
    `&redirect_uri=${encodeURIComponent(input.redirectUri)}` +
    `&response_type=code` +
    `&scope=${input.scope}` +
    `&state=${input.state}` +
    `#wechat_redirect`
  );
}


// Optional strings WeChat may send empty: "" means absent.
const optionalId = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

const accessTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
  openid: z.string().min(1),
  scope: z.string(),
  // 1 when the shopper is on a "snapshot page" (朋友圈快照页) and the openid is a virtual one.
  is_snapshotuser: z.number().int().optional(),
  unionid: optionalId,
});

const userInfoSchema = z.object({
  openid: z.string().min(1),
  nickname: z.string(),
  sex: z.number().int().optional(),
  province: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  headimgurl: z.string().optional(),
  privilege: z.array(z.string()).optional(),
  unionid: optionalId,
});

export interface WechatAccessToken {
  accessToken: string;
  /** Seconds (7200). */
  expiresIn: number;
  refreshToken: string;
  openId: string;
  /** As granted, e.g. "snsapi_base" or "snsapi_userinfo". */
  scope: string;
  /** Present only when the official account is bound to an Open Platform account. */
  unionId?: string;
  /** A "snapshot page" visitor: the openid is virtual and must not be linked to a member. */
  isSnapshotUser: boolean;
}

export interface WechatUserInfo {
  openId: string;
  nickname: string;
  /** Null when the shopper has no avatar (WeChat sends ""). */
  avatarUrl: string | null;
  unionId?: string;
}

/** Code → access token and openid. One use per code; codes expire 5 minutes after WeChat issued them. */
export async function exchangeCode(code: string, options: WechatClientOptions = {}): Promise<WechatAccessToken> {
  const config = options.config ?? requireWechatOAuthConfig();
  // A code is WeChat's opaque token; refuse obvious junk without a round trip.
  if (typeof code !== "string" || !/^[\x21-\x7e]{1,512}$/.test(code)) throw new WechatOAuthError("invalid_code", { reason: "malformed code" });
  const query = new URLSearchParams({ appid: config.appId, secret: config.appSecret, code, grant_type: "authorization_code" });
  const body = await call(`${config.apiHost}/sns/oauth2/access_token?${query}`, options);
  const parsed = accessTokenSchema.safeParse(body);
  if (!parsed.success) throw new WechatOAuthError("wechat_error", { reason: "unexpected access_token response" });
  const token = parsed.data;
  return {
    accessToken: token.access_token,
    expiresIn: token.expires_in,
    refreshToken: token.refresh_token,
    openId: token.openid,
    scope: token.scope,
    ...(token.unionid ? { unionId: token.unionid } : {}),
    isSnapshotUser: token.is_snapshotuser === 1,
  };
}

/** Nickname and avatar; needs an access token granted with snsapi_userinfo. */
export async function fetchUserInfo(accessToken: string, openId: string, options: WechatClientOptions = {}): Promise<WechatUserInfo> {
  const config = options.config ?? requireWechatOAuthConfig();
  const query = new URLSearchParams({ access_token: accessToken, openid: openId, lang: "zh_CN" });
  const body = await call(`${config.apiHost}/sns/userinfo?${query}`, options);
  const parsed = userInfoSchema.safeParse(body);
  if (!parsed.success) throw new WechatOAuthError("wechat_error", { reason: "unexpected userinfo response" });
  const user = parsed.data;
  if (user.openid !== openId) throw new WechatOAuthError("invalid_openid", { reason: "userinfo answered for another openid" });
  return {
    openId: user.openid,
    nickname: user.nickname,
    avatarUrl: user.headimgurl ? user.headimgurl : null,
    ...(user.unionid ? { unionId: user.unionid } : {}),
  };
}

/** One GET to WeChat (lib/wechat/http.ts): the parsed body, or a WechatOAuthError. */
async function call(url: string, options: WechatClientOptions): Promise<unknown> {
  return wechatGetJson(url, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, (kind: WechatFailureKind, detail: WechatFailureDetail) =>
    new WechatOAuthError(kind === "errcode" ? (ERRCODES[detail.errcode!] ?? "wechat_error") : kind === "unreachable" ? "wechat_unreachable" : "wechat_error", detail),
  );
}
