import { urlToSign } from "./code-scanner-env";

// WeChat's JS-SDK (docs/decisions/012-wechat-jssdk.md): the jweixin script, loaded only inside WeChat and only
// when a feature needs it, and wx.config signed by our /api/wechat/jssdk-config. Every step rejects on failure
// so the caller can fall back (the scanner to the camera, sharing to a hint).

const SDK_URL = "https://res.wx.qq.com/open/js/jweixin-1.6.0.js";
// A mall's weak network: long enough for the script and one round trip, short enough that staff are not
// left looking at a spinner before the fallback.
const STEP_TIMEOUT_MS = 8000;

/** What every configured page has; callers extend it with the APIs they list in jsApiList. */
export interface WxBase {
  config(options: { debug: boolean; appId: string; timestamp: number; nonceStr: string; signature: string; jsApiList: string[] }): void;
  ready(callback: () => void): void;
  error(callback: (res: { errMsg?: string }) => void): void;
}

const getWx = <W extends WxBase>() => (window as unknown as { wx?: W }).wx;

/** `promise`, or a rejection naming `what` after STEP_TIMEOUT_MS. */
export function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), STEP_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function loadScript<W extends WxBase>(): Promise<W> {
  const present = getWx<W>();
  if (present) return Promise.resolve(present);
  return new Promise<W>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = SDK_URL;
    script.async = true;
    script.onload = () => {
      const wx = getWx<W>();
      if (wx) resolve(wx);
      else reject(new Error("jweixin loaded without window.wx"));
    };
    script.onerror = () => {
      script.remove(); // so a later attempt loads it afresh
      reject(new Error("jweixin failed to load"));
    };
    document.head.appendChild(script);
  });
}

/**
 * Loads the JS-SDK and runs wx.config for this page with `jsApiList`. wx.config is per page and a later call
 * replaces the earlier one's list, so list every API this page may still use.
 */
export async function configureWechatJssdk<W extends WxBase>(jsApiList: string[]): Promise<W> {
  const wx = await withTimeout(loadScript<W>(), "jweixin");
  const entry = performance.getEntriesByType?.("navigation")[0]?.name;
  const url = urlToSign({ href: location.href, entryUrl: entry, userAgent: navigator.userAgent });
  const response = await withTimeout(fetch(`/api/wechat/jssdk-config?url=${encodeURIComponent(url)}`, { cache: "no-store" }), "jssdk-config");
  if (!response.ok) throw new Error(`jssdk-config answered ${response.status}`);
  const signed = (await response.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string };
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      // WeChat calls one of these once the signature is checked; error wins if both come.
      let failed = false;
      wx.error((res) => {
        failed = true;
        reject(new Error(`wx.config: ${res.errMsg ?? "error"}`));
      });
      wx.ready(() => setTimeout(() => (failed ? undefined : resolve()), 0));
      wx.config({ debug: false, ...signed, jsApiList });
    }),
    "wx.config",
  );
  return wx;
}

/** configureWechatJssdk, run once per page load and shared by later calls; a failure is forgotten so a later tap retries. */
export function wechatJssdkOnce<W extends WxBase>(jsApiList: string[]): () => Promise<W> {
  let configured: Promise<W> | null = null;
  return () => {
    if (!configured) {
      configured = configureWechatJssdk<W>(jsApiList);
      configured.catch(() => {
        configured = null;
      });
    }
    return configured;
  };
}
