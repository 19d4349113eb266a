import { db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import { storeImage, UploadRefused } from "@/lib/storage";
import { isConstraintFailure } from "@/lib/inventory/movements";
import type { NewStyleForm, SkuForm, StyleForm } from "./admin-input";
import { invalidateProductNow } from "./cache-tags";

// The admin console's writes to a brand's styles, SKUs and pictures. Every function takes the brand the admin
// manages and finds rows only inside it (another brand's id reads as not found), refuses bad input with a
// "中文 / English" message before writing anything, audits what it changed, and refreshes the cached shop pages.

export type Change<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string };

const NOT_FOUND = { ok: false, message: "商品不存在 / Product not found" } as const;
const refuse = (message: string) => ({ ok: false, message }) as const;

/** Cached product page and listings of the brand, on every instance (outside a request through the CacheTag table). */
function refreshShop(brandId: string, styleCode: string): void {
  try {
    invalidateProductNow(brandId, styleCode);
  } catch {
    // The write has committed; a failed refresh must not undo the answer (the cached reads' lifetime is the safety net).
  }
}

async function categoryOfBrand(brandId: string, categoryId: string) {
  return db.category.findFirst({ where: { id: categoryId, brandId }, select: { id: true } });
}

export async function createStyle(brandId: string, input: NewStyleForm, actor: AuditActor, now = new Date()): Promise<Change<{ id: string }>> {
  if (!(await categoryOfBrand(brandId, input.categoryId))) return refuse("分类不存在 / Category not found");
  if (await db.product.findUnique({ where: { brandId_styleCode: { brandId, styleCode: input.styleCode } }, select: { id: true } })) {
    return refuse(`款号 ${input.styleCode} 已存在 / Style code ${input.styleCode} already exists`);
  }
  try {
    const product = await db.product.create({
      data: {
        brandId,
        styleCode: input.styleCode,
        categoryId: input.categoryId,
        name: input.name,
        nameEn: input.nameEn,
        description: input.description,
        season: input.season,
        active: input.active,
        priceFen: input.price,
        listPriceFen: input.listPrice,
        launchedAt: now,
      },
      select: { id: true },
    });
    await audit({ actor, action: "catalog.changed", target: `product:${product.id}`, detail: { op: "style.created", styleCode: input.styleCode, priceFen: input.price } }, now);
    refreshShop(brandId, input.styleCode);
    return { ok: true, id: product.id };
  } catch (error) {
    // Two admins creating the same code at once: the unique index answers.
    if (isConstraintFailure(error)) return refuse(`款号 ${input.styleCode} 已存在 / Style code ${input.styleCode} already exists`);
    throw error;
  }
}

export async function updateStyle(brandId: string, productId: string, input: StyleForm, actor: AuditActor, now = new Date()): Promise<Change> {
  const before = await db.product.findFirst({
    where: { id: productId, brandId },
    select: { styleCode: true, name: true, nameEn: true, description: true, categoryId: true, season: true, active: true, priceFen: true, listPriceFen: true },
  });
  if (!before) return NOT_FOUND;
  if (!(await categoryOfBrand(brandId, input.categoryId))) return refuse("分类不存在 / Category not found");
  const after = {
    name: input.name,
    nameEn: input.nameEn,
    description: input.description,
    categoryId: input.categoryId,
    season: input.season,
    active: input.active,
    priceFen: input.price,
    listPriceFen: input.listPrice,
  };
  await db.product.update({ where: { id: productId }, data: after });
  const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof typeof before] !== v).map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]));
  await audit({ actor, action: "catalog.changed", target: `product:${productId}`, detail: { op: "style.updated", styleCode: before.styleCode, changed } }, now);
  refreshShop(brandId, before.styleCode);
  return { ok: true };
}

/**
 * Only a style nobody has ordered and that never held stock can go (a mistaken entry); anything with history is
 * deactivated instead, so orders, the stock ledger and reports keep pointing at it.
 */
