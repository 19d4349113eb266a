import { NextResponse, type NextRequest } from "next/server";
import { apiError, withErrors } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { getBrand } from "@/lib/catalog/cached";
import { placeOrder } from "@/lib/orders/placement";
import { OrderRefused } from "@/lib/orders/errors";

// Places an order (JSON): the same domain call as the checkout page's action, for clients that post JSON
// (and the order-placement benchmark). Body: lib/orders/placement.ts placeOrderInput with `brand` (slug)
// instead of brandId. 201 with the order; 409 sold out (with where else it is) or a reused key; 4xx otherwise.
export async function POST(request: NextRequest) {
  return withErrors(async () => {
    if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
    const principal = await currentPrincipal();
    if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") {
      return NextResponse.json({ error: { code: "unauthenticated", message: "请先登录 / Please sign in" } }, { status: 401 });
    }
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    const brand = typeof body?.brand === "string" && /^[a-z0-9-]{1,32}$/.test(body.brand) ? await getBrand(body.brand) : null;
    if (!body || !brand) return apiError("bad_request", "品牌无效 / Unknown brand");
    try {
      const placed = await placeOrder(principal.memberId, { ...body, brandId: brand.id } as Parameters<typeof placeOrder>[1]);
      return NextResponse.json(
        { number: placed.number, status: placed.status, totalFen: placed.totalFen, replayed: placed.replayed },
        { status: placed.replayed ? 200 : 201 },
      );
    } catch (error) {
      if (!(error instanceof OrderRefused)) throw error;
      return NextResponse.json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, { status: error.status });
    }
  });
}
