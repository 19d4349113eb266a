import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PriceError, setStylePrice } from "@/lib/catalog/prices";
import { loadProductDetail } from "@/lib/catalog/queries";

describe("style price changes", () => {
  it("writes the price and invalidates the product's cache tags", async () => {
    const product = await db.product.findFirstOrThrow({ where: { brand: { slug: "nord" } }, orderBy: { styleCode: "asc" } });
    const invalidated: string[] = [];
    await setStylePrice(product.brandId, product.styleCode, { priceFen: 19900, listPriceFen: 29900 }, (b, s) => invalidated.push(`${b}:${s}`));
    expect(invalidated).toEqual([`${product.brandId}:${product.styleCode}`]);
    const detail = (await loadProductDetail(product.brandId, product.styleCode))!;
    expect([detail.priceFen, detail.listPriceFen]).toEqual([19900, 29900]);
  });

  it("refuses fractional, negative or inverted prices and unknown styles, changing nothing", async () => {
    const product = await db.product.findFirstOrThrow({ where: { brand: { slug: "nord" } }, orderBy: { styleCode: "desc" } });
    const calls: string[] = [];
    const spy = (b: string, s: string) => calls.push(`${b}:${s}`);
    for (const bad of [{ priceFen: 99.5, listPriceFen: null }, { priceFen: -1, listPriceFen: null }, { priceFen: 500, listPriceFen: 400 }, { priceFen: "100" }]) {
      await expect(setStylePrice(product.brandId, product.styleCode, bad, spy)).rejects.toBeInstanceOf(PriceError);
    }
    await expect(setStylePrice(product.brandId, "NOPE", { priceFen: 100, listPriceFen: null }, spy)).rejects.toMatchObject({ code: "unknown_product" });
    expect(calls).toEqual([]);
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toEqual(product);
  });
});
