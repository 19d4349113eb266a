import { z } from "zod";
import { db } from "@/lib/db";
import { decodeFavourites, encodeFavourites, toggleFavourite, type AnonymousFavourite } from "./anonymous";
import { Refusal } from "@/lib/refusal";

export const favouriteInput = z.object({
  brand: z.string().regex(/^[a-z0-9-]{1,32}$/),
  styleCode: z.string().regex(/^[A-Za-z0-9-]{1,24}$/),
  colorCode: z.string().regex(/^[A-Za-z0-9]{1,8}$/).optional(),
  size: z.string().regex(/^[A-Za-z0-9/.]{1,8}$/).optional(),
  storeCode: z.string().regex(/^[A-Za-z0-9-]{1,16}$/).optional(),
});
export type FavouriteInput = z.infer<typeof favouriteInput>;

export class FavouriteError extends Refusal {
  constructor(readonly code: "unknown_product", message: string) {
    super(message);
  }
}

/** What a favourite refers to, checked once: the product must exist; a colour, size or store that doesn't belong to it is dropped. */
type ResolvedFavourite = {
  productId: string;
  skuId: string | null;
  storeId: string | null;
  entry: Omit<AnonymousFavourite, "t">;
};

async function resolveFavourite(input: FavouriteInput): Promise<ResolvedFavourite> {
  const product = await db.product.findFirst({
    where: { styleCode: input.styleCode, active: true, brand: { slug: input.brand } },
    select: { id: true, brandId: true, skus: { select: { id: true, colorCode: true, size: true } } },
  });
  if (!product) throw new FavouriteError("unknown_product", "商品不存在 / Product not found");
  const colorOk = input.colorCode && product.skus.some((s) => s.colorCode === input.colorCode);
  const sku = colorOk && input.size ? product.skus.find((s) => s.colorCode === input.colorCode && s.size === input.size) : undefined;
  const found = input.storeCode
    ? await db.store.findUnique({ where: { brandId_code: { brandId: product.brandId, code: input.storeCode } }, select: { id: true, code: true, kind: true } })
    : null;
  const store = found && found.kind !== "WAREHOUSE" ? found : null;
  return {
    productId: product.id,
    skuId: sku?.id ?? null,
    storeId: store?.id ?? null,
    entry: {
      b: input.brand,
      p: input.styleCode,
      ...(colorOk ? { c: input.colorCode } : {}),
      ...(sku ? { z: input.size } : {}),
      ...(store ? { s: store.code } : {}),
    },
  };
}

function toggleInCookie(cookie: string | undefined, resolved: ResolvedFavourite, now: Date) {
  const { entries, favourited } = toggleFavourite(decodeFavourites(cookie), { ...resolved.entry, t: Math.floor(now.getTime() / 1000) });
  return { cookie: encodeFavourites(entries), favourited, count: entries.filter((e) => e.b === resolved.entry.b).length };
}

async function mirrorToMember(memberId: string, r: ResolvedFavourite, favourited: boolean): Promise<void> {
  if (!favourited) {
    await db.favourite.deleteMany({ where: { memberId, productId: r.productId } });
    return;
  }
  const data = { skuId: r.skuId, storeId: r.storeId };
  await db.favourite.upsert({ where: { memberId_productId: { memberId, productId: r.productId } }, create: { memberId, productId: r.productId, ...data }, update: data });
}

/** Toggles an anonymous favourite in the signed cookie. Returns the new cookie value. */
export async function toggleAnonymousFavourite(
  cookie: string | undefined,
  input: FavouriteInput,
  now: Date = new Date(),
): Promise<{ cookie: string; favourited: boolean; count: number }> {
  return toggleInCookie(cookie, await resolveFavourite(input), now);
}

/** Sets or clears a favourite in a signed-in member's own favourites. */
export async function setMemberFavourite(memberId: string, input: FavouriteInput, favourited: boolean): Promise<void> {
  await mirrorToMember(memberId, await resolveFavourite(input), favourited);
}

/**
 * The favourite button: toggles this device's cookie and, for a signed-in member, their own favourites
 * the same way — the product, colour, size and store are checked once for both.
 */
export async function toggleShopperFavourite(
  cookie: string | undefined,
  input: FavouriteInput,
  memberId: string | null,
  now: Date = new Date(),
): Promise<{ cookie: string; favourited: boolean; count: number }> {
  const resolved = await resolveFavourite(input);
  const result = toggleInCookie(cookie, resolved, now);
  if (memberId) await mirrorToMember(memberId, resolved, result.favourited);
  return result;
}

