import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getBrand, getProductDetail, getProductStock, getShopperStores } from "@/lib/catalog/cached";
import { availabilityNear } from "@/lib/inventory/availability";
import { citiesOf } from "@/lib/stores/queries";
import { apiError, withErrors } from "@/lib/http/errors";

// Stock of one product in the stores nearest to an anchor: the shopper's position (GCJ-02), the store they
// scanned the code in, or a city they chose when they refused location.
const query = z.union([
  z.object({ lat: z.coerce.number().min(3).max(54), lng: z.coerce.number().min(73).max(136) }),
  z.object({ store: z.string().regex(/^[A-Za-z0-9-]{1,16}$/) }),
  z.object({ city: z.string().min(1).max(16) }),
]);

export async function GET(request: NextRequest, { params }: { params: Promise<{ brand: string; style: string }> }) {
  return withErrors(async () => {
    const { brand: slug, style } = await params;
    const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) return apiError("bad_request", "位置参数无效 / Give lat & lng, a store code or a city");
    const brand = await getBrand(slug);
    const product = brand ? await getProductDetail(brand.id, style) : null;
    if (!brand || !product) return apiError("not_found", "商品不存在 / Product not found");
    const stores = await getShopperStores(brand.id);
    const anchor = parsed.data;
    let from: { lat: number; lng: number } | undefined;
    if ("lat" in anchor) from = anchor;
    else if ("store" in anchor) from = stores.find((s) => s.code === anchor.store);
    else from = citiesOf(stores).find((c) => c.city === anchor.city);
    if (!from) return apiError("not_found", "门店或城市不存在 / Unknown store or city");
    const stock = await getProductStock(brand.id, product.id);
    const result = availabilityNear(stores, stock, product.skus.map((s) => s.id), from, 8);
    return NextResponse.json(
      { anchor: from, stores: result },
      { headers: { "cache-control": "private, max-age=30" } },
    );
  });
}
