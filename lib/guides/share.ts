// The guide's links (the contract with app/[locale]/s/[code]): `/s/<guideSceneCode>` is the guide's own
// link (their QR code and poster); `/s/<guideSceneCode>?to=<path>` opens a page of the same brand's shop
// after binding the shopper to the guide. Pure, so the share button (client) and the pages (server) build
// the same URLs, and the short-link page can check `to` with the same rule.

/** The guide's personal link, as printed in their QR code. */
export function guideLink(baseUrl: string, sceneCode: string): string {
  return `${trimSlash(baseUrl)}/s/${encodeURIComponent(sceneCode)}`;
}

// A path and an optional query: no scheme, no host, no fragment, nothing a browser would read as another
// site ("//evil", "/\evil"), no "." or ".." segments that could climb out of the brand, no spaces or controls.
const SAFE_PATH = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*(\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/;

/**
 * `to` as a path of this brand's shop ("/lumi" or "/lumi/…", optionally with a query), or null when it is
 * anything else: another brand's page, the staff or admin area, another site, or malformed. The guide's code
 * must not become an open redirect, nor a way to attribute another brand's sales.
 */
export function sameBrandPath(brandSlug: string, to: string | null | undefined): string | null {
  if (typeof to !== "string" || to.length === 0 || to.length > 512 || !brandSlug) return null;
  if (!SAFE_PATH.test(to) || to.includes("\\") || to.startsWith("//")) return null;
  const [path = ""] = to.split("?");
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null; // broken percent-encoding
  }
  // Checked on the decoded form too: "%2e%2e" is ".." to the router, "%2f" a slash.
  const segments = decoded.split("/").slice(1);
  if (segments[0] !== brandSlug) return null;
  if (segments.some((s, i) => s === "." || s === ".." || (s === "" && i < segments.length - 1))) return null;
  if (/[\\\s]/.test(decoded) || decoded.includes("//")) return null;
  return to;
}

/**
 * The link a guide shares: a page of the brand's shop with the guide's code attached, or the guide's own
 * link when no page is given. Throws on a `to` that is not this brand's shop (a programming error upstream:
 * pages only pass paths they built).
 */
export function guideShareUrl(input: { baseUrl: string; sceneCode: string; brandSlug: string; to?: string | null }): string {
  const link = guideLink(input.baseUrl, input.sceneCode);
  if (input.to === undefined || input.to === null || input.to === "") return link;
  const path = sameBrandPath(input.brandSlug, input.to);
  if (!path) throw new RangeError(`not a page of brand ${input.brandSlug}: ${input.to}`);
  return `${link}?to=${encodeURIComponent(path)}`;
}

/** The shop path of a product (style) page. */
export function productPath(brandSlug: string, styleCode: string): string {
  return `/${brandSlug}/p/${encodeURIComponent(styleCode)}`;
}

/** An absolute URL for a share card's picture (WeChat needs one); relative paths are put under the base. */
export function absoluteUrl(baseUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${trimSlash(baseUrl)}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
}

const trimSlash = (s: string) => s.replace(/\/+$/, "");
