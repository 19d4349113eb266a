import { describe, expect, it } from "vitest";
import { GET } from "@/app/img/garment/[kind]/[color]/route";
import { GARMENT_KINDS, GARMENT_VIEWS, garmentImageUrl, garmentSvg, isGarmentKind, normalizeHex } from "@/lib/catalog/garment-svg";

/** Minimal well-formedness check: every opened tag is closed in order, attributes are quoted. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][\w:-]*="[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  // Nothing but tags between tags (no stray text or broken markup).
  expect(svg.replace(/<[^>]+>/g, "").trim()).toBe("");
}

const get = (kind: string, color: string, query = "") =>
  GET(new Request(`http://localhost/img/garment/${kind}/${color}${query}`), { params: Promise.resolve({ kind, color }) });

describe("garmentSvg", () => {
  it.each(GARMENT_KINDS.flatMap((k) => GARMENT_VIEWS.map((v) => [k, v] as const)))("draws a well-formed %s (%s)", (kind, view) => {
    const svg = garmentSvg(kind, "#C8102E", view);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800"')).toBe(true);
    expect(svg).toContain("#c8102e");
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    assertWellFormed(svg);
    expect(svg.length).toBeLessThan(20_000);
  });

  it("is deterministic and differs by kind, view and colour", () => {
    expect(garmentSvg("dress", "#1c1c1e", "front")).toBe(garmentSvg("dress", "#1C1C1E", "front"));
    expect(garmentSvg("dress", "#1c1c1e", "front")).not.toBe(garmentSvg("dress", "#1c1c1e", "back"));
    expect(garmentSvg("dress", "#1c1c1e")).not.toBe(garmentSvg("coat", "#1c1c1e"));
    expect(garmentSvg("jeans", "#4d6f94")).not.toBe(garmentSvg("jeans", "#a8c3dd"));
    const all = new Set(GARMENT_KINDS.map((k) => garmentSvg(k, "#8fa5b8")));
    expect(all.size).toBe(GARMENT_KINDS.length);
  });

  it("keeps near-white and near-black garments visible against the background", () => {
    const white = garmentSvg("shirt", "#ffffff");
    const black = garmentSvg("tshirt", "#000000");
    // The background is a tint, never the garment's own colour.
    expect(white).not.toMatch(/<rect width="600" height="800" fill="#ffffff"/);
    expect(black).toContain('stop-color="#');
    assertWellFormed(white);
    assertWellFormed(black);
  });

  it("rejects a malformed colour", () => {
    expect(() => garmentSvg("dress", "red")).toThrow();
    expect(() => normalizeHex("#12345")).toThrow();
    expect(normalizeHex("C8102E")).toBe("#c8102e");
    expect(isGarmentKind("dress")).toBe(true);
    expect(isGarmentKind("hat")).toBe(false);
  });

  it("builds the image URL the catalog stores", () => {
    expect(garmentImageUrl("dress", "#C8102E")).toBe("/img/garment/dress/c8102e?v=front");
    expect(garmentImageUrl("trench", "#1f2a44", "back")).toBe("/img/garment/trench/1f2a44?v=back");
  });
});

describe("GET /img/garment/[kind]/[color]", () => {
  it("serves an immutable SVG", async () => {
    const res = await get("dress", "c8102e", "?v=back");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe(garmentSvg("dress", "#c8102e", "back"));
  });

  it("defaults to the front view", async () => {
    expect(await (await get("knit", "D9CBB2")).text()).toBe(garmentSvg("knit", "#d9cbb2", "front"));
  });

  it.each([
    ["hat", "c8102e", ""],
    ["dress", "c8102", ""],
    ["dress", "zzzzzz", ""],
    ["dress", "%23c8102e", ""],
    ["dress", "c8102e", "?v=side"],
    ["../etc", "c8102e", ""],
  ])("answers 404 for %s/%s%s", async (kind, color, query) => {
    const res = await get(kind, color, query);
    expect(res.status).toBe(404);
  });
});
