import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { requireWechatOAuthConfig } from "./config";
import { cachedCredential, credentialKey, forgetAccessToken, getAccessToken, WechatApiError, wechatGet, type WechatApiOptions } from "./access-token";

// WeChat JS-SDK configuration (JS-SDK 说明文档, 附录1 "JS-SDK使用权限签名算法"): a page inside WeChat calls
// wx.config({ appId, timestamp, nonceStr, signature, jsApiList }) before wx.scanQRCode, wx.openLocation…
// The signature is sha1 over the app's jsapi_ticket and the page's own URL, so it is made here, on the
// server, per page URL (docs/decisions/012-wechat-jssdk.md).

export interface JssdkSignatureInput {
  jsapiTicket: string;
  nonceStr: string;
  /** Seconds since the epoch. */
  timestamp: number | string;
  /** The page's full URL; anything from "#" on is dropped, as WeChat does. */
  url: string;
}

/**
 * sha1 of "jsapi_ticket=…&noncestr=…&timestamp=…&url=…": the four fields sorted by name (ASCII), values
 * as they are (no URL-encoding), hex lower case.
 */
export function jssdkSignature({ jsapiTicket, nonceStr, timestamp, url }: JssdkSignatureInput): string {
  const fields: Record<string, string> = { jsapi_ticket: jsapiTicket, noncestr: nonceStr, timestamp: String(timestamp), url: withoutFragment(url) };
  const plain = Object.keys(fields)
    .sort()
    .map((name) => `${name}=${fields[name]}`)
    .join("&");
  return crypto.createHash("sha1").update(plain, "utf8").digest("hex");
}

const withoutFragment = (url: string) => url.split("#")[0] ?? "";

/**
 * The URL to sign when a page at `raw` asks, or null. Only our own pages: an http(s) URL on the host
 * the request came to, so this server is not a signing service for anybody's page.
 */
export function pageUrlToSign(raw: string | null | undefined, requestHost: string | null | undefined): string | null {
  if (!raw || raw.length > 2048 || !requestHost) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  if (url.host !== requestHost.toLowerCase()) return null;
  // The page's own spelling, not URL's normalisation: WeChat signs what location.href says.
  return withoutFragment(raw);
}

const ticketSchema = z.object({ ticket: z.string().min(1), expires_in: z.number().int().positive() });

/** The app's jsapi_ticket: cached until 5 minutes before it expires; a refused access token is renewed once. */
export async function getJsapiTicket(options: WechatApiOptions = {}): Promise<string> {
  const config = options.config ?? requireWechatOAuthConfig();
  const withConfig = { ...options, config };
  return cachedCredential(credentialKey(config.appId, "jsapi_ticket"), withConfig, async () => {
    const fetchTicket = async (token: string) => {
      const query = new URLSearchParams({ access_token: token, type: "jsapi" });
      const parsed = ticketSchema.safeParse(await wechatGet(`${config.apiHost}/cgi-bin/ticket/getticket?${query}`, withConfig));
      if (!parsed.success) throw new WechatApiError("wechat_error", { reason: "unexpected getticket response" });
      return { value: parsed.data.ticket, expiresInSeconds: parsed.data.expires_in };
    };
    const token = await getAccessToken(withConfig);
    try {
      return await fetchTicket(token);
    } catch (error) {
      // 40001/42001: our cached token was retired early (another caller fetched a new one) or WeChat's
      // clock disagrees with ours. One retry with a new token; a second refusal is a real problem.
      if (!(error instanceof WechatApiError && (error.detail?.errcode === 40001 || error.detail?.errcode === 42001))) throw error;
      await forgetAccessToken(token, withConfig);
      return fetchTicket(await getAccessToken(withConfig));
    }
  });
}

export interface JssdkConfig {
  appId: string;
  /** Seconds since the epoch. */
  timestamp: number;
  nonceStr: string;
  signature: string;
}

const NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function nonce(length = 16): string {
  const bytes = crypto.randomBytes(length);
  return Array.from(bytes, (b) => NONCE_ALPHABET[b % NONCE_ALPHABET.length]).join("");
}

/** What a page at `url` passes to wx.config (plus its own jsApiList). `url` must already be checked (pageUrlToSign). */
export async function jssdkConfig(url: string, options: WechatApiOptions = {}): Promise<JssdkConfig> {
  const config = options.config ?? requireWechatOAuthConfig();
  const jsapiTicket = await getJsapiTicket({ ...options, config });
  const timestamp = Math.floor((options.now ?? Date.now)() / 1000);
  const nonceStr = nonce();
  return { appId: config.appId, timestamp, nonceStr, signature: jssdkSignature({ jsapiTicket, nonceStr, timestamp, url }) };
}
