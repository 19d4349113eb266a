import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

beforeAll(() => {
  process.env.APP_SECRET = "integration-secret-integration-secret-0123";
});

describe("the shopping bag", async () => {
  const { decodeCart, encodeCart } = await import("@/lib/cart/anonymous");
  const { addToCart, CartError, loadCart, mergeAnonymousCart, removeCartLine, setCartQuantity, MAX_MEMBER_CART_LINES } = await import("@/lib/cart/service");
  const { moveAnonymousCartToMember } = await import("@/lib/cart/sign-in");

  let phone = 13700000100;
  const newMember = () => db.member.create({ data: { phone: String(phone++) } });

  /** Active products of a brand with SKUs that can be sold somewhere, in a stable order. */
  async function sample(slug = "lumi") {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug } });
    // Seeded SKUs only (ids "sku_<gtin>"): other test files add SKUs of their own to one style, which would
    // make "a product different from the first three" depend on which files ran first.
    const stocked = await db.inventory.groupBy({ by: ["skuId"], where: { store: { active: true }, skuId: { startsWith: "sku_" }, sku: { product: { brandId: brand.id, active: true } } }, _sum: { onHand: true, reserved: true } });
    const sellable = stocked.filter((s) => (s._sum.onHand ?? 0) - (s._sum.reserved ?? 0) > 0).map((s) => s.skuId).sort().slice(0, 40);
    const skus = await db.sku.findMany({ where: { id: { in: sellable } }, include: { product: true }, orderBy: { id: "asc" } });
    return { brand, skus };
  }

  /** Every way of asking must leave the member's rows exactly as they were. */
  async function rowsOf(memberId: string) {
    return db.cartLine.findMany({ where: { memberId }, orderBy: { skuId: "asc" }, select: { id: true, skuId: true, quantity: true, updatedAt: true } });
  }

  async function refused(promise: Promise<unknown>, code: string) {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CartError);
    expect((error as InstanceType<typeof CartError>).code).toBe(code);
    return error as InstanceType<typeof CartError>;
  }

  it("a member adds, changes and removes lines; the bag reads back priced with name, colour, size and image", async () => {
    const { brand, skus } = await sample();
    const [a, b] = [skus[0]!, skus.find((s) => s.productId !== skus[0]!.productId)!];
    const member = await newMember();
    const owner = { memberId: member.id };

    expect(await addToCart(owner, { brand: "lumi", skuId: a.id })).toEqual({ count: 1 });
    expect(await addToCart(owner, { brand: "lumi", skuId: a.id, quantity: 2 })).toEqual({ count: 3 });
    expect(await addToCart(owner, { brand: "lumi", skuId: b.id })).toEqual({ count: 4 });

    const cart = await loadCart(owner, brand);
    expect(cart.lines.map((l) => [l.skuId, l.quantity])).toEqual([[b.id, 1], [a.id, 3]]);
    const lineA = cart.lines.find((l) => l.skuId === a.id)!;
    const unitA = a.priceFen ?? a.product.priceFen;
    expect(lineA).toMatchObject({ styleCode: a.product.styleCode, name: a.product.name, nameEn: a.product.nameEn, colorName: a.colorName, size: a.size, unitPriceFen: unitA, lineTotalFen: unitA * 3, soldOut: false });
    expect(lineA.imageUrl).toBeTruthy();
    const unitB = b.priceFen ?? b.product.priceFen;
    expect(cart.totalFen).toBe(unitA * 3 + unitB);
    expect(cart.count).toBe(4);
    expect(cart.checkoutLines).toEqual([{ skuId: b.id, quantity: 1 }, { skuId: a.id, quantity: 3 }]);

    expect(await setCartQuantity(owner, { brand: "lumi", line: lineA.id, quantity: 5 })).toEqual({ count: 6 });
    expect((await loadCart(owner, brand)).lines.find((l) => l.id === lineA.id)?.quantity).toBe(5);
    expect(await removeCartLine(owner, { brand: "lumi", line: lineA.id })).toEqual({ count: 1 });
    expect((await rowsOf(member.id)).map((r) => r.skuId)).toEqual([b.id]);
    // The other brand's bag is separate.
    expect((await loadCart(owner, await db.brand.findUniqueOrThrow({ where: { slug: "nord" } }))).lines).toEqual([]);
  });

  it("another member's line id reads as not found and changes nothing", async () => {
    const { brand, skus } = await sample();
    const owner = await newMember();
    const intruder = await newMember();
    await addToCart({ memberId: owner.id }, { brand: "lumi", skuId: skus[0]!.id, quantity: 2 });
    await addToCart({ memberId: intruder.id }, { brand: "lumi", skuId: skus[1]!.id });
    const [line] = await rowsOf(owner.id);
    const before = [await rowsOf(owner.id), await rowsOf(intruder.id)];

    const e = await refused(setCartQuantity({ memberId: intruder.id }, { brand: "lumi", line: line!.id, quantity: 9 }), "not_found");
    expect(e.message).toBe("找不到该商品 / Item not found");
    expect(e.status).toBe(404);
    await refused(removeCartLine({ memberId: intruder.id }, { brand: "lumi", line: line!.id }), "not_found");
    // A signed-out shopper cannot reach a member's line by its id either.
    await refused(removeCartLine({ cookie: undefined }, { brand: "lumi", line: line!.id }), "not_found");
    // Nor the owner through the wrong brand.
    await refused(setCartQuantity({ memberId: owner.id }, { brand: "nord", line: line!.id, quantity: 3 }), "not_found");
    await refused(removeCartLine({ memberId: owner.id }, { brand: "nord", line: line!.id }), "not_found");

    expect([await rowsOf(owner.id), await rowsOf(intruder.id)]).toEqual(before);
    expect((await loadCart({ memberId: intruder.id }, brand)).lines.map((l) => l.skuId)).toEqual([skus[1]!.id]);
  });

  it("refuses quantity 0, 100, fractions, unknown SKUs, another brand's SKU and products no longer sold; nothing changes", async () => {
    const { skus } = await sample();
    const member = await newMember();
    const owner = { memberId: member.id };
    await addToCart(owner, { brand: "lumi", skuId: skus[0]!.id, quantity: 98 });
    const [line] = await rowsOf(member.id);
    const before = await rowsOf(member.id);

    expect((await refused(addToCart(owner, { brand: "lumi", skuId: skus[1]!.id, quantity: 0 }), "invalid")).message).toMatch(/至少为 1.*at least 1/);
    expect((await refused(addToCart(owner, { brand: "lumi", skuId: skus[1]!.id, quantity: 100 }), "invalid")).message).toMatch(/最多为 99.*at most 99/);
    await refused(addToCart(owner, { brand: "lumi", skuId: skus[1]!.id, quantity: 1.5 }), "invalid");
    await refused(setCartQuantity(owner, { brand: "lumi", line: line!.id, quantity: 0 }), "invalid");
    await refused(setCartQuantity(owner, { brand: "lumi", line: line!.id, quantity: 100 }), "invalid");
    await refused(setCartQuantity(owner, { brand: "lumi", line: line!.id, quantity: -1 }), "invalid");
    await refused(addToCart(owner, { brand: "lumi", skuId: "sku_0000000000000" }), "unknown_sku");
    await refused(addToCart(owner, { brand: "lumi", skuId: "'; DROP TABLE Sku; --" }), "invalid");
    const nordSku = (await sample("nord")).skus[0]!;
    await refused(addToCart(owner, { brand: "lumi", skuId: nordSku.id }), "unknown_sku");
    // 98 + 2 would pass 99.
    expect((await refused(addToCart(owner, { brand: "lumi", skuId: skus[0]!.id, quantity: 2 }), "too_many")).message).toMatch(/最多 99 件/);

    const retired = skus.find((s) => s.productId !== skus[0]!.productId)!;
    await db.product.update({ where: { id: retired.productId }, data: { active: false } });
    try {
      await refused(addToCart(owner, { brand: "lumi", skuId: retired.id }), "unavailable");
    } finally {
      await db.product.update({ where: { id: retired.productId }, data: { active: true } });
    }
    expect(await rowsOf(member.id)).toEqual(before);
  });

  it("a member's bag holds at most 20 lines per brand", async () => {
    const { skus } = await sample();
    const member = await newMember();
    for (const s of skus.slice(0, MAX_MEMBER_CART_LINES)) await addToCart({ memberId: member.id }, { brand: "lumi", skuId: s.id });
    await refused(addToCart({ memberId: member.id }, { brand: "lumi", skuId: skus[MAX_MEMBER_CART_LINES]!.id }), "full");
    // A line already there can still grow.
    await addToCart({ memberId: member.id }, { brand: "lumi", skuId: skus[0]!.id });
    expect(await db.cartLine.count({ where: { memberId: member.id } })).toBe(MAX_MEMBER_CART_LINES);
  });

  it("a signed-out shopper's bag lives in the cookie: add, change, remove, and a tampered cookie is empty", async () => {
    const { brand, skus } = await sample();
    let change = await addToCart({ cookie: undefined }, { brand: "lumi", skuId: skus[0]!.id });
    change = await addToCart({ cookie: change.cookie }, { brand: "lumi", skuId: skus[1]!.id, quantity: 2 });
    expect(change.count).toBe(3);
    expect(decodeCart(change.cookie)).toEqual([{ b: "lumi", s: skus[1]!.id, q: 2 }, { b: "lumi", s: skus[0]!.id, q: 1 }]);

    const cart = await loadCart({ cookie: change.cookie }, brand);
    expect(cart.lines.map((l) => l.id)).toEqual([skus[1]!.id, skus[0]!.id]);
    change = await setCartQuantity({ cookie: change.cookie }, { brand: "lumi", line: skus[0]!.id, quantity: 4 });
    expect(change.count).toBe(6);
    await refused(setCartQuantity({ cookie: change.cookie }, { brand: "lumi", line: skus[2]!.id, quantity: 4 }), "not_found");
    await refused(setCartQuantity({ cookie: change.cookie }, { brand: "lumi", line: skus[0]!.id, quantity: 100 }), "invalid");
    change = await removeCartLine({ cookie: change.cookie }, { brand: "lumi", line: skus[1]!.id });
    expect(decodeCart(change.cookie)).toEqual([{ b: "lumi", s: skus[0]!.id, q: 4 }]);

    const [payload] = change.cookie!.split(".");
    expect((await loadCart({ cookie: `${payload}.forged` }, brand)).lines).toEqual([]);
    // A cookie line whose product is no longer sold is left out of the bag and its total.
    const gone = await loadCart({ cookie: encodeCart([{ b: "lumi", s: "sku_0000000000000", q: 1 }]) }, brand);
    expect(gone).toEqual({ lines: [], count: 0, checkoutLines: [], totalFen: 0 });
  });

  it("flags a line sold out in every store and leaves it out of the total; a SKU's own price wins", async () => {
    const { brand, skus } = await sample();
    const base = skus[0]!;
    const special = await db.sku.create({
      data: { productId: base.productId, gtin: "2990000000017", colorCode: "ZZ", colorName: "测试色", colorHex: "#000000", size: "XXS", sizeOrder: 0, priceFen: 12345 },
    });
    const member = await newMember();
    await addToCart({ memberId: member.id }, { brand: "lumi", skuId: special.id, quantity: 2 });
    await addToCart({ memberId: member.id }, { brand: "lumi", skuId: base.id });
    const cart = await loadCart({ memberId: member.id }, brand);
    expect(cart.lines.find((l) => l.skuId === special.id)).toMatchObject({ soldOut: true, unitPriceFen: 12345, lineTotalFen: 24690 });
    expect(cart.totalFen).toBe(base.priceFen ?? base.product.priceFen);
    expect(cart.checkoutLines).toEqual([{ skuId: base.id, quantity: 1 }]);
    await db.cartLine.deleteMany({ where: { skuId: special.id } });
    await db.sku.delete({ where: { id: special.id } });
  });

  it("on sign-in the cookie's lines merge into the member: quantities summed and capped at 99, only sellable SKUs of the right brand", async () => {
    const { brand, skus } = await sample();
    const nordSku = (await sample("nord")).skus[0]!;
    const member = await newMember();
    await addToCart({ memberId: member.id }, { brand: "lumi", skuId: skus[0]!.id, quantity: 2 });
    await addToCart({ memberId: member.id }, { brand: "lumi", skuId: skus[1]!.id, quantity: 90 });
    const retired = skus.find((s) => s.productId !== skus[0]!.productId && s.productId !== skus[1]!.productId && s.productId !== skus[2]!.productId)!;
    const cookie = encodeCart([
      { b: "lumi", s: skus[0]!.id, q: 3 }, // 2 + 3
      { b: "lumi", s: skus[1]!.id, q: 20 }, // 90 + 20 → 99
      { b: "lumi", s: skus[2]!.id, q: 1 }, // new
      { b: "nord", s: nordSku.id, q: 4 }, // new, in the other brand's bag
      { b: "nord", s: skus[3]!.id, q: 1 }, // a lumi SKU put under nord: not trusted
      { b: "lumi", s: "sku_0000000000000", q: 1 }, // unknown
      { b: "lumi", s: retired.id, q: 1 }, // no longer sold
    ]);
    await db.product.update({ where: { id: retired.productId }, data: { active: false } });
    try {
      expect(await mergeAnonymousCart(member.id, cookie)).toBe(4);
    } finally {
      await db.product.update({ where: { id: retired.productId }, data: { active: true } });
    }
    const rows = new Map((await rowsOf(member.id)).map((r) => [r.skuId, r.quantity]));
    expect(Object.fromEntries(rows)).toEqual({ [skus[0]!.id]: 5, [skus[1]!.id]: 99, [skus[2]!.id]: 1, [nordSku.id]: 4 });
    expect((await db.cartLine.findFirstOrThrow({ where: { memberId: member.id, skuId: nordSku.id } })).brandId).toBe(nordSku.product.brandId);
    expect((await loadCart({ memberId: member.id }, brand)).count).toBe(105);

    expect(await mergeAnonymousCart(member.id, "tampered.cookie")).toBe(0);
    expect(await mergeAnonymousCart(member.id, undefined)).toBe(0);
    // Outside a request there is no response to clear the cookie on; the merge still happens.
    const other = await newMember();
    expect(await moveAnonymousCartToMember(other.id, encodeCart([{ b: "lumi", s: skus[0]!.id, q: 2 }]))).toBe(1);
    expect((await rowsOf(other.id)).map((r) => r.quantity)).toEqual([2]);
  });
});
