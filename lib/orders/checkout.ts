import { z } from "zod";
import { db } from "@/lib/db";
import { loadCandidateStores, loadStockOf } from "@/lib/fulfilment/candidates";
import { pickupStores, routeDelivery } from "@/lib/fulfilment/routing";
import type { GcjPoint } from "@/lib/stores/geo";
import { citiesOf } from "@/lib/stores/queries";
import { OrderRefused } from "./errors";

// What the checkout page shows before the order exists: the items and their prices, the pickup stores that
// have everything (nearest first, the first one preselected: "buy now" needs no choice), the counter option
// when the shopper scanned a tag in a store, and the delivery quote. Read-only: nothing is reserved here.

export const checkoutQuery = z.object({
  lines: z.array(z.object({ skuId: z.string().min(1).max(40), quantity: z.number().int().min(1).max(99) })).min(1).max(20),
  near: z
    .union([
      z.object({ lat: z.number().min(3).max(54), lng: z.number().min(73).max(136) }),
      z.object({ storeCode: z.string().regex(/^[A-Za-z0-9-]{1,16}$/) }),
      z.object({ city: z.string().min(1).max(16) }),
    ])
    .optional(),
  sceneCode: z.string().regex(/^[a-z0-9]{4,12}$/).optional(),
});
export type CheckoutQuery = z.input<typeof checkoutQuery>;

const PICKUP_CHOICES = 8;

export async function prepareCheckout(brandId: string, raw: CheckoutQuery) {
  const query = checkoutQuery.parse(raw);
  const [brand, skus, stores] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { shipFromDirect: true, shipFromFranchise: true, deliveryFeeFen: true, freeDeliveryFromFen: true } }),
    db.sku.findMany({
      where: { id: { in: query.lines.map((l) => l.skuId) }, product: { brandId, active: true } },
      select: { id: true, productId: true, colorName: true, colorCode: true, colorHex: true, size: true, priceFen: true, product: { select: { styleCode: true, name: true, nameEn: true, priceFen: true, category: { select: { slug: true } } } } },
    }),
    loadCandidateStores(brandId),
  ]);
  const known = new Map(skus.map((s) => [s.id, s]));
  const missing = query.lines.filter((l) => !known.has(l.skuId));
  if (missing.length) throw new OrderRefused("unknown_sku", "商品不存在或已下架 / An item is unknown or no longer sold", 400, { skuIds: missing.map((l) => l.skuId) });
  const items = query.lines.map((l) => {
    const s = known.get(l.skuId)!;
    const unitPriceFen = s.priceFen ?? s.product.priceFen;
    return { skuId: s.id, quantity: l.quantity, unitPriceFen, lineFen: unitPriceFen * l.quantity, styleCode: s.product.styleCode, name: s.product.name, nameEn: s.product.nameEn, colorName: s.colorName, colorHex: s.colorHex, size: s.size, category: s.product.category.slug };
  });
  const itemsFen = items.reduce((sum, i) => sum + i.lineFen, 0);

  // Where "near" is: the phone's position, the store whose code was scanned, a chosen city, else the brand's first city.
  const shopperStores = stores.filter((s) => s.active && s.kind !== "WAREHOUSE");
  let from: GcjPoint | null = null;
  const near = query.near;
  if (near && "lat" in near) from = near;
  else if (near && "storeCode" in near) from = shopperStores.find((s) => s.code === near.storeCode) ?? null;
  else if (near && "city" in near) from = citiesOf(shopperStores).find((c) => c.city === near.city) ?? null;
  const located = from !== null;
  from ??= citiesOf(shopperStores)[0] ?? { lat: 31.23, lng: 121.47 };

  const stock = await loadStockOf(brandId, items.map((i) => i.skuId));
  const pickup = pickupStores(stores, stock, query.lines, from)
    .slice(0, PICKUP_CHOICES)
    .map((s) => ({ id: s.id, code: s.code, name: s.name, city: s.city, address: s.address, mallName: s.mallName, distanceM: located ? s.distanceM : null }));

  let counter: { storeId: string; code: string; name: string; mallName: string; available: boolean } | null = null;
  if (query.sceneCode) {
    // A product tag printed for a store, for one of the products being bought (lib/orders/placement.ts says why).
    const scene = await db.qrScene.findUnique({ where: { code: query.sceneCode }, select: { brandId: true, storeId: true, kind: true, productId: true } });
    const tagged = scene?.kind === "PRODUCT" && skus.some((s) => s.productId === scene.productId);
    const store = scene?.brandId === brandId && tagged ? shopperStores.find((s) => s.id === scene.storeId) : undefined;
    if (store) {
      // At the counter the shopper takes the piece in front of them: safety stock does not apply.
      const available = query.lines.every((l) => {
        const row = stock.find((r) => r.storeId === store.id && r.skuId === l.skuId);
        return !!row && row.onHand - row.reserved >= l.quantity;
      });
      counter = { storeId: store.id, code: store.code, name: store.name, mallName: store.mallName, available };
    }
  }

  const route = routeDelivery(stores, stock, query.lines, from, brand);
  const deliveryFen = itemsFen < brand.freeDeliveryFromFen ? brand.deliveryFeeFen : 0;
  const shipFrom = route.kind === "unavailable" ? [] : [...new Set(route.assignments.map((a) => a.storeId))].map((id) => stores.find((s) => s.id === id)!).map((s) => ({ code: s.code, name: s.name, city: s.city, kind: s.kind }));

  return {
    items,
    itemsFen,
    from: located ? from : null,
    pickup,
    counter,
    delivery: { available: route.kind !== "unavailable", routeKind: route.kind, shipFrom, deliveryFen, freeFromFen: brand.freeDeliveryFromFen },
    cities: citiesOf(shopperStores).map((c) => c.city),
    /** The preselected choice: at the counter when scanned in a store that has it, else the nearest pickup store, else delivery. */
    suggested: counter?.available ? ("COUNTER" as const) : pickup.length ? ("PICKUP" as const) : route.kind !== "unavailable" ? ("DELIVERY" as const) : null,
  };
}
export type CheckoutView = Awaited<ReturnType<typeof prepareCheckout>>;
