import { z } from "zod";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { normalizeChinaMobile } from "@/lib/auth/phone";
import { storeImage, UploadRefused } from "@/lib/storage";
import type { AudienceKind } from "@/lib/generated/prisma/enums";
import { TIERS } from "./audience";
import { DmRefused } from "./errors";

// The brand admin's DM catalog builder: a draft with a title, note and cover; ordered items each with a note;
// an audience (tiers, tags, named members, stores); a window; publish / unpublish. Every function checks
// everything before it writes, and writes in one statement or one batch transaction.

/** The admin acting: who, and the brand of the console (lib/admin/console.ts checked brand.manage). */
export type DmAdmin = { staffId: string; brandId: string };

export const MAX_DM_ITEMS = 60;
export const MAX_AUDIENCE_RULES = 200;

const bad = "参数无效 / Invalid request";
const id = z.string({ error: bad }).min(1, bad).max(64, bad);
const title = z.string({ error: bad }).trim().min(1, "请填写标题 / A title is required").max(60, "标题最多 60 字 / The title is at most 60 characters");
const note = z.string({ error: bad }).trim().max(1000, "说明最多 1000 字 / The note is at most 1000 characters").default("");
const itemNote = z.string({ error: bad }).trim().max(200, "单品说明最多 200 字 / An item's note is at most 200 characters").default("");

export const detailsInput = z.object({ title, note });
export type DetailsInput = z.input<typeof detailsInput>;

async function ownDraftOrPublished(admin: DmAdmin, catalogId: string) {
  const catalog = await db.lookbook.findFirst({
    where: { id: id.parse(catalogId), brandId: admin.brandId, kind: "DM" },
    select: { id: true, status: true, startsAt: true, endsAt: true, _count: { select: { items: true, audience: true } } },
  });
  if (!catalog) throw new DmRefused("not_found", "目录不存在 / No such catalog");
  return catalog;
}

/** A new draft, visible to nobody until it has items and an audience and is published. */
export async function createDmDraft(admin: DmAdmin, raw: DetailsInput): Promise<{ id: string }> {
  const input = detailsInput.parse(raw);
  return db.lookbook.create({
    data: { brandId: admin.brandId, authorId: admin.staffId, kind: "DM", status: "DRAFT", title: input.title, note: input.note },
    select: { id: true },
  });
}

export async function updateDmDetails(admin: DmAdmin, catalogId: string, raw: DetailsInput): Promise<void> {
  const input = detailsInput.parse(raw);
  const catalog = await ownDraftOrPublished(admin, catalogId);
  await db.lookbook.update({ where: { id: catalog.id }, data: { title: input.title, note: input.note } });
}

/** The cover picture: checked and stored by lib/storage (JPEG/PNG/WebP ≤ 5 MB), then set on the catalog. */
export async function setDmCover(admin: DmAdmin, catalogId: string, bytes: Buffer): Promise<{ coverUrl: string }> {
  const catalog = await ownDraftOrPublished(admin, catalogId);
  let url: string;
  try {
    ({ url } = await storeImage("catalogs", bytes));
  } catch (error) {
    if (error instanceof UploadRefused) throw new DmRefused("bad_request", error.message);
    throw error;
  }
  await db.lookbook.update({ where: { id: catalog.id }, data: { coverUrl: url } });
  return { coverUrl: url };
}

// ---- Items ---------------------------------------------------------------------------------------------

export async function addDmItem(admin: DmAdmin, catalogId: string, productId: string, rawNote = ""): Promise<{ itemId: string }> {
  const catalog = await ownDraftOrPublished(admin, catalogId);
  const n = itemNote.parse(rawNote);
  const [product, existing, last] = await Promise.all([
    db.product.findFirst({ where: { id: id.parse(productId), brandId: admin.brandId, active: true }, select: { id: true } }),
    db.lookbookItem.findFirst({ where: { lookbookId: catalog.id, productId }, select: { id: true } }),
    db.lookbookItem.findFirst({ where: { lookbookId: catalog.id }, orderBy: { sort: "desc" }, select: { sort: true } }),
  ]);
  if (!product) throw new DmRefused("unknown_product", "商品不存在或已下架 / The product is not on sale in this brand");
  if (existing) throw new DmRefused("duplicate_product", "该商品已在目录中 / The product is already in the catalog");
  if (catalog._count.items >= MAX_DM_ITEMS) throw new DmRefused("too_many_items", `一份目录最多 ${MAX_DM_ITEMS} 件商品 / At most ${MAX_DM_ITEMS} products in a catalog`);
  const item = await db.lookbookItem.create({ data: { lookbookId: catalog.id, productId: product.id, note: n, sort: (last?.sort ?? -1) + 1 }, select: { id: true } });
  return { itemId: item.id };
}

