import { z } from "zod";
import { db } from "@/lib/db";

// Short links /s/<code> (场景码): a QR code on a product tag, a store poster, later a guide's card.
export const sceneCode = z.string().regex(/^[a-z0-9]{4,12}$/);

export type SceneTarget = { brandSlug: string; path: string };

/**
 * Where a scene leads; null for an unknown or malformed code. Records the scan (who opened it from WeChat).
 * A guide's code goes through /api/scenes/<code>/touch, which binds the shopper (a page cannot set cookies);
 * `to` is the page of the shop a guide shared, passed on and checked there.
 */
export async function openScene(code: string, userAgent: string, to?: string): Promise<SceneTarget | null> {
  if (!sceneCode.safeParse(code).success) return null;
  const scene = await db.qrScene.findUnique({
    where: { code },
    select: {
      id: true,
      kind: true,
      brand: { select: { slug: true } },
      product: { select: { styleCode: true, active: true } },
      store: { select: { code: true, active: true } },
    },
  });
  if (!scene) return null;
  const brand = scene.brand.slug;
  let path: string | null = null;
  if (scene.kind === "PRODUCT" && scene.product?.active) {
    // A product tag scanned in a store opens the product with that store as "where I am", and with the scene
    // code, which checkout needs to accept a counter order as really placed from that store's tag.
    const query = new URLSearchParams({ from: "qr" });
    if (scene.store?.active) {
      query.set("store", scene.store.code);
      query.set("scene", code);
    }
    path = `/${brand}/p/${encodeURIComponent(scene.product.styleCode)}?${query.toString()}`;
  } else if (scene.kind === "STORE" && scene.store?.active) {
    path = `/${brand}/stores/${encodeURIComponent(scene.store.code)}?from=qr`;
  } else if (scene.kind === "GUIDE") {
    path = `/api/scenes/${code}/touch${to ? `?to=${encodeURIComponent(to)}` : ""}`;
  }
  if (!path) return null;
  await db.sceneScan.create({
    data: { sceneId: scene.id, inWechat: /MicroMessenger/i.test(userAgent), userAgent: userAgent.slice(0, 300) },
  });
  return { brandSlug: brand, path };
}

export async function findSceneCode(brandSlug: string, target: { styleCode?: string; storeCode?: string }): Promise<string | null> {
  const scene = await db.qrScene.findFirst({
    where: {
      brand: { slug: brandSlug },
      ...(target.styleCode ? { kind: "PRODUCT", product: { styleCode: target.styleCode }, storeId: null } : {}),
      ...(target.storeCode ? { kind: "STORE", store: { code: target.storeCode } } : {}),
    },
    select: { code: true },
  });
  return scene?.code ?? null;
}

export async function sceneExists(code: string): Promise<boolean> {
  return (await db.qrScene.count({ where: { code } })) > 0;
}

/** A guide's scene: the brand and the guide it stands for (null for any other kind of code). */
export async function guideScene(code: string): Promise<{ brandId: string; brandSlug: string; guideId: string } | null> {
  if (!sceneCode.safeParse(code).success) return null;
  const scene = await db.qrScene.findUnique({ where: { code }, select: { kind: true, targetId: true, brandId: true, brand: { select: { slug: true } } } });
  if (!scene || scene.kind !== "GUIDE" || !scene.targetId) return null;
  return { brandId: scene.brandId, brandSlug: scene.brand.slug, guideId: scene.targetId };
}
