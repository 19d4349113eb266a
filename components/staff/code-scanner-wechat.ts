import { textFromWechatScan, urlToSign } from "./code-scanner-env";

// WeChat's JS-SDK for the code scanner: loaded only inside WeChat, configured through our
// /api/wechat/jssdk-config (docs/decisions/012-wechat-jssdk.md). Every step rejects on failure so the
// scanner can fall back to the camera.

const SDK_URL = "https://res.wx.qq.com/open/js/jweixin-1.6.0.js";
// A mall's weak network: long enough for the script and one round trip, short enough that staff are not
// left looking at a spinner before the camera fallback.
const STEP_TIMEOUT_MS = 8000;

interface WxScanOptions {
  needResult: 0 | 1;
  scanType: Array<"qrCode" | "barCode">;
  success: (res: { resultStr?: string }) => void;
  fail: (res: { errMsg?: string }) => void;
  cancel: () => void;
}

interface Wx {
  config(options: { debug: boolean; appId: string; timestamp: number; nonceStr: string; signature: string; jsApiList: string[] }): void;
  ready(callback: () => void): void;
  error(callback: (res: { errMsg?: string }) => void): void;
  scanQRCode(options: WxScanOptions): void;
}

const getWx = () => (window as unknown as { wx?: Wx }).wx;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
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

function loadScript(): Promise<Wx> {
  const present = getWx();
  if (present) return Promise.resolve(present);
  return new Promise<Wx>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = SDK_URL;
    script.async = true;
    script.onload = () => {
      const wx = getWx();
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

async function configure(): Promise<Wx> {
  const wx = await withTimeout(loadScript(), "jweixin");
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
      wx.config({ debug: false, ...signed, jsApiList: ["scanQRCode"] });
    }),
    "wx.config",
  );
  return wx;
}

// One configuration per page load (wx.config is per page); a failure is forgotten so a later tap retries.
let configured: Promise<Wx> | null = null;

/** Loads and configures the JS-SDK (once). Rejects when WeChat scanning cannot be used here. */
export function prepareWechatScan(): Promise<Wx> {
  if (!configured) {
    configured = configure();
    configured.catch(() => {
      configured = null;
    });
  }
  return configured;
}

export type WechatScanOutcome = { kind: "code"; text: string } | { kind: "cancelled" };

/** WeChat's own scanner sheet (QR codes and barcodes). Rejects when it fails, so the caller can use the camera. */
export async function scanWithWechat(): Promise<WechatScanOutcome> {
  const wx = await prepareWechatScan();
  return new Promise<WechatScanOutcome>((resolve, reject) => {
    wx.scanQRCode({
      needResult: 1,
      scanType: ["qrCode", "barCode"],
      success: (res) => {
        const text = textFromWechatScan(res.resultStr ?? "");
        if (text) resolve({ kind: "code", text });
        else reject(new Error("wx.scanQRCode returned no text"));
      },
      fail: (res) => reject(new Error(`wx.scanQRCode: ${res.errMsg ?? "fail"}`)),
      cancel: () => resolve({ kind: "cancelled" }),
    });
  });
}
