import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stockLookup } from "@/lib/guides/stock-lookup";
import { reserveStock } from "@/lib/inventory/reservations";
import { distanceMeters } from "@/lib/stores/geo";
import { guideActor, newStyle, stock, storeOf } from "./fixtures";

// SH01's guide looks up a style stocked at SH01 (5, 2 of them reserved), SH06 (4, safety stock 1) and BJ01
// (10): exact sellable figures, SH01 first, then every store of the brand nearest SH01 first.

let guide: Awaited<ReturnType<typeof guideActor>>;
let style: Awaited<ReturnType<typeof newStyle>>;
let stores: Record<"SH01" | "SH06" | "BJ01", { id: string; safetyStock: number }>;

beforeAll(async () => {
  guide = await guideActor("lumi.sh01.guide");
  style = await newStyle(guide.brandId, ["01", "02"], ["S", "M"]);
  stores = { SH01: await storeOf(guide.brandId, "SH01"), SH06: await storeOf(guide.brandId, "SH06"), BJ01: await storeOf(guide.brandId, "BJ01") };
  expect(stores.SH06.safetyStock).toBe(1); // the seed's; the figures below count on it
  const [s01S, s01M, s02S] = style.skus;
  await stock([
    { storeId: stores.SH01.id, skuId: s01S!.id, quantity: 5 },
    { storeId: stores.SH01.id, skuId: s01M!.id, quantity: 1 },
    { storeId: stores.SH06.id, skuId: s01S!.id, quantity: 4 },
    { storeId: stores.BJ01.id, skuId: s01S!.id, quantity: 10 },
    { storeId: stores.BJ01.id, skuId: s02S!.id, quantity: 2 },
  ]);
  await reserveStock([{ storeId: stores.SH01.id, skuId: s01S!.id, quantity: 2 }], { actor: "test:guides", reference: "guide-stock-test" });
});

describe("stock lookup for a guide", () => {
  it("by GTIN: that SKU selected, exact sellable figures per store, my store first then by distance", async () => {
    const sku = style.skus[0]!;
    const result = await stockLookup(guide, sku.gtin);
    if (result.kind !== "found") throw new Error(`not found: ${JSON.stringify(result)}`);
    expect(result.selectedSkuId).toBe(sku.id);
    expect(result.product.styleCode).toBe(style.product.styleCode);
    expect(result.colours.map((c) => c.code)).toEqual(["01", "02"]);
    expect(result.sizes).toEqual(["S", "M"]);

    const byCode = new Map(result.stores.map((s) => [s.code, s]));
    expect(byCode.get("SH01")!.cells[sku.id]).toEqual({ onHand: 5, reserved: 2, sellable: 3 });
    expect(byCode.get("SH06")!.cells[sku.id]).toEqual({ onHand: 4, reserved: 0, sellable: 3 }); // 4 − safety stock 1
    expect(byCode.get("BJ01")!.cells[sku.id]).toEqual({ onHand: 10, reserved: 0, sellable: 10 });
    expect(byCode.get("SH02")!.cells[sku.id]).toBeUndefined(); // never stocked there
    expect(byCode.get("SH01")!.total).toBe(3 + 1);
    expect(byCode.get("BJ01")!.total).toBe(12);

    // Every active store of the brand (warehouse included), mine first at 0 m, the rest nearest first.
    expect(result.stores).toHaveLength(await db.store.count({ where: { brandId: guide.brandId, active: true } }));
    expect(result.stores[0]).toMatchObject({ code: "SH01", mine: true, distanceM: 0 });
    const rest = result.stores.slice(1).map((s) => s.distanceM);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    const sh01 = await db.store.findUniqueOrThrow({ where: { id: stores.SH01.id } });
    const bj01 = await db.store.findUniqueOrThrow({ where: { id: stores.BJ01.id } });
    expect(byCode.get("BJ01")!.distanceM).toBe(distanceMeters(sh01, bj01));
    expect(result.stores.findIndex((s) => s.code === "SH06")).toBeLessThan(result.stores.findIndex((s) => s.code === "BJ01"));
    // The share link carries the guide's code and opens this style.
    expect(new URL(result.shareUrl).searchParams.get("to")).toBe(`/lumi/p/${style.product.styleCode}`);
  });

  it("by style code (any case): the whole grid, nothing selected", async () => {
    const result = await stockLookup(guide, style.product.styleCode.toLowerCase());
    if (result.kind !== "found") throw new Error("not found");
    expect(result.selectedSkuId).toBeNull();
    expect(result.skus).toHaveLength(4);
    expect(result.stores[0]!.code).toBe("SH01");
    expect(result.stores.find((s) => s.code === "BJ01")!.cells[style.skus[2]!.id]!.sellable).toBe(2);
  });

  it("by a product tag's short link", async () => {
    const scene = await db.qrScene.findFirstOrThrow({ where: { brandId: guide.brandId, kind: "PRODUCT", storeId: null }, include: { product: true } });
    const result = await stockLookup(guide, `http://localhost:3000/s/${scene.code}`);
    expect(result.kind === "found" && result.product.styleCode).toBe(scene.product!.styleCode);
  });

  it("unknown codes, another brand's barcode and a bad check digit say so", async () => {
    expect(await stockLookup(guide, "NOSUCHSTYLE1")).toMatchObject({ kind: "unknown" });
    const nordSku = await db.sku.findFirstOrThrow({ where: { product: { brand: { slug: "nord" } } } });
    expect(await stockLookup(guide, nordSku.gtin)).toMatchObject({ kind: "unknown", code: { kind: "gtin" } });
    const gtin = style.skus[0]!.gtin;
    expect(await stockLookup(guide, `${gtin.slice(0, 12)}${(Number(gtin[12]) + 1) % 10}`)).toEqual({ kind: "invalid", reason: "check_digit" });
    expect(await stockLookup(guide, "")).toEqual({ kind: "invalid", reason: "empty" });
  });
});
