"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { confirmSandboxPayment } from "@/lib/orders/payment";
import { OrderRefused } from "@/lib/orders/errors";
import { orderNumberPattern } from "@/lib/orders/number";

export type PayResult = { message: string } | null;

const form = z.object({ brand: z.string().regex(/^[a-z0-9-]{1,32}$/), number: z.string().regex(orderNumberPattern) });

/** The sandbox pay sheet's "Pay": applied exactly like a provider's notice, for the member's own order only. */
export async function confirmSandboxPayAction(_previous: PayResult, data: FormData): Promise<PayResult> {
  const parsed = form.safeParse(Object.fromEntries(data.entries()));
  if (!parsed.success) return { message: "参数无效 / Invalid request" };
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") return { message: "请先登录 / Please sign in" };
  try {
    await confirmSandboxPayment(parsed.data.number, principal.memberId);
  } catch (error) {
    if (error instanceof OrderRefused) return { message: error.message };
    console.error("[pay]", error);
    return { message: "支付失败，请重试 / Payment failed, please retry" };
  }
  redirect(`/${parsed.data.brand}/orders/${parsed.data.number}`);
}
