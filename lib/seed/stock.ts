import { fakerZH_CN as faker } from "@faker-js/faker";
import { SEED } from "./constants";
import type { SeedCatalog } from "./catalog";
import type { SeedStore } from "./stores";

export type StockLine = { storeId: string; skuId: string; quantity: number };

/**
 * Opening stock, shaped like a real store network: a store carries part of the range, not every colour
 * of a style, and often not the extreme sizes; counts are small (0–8) and some rows are already sold out (0).
 * The warehouse holds most SKUs in depth (10–60). Pure: same output on every call.
 */
export function generateStockPlan(stores: SeedStore[], catalog: SeedCatalog): StockLine[] {
  faker.seed([SEED, 3]);
  const brandOf = new Map(catalog.products.map((p) => [p.id, p.brandId]));
  // Per style: its SKUs grouped by colour, and its smallest and largest size (the extremes stores carry least).
  const styles = new Map<string, { brandId: string; colours: Map<string, { skuId: string; sizeOrder: number }[]>; min: number; max: number }>();
  for (const sku of catalog.skus) {
    let style = styles.get(sku.productId);
    if (!style) {
      style = { brandId: brandOf.get(sku.productId)!, colours: new Map(), min: Infinity, max: -Infinity };
      styles.set(sku.productId, style);
    }
    const list = style.colours.get(sku.colorCode) ?? [];
    list.push({ skuId: sku.id, sizeOrder: sku.sizeOrder });
    style.colours.set(sku.colorCode, list);
    style.min = Math.min(style.min, sku.sizeOrder);
    style.max = Math.max(style.max, sku.sizeOrder);
  }

  const lines: StockLine[] = [];
  for (const store of stores) {
    const warehouse = store.kind === "WAREHOUSE";
    // A city's first store is the flagship and carries most of the range; others a smaller share.
    const rangeShare = warehouse ? 1 : store.code.endsWith("01") ? 0.6 : faker.number.float({ min: 0.3, max: 0.48 });
    for (const style of styles.values()) {
      if (style.brandId !== store.brandId) continue;
      if (!warehouse && !faker.datatype.boolean(rangeShare)) continue;
      let colourIndex = 0;
      for (const [, sizes] of style.colours) {
        const firstColour = colourIndex++ === 0;
        if (!warehouse && !firstColour && !faker.datatype.boolean(0.65)) continue;
        for (const { skuId, sizeOrder } of sizes) {
          const extreme = sizeOrder === style.min || sizeOrder === style.max;
          if (warehouse) {
            if (!faker.datatype.boolean(0.92)) continue;
            lines.push({ storeId: store.id, skuId, quantity: faker.number.int(extreme ? { min: 10, max: 30 } : { min: 18, max: 60 }) });
            continue;
          }
          if (!faker.datatype.boolean(extreme ? 0.45 : 0.85)) continue;
          const quantity = extreme
            ? faker.helpers.weightedArrayElement([
                { weight: 25, value: 0 },
                { weight: 45, value: 1 },
                { weight: 25, value: 2 },
                { weight: 5, value: 3 },
              ])
            : faker.helpers.weightedArrayElement([
                { weight: 12, value: 0 },
                { weight: 15, value: 1 },
                { weight: 20, value: 2 },
                { weight: 18, value: 3 },
                { weight: 13, value: 4 },
                { weight: 9, value: 5 },
                { weight: 6, value: 6 },
                { weight: 4, value: 7 },
                { weight: 3, value: 8 },
              ]);
          lines.push({ storeId: store.id, skuId, quantity });
        }
      }
    }
  }
  return lines;
}
