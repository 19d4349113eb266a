import { describe, expect, it } from "vitest";
import { absoluteUrl, guideLink, guideShareUrl, productPath, sameBrandPath } from "@/lib/guides/share";

const BASE = "https://shop.example.com";

describe("the guide's links", () => {
  it("the personal link is /s/<code> on the public address", () => {
    expect(guideLink(BASE, "ab12cd3")).toBe("https://shop.example.com/s/ab12cd3");
    expect(guideLink(`${BASE}/`, "ab12cd3")).toBe("https://shop.example.com/s/ab12cd3");
  });

  it("a shared product link is /s/<code>?to=<url-encoded path of the same brand>", () => {
    const url = guideShareUrl({ baseUrl: BASE, sceneCode: "ab12cd3", brandSlug: "lumi", to: productPath("lumi", "LM26W0001") });
    expect(url).toBe("https://shop.example.com/s/ab12cd3?to=%2Flumi%2Fp%2FLM26W0001");
    expect(new URL(url).searchParams.get("to")).toBe("/lumi/p/LM26W0001");
  });

  it("no target is the personal link", () => {
    expect(guideShareUrl({ baseUrl: BASE, sceneCode: "ab12cd3", brandSlug: "lumi" })).toBe("https://shop.example.com/s/ab12cd3");
    expect(guideShareUrl({ baseUrl: BASE, sceneCode: "ab12cd3", brandSlug: "lumi", to: "" })).toBe("https://shop.example.com/s/ab12cd3");
  });

  it("keeps a query string of the same brand's page", () => {
    expect(sameBrandPath("lumi", "/lumi/c/dresses?size=M")).toBe("/lumi/c/dresses?size=M");
    expect(sameBrandPath("lumi", "/lumi")).toBe("/lumi");
    expect(sameBrandPath("lumi", "/lumi/lookbooks/abc123")).toBe("/lumi/lookbooks/abc123");
  });

  it.each([
    ["another brand", "/nord/p/ND26W0001"],
    ["a brand whose slug starts the same", "/lumix/p/X"],
    ["the staff area", "/guide/me"],
    ["the admin area", "/admin"],
    ["an absolute URL", "https://evil.example/lumi"],
    ["a protocol-relative URL", "//evil.example/lumi"],
    ["a backslash host", "/\\evil.example/lumi"],
    ["climbing out of the brand", "/lumi/../admin"],
    ["climbing out encoded", "/lumi/%2e%2e/admin"],
    ["an encoded slash making //", "/lumi/%2F%2Fevil"],
    ["a fragment", "/lumi/p/LM26W0001#x"],
    ["a space", "/lumi/p/LM 1"],
    ["a relative path", "lumi/p/LM26W0001"],
    ["broken percent-encoding", "/lumi/p/%E0%A4%A"],
    ["javascript:", "javascript:alert(1)"],
    ["an empty segment", "/lumi//p"],
  ])("refuses %s", (_what, to) => {
    expect(sameBrandPath("lumi", to)).toBeNull();
    expect(() => guideShareUrl({ baseUrl: BASE, sceneCode: "ab12cd3", brandSlug: "lumi", to })).toThrow(RangeError);
  });

  it("share pictures are absolute", () => {
    expect(absoluteUrl(BASE, "/img/garment/tshirt/f2b7c4?v=front")).toBe("https://shop.example.com/img/garment/tshirt/f2b7c4?v=front");
    expect(absoluteUrl(BASE, "https://cdn.example.com/a.png")).toBe("https://cdn.example.com/a.png");
  });
});
