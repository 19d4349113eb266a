import { describe, expect, it } from "vitest";
import { assertValidGtin13, gtinCheckDigit, InvalidGtinError, isValidGtin13, makeGtin13 } from "@/lib/catalog/gtin";

describe("EAN-13 check digit", () => {
  it("computes the check digit of known barcodes", () => {
    expect(gtinCheckDigit("400638133393")).toBe(1); // 4006381333931, the GS1 textbook example
    expect(gtinCheckDigit("690123456789")).toBe(2);
    expect(makeGtin13("978030640615")).toBe("9780306406157");
  });

  it("accepts valid and refuses wrong check digits, lengths and characters", () => {
    expect(isValidGtin13("4006381333931")).toBe(true);
    expect(isValidGtin13("4006381333932")).toBe(false);
    expect(isValidGtin13("400638133393")).toBe(false);
    expect(isValidGtin13("400638133393a")).toBe(false);
    expect(isValidGtin13(" 4006381333931")).toBe(false);
  });

  it("assertValidGtin13 throws a coded, bilingual error", () => {
    expect(assertValidGtin13("9780306406157")).toBe("9780306406157");
    expect(() => assertValidGtin13("9780306406158")).toThrow(InvalidGtinError);
    expect(() => assertValidGtin13("9780306406158")).toThrow(/校验位错误.*invalid EAN-13/);
  });

  it("refuses a body that is not 12 digits", () => {
    expect(() => gtinCheckDigit("12345")).toThrow();
  });
});