export async function deleteStyle(brandId: string, productId: string, actor: AuditActor, now = new Date()): Promise<Change> {
  const product = await db.product.findFirst({ where: { id: productId, brandId }, select: { styleCode: true, skus: { select: { id: true } } } });
  if (!product) return NOT_FOUND;
  const skuIds = product.skus.map((s) => s.id);
  const [orders, ledger] = await Promise.all([db.orderLine.count({ where: { skuId: { in: skuIds } } }), db.stockLedger.count({ where: { skuId: { in: skuIds } } })]);
  if (orders > 0) return refuse("该款已有订单，不能删除，请改为停用 / This style has orders and cannot be deleted: deactivate it instead");
  if (ledger > 0) return refuse("该款有库存记录，不能删除，请改为停用 / This style has stock history and cannot be deleted: deactivate it instead");
  try {
    await db.$transaction([
      db.inventory.deleteMany({ where: { skuId: { in: skuIds }, onHand: 0, reserved: 0 } }),
      db.sku.deleteMany({ where: { productId } }),
      db.product.delete({ where: { id: productId } }),
    ]);
  } catch (error) {
    if (isConstraintFailure(error)) return refuse("该款仍被其他记录引用，不能删除，请改为停用 / Other records still refer to this style: deactivate it instead");
    throw error;
  }
  await audit({ actor, action: "catalog.changed", target: `product:${productId}`, detail: { op: "style.deleted", styleCode: product.styleCode } }, now);
  refreshShop(brandId, product.styleCode);
  return { ok: true };
}

/** Adds a SKU (skuId null) or changes one. The GTIN is unique across the group; colour + size unique in the style. */
export async function saveSku(brandId: string, productId: string, skuId: string | null, input: SkuForm, actor: AuditActor, now = new Date()): Promise<Change<{ id: string }>> {
  const product = await db.product.findFirst({ where: { id: productId, brandId }, select: { styleCode: true } });
  if (!product) return NOT_FOUND;
  const existing = skuId ? await db.sku.findFirst({ where: { id: skuId, productId }, select: { id: true, gtin: true, colorCode: true, size: true, priceFen: true } }) : null;
  if (skuId && !existing) return refuse("SKU 不存在 / SKU not found");
  const holder = await db.sku.findUnique({ where: { gtin: input.gtin }, select: { id: true, product: { select: { styleCode: true } } } });
  if (holder && holder.id !== skuId) return refuse(`GTIN ${input.gtin} 已用于款号 ${holder.product.styleCode} / GTIN ${input.gtin} is already used by style ${holder.product.styleCode}`);
  const twin = await db.sku.findFirst({ where: { productId, colorCode: input.colorCode, size: input.size, ...(skuId ? { id: { not: skuId } } : {}) }, select: { id: true } });
  if (twin) return refuse(`该款已有颜色 ${input.colorCode} 尺码 ${input.size} 的 SKU / This style already has a SKU in colour ${input.colorCode}, size ${input.size}`);
  const data = { gtin: input.gtin, colorCode: input.colorCode, colorName: input.colorName, colorHex: input.colorHex, size: input.size, sizeOrder: input.sizeOrder, priceFen: input.price };
  let id: string;
  try {
    id = existing ? (await db.sku.update({ where: { id: existing.id }, data, select: { id: true } })).id : (await db.sku.create({ data: { ...data, productId }, select: { id: true } })).id;
  } catch (error) {
    if (isConstraintFailure(error)) return refuse(`GTIN ${input.gtin} 或颜色尺码已被使用 / GTIN ${input.gtin} or this colour and size is already used`);
    throw error;
  }
  await audit({ actor, action: "catalog.changed", target: `sku:${id}`, detail: { op: existing ? "sku.updated" : "sku.created", styleCode: product.styleCode, before: existing, after: data } }, now);
  refreshShop(brandId, product.styleCode);
  return { ok: true, id };
}

async function imageOfBrand(brandId: string, imageId: string) {
  return db.productImage.findFirst({
    where: { id: imageId, product: { brandId } },
    select: { id: true, productId: true, colorCode: true, url: true, product: { select: { styleCode: true, skus: { select: { colorCode: true } } } } },
  });
}