async function ownItem(admin: DmAdmin, catalogId: string, itemId: string) {
  const catalog = await ownDraftOrPublished(admin, catalogId);
  const item = await db.lookbookItem.findFirst({ where: { id: id.parse(itemId), lookbookId: catalog.id }, select: { id: true, sort: true } });
  if (!item) throw new DmRefused("not_found", "该商品不在目录中 / The item is not in this catalog");
  return { catalog, item };
}

export async function setDmItemNote(admin: DmAdmin, catalogId: string, itemId: string, rawNote: string): Promise<void> {
  const n = itemNote.parse(rawNote);
  const { item } = await ownItem(admin, catalogId, itemId);
  await db.lookbookItem.update({ where: { id: item.id }, data: { note: n } });
}

/** A published catalog keeps at least one item: emptying it would publish an empty page. */
export async function removeDmItem(admin: DmAdmin, catalogId: string, itemId: string): Promise<void> {
  const { catalog, item } = await ownItem(admin, catalogId, itemId);
  if (catalog.status === "PUBLISHED" && catalog._count.items <= 1) {
    throw new DmRefused("published", "已发布的目录至少保留一件商品，请先下架 / A published catalog keeps at least one item: unpublish it first");
  }
  await db.lookbookItem.delete({ where: { id: item.id } });
}

/** Moves an item one place up or down; the order is renumbered 0..n-1 in one batch so gaps never build up. */
export async function moveDmItem(admin: DmAdmin, catalogId: string, itemId: string, direction: "up" | "down"): Promise<void> {
  const dir = z.enum(["up", "down"], { error: bad }).parse(direction);
  const { catalog, item } = await ownItem(admin, catalogId, itemId);
  const items = await db.lookbookItem.findMany({ where: { lookbookId: catalog.id }, orderBy: [{ sort: "asc" }, { id: "asc" }], select: { id: true } });
  const at = items.findIndex((i) => i.id === item.id);
  const to = dir === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= items.length) return; // already first / last: nothing to do
  [items[at], items[to]] = [items[to]!, items[at]!];
  await db.$transaction(items.map((i, sort) => db.lookbookItem.update({ where: { id: i.id }, data: { sort } })));
}

// ---- Audience -----------------------------------------------------------------------------------------

const list = (max: number, itemMax: number, message: string) => z.array(z.string({ error: bad }).trim().min(1).max(itemMax, message)).max(max, bad).default([]);
export const audienceInput = z.object({
  tiers: z.array(z.enum(TIERS, { error: bad })).max(3).default([]),
  tags: list(50, 30, "标签最多 30 字 / A tag is at most 30 characters"),
  /** Named members, by phone number or member id. */
  members: list(MAX_AUDIENCE_RULES, 64, bad),
  /** Stores by code (SH01). */
  stores: list(100, 16, bad),
});
export type AudienceInput = z.input<typeof audienceInput>;

/**
 * Replaces the catalog's audience. Named members (phone or id) must be members of the brand and stores must be
 * the brand's: an unknown one refuses the whole change, naming it. A published catalog cannot lose its whole
 * audience (unpublish first).
 */
