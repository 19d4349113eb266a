import { describe, expect, it } from "vitest";
import { actionId, favouriteAnswer, payActionBody, payAnswer } from "../../../scripts/soak/actions";
import { favouriteTargets, summarise, TrafficRecorder } from "../../../scripts/soak/traffic";
import { parseSoakOptions } from "../../../scripts/soak/options";

describe("the shop's server actions over HTTP", () => {
  it("finds an action's id in the build's manifest by file and export", () => {
    const manifest = {
      node: {
        "40aa": { filename: "components/shop/cart-actions.ts", exportedName: "removeCartLineAction" },
        "40bb": { filename: "components/shop/favourite-actions.ts", exportedName: "toggleFavouriteAction" },
      },
    };
    expect(actionId(manifest, "components/shop/favourite-actions.ts", "toggleFavouriteAction")).toBe("40bb");
    expect(actionId(manifest, "components/shop/favourite-actions.ts", "somethingElse")).toBeNull();
  });

  it("reads the favourite's answer out of the Flight stream", () => {
    expect(favouriteAnswer('0:{"a":"$@1","f":"","b":"x"}\n1:{"ok":true,"favourited":false}\n')).toEqual({ ok: true, favourited: false });
    expect(favouriteAnswer('1:{"ok":false,"message":"商品不存在 / Product not found"}\n')).toEqual({ ok: false, message: "商品不存在 / Product not found" });
    expect(favouriteAnswer("<html>Internal Server Error</html>")).toBeNull();
  });

  it("encodes the pay sheet's form as React encodes (null, FormData), and reads its redirect", () => {
    const body = payActionBody("lumi", "261123000001");
    expect(body.get("0")).toBe('[null,"$K1"]');
    expect(body.get("_1_brand")).toBe("lumi");
    expect(body.get("_1_number")).toBe("261123000001");
    expect(payAnswer("/lumi/orders/261123000001;push", "")).toEqual({ paid: true });
    expect(payAnswer(null, '1:{"message":"该订单不是测试支付 / This order is not paid through the sandbox"}')).toEqual({
      paid: false,
      message: "该订单不是测试支付 / This order is not paid through the sandbox",
    });
  });
});

describe("the soak's traffic figures", () => {
  it("counts requests, statuses, 5xx, errors and unexpected answers per kind and step", () => {
    const r = new TrafficRecorder();
    r.actions.browse = 3;
    r.actions.order = 1;
    r.record("browse", "browse:product", 200, 10, true);
    r.record("browse", "browse:product", 200, 30, true);
    r.record("browse", "browse:search", 500, 50, false, "/lumi/search?q=x");
    r.record("order", "order:place", 409, 20, true);
    r.record("order", "order:place", null, 15000, false, "timeout");
    const s = summarise(r, 10);
    expect(s.browse).toMatchObject({ actions: 3, requests: 3, reqPerSec: 0.3, server5xx: 1, errors: 0, unexpected: 1, statusCodes: { "200": 2, "500": 1 } });
    expect(s.browse.latencyMs).toMatchObject({ p50: 30, p95: 50, p99: 50, max: 50 });
    expect(s.browse.steps["browse:search"]!.examples).toEqual(["500 /lumi/search?q=x"]);
    expect(s.order).toMatchObject({ requests: 2, errors: 1, unexpected: 1, server5xx: 0, statusCodes: { "409": 1 } });
    expect(s.all).toMatchObject({ actions: 4, requests: 5, server5xx: 1, errors: 1, unexpected: 2 });
    expect(s.favourite).toMatchObject({ actions: 0, requests: 0 });
  });

  it("gives each favouriting member a few products of its own, across brands", () => {
    const catalog = { brands: ["lumi", "nord"].map((slug) => ({ slug, styleCodes: Array.from({ length: 72 }, (_, i) => `${slug}${i}`), categorySlugs: ["x"], storeCodes: ["S"], searchTerms: ["t"] })) };
    const a = favouriteTargets(catalog, 0);
    const b = favouriteTargets(catalog, 1);
    expect(a).toHaveLength(4);
    expect(new Set(a.map((t) => t.brand))).toEqual(new Set(["lumi", "nord"]));
    expect(new Set(a.map((t) => `${t.brand}/${t.styleCode}`)).size).toBe(4);
    expect(a).not.toEqual(b);
  });
});

describe("npm run soak's options", () => {
  it("defaults to 10 minutes, 10 shoppers, memory every 5 s", () => {
    expect(parseSoakOptions([])).toMatchObject({ duration: 600, users: 10, sampleInterval: 5, build: true, payEvery: 2, cacheMemoryMb: 0 });
    expect(parseSoakOptions(["--cache-memory-mb", "50"]).cacheMemoryMb).toBe(50);
    expect(parseSoakOptions(["--duration", "20", "--no-build", "--port", "3161"])).toMatchObject({ duration: 20, build: false, port: 3161 });
  });

  it("refuses what it cannot run", () => {
    expect(() => parseSoakOptions(["--duration", "5"])).toThrow(/--duration/);
    expect(() => parseSoakOptions(["--users", "31"])).toThrow(/--users/);
    expect(() => parseSoakOptions(["--cache-memory-mb", "-1"])).toThrow(/--cache-memory-mb/);
    expect(() => parseSoakOptions(["--frobnicate"])).toThrow(/Unknown option/);
  });
});
