import { wechatJssdkOnce, withTimeout, type WxBase } from "./wechat-jssdk";

// WeChat's JS-SDK for sharing (docs/decisions/012-wechat-jssdk.md): loaded only inside WeChat and only when
// the guide taps "share". A page cannot open WeChat's share sheet itself; it can only set what the ··· menu's
// "send to friend" and "Moments" will send, so after this the guide is told to use that menu.
// scanQRCode is listed too: on the stock page the code scanner configured this page for it, and a later
// wx.config replaces the earlier one's list.

export type ShareData = { title: string; desc: string; link: string; imgUrl: string };

type Callbacks = { success?: () => void; fail?: (res: { errMsg?: string }) => void };
interface WxShare extends WxBase {
  updateAppMessageShareData(options: ShareData & Callbacks): void;
  updateTimelineShareData(options: Omit<ShareData, "desc"> & Callbacks): void;
}

const configured = wechatJssdkOnce<WxShare>(["updateAppMessageShareData", "updateTimelineShareData", "scanQRCode"]);

/** Sets what WeChat's ··· menu shares (friend and Moments). Rejects when the JS-SDK cannot be used here. */
export async function setWechatShare(data: ShareData): Promise<void> {
  const wx = await configured();
  const call = (fn: (options: Callbacks) => void) =>
    withTimeout(new Promise<void>((resolve, reject) => fn({ success: resolve, fail: (res) => reject(new Error(res.errMsg ?? "fail")) })), "share data");
  await Promise.all([
    call((cb) => wx.updateAppMessageShareData({ ...data, ...cb })),
    call((cb) => wx.updateTimelineShareData({ title: data.title, link: data.link, imgUrl: data.imgUrl, ...cb })),
  ]);
}
