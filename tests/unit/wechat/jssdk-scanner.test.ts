import { describe, expect, it } from "vitest";
import { cameraProblem, isWechatBrowser, textFromWechatScan, typedCode, urlToSign } from "@/components/staff/code-scanner-env";

// The pure decisions of the staff code scanner (components/staff/code-scanner.tsx).

const IPHONE_WECHAT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323d) NetType/WIFI Language/zh_CN";
const ANDROID_WECHAT =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F36) WeChat/arm64 Weixin";
const IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

describe("isWechatBrowser", () => {
  it("is WeChat's browser on iOS and Android, not Safari", () => {
    expect(isWechatBrowser(IPHONE_WECHAT)).toBe(true);
    expect(isWechatBrowser(ANDROID_WECHAT)).toBe(true);
    expect(isWechatBrowser(IPHONE_SAFARI)).toBe(false);
    expect(isWechatBrowser("")).toBe(false);
  });
});

describe("urlToSign", () => {
  const href = "https://shop.example.com/staff/handover?order=2#scan";
  const entryUrl = "https://shop.example.com/staff?from=menu#top";

  it("Android signs the current page without its fragment", () => {
    expect(urlToSign({ href, entryUrl, userAgent: ANDROID_WECHAT })).toBe("https://shop.example.com/staff/handover?order=2");
  });

  it("iOS signs the URL the page was first opened at", () => {
    expect(urlToSign({ href, entryUrl, userAgent: IPHONE_WECHAT })).toBe("https://shop.example.com/staff?from=menu");
    expect(urlToSign({ href, entryUrl: null, userAgent: IPHONE_WECHAT })).toBe("https://shop.example.com/staff/handover?order=2");
  });
});

describe("textFromWechatScan", () => {
  it("drops WeChat's format prefix from barcodes", () => {
    expect(textFromWechatScan("EAN_13,6901234567892")).toBe("6901234567892");
    expect(textFromWechatScan("CODE_128,PK-7H3QX")).toBe("PK-7H3QX");
  });

  it("passes a QR code's text through as it is, commas and spaces included", () => {
    expect(textFromWechatScan("MCPU:7H3QX-9KD2")).toBe("MCPU:7H3QX-9KD2");
    expect(textFromWechatScan("https://shop.example.com/p?x=1,2")).toBe("https://shop.example.com/p?x=1,2");
    expect(textFromWechatScan(" A,B ")).toBe(" A,B ");
  });
});

describe("typedCode", () => {
  it("trims what was pasted and refuses an empty code", () => {
    expect(typedCode("  7h3qx \n")).toBe("7h3qx");
    expect(typedCode("   ")).toBeNull();
    expect(typedCode("")).toBeNull();
  });
});

describe("cameraProblem", () => {
  const domError = (name: string) => Object.assign(new Error(name), { name });

  it("tells a refused permission, a missing camera and a busy one apart", () => {
    expect(cameraProblem(domError("NotAllowedError"))).toBe("denied");
    expect(cameraProblem(domError("SecurityError"))).toBe("denied");
    expect(cameraProblem(domError("NotFoundError"))).toBe("no_camera");
    expect(cameraProblem(domError("OverconstrainedError"))).toBe("no_camera");
    expect(cameraProblem(domError("NotReadableError"))).toBe("in_use");
  });

  it("anything else is a plain failure", () => {
    expect(cameraProblem(new TypeError("x"))).toBe("failed");
    expect(cameraProblem("boom")).toBe("failed");
    expect(cameraProblem(null)).toBe("failed");
  });
});
