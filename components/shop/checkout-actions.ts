"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { getBrand } from "@/lib/catalog/cached";
import { placeOrder } from "@/lib/orders/placement";
import { OrderRefused, SoldOut, type Alternative } from "@/lib/orders/errors";

export type CheckoutResult = { message: string; alternatives?: Alternative[]; signIn?: boolean } | null;

const optional = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().max(200).optional());
const coordinate = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().finite().optional());

const form = z.object({
  brand: z.string().regex(/^[a-z0-9-]{1,32}$/),
  idempotencyKey: z.string().min(1).max(64),
  fulfilment: z.enum(["PICKUP", "DELIVERY", "COUNTER"]),
  paymentMethod: z.enum(["ONLINE", "MALL_CASHIER"]),
  lines: z.string().max(4000).transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "bad lines" });
      return z.NEVER;
    }
  }),
  storeId: optional,
  sceneCode: optional,
  contactName: optional,
  contactPhone: optional,
  address: optional,
  lat: coordinate,
  lng: coordinate,
  fromCart: z.enum(["1", "0"]).default("0"),
});

/**
 * Places the order of the checkout page for the signed-in member (the session names the member, never the
 * form). The idempotency key comes from the page render, so a double tap replays the first order. Success
 * leaves the page: online payment → the pay sheet, mall cashier → the order with its pickup code.
 */
export async function placeOrderAction(_previous: CheckoutResult, data: FormData): Promise<CheckoutResult> {
  const parsed = form.safeParse(Object.fromEntries(data.entries()));
  if (!parsed.success) return { message: "参数无效，请刷新页面重试 / Invalid request: reload the page and try again" };
  const input = parsed.data;
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") return { message: "请先登录 / Please sign in", signIn: true };
  const brand = await getBrand(input.brand);
  if (!brand) return { message: "品牌无效 / Unknown brand" };
  let target: string;
  try {
    const placed = await placeOrder(principal.memberId, {
      brandId: brand.id,
      idempotencyKey: input.idempotencyKey,
      fulfilment: input.fulfilment,
      paymentMethod: input.paymentMethod,
      lines: input.lines as { skuId: string; quantity: number }[],
      storeId: input.fulfilment === "PICKUP" ? input.storeId : undefined,
      sceneCode: input.fulfilment === "COUNTER" ? input.sceneCode : undefined,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: input.fulfilment === "DELIVERY" ? input.address : undefined,
      deliveryPoint: input.fulfilment === "DELIVERY" && input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined,
      fromCart: input.fromCart === "1",
    });
    target = placed.paymentMethod === "ONLINE" && placed.status === "PLACED" ? `/${brand.slug}/pay/${placed.number}` : `/${brand.slug}/orders/${placed.number}`;
  } catch (error) {
    if (error instanceof SoldOut) return { message: error.message, alternatives: error.alternatives };
    if (error instanceof OrderRefused) return { message: error.message };
    console.error("[checkout]", error);
    return { message: "下单失败，请重试 / Could not place the order, please retry" };
  }
  redirect(target);
}
