import { describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { findSceneCode, openScene } from "@/lib/scenes/resolve";
import { shortLinkQrSvg } from "@/lib/qr/svg";

const WECHAT_UA = "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50";

describe("short links and QR scenes", () => {
  it("every product and store has a scene", async () => {
    const products = await db.product.count();
    const stores = await db.store.count({ where: { kind: { not: "WAREHOUSE" } } });
    expect(await db.qrScene.count({ where: { kind: "PRODUCT", productId: { not: null } } })).toBeGreaterThanOrEqual(products);
    expect(await db.qrScene.count({ where: { kind: "STORE" } })).toBeGreaterThanOrEqual(stores);
  });

  it("a product scene opens the product page and records a scan from WeChat", async () => {
    const scene = await db.qrScene.findFirstOrThrow({ where: { kind: "PRODUCT", storeId: null }, include: { product: true, brand: true } });
    const before = await db.sceneScan.count({ where: { sceneId: scene.id } });
    const target = await openScene(scene.code, WECHAT_UA);
    expect(target).toEqual({ brandSlug: scene.brand.slug, path: `/${scene.brand.slug}/p/${scene.product!.styleCode}?from=qr` });
    const scans = await db.sceneScan.findMany({ where: { sceneId: scene.id }, orderBy: { createdAt: "desc" } });
    expect(scans).toHaveLength(before + 1);
    expect(scans[0]!.inWechat).toBe(true);
  });

  it("a product tag scanned in a store carries the store; a store scene opens the store", async () => {
    const scene = await db.qrScene.findFirstOrThrow({ where: { kind: "STORE" }, include: { store: true, brand: true } });
    expect((await openScene(scene.code, "Mozilla/5.0"))?.path).toBe(`/${scene.brand.slug}/stores/${scene.store!.code}?from=qr`);
    // An active one: other files deactivate products, and PostgreSQL returns rows in no fixed order.
    const product = await db.product.findFirstOrThrow({ where: { brandId: scene.brandId, active: true }, orderBy: { id: "asc" } });
    const tag = await db.qrScene.create({ data: { code: "tagtest1", brandId: scene.brandId, kind: "PRODUCT", productId: product.id, storeId: scene.storeId } });
    expect((await openScene(tag.code, "x"))?.path).toBe(`/${scene.brand.slug}/p/${product.styleCode}?from=qr&store=${scene.store!.code}&scene=${tag.code}`);
  });

  it("unknown, malformed and inactive codes resolve to nothing and record nothing", async () => {
    const before = await db.sceneScan.count();
    expect(await openScene("zzzzzzzz", "x")).toBeNull();
    expect(await openScene("../../etc", "x")).toBeNull();
    expect(await openScene("", "x")).toBeNull();
    const scene = await db.qrScene.findFirstOrThrow({ where: { kind: "PRODUCT" }, include: { product: true } });
    await db.product.update({ where: { id: scene.productId! }, data: { active: false } });
    expect(await openScene(scene.code, "x")).toBeNull();
    await db.product.update({ where: { id: scene.productId! }, data: { active: true } });
    expect(await db.sceneScan.count()).toBe(before);
  });

  it("the QR SVG encodes the absolute short link", async () => {
    const scene = await db.qrScene.findFirstOrThrow({ where: { kind: "PRODUCT" }, include: { product: true, brand: true } });
    expect(await findSceneCode(scene.brand.slug, { styleCode: scene.product!.styleCode })).toBe(scene.code);
    const svg = await shortLinkQrSvg(scene.code, "https://m.example.cn");
    expect(svg).toBe(await QRCode.toString(`https://m.example.cn/s/${scene.code}`, { type: "svg", errorCorrectionLevel: "M", margin: 2 }));
    expect(svg.startsWith("<svg")).toBe(true);
  });
});
