import { NextResponse, type NextRequest } from "next/server";
import { apiError, withErrors } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { CartError, removeCartLine, setCartQuantity } from "@/lib/cart/service";

// A signed-in member's bag line as JSON (the cart page uses server actions; this is for clients that send
// JSON). Only the member's own lines: another member's line id is 404 and nothing changes.
type Params = { params: Promise<{ line: string }> };

async function asMember(request: NextRequest, act: (memberId: string, line: string, body: Record<string, unknown>) => Promise<{ count: number }>, { params }: Params) {
  return withErrors(async () => {
    if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
    const principal = await currentPrincipal();
    if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") {
      return NextResponse.json({ error: { code: "unauthenticated", message: "请先登录 / Please sign in" } }, { status: 401 });
    }
    const body = request.method === "DELETE" ? Object.fromEntries(request.nextUrl.searchParams) : ((await request.json().catch(() => null)) as Record<string, unknown> | null);
    if (!body) return apiError("bad_request", "请求无效 / Invalid request");
    try {
      const change = await act(principal.memberId, (await params).line, body);
      return NextResponse.json({ count: change.count });
    } catch (error) {
      if (error instanceof CartError) return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
      throw error;
    }
  });
}

/** Body {brand, quantity}: sets the quantity (1–99). */
export function PATCH(request: NextRequest, context: Params) {
  return asMember(request, (memberId, line, body) => setCartQuantity({ memberId }, { brand: body.brand as string, line, quantity: body.quantity as number }), context);
}

/** ?brand=…: removes the line. */
export function DELETE(request: NextRequest, context: Params) {
  return asMember(request, (memberId, line, body) => removeCartLine({ memberId }, { brand: body.brand as string, line }), context);
}
