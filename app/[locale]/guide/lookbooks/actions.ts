"use server";

import { z } from "zod";
import { createLookbook, searchLookbookProducts, type PickableProduct } from "@/lib/lookbooks/service";
import { runLookbookAction, type LookbookActionResult } from "./_shared";

// The lookbook form's two calls: find products of the guide's own brand, and create-and-send. The brand and
// the guide come from the session, never from the form.

export async function searchLookbookProductsAction(raw: unknown): Promise<LookbookActionResult<{ products: PickableProduct[] }>> {
  return runLookbookAction("search products", async (guide) => {
    const { q } = z.object({ q: z.string().max(40) }).parse(raw);
    return { products: await searchLookbookProducts(guide.brandId, q) };
  });
}

export async function createLookbookAction(raw: unknown): Promise<LookbookActionResult<{ id: string; sent: number }>> {
  // lib/lookbooks validates the shape (lookbookInput) and every product and recipient against the guide.
  return runLookbookAction("create lookbook", (guide) => createLookbook(guide, raw as Parameters<typeof createLookbook>[1]));
}
