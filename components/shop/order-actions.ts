"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { cancelOrder, confirmReceived } from "@/lib/orders/fulfilment";
import { cancelTryOnHold } from "@/lib/holds/try-on";
import { OrderRefused } from "@/lib/orders/errors";
import { orderNumberPattern } from "@/lib/orders/number";

// The member's own order and hold buttons. Each acts only on what the session's member owns (the domain
// answers "not found" for anything else) and comes back to the page it was pressed on.

export type OrderActionResult = { message: string } | null;

const brand = z.string().regex(/^[a-z0-9-]{1,32}$/);
const orderForm = z.object({ brand, number: z.string().regex(orderNumberPattern) });
const holdForm = z.object({ brand, holdId: z.string().min(1).max(64) });

async function memberId(): Promise<string | null> {
  const principal = await currentPrincipal();
  return decide(principal, "member.self") === "allow" && principal.kind === "member" ? principal.memberId : null;
}

async function run(work: () => Promise<unknown>): Promise<OrderActionResult> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof OrderRefused) return { message: error.message };
    console.error("[orders]", error);
    return { message: "操作失败，请重试 / Something went wrong, please retry" };
  }
}

export async function cancelOrderAction(_previous: OrderActionResult, data: FormData): Promise<OrderActionResult> {
  const parsed = orderForm.safeParse(Object.fromEntries(data.entries()));
  if (!parsed.success) return { message: "参数无效 / Invalid request" };
  const member = await memberId();
  if (!member) return { message: "请先登录 / Please sign in" };
  const failed = await run(() => cancelOrder({ memberId: member }, { number: parsed.data.number }, "会员取消 / Cancelled by the member"));
  if (failed) return failed;
  redirect(`/${parsed.data.brand}/orders/${parsed.data.number}`);
}

export async function confirmReceivedAction(_previous: OrderActionResult, data: FormData): Promise<OrderActionResult> {
  const parsed = orderForm.safeParse(Object.fromEntries(data.entries()));
  if (!parsed.success) return { message: "参数无效 / Invalid request" };
  const member = await memberId();
  if (!member) return { message: "请先登录 / Please sign in" };
  const failed = await run(() => confirmReceived(member, parsed.data.number));
  if (failed) return failed;
  redirect(`/${parsed.data.brand}/orders/${parsed.data.number}`);
}

export async function cancelHoldAction(_previous: OrderActionResult, data: FormData): Promise<OrderActionResult> {
  const parsed = holdForm.safeParse(Object.fromEntries(data.entries()));
  if (!parsed.success) return { message: "参数无效 / Invalid request" };
  const member = await memberId();
  if (!member) return { message: "请先登录 / Please sign in" };
  const failed = await run(() => cancelTryOnHold(member, parsed.data.holdId));
  if (failed) return failed;
  redirect(`/${parsed.data.brand}/orders`); // (a #holds hash here would be taken as a scroll, not a reload)
}
