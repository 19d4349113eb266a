import { textFromWechatScan } from "./code-scanner-env";
import { wechatJssdkOnce, type WxBase } from "./wechat-jssdk";

// WeChat's JS-SDK for the code scanner: loaded only inside WeChat, configured through our
// /api/wechat/jssdk-config (wechat-jssdk.ts). Every step rejects on failure so the scanner can fall back to
// the camera.

interface WxScanOptions {
  needResult: 0 | 1;
  scanType: Array<"qrCode" | "barCode">;
  success: (res: { resultStr?: string }) => void;
  fail: (res: { errMsg?: string }) => void;
  cancel: () => void;
}

interface Wx extends WxBase {
  scanQRCode(options: WxScanOptions): void;
}

const configured = wechatJssdkOnce<Wx>(["scanQRCode"]);

/** Loads and configures the JS-SDK (once). Rejects when WeChat scanning cannot be used here. */
export function prepareWechatScan(): Promise<Wx> {
  return configured();
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
