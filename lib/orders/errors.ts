import type { ZodError } from "zod";
import { Refusal } from "@/lib/refusal";

// Refusals a shopper or staff member can act on. Messages are Chinese first, English after; `status` is
// the HTTP status a route answers with; nothing has been written when one of these is thrown.

export type Alternative = { skuId: string; stores: { code: string; name: string; city: string; distanceM: number | null }[] };

export class OrderRefused extends Refusal {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 410 | 429 = 400,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static fromZod(error: ZodError): OrderRefused {
    const first = error.issues[0];
    const fields = error.issues.map((i) => i.path.join(".") || "(body)");
    return new OrderRefused("bad_request", first?.message ?? "参数无效 / Invalid request", 400, { fields });
  }
}

/** Sold out between the cart and the order: nothing was reserved; here is where else it is. */
export class SoldOut extends OrderRefused {
  constructor(readonly alternatives: Alternative[]) {
    super("sold_out", "刚刚售罄或库存不足，可选择以下有货的门店 / Just sold out here: these stores have it", 409, { alternatives });
  }
}
