import { db } from "@/lib/db";
import type { MemberMessage } from "@/lib/notify/member-notifier";

// The arrival notice (到店通知). Its one tap is checkout for that SKU and quantity with the requesting store
// preselected (`store=<code>`: the checkout page treats it as "near here", so that store comes first);
// the inbox offers the same link with delivery as the second button (lib/inbox deliveryLinkOf).
// The units are not held for the customer: they are on sale at the store like any other (decision 014).

export function checkoutLinkFor(brandSlug: string, skuId: string, quantity: number, storeCode: string): string {
  return `/${brandSlug}/checkout?${new URLSearchParams({ sku: skuId, qty: String(quantity), store: storeCode })}`;
}

export async function arrivalNotice(transferId: string): Promise<MemberMessage | null> {
  const t = await db.transfer.findUnique({
    where: { id: transferId },
    select: {
      skuId: true,
      quantity: true,
      brand: { select: { slug: true } },
      toStore: { select: { code: true, name: true } },
      sku: { select: { colorName: true, size: true, product: { select: { name: true, nameEn: true } } } },
    },
  });
  if (!t) return null;
  const item = `${t.sku.product.name} ${t.sku.colorName}/${t.sku.size}`;
  return {
    kind: "transfer.arrived",
    title: `您要的 ${item} 已到店 / Your ${t.sku.product.nameEn} (${t.sku.size}) has arrived`,
    body: `已到${t.toStore.name}（${t.quantity} 件），可到店取货或送货到家 / At ${t.toStore.name} (${t.quantity}): pick it up or have it delivered`,
    link: checkoutLinkFor(t.brand.slug, t.skuId, t.quantity, t.toStore.code),
  };
}
