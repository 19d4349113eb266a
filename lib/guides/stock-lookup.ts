import "server-only";
import { db } from "@/lib/db";
import { sellableQuantity } from "@/lib/inventory/levels";
import { distanceMeters } from "@/lib/stores/geo";
import type { GuideActor } from "./access";
import { publicBaseUrl } from "@/lib/site";
import { parseLookupCode, type LookupCode } from "./lookup-code";
import { guideSceneCode } from "./scene";
import { absoluteUrl, guideShareUrl, productPath } from "./share";

// Stock lookup for staff (查库存): one style's colours × sizes in every store of the brand, as exact sellable
// figures (on hand − reserved − the store's safety stock, the same rule checkout uses, so what the guide
// promises is what the shopper can order). The guide's own store first, then the others nearest first.

export type StockCell = { onHand: number; reserved: number; sellable: number };

export type StoreStock = {
  code: string;
  name: string;
  kind: "DIRECT" | "FRANCHISE" | "WAREHOUSE";
  city: string;
  mallName: string;
  mine: boolean;
  /** From the guide's store, metres (0 for it). */
  distanceM: number;
  safetyStock: number;
  /** By SKU id; a SKU the store has never stocked is absent. */
  cells: Record<string, StockCell>;
  /** Sellable units of the whole style. */
  total: number;
};

export type StockLookupResult =
  | {
      kind: "found";
      product: { styleCode: string; name: string; nameEn: string; priceFen: number; active: boolean; brandSlug: string; brandName: string; imageUrl: string | null };
      /** The product page with the guide's code attached ("share this style"). */
      shareUrl: string;
      colours: { code: string; name: string; hex: string }[];
      sizes: string[];
      skus: { id: string; gtin: string; colorCode: string; size: string }[];
      /** The SKU a scanned or typed barcode named. */
      selectedSkuId: string | null;
      stores: StoreStock[];
    }
  | { kind: "unknown"; code: LookupCode }
  | { kind: "invalid"; reason: Extract<LookupCode, { kind: "invalid" }>["reason"] };

/** The product (and SKU) a parsed code names, within the guide's brand only. */
async function findTarget(brandId: string, code: Exclude<LookupCode, { kind: "invalid" }>): Promise<{ productId: string; skuId: string | null } | null> {
  if (code.kind === "gtin") {
    const sku = await db.sku.findUnique({ where: { gtin: code.gtin }, select: { id: true, productId: true, product: { select: { brandId: true } } } });
    return sku && sku.product.brandId === brandId ? { productId: sku.productId, skuId: sku.id } : null;
  }
  if (code.kind === "scene") {
    const scene = await db.qrScene.findUnique({ where: { code: code.sceneCode }, select: { brandId: true, kind: true, productId: true } });
    return scene && scene.brandId === brandId && scene.kind === "PRODUCT" && scene.productId ? { productId: scene.productId, skuId: null } : null;
  }
  const product = await db.product.findUnique({ where: { brandId_styleCode: { brandId, styleCode: code.styleCode } }, select: { id: true } });
  return product ? { productId: product.id, skuId: null } : null;
}

/** What a scanned or typed code holds, in every store of the guide's brand. */
export async function stockLookup(guide: GuideActor, input: string): Promise<StockLookupResult> {
  const code = parseLookupCode(input);
  if (code.kind === "invalid") return { kind: "invalid", reason: code.reason };
  const target = await findTarget(guide.brandId, code);
  if (!target) return { kind: "unknown", code };

  const [product, stores, sceneCode] = await Promise.all([
    db.product.findUniqueOrThrow({
      where: { id: target.productId },
      select: {
        styleCode: true,
        name: true,
        nameEn: true,
        priceFen: true,
        active: true,
        brand: { select: { slug: true, name: true } },
        images: { select: { url: true }, orderBy: { sort: "asc" }, take: 1 },
        skus: {
          select: { id: true, gtin: true, colorCode: true, colorName: true, colorHex: true, size: true, sizeOrder: true, inventory: { select: { storeId: true, onHand: true, reserved: true } } },
          orderBy: [{ colorCode: "asc" }, { sizeOrder: "asc" }],
        },
      },
    }),
    db.store.findMany({
      where: { brandId: guide.brandId, active: true },
      select: { id: true, code: true, name: true, kind: true, city: true, mallName: true, lat: true, lng: true, safetyStock: true },
    }),
    guideSceneCode(guide.staffId),
  ]);

  const home = stores.find((s) => s.id === guide.storeId);
  const byStore = new Map(
    stores.map((s) => [
      s.id,
      {
        code: s.code,
        name: s.name,
        kind: s.kind,
        city: s.city,
        mallName: s.mallName,
        mine: s.id === guide.storeId,
        distanceM: home ? distanceMeters(home, s) : 0,
        safetyStock: s.safetyStock,
        cells: {} as Record<string, StockCell>,
        total: 0,
      } satisfies StoreStock,
    ]),
  );
  for (const sku of product.skus) {
    for (const row of sku.inventory) {
      const store = byStore.get(row.storeId);
      if (!store) continue; // an inactive store
      const sellable = sellableQuantity(row.onHand, row.reserved, store.safetyStock);
      store.cells[sku.id] = { onHand: row.onHand, reserved: row.reserved, sellable };
      store.total += sellable;
    }
  }

  const colours = new Map<string, { code: string; name: string; hex: string }>();
  const sizes = new Map<string, number>();
  for (const sku of product.skus) {
    if (!colours.has(sku.colorCode)) colours.set(sku.colorCode, { code: sku.colorCode, name: sku.colorName, hex: sku.colorHex });
    if (!sizes.has(sku.size)) sizes.set(sku.size, sku.sizeOrder);
  }

  const baseUrl = publicBaseUrl();
  const image = product.images[0]?.url;
  return {
    kind: "found",
    product: {
      styleCode: product.styleCode,
      name: product.name,
      nameEn: product.nameEn,
      priceFen: product.priceFen,
      active: product.active,
      brandSlug: product.brand.slug,
      brandName: product.brand.name,
      imageUrl: image ? absoluteUrl(baseUrl, image) : null,
    },
    shareUrl: guideShareUrl({ baseUrl, sceneCode, brandSlug: product.brand.slug, to: productPath(product.brand.slug, product.styleCode) }),
    colours: [...colours.values()],
    sizes: [...sizes.entries()].sort((a, b) => a[1] - b[1]).map(([size]) => size),
    skus: product.skus.map((s) => ({ id: s.id, gtin: s.gtin, colorCode: s.colorCode, size: s.size })),
    selectedSkuId: target.skuId,
    // Own store first whatever the distances say (a colocated store could tie at 0 m), then nearest first.
    stores: [...byStore.values()].sort((a, b) => Number(b.mine) - Number(a.mine) || a.distanceM - b.distanceM || a.code.localeCompare(b.code)),
  };
}
