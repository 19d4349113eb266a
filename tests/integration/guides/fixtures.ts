import crypto from "node:crypto";
import { db } from "@/lib/db";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { recordOpeningStock } from "@/lib/inventory/opening-stock";
import type { GuideActor } from "@/lib/guides/access";

// The guide tests' own rows: a style no other test uses, stocked with figures the test chooses.

export async function guideActor(username: string): Promise<GuideActor> {
  const s = await db.staff.findUniqueOrThrow({ where: { username } });
  return { staffId: s.id, brandId: s.brandId!, storeId: s.storeId! };
}

export async function storeOf(brandId: string, code: string) {
  return db.store.findFirstOrThrow({ where: { brandId, code } });
}

let made = 0;
/** A new style of the brand with `colours` × `sizes` SKUs, stocked nowhere. */
export async function newStyle(brandId: string, colours = ["01"], sizes = ["S", "M"]) {
  const category = await db.category.findFirstOrThrow({ where: { brandId } });
  const tag = `${process.pid % 1000}${++made}${crypto.randomInt(0, 1000)}`;
  const product = await db.product.create({
    data: { brandId, categoryId: category.id, styleCode: `GT${tag}`, name: `测试款${tag}`, nameEn: `Test ${tag}`, priceFen: 19900, launchedAt: new Date("2026-01-01T00:00:00Z") },
  });
  const skus = [];
  for (const colour of colours) {
    for (const [i, size] of sizes.entries()) {
      const gtin = makeGtin13(`698${String(crypto.randomInt(0, 1_000_000_000)).padStart(9, "0")}`);
      skus.push(await db.sku.create({ data: { productId: product.id, gtin, colorCode: colour, colorName: `色${colour}`, colorHex: "#888888", size, sizeOrder: i } }));
    }
  }
  return { product, skus };
}

export async function stock(lines: { storeId: string; skuId: string; quantity: number }[]) {
  await recordOpeningStock(lines, "test:guides");
}

export async function newMember(nickname = "") {
  return db.member.create({ data: { phone: `137${crypto.randomInt(10_000_000, 99_999_999)}`, nickname } });
}
