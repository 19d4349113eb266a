import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.APP_SECRET = "unit-test-secret-unit-test-secret-0123456789";
});

describe("anonymous cart cookie", async () => {
  const { addLine, countForBrand, decodeCart, encodeCart, MAX_ANONYMOUS_CART_LINES, mergeQuantity } = await import("@/lib/cart/anonymous");
  const { sign } = await import("@/lib/security/app-secret");
  const line = (s: string, q = 1, b = "lumi") => ({ b, s, q });

  it("round-trips through a signed cookie", () => {
    const lines = [line("sku_1", 2), line("sku_2", 1, "nord")];
    expect(decodeCart(encodeCart(lines))).toEqual(lines);
    expect(decodeCart(encodeCart([]))).toEqual([]);
  });

  it("reads a tampered, forged, malformed or absent cookie as empty", () => {
    const cookie = encodeCart([line("sku_1")]);
    const [payload, sig] = cookie.split(".");
    const forged = Buffer.from(JSON.stringify([line("sku_1", 99)])).toString("base64url");
    expect(decodeCart(`${forged}.${sig}`)).toEqual([]);
    expect(decodeCart(`${payload}.${sig}x`)).toEqual([]);
    expect(decodeCart(`${payload}.${sig}.extra`)).toEqual([]);
    expect(decodeCart(payload)).toEqual([]);
    expect(decodeCart("garbage")).toEqual([]);
    expect(decodeCart("")).toEqual([]);
    expect(decodeCart(undefined)).toEqual([]);
  });

  it("reads a validly signed cookie with out-of-range content as empty (we never write it)", () => {
    for (const bad of [
      [line("sku_1", 0)],
      [line("sku_1", 100)],
      [line("sku_1", 1.5)],
      [line("sku 1")],
      [line("sku_1", 1, "LUMI")],
      [line("sku_1"), line("sku_1")],
      Array.from({ length: MAX_ANONYMOUS_CART_LINES + 1 }, (_, i) => line(`sku_${i}`)),
      { b: "lumi" },
    ]) {
      const payload = Buffer.from(JSON.stringify(bad)).toString("base64url");
      expect(decodeCart(`${payload}.${sign(payload)}`), JSON.stringify(bad)).toEqual([]);
    }
  });

  it("adding grows an existing line and moves it to the top; a new line goes on top", () => {
    let r = addLine([], line("A"));
    if (!("lines" in r)) throw new Error("refused");
    r = addLine(r.lines, line("B", 2));
    if (!("lines" in r)) throw new Error("refused");
    expect(r.lines).toEqual([line("B", 2), line("A")]);
    r = addLine(r.lines, line("A", 3));
    if (!("lines" in r)) throw new Error("refused");
    expect(r.lines).toEqual([line("A", 4), line("B", 2)]);
  });

  it("refuses a line past 99 pieces and a 21st line, leaving the cart as it was", () => {
    expect(addLine([line("A", 98)], line("A", 1))).toEqual({ lines: [line("A", 99)] });
    expect(addLine([line("A", 99)], line("A", 1))).toEqual({ refused: "too_many" });
    const full = Array.from({ length: MAX_ANONYMOUS_CART_LINES }, (_, i) => line(`S${i}`));
    expect(addLine(full, line("NEW"))).toEqual({ refused: "full" });
    // An existing line of a full cart can still grow.
    expect("lines" in addLine(full, line("S3"))).toBe(true);
    // The cap keeps the cookie under the browser's 4 KB limit even with long ids.
    const longest = Array.from({ length: MAX_ANONYMOUS_CART_LINES }, (_, i) => line(`${"x".repeat(36)}${String(i).padStart(4, "0")}`, 99, "a-very-long-brand-slug-0123456789".slice(0, 32)));
    expect(encodeCart(longest).length).toBeLessThan(3800);
  });

  it("counts pieces per brand and caps merged quantities at 99", () => {
    expect(countForBrand([line("A", 2), line("B", 3), line("C", 5, "nord")], "lumi")).toBe(5);
    expect(countForBrand([], "lumi")).toBe(0);
    expect(mergeQuantity(2, 3)).toBe(5);
    expect(mergeQuantity(60, 60)).toBe(99);
    expect(mergeQuantity(99, 1)).toBe(99);
  });
});

describe("cart merge arithmetic", async () => {
  const { planCartMerge, MAX_MEMBER_CART_LINES } = await import("@/lib/cart/merge");
  const l = (skuId: string, quantity: number, brandId = "b1") => ({ skuId, brandId, quantity });

  it("sums quantities into existing lines and creates the new ones", () => {
    expect(planCartMerge([l("A", 2)], [l("A", 3), l("B", 1)])).toEqual({ updates: [{ skuId: "A", quantity: 5 }], creates: [l("B", 1)] });
  });

  it("caps a line at 99 and writes nothing when a line is already at 99", () => {
    expect(planCartMerge([l("A", 90)], [l("A", 20)])).toEqual({ updates: [{ skuId: "A", quantity: 99 }], creates: [] });
    expect(planCartMerge([l("A", 99)], [l("A", 5)])).toEqual({ updates: [], creates: [] });
  });

  it("adds up the same SKU appearing twice in the incoming lines", () => {
    expect(planCartMerge([l("A", 1)], [l("A", 1), l("A", 2)]).updates).toEqual([{ skuId: "A", quantity: 4 }]);
    expect(planCartMerge([], [l("B", 70), l("B", 70)]).creates).toEqual([l("B", 99)]);
  });

  it("creates new lines only while the brand's bag has room; other brands are counted apart", () => {
    const existing = Array.from({ length: MAX_MEMBER_CART_LINES - 1 }, (_, i) => l(`E${i}`, 1));
    const plan = planCartMerge(existing, [l("N1", 1), l("N2", 1), l("E0", 1), l("X", 1, "b2")]);
    expect(plan.creates).toEqual([l("N1", 1), l("X", 1, "b2")]);
    expect(plan.updates).toEqual([{ skuId: "E0", quantity: 2 }]);
  });

  it("merging nothing changes nothing", () => {
    expect(planCartMerge([l("A", 2)], [])).toEqual({ updates: [], creates: [] });
  });
});
