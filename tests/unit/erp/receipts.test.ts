import { describe, expect, it } from "vitest";
import { hashOf } from "@/lib/erp/receipts";
import { decodeCursor, encodeCursor } from "@/lib/erp/orders";

describe("request hashes", () => {
  it("are the same for the same body whatever the key order, and differ for another body", () => {
    expect(hashOf({ rows: [{ a: 1, b: "x" }], c: null })).toBe(hashOf({ c: null, rows: [{ b: "x", a: 1 }] }));
    expect(hashOf({ rows: [{ a: 1 }] })).not.toBe(hashOf({ rows: [{ a: 2 }] }));
    expect(hashOf({ rows: [1, 2] })).not.toBe(hashOf({ rows: [2, 1] }));
    expect(hashOf({ a: undefined, b: 1 })).toBe(hashOf({ b: 1 }));
  });
});

describe("order cursors", () => {
  it("round-trip (updatedAt, id) and refuse anything else with a 400 on the cursor", () => {
    const at = new Date("2026-11-23T01:02:03.456Z");
    expect(decodeCursor(encodeCursor(at, "ord_1"))).toEqual({ updatedAt: at, id: "ord_1" });
    for (const bad of ["", "%%%", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["yesterday","x"]').toString("base64url")]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ status: 400, code: "invalid_query" }));
    }
  });
});