/** The picture's colour must be one of the style's SKU colours (or none: the whole style). */
function colourRefusal(colorCode: string | null, skus: { colorCode: string }[]): string | null {
  if (colorCode === null || skus.some((s) => s.colorCode === colorCode)) return null;
  return `该款没有颜色 ${colorCode} / This style has no colour ${colorCode}`;
}

/** Stores an uploaded picture (JPEG/PNG/WebP ≤ 5 MB, sniffed) and adds it after the style's other pictures. */
export async function addStyleImage(brandId: string, productId: string, upload: { bytes: Buffer; colorCode: string | null; alt: string }, actor: AuditActor, now = new Date()): Promise<Change<{ id: string; url: string }>> {
  const product = await db.product.findFirst({ where: { id: productId, brandId }, select: { styleCode: true, name: true, skus: { select: { colorCode: true } } } });
  if (!product) return NOT_FOUND;
  const colour = colourRefusal(upload.colorCode, product.skus);
  if (colour) return refuse(colour);
  let url: string;
  try {
    url = (await storeImage("products", upload.bytes)).url;
  } catch (error) {
    if (error instanceof UploadRefused) return refuse(error.message);
    throw error;
  }
  const last = await db.productImage.aggregate({ where: { productId }, _max: { sort: true } });
  const image = await db.productImage.create({
    data: { productId, url, colorCode: upload.colorCode, alt: upload.alt || product.name, sort: (last._max.sort ?? -1) + 1 },
    select: { id: true },
  });
  await audit({ actor, action: "catalog.changed", target: `image:${image.id}`, detail: { op: "image.added", styleCode: product.styleCode, url, colorCode: upload.colorCode } }, now);
  refreshShop(brandId, product.styleCode);
  return { ok: true, id: image.id, url };
}

export async function setImageColour(brandId: string, imageId: string, colorCode: string | null, actor: AuditActor, now = new Date()): Promise<Change> {
  const image = await imageOfBrand(brandId, imageId);
  if (!image) return refuse("图片不存在 / Picture not found");
  const colour = colourRefusal(colorCode, image.product.skus);
  if (colour) return refuse(colour);
  await db.productImage.update({ where: { id: imageId }, data: { colorCode } });
  await audit({ actor, action: "catalog.changed", target: `image:${imageId}`, detail: { op: "image.colour", styleCode: image.product.styleCode, from: image.colorCode, to: colorCode } }, now);
  refreshShop(brandId, image.product.styleCode);
  return { ok: true };
}

/** Moves a picture one place earlier or later; the style's pictures are renumbered 0..n in one batch. */
export async function moveImage(brandId: string, imageId: string, direction: "up" | "down", actor: AuditActor, now = new Date()): Promise<Change> {
  const image = await imageOfBrand(brandId, imageId);
  if (!image) return refuse("图片不存在 / Picture not found");
  const order = await db.productImage.findMany({ where: { productId: image.productId }, orderBy: [{ sort: "asc" }, { id: "asc" }], select: { id: true } });
  const from = order.findIndex((i) => i.id === imageId);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) return { ok: true };
  [order[from], order[to]] = [order[to]!, order[from]!];
  await db.$transaction(order.map((i, sort) => db.productImage.update({ where: { id: i.id }, data: { sort } })));
  await audit({ actor, action: "catalog.changed", target: `image:${imageId}`, detail: { op: "image.moved", styleCode: image.product.styleCode, position: to + 1 } }, now);
  refreshShop(brandId, image.product.styleCode);
  return { ok: true };
}

/** Removes the picture from the style. The stored file stays: it is content-addressed and may be shared. */
export async function deleteImage(brandId: string, imageId: string, actor: AuditActor, now = new Date()): Promise<Change> {
  const image = await imageOfBrand(brandId, imageId);
  if (!image) return refuse("图片不存在 / Picture not found");
  await db.productImage.delete({ where: { id: imageId } });
  await audit({ actor, action: "catalog.changed", target: `image:${imageId}`, detail: { op: "image.deleted", styleCode: image.product.styleCode, url: image.url } }, now);
  refreshShop(brandId, image.product.styleCode);
  return { ok: true };
}