export async function setDmAudience(admin: DmAdmin, catalogId: string, raw: AudienceInput): Promise<{ rules: number }> {
  const input = audienceInput.parse(raw);
  const catalog = await ownDraftOrPublished(admin, catalogId);
  const wanted = [...new Set(input.members)];
  const phones = new Map(wanted.map((w) => [w, normalizeChinaMobile(w)]));
  const members = wanted.length
    ? await db.memberBrand.findMany({
        where: { brandId: admin.brandId, member: { OR: [{ id: { in: wanted } }, { phone: { in: [...phones.values()].filter((p): p is string => !!p) } }] } },
        select: { memberId: true, member: { select: { phone: true } } },
      })
    : [];
  const memberIdOf = (w: string) => members.find((m) => m.memberId === w || (phones.get(w) && m.member.phone === phones.get(w)))?.memberId;
  const unknownMembers = wanted.filter((w) => !memberIdOf(w));
  if (unknownMembers.length) {
    throw new DmRefused("unknown_member", `不是本品牌会员：${unknownMembers.slice(0, 5).join("、")} / Not a member of this brand: ${unknownMembers.slice(0, 5).join(", ")}`);
  }
  const codes = [...new Set(input.stores.map((s) => s.toUpperCase()))];
  const stores = codes.length ? await db.store.findMany({ where: { brandId: admin.brandId, code: { in: codes } }, select: { id: true, code: true } }) : [];
  const unknownStores = codes.filter((c) => !stores.some((s) => s.code === c));
  if (unknownStores.length) throw new DmRefused("unknown_store", `门店不存在：${unknownStores.join("、")} / No such store: ${unknownStores.join(", ")}`);

  const rules: { kind: AudienceKind; value: string }[] = [
    ...[...new Set(input.tiers)].map((value) => ({ kind: "TIER" as const, value })),
    ...[...new Set(input.tags)].map((value) => ({ kind: "TAG" as const, value })),
    ...[...new Set(wanted.map((w) => memberIdOf(w)!))].map((value) => ({ kind: "MEMBER" as const, value })),
    ...stores.map((s) => ({ kind: "STORE" as const, value: s.id })),
  ];
  if (rules.length > MAX_AUDIENCE_RULES) throw new DmRefused("bad_request", `受众规则最多 ${MAX_AUDIENCE_RULES} 条 / At most ${MAX_AUDIENCE_RULES} audience rules`);
  if (catalog.status === "PUBLISHED" && rules.length === 0) {
    throw new DmRefused("published", "已发布的目录必须有受众，请先下架 / A published catalog needs an audience: unpublish it first");
  }
  await db.$transaction([
    db.catalogAudience.deleteMany({ where: { lookbookId: catalog.id } }),
    db.catalogAudience.createMany({ data: rules.map((r) => ({ lookbookId: catalog.id, ...r })) }),
  ]);
  return { rules: rules.length };
}

// ---- Window and publishing ------------------------------------------------------------------------------

export const windowInput = z.object({ startsAt: z.date({ error: bad }).nullable(), endsAt: z.date({ error: bad }).nullable() });

/** The visible window (UTC; null = open). The end must come after the start; a published catalog's end must be ahead. */
export async function setDmWindow(admin: DmAdmin, catalogId: string, raw: z.input<typeof windowInput>, now: Date = new Date()): Promise<void> {
  const w = windowInput.parse(raw);
  if (w.startsAt && w.endsAt && w.endsAt <= w.startsAt) throw new DmRefused("bad_window", "结束时间须晚于开始时间 / The end must come after the start");
  const catalog = await ownDraftOrPublished(admin, catalogId);
  if (catalog.status === "PUBLISHED" && w.endsAt && w.endsAt <= now) {
    throw new DmRefused("window_over", "结束时间已过，请先下架 / The end is in the past: unpublish first");
  }
  await db.lookbook.update({ where: { id: catalog.id }, data: { startsAt: w.startsAt, endsAt: w.endsAt } });
}

/**
 * Publishes: refuses with the reason when the catalog has no items, no audience (it would be visible to nobody),
 * or a window already over. The update is conditional on the status, so a double click publishes once.
 */
export async function publishDm(admin: DmAdmin, catalogId: string, now: Date = new Date()): Promise<void> {
  const catalog = await ownDraftOrPublished(admin, catalogId);
  if (catalog._count.items === 0) throw new DmRefused("no_items", "目录还没有商品，不能发布 / Add at least one product before publishing");
  if (catalog._count.audience === 0) {
    throw new DmRefused("no_audience", "目录还没有受众，发布后没有人能看到：请选择会员等级、标签、会员或门店 / The catalog has no audience, nobody could see it: choose tiers, tags, members or stores");
  }
  if (catalog.endsAt && catalog.endsAt <= now) throw new DmRefused("window_over", "目录的结束时间已过，不能发布 / The catalog's window has already ended");
  const { count } = await db.lookbook.updateMany({ where: { id: catalog.id, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: now } });
  // A double click publishes (and is recorded) once.
  if (count) await audit({ actor: `staff:${admin.staffId}`, action: "dm.published", target: `lookbook:${catalog.id}`, brandId: admin.brandId }, now);
}

/** Back to draft: hidden from every member at once; the publish date is kept until the next publish. */
export async function unpublishDm(admin: DmAdmin, catalogId: string): Promise<void> {
  const catalog = await ownDraftOrPublished(admin, catalogId);
  const { count } = await db.lookbook.updateMany({ where: { id: catalog.id, status: "PUBLISHED" }, data: { status: "DRAFT" } });
  if (count) await audit({ actor: `staff:${admin.staffId}`, action: "dm.unpublished", target: `lookbook:${catalog.id}`, brandId: admin.brandId });
}
