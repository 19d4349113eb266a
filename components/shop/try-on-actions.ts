"use server";

import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { getBrand, getStore } from "@/lib/catalog/cached";
import { createTryOnHold } from "@/lib/holds/try-on";
import { OrderRefused } from "@/lib/orders/errors";

export type TryOnResult = { ok: true; until: string; storeName: string } | { ok: false; message: string; signIn?: boolean };

const input = z.object({
  brand: z.string().regex(/^[a-z0-9-]{1,32}$/),
  storeCode: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
  skuId: z.string().min(1).max(40),
});

/** 预留试穿: one unit of the chosen size kept at that store for the signed-in member (the session says who). */
export async function holdToTryOnAction(raw: unknown): Promise<TryOnResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "参数无效 / Invalid request" };
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") return { ok: false, message: "登录后可预留试穿 / Sign in to hold it", signIn: true };
  // The grid names stores by code; the hold keeps the store's id (a cached lookup, not another query per tap).
  const brand = await getBrand(parsed.data.brand);
  const store = brand ? await getStore(brand.id, parsed.data.storeCode) : null;
  if (!brand || !store) return { ok: false, message: "门店不存在 / Unknown store" };
  try {
    const hold = await createTryOnHold(principal.memberId, { brandId: brand.id, storeId: store.id, skuId: parsed.data.skuId });
    return { ok: true, until: hold.expiresAt.toISOString(), storeName: hold.storeName };
  } catch (error) {
    if (error instanceof OrderRefused) return { ok: false, message: error.message };
    console.error("[try-on]", error);
    return { ok: false, message: "预留失败，请重试 / Could not hold it, please retry" };
  }
}