export type FavouriteView = {
  styleCode: string;
  name: string;
  nameEn: string;
  priceFen: number;
  imageUrl: string | null;
  colorName: string | null;
  size: string | null;
  store: { code: string; name: string; mallName: string } | null;
  savedAt: string;
};

/** The favourites page of one brand, newest first, with the store each was favourited in. */
export async function loadAnonymousFavourites(cookie: string | undefined, brandId: string, brandSlug: string): Promise<FavouriteView[]> {
  return favouriteViews(decodeFavourites(cookie).filter((e) => e.b === brandSlug), brandId);
}

/** A signed-in member's favourites of one brand (from any device), newest first. */
export async function loadMemberFavourites(memberId: string, brandId: string, brandSlug: string): Promise<FavouriteView[]> {
  const rows = await db.favourite.findMany({
    where: { memberId, product: { brandId } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, product: { select: { styleCode: true } }, sku: { select: { colorCode: true, size: true } }, store: { select: { code: true } } },
  });
  return favouriteViews(
    rows.map((r) => ({
      b: brandSlug,
      p: r.product.styleCode,
      ...(r.sku ? { c: r.sku.colorCode, z: r.sku.size } : {}),
      ...(r.store ? { s: r.store.code } : {}),
      t: Math.floor(r.createdAt.getTime() / 1000),
    })),
    brandId,
  );
}

async function favouriteViews(entries: AnonymousFavourite[], brandId: string): Promise<FavouriteView[]> {
  if (!entries.length) return [];
  const [products, stores] = await Promise.all([
    db.product.findMany({
      where: { brandId, styleCode: { in: entries.map((e) => e.p) }, active: true },
      select: {
        styleCode: true,
        name: true,
        nameEn: true,
        priceFen: true,
        images: { select: { url: true, colorCode: true }, orderBy: { sort: "asc" } },
        skus: { select: { colorCode: true, colorName: true } },
      },
    }),
    db.store.findMany({
      where: { brandId, code: { in: entries.flatMap((e) => (e.s ? [e.s] : [])) } },
      select: { code: true, name: true, mallName: true },
    }),
  ]);
  const productByCode = new Map(products.map((p) => [p.styleCode, p]));
  const storeByCode = new Map(stores.map((s) => [s.code, s]));
  return entries.flatMap((e) => {
    const p = productByCode.get(e.p);
    if (!p) return [];
    const image = p.images.find((i) => i.colorCode === e.c) ?? p.images[0];
    return [{
      styleCode: p.styleCode,
      name: p.name,
      nameEn: p.nameEn,
      priceFen: p.priceFen,
      imageUrl: image?.url ?? null,
      colorName: p.skus.find((s) => s.colorCode === e.c)?.colorName ?? null,
      size: e.z ?? null,
      store: e.s ? storeByCode.get(e.s) ?? null : null,
      savedAt: new Date(e.t * 1000).toISOString(),
    }];
  });
}

/**
 * On sign-in: copies the anonymous favourites into the member's own (existing ones win), in one batch
 * transaction, and reports how many were added. The caller then clears the cookie.
 */
export async function mergeAnonymousFavourites(memberId: string, cookie: string | undefined): Promise<number> {
  const entries = decodeFavourites(cookie);
  if (!entries.length) return 0;
  const products = await db.product.findMany({
    where: { OR: entries.map((e) => ({ styleCode: e.p, brand: { slug: e.b } })) },
    select: { id: true, styleCode: true, brandId: true, brand: { select: { slug: true } }, skus: { select: { id: true, colorCode: true, size: true } } },
  });
  const stores = await db.store.findMany({
    where: { OR: entries.flatMap((e) => (e.s ? [{ code: e.s, brand: { slug: e.b } }] : [])) },
    select: { id: true, code: true, brand: { select: { slug: true } } },
  });
  const existing = new Set(
    (await db.favourite.findMany({ where: { memberId, productId: { in: products.map((p) => p.id) } }, select: { productId: true } })).map((f) => f.productId),
  );
  const rows = entries.flatMap((e) => {
    const p = products.find((x) => x.styleCode === e.p && x.brand.slug === e.b);
    if (!p || existing.has(p.id)) return [];
    existing.add(p.id);
    const sku = p.skus.find((s) => s.colorCode === e.c && s.size === e.z);
    const store = e.s ? stores.find((s) => s.code === e.s && s.brand.slug === e.b) : undefined;
    return [{ memberId, productId: p.id, skuId: sku?.id ?? null, storeId: store?.id ?? null, createdAt: new Date(e.t * 1000) }];
  });
  if (rows.length) await db.$transaction([db.favourite.createMany({ data: rows })]);
  return rows.length;
}
