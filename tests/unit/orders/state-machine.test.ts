import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, IllegalTransition, initialStatus, ORDER_STATUSES, statusAfterRefund } from "@/lib/orders/state-machine";

const FULFILMENTS = ["PICKUP", "DELIVERY", "COUNTER"] as const;

// The complete table of allowed moves, written out independently of the module: anything not here is refused.
const ALLOWED = new Set([
  "PLACED>PAID:*", "PLACED>CANCELLED:*",
  "AWAITING_CASHIER>PAID:*", "AWAITING_CASHIER>CANCELLED:*",
  "PAID>READY_FOR_PICKUP:PICKUP", "PAID>READY_FOR_PICKUP:COUNTER",
  "PAID>COMPLETED:PICKUP", "PAID>COMPLETED:COUNTER",
  "PAID>SHIPPED:DELIVERY",
  "PAID>PARTIALLY_REFUNDED:*", "PAID>REFUNDED:*",
  "READY_FOR_PICKUP>COMPLETED:*", "READY_FOR_PICKUP>PARTIALLY_REFUNDED:*", "READY_FOR_PICKUP>REFUNDED:*",
  "SHIPPED>COMPLETED:DELIVERY",
  "COMPLETED>PARTIALLY_REFUNDED:*", "COMPLETED>REFUNDED:*",
  "PARTIALLY_REFUNDED>PARTIALLY_REFUNDED:*", "PARTIALLY_REFUNDED>REFUNDED:*",
]);
const allowed = (from: string, to: string, f: string) => ALLOWED.has(`${from}>${to}:*`) || ALLOWED.has(`${from}>${to}:${f}`);

describe("order state machine", () => {
  const cases = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.flatMap((to) => FULFILMENTS.map((f) => [from, to, f] as const)));

  it.each(cases)("%s → %s (%s)", (from, to, f) => {
    expect(canTransition(from, to, f)).toBe(allowed(from, to, f));
    if (allowed(from, to, f)) expect(() => assertTransition(from, to, f)).not.toThrow();
    else expect(() => assertTransition(from, to, f)).toThrow(IllegalTransition);
  });

  it("cancelled and refunded orders are final", () => {
    for (const to of ORDER_STATUSES) for (const f of FULFILMENTS) {
      expect(canTransition("CANCELLED", to, f)).toBe(false);
      expect(canTransition("REFUNDED", to, f)).toBe(false);
    }
  });

  it("starts unpaid online, or waiting for the mall's cashier", () => {
    expect(initialStatus("ONLINE")).toBe("PLACED");
    expect(initialStatus("MALL_CASHIER")).toBe("AWAITING_CASHIER");
  });

  it("refunding every fen makes the order REFUNDED, less makes it PARTIALLY_REFUNDED", () => {
    expect(statusAfterRefund(25900, 25900)).toBe("REFUNDED");
    expect(statusAfterRefund(9900, 25900)).toBe("PARTIALLY_REFUNDED");
  });

  it("the refusal says what was asked, Chinese first", () => {
    expect(() => assertTransition("SHIPPED", "READY_FOR_PICKUP", "DELIVERY")).toThrow(/^订单状态为「SHIPPED」.* \/ An order that is SHIPPED cannot become READY_FOR_PICKUP$/);
  });
});
