import { NextResponse } from "next/server";
import { apiError, withErrors } from "@/lib/http/errors";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { memberOrderDetail } from "@/lib/orders/queries";
import { OrderRefused } from "@/lib/orders/errors";
import { orderNumberPattern } from "@/lib/orders/number";

export const dynamic = "force-dynamic";

// The pay page polls this after WeChat's sheet says "ok", until the payment notice has reached us.
// Only the member's own order answers; anyone else's number is "not found", like a number that never existed.
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  return withErrors(async () => {
    const { number } = await params;
    const principal = await currentPrincipal();
    const decision = decide(principal, "member.self");
    if (decision === "unauthenticated") return NextResponse.json({ error: { code: "unauthenticated", message: "请先登录 / Please sign in" } }, { status: 401 });
    if (decision !== "allow" || principal.kind !== "member") return apiError("forbidden", "没有权限 / You do not have access to this");
    if (!orderNumberPattern.test(number)) return apiError("not_found", "订单不存在 / Order not found");
    try {
      const order = await memberOrderDetail(principal.memberId, number);
      return NextResponse.json({ status: order.status }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof OrderRefused && error.code === "not_found") return apiError("not_found", error.message);
      throw error;
    }
  });
}
