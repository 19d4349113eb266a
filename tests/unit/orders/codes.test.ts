import { describe, expect, it } from "vitest";
import { formatPickupCode, normalisePickupCode, pickupCodeFor, pickupCodeHash, PICKUP_QR_PREFIX } from "@/lib/orders/pickup-code";
import { newOrderNumber, orderNumberPattern } from "@/lib/orders/number";
import { formatYuan } from "@/lib/money";

const SECRET = "s".repeat(40);

describe("pickup code", () => {
  it("is 8 Crockford base-32 characters derived from the order id and the secret", () => {
    const code = pickupCodeFor("order-1", SECRET);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(pickupCodeFor("order-1", SECRET)).toBe(code);
    expect(pickupCodeFor("order-2", SECRET)).not.toBe(code);
    expect(pickupCodeFor("order-1", "t".repeat(40))).not.toBe(code);
  });

  it("reads a scanned QR payload or a sloppily typed code back to the same code; rejects anything else", () => {
    const code = pickupCodeFor("order-9", SECRET);
    expect(normalisePickupCode(PICKUP_QR_PREFIX + code)).toBe(code);
    expect(normalisePickupCode(` ${formatPickupCode(code).toLowerCase()} `)).toBe(code);
    expect(normalisePickupCode("ABCD-EFGO")).toBe("ABCDEFG0"); // O typed for 0
    expect(normalisePickupCode("ABCDEFGI")).toBe("ABCDEFG1"); // I typed for 1
    expect(normalisePickupCode("ABCD")).toBeNull();
    expect(normalisePickupCode("ABCDEFGU")).toBeNull(); // U is not in the alphabet
    expect(normalisePickupCode("'; DROP TABLE")).toBeNull();
  });

  it("is stored only as a hash", () => {
    expect(pickupCodeHash("ABCDEFGH")).toMatch(/^[0-9a-f]{64}$/);
    expect(pickupCodeHash("ABCDEFGH")).not.toContain("ABCDEFGH");
  });
});

describe("order number", () => {
  it("is the Shanghai date and 7 digits", () => {
    // 2026-11-23 20:30 UTC is already the 24th in Shanghai.
    const n = newOrderNumber(new Date("2026-11-23T20:30:00Z"));
    expect(n).toMatch(orderNumberPattern);
    expect(n.slice(0, 6)).toBe("261124");
  });
});

describe("money in integer fen", () => {
  it("formats only at the edge", () => {
    expect(formatYuan(29900)).toBe("¥299");
    expect(formatYuan(29950)).toBe("¥299.50");
    expect(formatYuan(1)).toBe("¥0.01");
    expect(formatYuan(-550)).toBe("-¥5.50"); // a reversal or a balance carried forward
    expect(formatYuan(0)).toBe("¥0");
  });
});
