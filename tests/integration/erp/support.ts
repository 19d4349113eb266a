import { db } from "@/lib/db";
import { createApiKey } from "@/lib/erp/keys";

export { ledgerMismatches } from "../orders/fixtures";

// ERP tests call the route handlers in-process with a Request, as Next would.

export type Called = { status: number; body: any; headers: Headers };

export async function newKey(brandSlug = "lumi", rateLimit = 1000) {
  const brand = await db.brand.findUniqueOrThrow({ where: { slug: brandSlug } });
  const admin = await db.staff.findFirstOrThrow({ where: { brandId: brand.id, role: "BRAND_ADMIN" } });
  const key = await createApiKey(brand.id, { name: `test ${Date.now()}`, rateLimit }, `staff:${admin.id}`);
  return { ...key, brandId: brand.id };
}

export async function call(
  handler: (r: Request) => Promise<Response>,
  method: string,
  path: string,
  options: { secret?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Called> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(options.headers ?? {}) };
  if (options.secret) headers.authorization = `Bearer ${options.secret}`;
  const init: RequestInit = { method, headers };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await handler(new Request(`http://localhost${path}`, init));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** A store and SKUs of the brand that the other integration files do not use: the last store by code, SKUs of a late style. */
export async function stockFixture(brandId: string, count = 3) {
  const store = await db.store.findFirstOrThrow({ where: { brandId }, orderBy: { code: "desc" } });
  const product = await db.product.findFirstOrThrow({ where: { brandId, active: true }, orderBy: { styleCode: "desc" }, skip: 7 });
  const skus = await db.sku.findMany({ where: { productId: product.id }, orderBy: { gtin: "asc" }, take: count });
  return { store, skus };
}

export const onHandOf = async (storeId: string, skuId: string) => (await db.inventory.findUnique({ where: { storeId_skuId: { storeId, skuId } } }))?.onHand ?? 0;
