import { NextResponse } from "next/server";
import { getBrand } from "@/lib/catalog/cached";
import { currentPrincipal } from "@/lib/auth/session";
import { catalogsFor } from "@/lib/dm/audience";
import { apiError, withErrors } from "@/lib/http/errors";

// The signed-in member's DM catalogs of a brand, for the home page's island (the page itself is cached for
// everyone). Anyone else gets an empty list, never an error: the home page then shows no section.
export async function GET(_request: Request, { params }: { params: Promise<{ brand: string }> }) {
  return withErrors(async () => {
    const { brand: slug } = await params;
    const brand = await getBrand(slug);
    if (!brand) return apiError("not_found", "品牌不存在 / No such brand");
    const principal = await currentPrincipal();
    const catalogs = principal.kind === "member" ? await catalogsFor(principal.memberId, brand.id, new Date(), 10) : [];
    return NextResponse.json(
      { catalogs: catalogs.map((c) => ({ id: c.id, title: c.title, coverUrl: c.coverUrl, items: c.items })) },
      { headers: { "cache-control": "private, no-store" } },
    );
  });
}
