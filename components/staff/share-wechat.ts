import { urlToSign } from "./code-scanner-env";

// WeChat's JS-SDK for sharing (docs/decisions/012-wechat-jssdk.md): loaded only inside WeChat and only when
// the guide taps "share". A page cannot open WeChat's share sheet itself; it can only set what the ··· menu's
// "send to friend" and "Moments" will send, so after this the guide is told to use that menu.
// scanQRCode is listed too: on the stock page the code scanner configured this page for it, and a later
// wx.config replaces the earlier one's list.

const SDK_URL = "https://res.wx.qq.com/open/js/jweixin-1.6.0.js";
const STEP_TIMEOUT_MS = 8000;
const JS_API_LIST = ["updateAppMessageShareData", "updateTimelineShareData", "scanQRCode"];

export type ShareData = { title: string; desc: string; link: string; imgUrl: string };

type Callbacks = { success?: () => void; fail?: (res: { errMsg?: string }) => void };
interface WxShare {
  config(options: { debug: boolean; appId: string; timestamp: number; nonceStr: string; signature: string; jsApiList: string[] }): void;
  ready(callback: () => void): void;
  error(callback: (res: { errMsg?: string }) => void): void;
  updateAppMessageShareData(options: ShareData & Callbacks): void;
  updateTimelineShareData(options: Omit<ShareData, "desc"> & Callbacks): void;
}

const getWx = () => (window as unknown as { wx?: WxShare }).wx;

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

function loadScript(): Promise<WxShare> {
  const present = getWx();
  if (present) return Promise.resolve(present);
  return new Promise<WxShare>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = SDK_URL;
    script.async = true;
    script.onload = () => (getWx() ? resolve(getWx()!) : reject(new Error("jweixin loaded without window.wx")));
    script.onerror = () => {
      script.remove();
      reject(new Error("jweixin failed to load"));
    };
    document.head.appendChild(script);
  });
}

async function configure(): Promise<WxShare> {
  const wx = await withTimeout(loadScript(), "jweixin");
  const entry = performance.getEntriesByType?.("navigation")[0]?.name;
  const url = urlToSign({ href: location.href, entryUrl: entry, userAgent: navigator.userAgent });
  const response = await withTimeout(fetch(`/api/wechat/jssdk-config?url=${encodeURIComponent(url)}`, { cache: "no-store" }), "jssdk-config");
  if (!response.ok) throw new Error(`jssdk-config answered ${response.status}`);
  const signed = (await response.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string };
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      let failed = false;
      wx.error((res) => {
        failed = true;
        reject(new Error(`wx.config: ${res.errMsg ?? "error"}`));
      });
      wx.ready(() => setTimeout(() => (failed ? undefined : resolve()), 0));
      wx.config({ debug: false, ...signed, jsApiList: JS_API_LIST });
    }),
    "wx.config",
  );
  return wx;
}

let configured: Promise<WxShare> | null = null;

/** Sets what WeChat's ··· menu shares (friend and Moments). Rejects when the JS-SDK cannot be used here. */
export async function setWechatShare(data: ShareData): Promise<void> {
  if (!configured) {
    configured = configure();
    configured.catch(() => {
      configured = null; // a later tap retries
    });
  }
  const wx = await configured;
  const call = (fn: (options: Callbacks) => void) =>
    withTimeout(new Promise<void>((resolve, reject) => fn({ success: resolve, fail: (res) => reject(new Error(res.errMsg ?? "fail")) })), "share data");
  await Promise.all([
    call((cb) => wx.updateAppMessageShareData({ ...data, ...cb })),
    call((cb) => wx.updateTimelineShareData({ title: data.title, link: data.link, imgUrl: data.imgUrl, ...cb })),
  ]);
}
