import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { listingFiltersToSegment, parseListingFilters } from "@/lib/catalog/filters";
import { isStaffArea, staffGate } from "@/lib/auth/staff-gate";
import { memberAreaBrand, memberGate } from "@/lib/auth/member-gate";

// Every page lives under /[locale]/… internally; the shopper's URLs carry no locale (a shared link opens
// in the reader's language). Category filters arrive as a query string and are folded into one canonical
// path segment so each distinct filter is one cached page and malformed values never reach a query.
const CATEGORY_PATH = /^\/([a-z0-9-]{1,32})\/c\/([a-z0-9-]{1,48})\/?$/;
const LOCALE_PREFIX = /^\/(zh-CN|en)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  // Already carries a locale (a rewrite Next proxies to itself, or a typed /en/…): never prefix twice, but the
  // staff area stays gated whatever the prefix.
  if (LOCALE_PREFIX.test(pathname)) {
    const unprefixed = pathname.replace(LOCALE_PREFIX, "/");
    const memberBrand = memberAreaBrand(unprefixed);
    if (memberBrand) return (await memberGate(request, unprefixed, memberBrand)) ?? NextResponse.next();
    if (!isStaffArea(unprefixed)) return NextResponse.next();
    const gate = await staffGate(request);
    return "redirect" in gate ? gate.redirect : NextResponse.next();
  }
  const memberBrand = memberAreaBrand(pathname);
  if (memberBrand) {
    const redirect = await memberGate(request, pathname, memberBrand);
    if (redirect) return redirect;
  }
  const locale = toLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const url = request.nextUrl.clone();

  const category = CATEGORY_PATH.exec(pathname);
  if (category) {
    url.pathname = `/${locale}/${category[1]}/c/${category[2]}/${listingFiltersToSegment(parseListingFilters(searchParams))}`;
    url.search = "";
  } else {
    url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
  }
  if (!isStaffArea(pathname)) return NextResponse.rewrite(url);
  const gate = await staffGate(request);
  if ("redirect" in gate) return gate.redirect;
  const response = NextResponse.rewrite(url);
  if (gate.cookie) {
    response.cookies.set(gate.cookie.name, gate.cookie.value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: gate.cookie.name.startsWith("__Secure-"),
    });
  }
  return response;
}

export const config = {
  // Not for API routes, build assets, generated images or files with an extension.
  matcher: ["/((?!api/|_next/|img/|brands/|favicon|.*\\.[a-z0-9]+$).*)"],
};
