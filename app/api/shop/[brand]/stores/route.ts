import { NextResponse, type NextRequest } from "next/server";
import { getBrand, getShopperStores } from "@/lib/catalog/cached";
import { findStores, finderQuery } from "@/lib/stores/finder";
import { apiError, withErrors } from "@/lib/http/errors";

// The store finder's list: the stores nearest the phone (?lat=&lng=, GCJ-02) or one city's (?city=). Public data,
// read from the cached store list; a city's answer may be cached by the CDN, a position's is not worth it.
export async function GET(request: NextRequest, { params }: { params: Promise<{ brand: string }> }) {
  return withErrors(async () => {
    const brand = await getBrand((await params).brand);
    if (!brand) return apiError("not_found", "品牌不存在 / No such brand");
    const query = finderQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!query.success) return apiError("bad_request", "请提供位置（lat、lng）或城市 / Give a position (lat, lng) or a city");
    const stores = findStores(await getShopperStores(brand.id), query.data);
    const cache = "city" in query.data ? "public, max-age=300" : "private, no-store";
    return NextResponse.json({ stores }, { headers: { "cache-control": cache } });
  });
}
