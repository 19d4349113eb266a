import { describe, expect, it } from "vitest";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { parseLookupCode } from "@/lib/guides/lookup-code";

const GTIN = makeGtin13("690123456789"); // 6901234567892
const wrongCheck = `${GTIN.slice(0, 12)}${(Number(GTIN[12]) + 1) % 10}`;

describe("stock lookup codes: barcode, style code or a tag's QR", () => {
  it("13 digits with a valid check digit are a GTIN", () => {
    expect(parseLookupCode(GTIN)).toEqual({ kind: "gtin", gtin: GTIN });
  });

  it("as printed under the barcode, with spaces, or typed with full-width digits", () => {
    expect(parseLookupCode("6 901234 567892")).toEqual({ kind: "gtin", gtin: "6901234567892" });
    expect(parseLookupCode("６９０１２３４５６７８９２")).toEqual({ kind: "gtin", gtin: "6901234567892" });
  });

  it("13 digits with a wrong check digit are refused as a barcode, not taken for a style code", () => {
    expect(parseLookupCode(wrongCheck)).toEqual({ kind: "invalid", reason: "check_digit" });
  });

  it("a 12-digit UPC-A is the same barcode with a leading zero", () => {
    const upc = makeGtin13("003600029145").slice(1);
    expect(parseLookupCode(upc)).toEqual({ kind: "gtin", gtin: `0${upc}` });
  });

  it("letters and digits are a style code, upper-cased; all-digit style codes of other lengths too", () => {
    expect(parseLookupCode(" lm26w0001 ")).toEqual({ kind: "style", styleCode: "LM26W0001" });
    expect(parseLookupCode("320141012")).toEqual({ kind: "style", styleCode: "320141012" });
  });

  it("a product tag's QR (our short link) names its scene; a product page URL its style", () => {
    expect(parseLookupCode("https://shop.example.com/s/hs0tywt")).toEqual({ kind: "scene", sceneCode: "hs0tywt" });
    expect(parseLookupCode("http://localhost:3000/en/s/hs0tywt")).toEqual({ kind: "scene", sceneCode: "hs0tywt" });
    expect(parseLookupCode("https://shop.example.com/lumi/p/LM26W0001?from=qr")).toEqual({ kind: "style", styleCode: "LM26W0001" });
  });

  it("empty and unreadable input is refused with a reason", () => {
    expect(parseLookupCode("   ")).toEqual({ kind: "invalid", reason: "empty" });
    expect(parseLookupCode("MCPU:abc/def")).toEqual({ kind: "invalid", reason: "format" });
    expect(parseLookupCode("https://evil.example/whatever")).toEqual({ kind: "invalid", reason: "format" });
    expect(parseLookupCode("<script>")).toEqual({ kind: "invalid", reason: "format" });
  });
});
