import { describe, expect, it } from "vitest";
import { jssdkSignature, pageUrlToSign } from "@/lib/wechat/jssdk";
import { REFRESH_MARGIN_MS, refreshAt } from "@/lib/wechat/access-token";

describe("jssdkSignature", () => {
  // WeChat's published example (JS-SDK 说明文档, 附录1).
  const published = {
    jsapiTicket: "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
    nonceStr: "Wm3WZYTPz0wzccnW",
    timestamp: 1414587457,
    url: "http://mp.weixin.qq.com?params=value",
  };

  it("matches WeChat's published example", () => {
    expect(jssdkSignature(published)).toBe("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
  });

  it("takes the timestamp as a number or a string", () => {
    expect(jssdkSignature({ ...published, timestamp: "1414587457" })).toBe("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
  });

  it("ignores the #fragment, as WeChat does", () => {
    expect(jssdkSignature({ ...published, url: `${published.url}#/lumi/staff?tab=scan` })).toBe("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
  });

  it("signs the URL as written, not URL-encoded or normalised", () => {
    const a = jssdkSignature({ ...published, url: "https://shop.example.com/lumi/p/LM26W0001?store=SH01&from=朋友圈" });
    const b = jssdkSignature({ ...published, url: "https://shop.example.com/lumi/p/LM26W0001?store=SH01&from=%E6%9C%8B%E5%8F%8B%E5%9C%88" });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("pageUrlToSign", () => {
  it("accepts a page on the request's own host and drops the fragment", () => {
    expect(pageUrlToSign("https://shop.example.com/staff/handover?x=1#top", "shop.example.com")).toBe("https://shop.example.com/staff/handover?x=1");
    expect(pageUrlToSign("http://localhost:3100/lumi", "localhost:3100")).toBe("http://localhost:3100/lumi");
  });

  it("refuses another host or port, other schemes, credentials, relative or oversized URLs", () => {
    expect(pageUrlToSign("https://evil.example.net/", "shop.example.com")).toBeNull();
    expect(pageUrlToSign("https://shop.example.com.evil.net/", "shop.example.com")).toBeNull();
    expect(pageUrlToSign("http://localhost:3101/lumi", "localhost:3100")).toBeNull();
    expect(pageUrlToSign("javascript://shop.example.com/%0aalert(1)", "shop.example.com")).toBeNull();
    expect(pageUrlToSign("https://user:pw@shop.example.com/", "shop.example.com")).toBeNull();
    expect(pageUrlToSign("/lumi", "shop.example.com")).toBeNull();
    expect(pageUrlToSign(`https://shop.example.com/?q=${"a".repeat(2100)}`, "shop.example.com")).toBeNull();
    expect(pageUrlToSign("", "shop.example.com")).toBeNull();
    expect(pageUrlToSign(null, "shop.example.com")).toBeNull();
    expect(pageUrlToSign("https://shop.example.com/", null)).toBeNull();
  });
});

describe("refreshAt", () => {
  it("is 5 minutes before WeChat's expiry", () => {
    expect(refreshAt(1_000, 7200)).toBe(1_000 + 7200 * 1000 - REFRESH_MARGIN_MS);
  });

  it("is half the life when the life is shorter than the margin", () => {
    expect(refreshAt(0, 120)).toBe(60_000);
  });
});
