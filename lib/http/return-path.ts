/**
 * Where to go after signing in: a path of this brand's shop from `?next=`, never another site or brand
 * (an open redirect would let a phishing link borrow our sign-in page). Otherwise the member centre.
 */
export function memberReturnPath(brand: string, next: string | null | undefined): string {
  const fallback = `/${brand}/me`;
  if (!next || next.length > 512) return fallback;
  if (!next.startsWith(`/${brand}/`) || next.startsWith("//") || /[\\\s]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://x.invalid");
    return url.host === "x.invalid" ? url.pathname + url.search : fallback;
  } catch {
    return fallback;
  }
}
