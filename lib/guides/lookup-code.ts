import { isValidGtin13 } from "@/lib/catalog/gtin";

// What a guide typed or scanned at the stock lookup: a barcode (EAN-13 on the swing tag, read by WeChat's
// scanner or typed), a style code (款号, typed from the tag), or the product tag's QR code (our short link,
// which is all the phone camera reads outside WeChat). Pure: tested without a database.

export type LookupCode =
  | { kind: "gtin"; gtin: string }
  | { kind: "style"; styleCode: string }
  | { kind: "scene"; sceneCode: string }
  | { kind: "invalid"; reason: "empty" | "check_digit" | "format" };

const STYLE_CODE = /^[A-Z0-9][A-Z0-9\-_.]{1,39}$/;
const SCENE_PATH = /^(?:\/(?:zh-CN|en))?\/s\/([a-z0-9]{4,12})\/?$/;
const PRODUCT_PATH = /^(?:\/(?:zh-CN|en))?\/[a-z0-9-]+\/p\/([^/?#]+)\/?$/;

export function parseLookupCode(raw: string): LookupCode {
  // Full-width digits and letters from Chinese keyboards, spaces from "6 901234 567892" as printed.
  const text = (typeof raw === "string" ? raw : "").normalize("NFKC").trim().slice(0, 300);
  if (!text) return { kind: "invalid", reason: "empty" };
  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  const compact = text.replace(/[\s-]/g, "");
  if (/^\d{13}$/.test(compact)) return isValidGtin13(compact) ? { kind: "gtin", gtin: compact } : { kind: "invalid", reason: "check_digit" };
  // UPC-A (12 digits) is an EAN-13 with a leading 0: the same barcode read by a US-format scanner.
  if (/^\d{12}$/.test(compact) && isValidGtin13(`0${compact}`)) return { kind: "gtin", gtin: `0${compact}` };
  // Anything else made of letters and digits is a style code; some brands' style codes are all digits.
  const style = text.replace(/\s/g, "").toUpperCase();
  return STYLE_CODE.test(style) ? { kind: "style", styleCode: style } : { kind: "invalid", reason: "format" };
}

function fromUrl(text: string): LookupCode {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: "invalid", reason: "format" };
  }
  const scene = SCENE_PATH.exec(url.pathname);
  if (scene) return { kind: "scene", sceneCode: scene[1]! };
  const product = PRODUCT_PATH.exec(url.pathname);
  if (product) {
    let style: string;
    try {
      style = decodeURIComponent(product[1]!).toUpperCase();
    } catch {
      return { kind: "invalid", reason: "format" };
    }
    if (STYLE_CODE.test(style)) return { kind: "style", styleCode: style };
  }
  return { kind: "invalid", reason: "format" };
}
