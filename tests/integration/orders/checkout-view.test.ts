import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { prepareCheckout } from "@/lib/orders/checkout";
import { OrderRefused } from "@/lib/orders/errors";
import { distanceMeters } from "@/lib/stores/geo";
import { sellableQuantity } from "@/lib/inventory/levels";
import { brandOf, newSku, stock } from "./fixtures";

// What the checkout page shows before an order exists, on the seeded database.

const PEOPLES_SQUARE = { lat: 31.2304, lng: 121.4737 }; // GCJ-02, Shanghai

async function shopStores(brandId: string) {
  return db.store.findMany({ where: { brandId, active: true, pickupEnabled: true, kind: { not: "WAREHOUSE" } }, orderBy: { code: "asc" } });
}

async function newProductScene(brandId: string, productId: string, storeId: string | null) {
  const code = `t${crypto.randomBytes(4).toString("hex")}`;
  await db.qrScene.create({ data: { code, brandId, kind: "PRODUCT", productId, storeId } });
  return code;
}

describe("checkout view", () => {
  it("lists the pickup stores that hold the whole quantity, nearest first, the nearest preselected", async () => {
    const brand = await brandOf();
    const stores = await shopStores(brand.id);
    const shanghai = stores.filter((s) => s.city === "上海" && s.safetyStock === 0);
    const beijing = stores.find((s) => s.city === "北京" && s.safetyStock === 0)!;
    const [near1, near2, tooFew] = [...shanghai].sort((a, b) => distanceMeters(PEOPLES_SQUARE, b) - distanceMeters(PEOPLES_SQUARE, a));
    const sku = await newSku(brand.id, 25900);
    await stock(near1!.id, sku.id, 3);
    await stock(near2!.id, sku.id, 2);
    await stock(tooFew!.id, sku.id, 1);
    await stock(beijing.id, sku.id, 5);

    const view = await prepareCheckout(brand.id, { lines: [{ skuId: sku.id, quantity: 2 }], near: PEOPLES_SQUARE });
    expect(view.items).toEqual([expect.objectContaining({ skuId: sku.id, quantity: 2, unitPriceFen: 25900, lineFen: 51800 })]);
    expect(view.itemsFen).toBe(51800);
    const codes = view.pickup.map((s) => s.code);
    expect(new Set(codes)).toEqual(new Set([near1!.code, near2!.code, beijing.code]));
    expect(codes).not.toContain(tooFew!.code); // one piece is not two
    const distances = view.pickup.map((s) => s.distanceM!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(codes.at(-1)).toBe(beijing.code);
    expect(view.suggested).toBe("PICKUP");
    expect(view.counter).toBeNull();
    expect(view.from).toEqual(PEOPLES_SQUARE);
  });

  it("every pickup store of a seeded SKU can sell it after safety stock, and without a position no distance is claimed", async () => {
    const brand = await brandOf("lumi");
    const sku = await db.sku.findFirstOrThrow({ where: { product: { brandId: brand.id, active: true }, inventory: { some: { onHand: { gte: 3 } } } }, orderBy: { gtin: "asc" } });
    const view = await prepareCheckout(brand.id, { lines: [{ skuId: sku.id, quantity: 1 }] });
    expect(view.pickup.length).toBeGreaterThan(0);
    const rows = await db.inventory.findMany({ where: { skuId: sku.id, storeId: { in: view.pickup.map((s) => s.id) } }, include: { store: true } });
    for (const s of view.pickup) {
      const row = rows.find((r) => r.storeId === s.id);
      expect(row && sellableQuantity(row.onHand, row.reserved, row.store.safetyStock), s.code).toBeGreaterThanOrEqual(1);
      expect(s.distanceM).toBeNull();
    }
    expect(view.from).toBeNull();
  });

  it("a product tag scanned in a mall store offers the counter (preselected when the piece is there)", async () => {
    const brand = await brandOf();
    const store = (await shopStores(brand.id)).find((s) => s.mallName && s.safetyStock > 0)!;
    const sku = await newSku(brand.id);
    // The piece on the shelf counts at the counter even when it is the store's safety stock.
    await stock(store.id, sku.id, store.safetyStock);
    const scene = await newProductScene(brand.id, sku.productId, store.id);

    const view = await prepareCheckout(brand.id, { lines: [{ skuId: sku.id, quantity: 1 }], near: { storeCode: store.code }, sceneCode: scene });
    expect(view.counter).toEqual({ storeId: store.id, code: store.code, name: store.name, mallName: store.mallName, available: true });
    expect(view.suggested).toBe("COUNTER");

    const two = await prepareCheckout(brand.id, { lines: [{ skuId: sku.id, quantity: store.safetyStock + 1 }], sceneCode: scene });
    expect(two.counter?.available).toBe(false);
    expect(two.suggested).not.toBe("COUNTER");
  });

  it("a scene without a store, or of another brand, offers no counter", async () => {
    const brand = await brandOf();
    const other = await brandOf("lumi");
    const sku = await newSku(brand.id);
    const [store] = await shopStores(brand.id);
    await stock(store!.id, sku.id, 3);
    const storeless = await newProductScene(brand.id, sku.productId, null);
    const otherProduct = await db.product.findFirstOrThrow({ where: { brandId: other.id } });
    const otherStore = (await shopStores(other.id))[0]!;
    const foreign = await newProductScene(other.id, otherProduct.id, otherStore.id);
    for (const sceneCode of [storeless, foreign, "zzzz9999"]) {
      const view = await prepareCheckout(brand.id, { lines: [{ skuId: sku.id, quantity: 1 }], sceneCode });
      expect(view.counter, sceneCode).toBeNull();
    }
  });

  it("an unknown SKU, or another brand's, is refused with a clear message and nothing else", async () => {
    const brand = await brandOf();
    const foreignSku = await db.sku.findFirstOrThrow({ where: { product: { brand: { slug: "lumi" } } } });
    for (const skuId of ["no-such-sku", foreignSku.id]) {
      const error = await prepareCheckout(brand.id, { lines: [{ skuId, quantity: 1 }] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrderRefused);
      expect(error).toMatchObject({ code: "unknown_sku", status: 400 });
      expect((error as OrderRefused).message).toMatch(/商品不存在.*\/ An item is unknown/);
    }
  });

  it("quotes delivery from the nearest store that ships it, with the brand's fee under the free threshold", async () => {
    const brand = await brandOf();
    const ships = (await db.store.findMany({ where: { brandId: brand.id, active: true, deliveryEnabled: true, kind: "DIRECT", city: "上海", safetyStock: 0 } }))[0]!;
    const sku = await newSku(brand.id, 100);
    await stock(ships.id, sku.id, 2);
    const view = await prepareCheckout(brand.id, { lines: [{ skuId: sku.id, quantity: 1 }], near: PEOPLES_SQUARE });
    expect(view.delivery.available).toBe(true);
    expect(view.delivery.shipFrom.map((s) => s.code)).toEqual([ships.code]);
    expect(view.delivery.deliveryFen).toBe(brand.freeDeliveryFromFen > 100 ? brand.deliveryFeeFen : 0);
  });
});
