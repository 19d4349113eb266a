import crypto from "node:crypto";
import { db } from "@/lib/db";
import { setStatements } from "@/lib/inventory/movements";

// Stock-feed tests work on a store of their own (inactive, so no shop page or other test meets it; with its QR scene
// as every store has one), stocked through the inventory module (ledgered) with SKUs of LUMI.

export async function feedStore(skuCount: number, onHand = 4) {
  const brand = await db.brand.findFirstOrThrow({ where: { slug: "lumi" } });
  const code = `FD${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
  const store = await db.store.create({
    data: { brandId: brand.id, code, name: `停业测试 ${code}`, kind: "DIRECT", city: "上海", address: "测试路 1 号", lat: 31.2, lng: 121.4, opensAt: 600, closesAt: 1320, active: false },
  });
  // Every store has its QR scene (tests/integration/scenes/short-links.test.ts holds the app to it).
  await db.qrScene.create({ data: { code: `fd${crypto.randomBytes(4).toString("hex")}`, brandId: brand.id, kind: "STORE", storeId: store.id } });
  const skus = await db.sku.findMany({ where: { product: { brandId: brand.id, active: true } }, orderBy: { gtin: "asc" }, take: skuCount, skip: 40 });
  await db.$transaction(setStatements("ADJUST", skus.map((s) => ({ storeId: store.id, skuId: s.id, onHand })), { actor: "system:test", reference: "stock-feeds fixture", now: new Date() }));
  const admin = await db.staff.findFirstOrThrow({ where: { username: "lumi.admin" } });
  return { brand, store, skus, admin: { staffId: admin.id, brandId: brand.id }, adminActor: `staff:${admin.id}` };
}

export const figuresOf = async (storeId: string) =>
  (await db.inventory.findMany({ where: { storeId }, orderBy: { skuId: "asc" }, select: { skuId: true, onHand: true } })).map((r) => r.onHand);
export const ledgerCountOf = (storeId: string) => db.stockLedger.count({ where: { storeId } });
