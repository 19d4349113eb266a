import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

beforeAll(() => {
  process.env.APP_SECRET = "integration-secret-integration-secret-0123";
});

describe("anonymous favourites", async () => {
  const { decodeFavourites } = await import("@/lib/favourites/anonymous");
  const { toggleAnonymousFavourite, loadAnonymousFavourites, mergeAnonymousFavourites, FavouriteError, loadMemberFavourites, setMemberFavourite, toggleShopperFavourite } = await import("@/lib/favourites/service");

  async function sample() {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
    const product = await db.product.findFirstOrThrow({ where: { brandId: brand.id }, include: { skus: true }, orderBy: { styleCode: "asc" } });
    const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT" }, orderBy: { code: "asc" } });
    return { brand, product, sku: product.skus[0]!, store };
  }

  it("remembers the colour, size and store; drops what doesn't belong to the product", async () => {
    const { brand, product, sku, store } = await sample();
    const warehouse = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "WAREHOUSE" } });
    const first = await toggleAnonymousFavourite(undefined, { brand: "lumi", styleCode: product.styleCode, colorCode: sku.colorCode, size: sku.size, storeCode: store.code });
    expect(first.favourited).toBe(true);
    expect(decodeFavourites(first.cookie)[0]).toMatchObject({ b: "lumi", p: product.styleCode, c: sku.colorCode, z: sku.size, s: store.code });

    const odd = await toggleAnonymousFavourite(undefined, { brand: "lumi", styleCode: product.styleCode, colorCode: "99", size: "XXXL", storeCode: warehouse.code });
    const entry = decodeFavourites(odd.cookie)[0]!;
    expect([entry.c, entry.z, entry.s]).toEqual([undefined, undefined, undefined]);

    const views = await loadAnonymousFavourites(first.cookie, brand.id, "lumi");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ styleCode: product.styleCode, colorName: sku.colorName, size: sku.size, store: { code: store.code } });
  });

  it("refuses an unknown product and changes nothing", async () => {
    const { product } = await sample();
    const start = await toggleAnonymousFavourite(undefined, { brand: "lumi", styleCode: product.styleCode });
    await expect(toggleAnonymousFavourite(start.cookie, { brand: "lumi", styleCode: "NOPE123" })).rejects.toBeInstanceOf(FavouriteError);
    await expect(toggleAnonymousFavourite(start.cookie, { brand: "nord", styleCode: product.styleCode })).rejects.toBeInstanceOf(FavouriteError);
  });

  it("merges into a member on sign-in without duplicating what the member already has", async () => {
    const { product, sku, store } = await sample();
    const other = await db.product.findFirstOrThrow({ where: { brand: { slug: "lumi" }, id: { not: product.id } }, orderBy: { styleCode: "desc" } });
    const member = await db.member.create({ data: { phone: "13900000999", nickname: "测试" } });
    await db.favourite.create({ data: { memberId: member.id, productId: other.id } });
    let cookie = (await toggleAnonymousFavourite(undefined, { brand: "lumi", styleCode: product.styleCode, colorCode: sku.colorCode, size: sku.size, storeCode: store.code })).cookie;
    cookie = (await toggleAnonymousFavourite(cookie, { brand: "lumi", styleCode: other.styleCode })).cookie;

    expect(await mergeAnonymousFavourites(member.id, cookie)).toBe(1);
    expect(await mergeAnonymousFavourites(member.id, cookie)).toBe(0);
    const rows = await db.favourite.findMany({ where: { memberId: member.id }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    const merged = rows.find((r) => r.productId === product.id)!;
    expect([merged.skuId, merged.storeId]).toEqual([sku.id, store.id]);
    expect(await mergeAnonymousFavourites(member.id, "tampered.cookie")).toBe(0);
  });

  it("a member's favourites follow their toggles and read back with colour, size and store", async () => {
    const { brand, product, sku, store } = await sample();
    const member = await db.member.create({ data: { phone: "13900000888" } });
    const input = { brand: "lumi", styleCode: product.styleCode, colorCode: sku.colorCode, size: sku.size, storeCode: store.code };
    await setMemberFavourite(member.id, input, true);
    await setMemberFavourite(member.id, input, true); // idempotent
    const views = await loadMemberFavourites(member.id, brand.id, "lumi");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ styleCode: product.styleCode, colorName: sku.colorName, size: sku.size, store: { code: store.code } });
    // Another member sees none of them.
    const other = await db.member.create({ data: { phone: "13900000889" } });
    expect(await loadMemberFavourites(other.id, brand.id, "lumi")).toEqual([]);
    await setMemberFavourite(member.id, input, false);
    expect(await loadMemberFavourites(member.id, brand.id, "lumi")).toEqual([]);
  });

  it("the favourite button toggles the cookie and a signed-in member's favourites together", async () => {
    const { brand, product, sku, store } = await sample();
    const member = await db.member.create({ data: { phone: "13900000890" } });
    const input = { brand: "lumi", styleCode: product.styleCode, colorCode: sku.colorCode, size: sku.size, storeCode: store.code };
    const on = await toggleShopperFavourite(undefined, input, member.id);
    expect(on.favourited).toBe(true);
    expect(decodeFavourites(on.cookie)).toHaveLength(1);
    expect(await loadMemberFavourites(member.id, brand.id, "lumi")).toHaveLength(1);
    const off = await toggleShopperFavourite(on.cookie, input, member.id);
    expect(off.favourited).toBe(false);
    expect(await loadMemberFavourites(member.id, brand.id, "lumi")).toEqual([]);
    // Anonymous: only the cookie changes.
    expect((await toggleShopperFavourite(undefined, input, null)).favourited).toBe(true);
    expect(await loadMemberFavourites(member.id, brand.id, "lumi")).toEqual([]);
  });
});
