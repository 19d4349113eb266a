import { z } from "zod";
import { db } from "@/lib/db";
import { maskPhone } from "@/lib/auth/phone";
import { memberNotifier, type MemberNotifier } from "@/lib/notify/member-notifier";
import { guideSceneCode, GuideSceneRefused } from "@/lib/guides/scene";
import { guideShareUrl, productPath } from "@/lib/guides/share";
import { canSee } from "@/lib/dm/audience";
import { LookbookRefused } from "./errors";

// A guide's personal lookbook (DESIGN.md "curates a short personal lookbook and sends it to a customer";
// issue 5 §1): a title, a note, 1–20 of the brand's products each with a note, sent to some of the guide's
// own customers (an open GuideBinding to this guide). Each recipient is told through lib/notify (inbox, and a
// WeChat template message when configured) and opens it in one tap; only recipients can open it. It is the
// same catalog model as a brand's DM catalog: each recipient is also a MEMBER audience rule, and opening it
// asks lib/dm/audience canSee like a DM catalog does.

/** The guide acting: who, and the brand they work for (the policy checked the session before this). */
export type LookbookGuide = { staffId: string; brandId: string };

export const MAX_ITEMS = 20;
export const MAX_RECIPIENTS = 50;

const id = z.string({ error: "参数无效 / Invalid request" }).min(1, "参数无效 / Invalid request").max(64, "参数无效 / Invalid request");
export const lookbookInput = z.object({
  title: z.string().trim().min(1, "请填写标题 / A title is required").max(40, "标题最多 40 字 / The title is at most 40 characters"),
  note: z.string().trim().max(500, "说明最多 500 字 / The note is at most 500 characters").default(""),
  items: z
    .array(z.object({ productId: id, note: z.string().trim().max(200, "单品说明最多 200 字 / An item's note is at most 200 characters").default("") }))
    .min(1, "请至少选一件商品 / Pick at least one product")
    .max(MAX_ITEMS, `最多 ${MAX_ITEMS} 件商品 / At most ${MAX_ITEMS} products`)
    .refine((items) => new Set(items.map((i) => i.productId)).size === items.length, "同一商品只能加一次 / Each product only once"),
  recipients: z
    .array(id)
    .min(1, "请至少选一位顾客 / Pick at least one customer")
    .max(MAX_RECIPIENTS, `一次最多发给 ${MAX_RECIPIENTS} 位顾客 / At most ${MAX_RECIPIENTS} customers at a time`),
});
export type LookbookInput = z.input<typeof lookbookInput>;

// ---- What the guide's form needs ----------------------------------------------------------------------

export type PickableProduct = { id: string; styleCode: string; name: string; priceFen: number; imageUrl: string | null };

/** Products of the guide's brand matching a style code or a name (on sale only), for the picker. */
export async function searchLookbookProducts(brandId: string, rawQuery: string, take = 20): Promise<PickableProduct[]> {
  const q = rawQuery.normalize("NFKC").trim().slice(0, 40);
  if (!q) return [];
  const rows = await db.product.findMany({
    where: { brandId, active: true, OR: [{ styleCode: { startsWith: q.toUpperCase() } }, { name: { contains: q } }, { nameEn: { contains: q } }] },
    orderBy: { styleCode: "asc" },
    take,
    select: { id: true, styleCode: true, name: true, priceFen: true, images: { select: { url: true }, orderBy: { sort: "asc" }, take: 1 } },
  });
  return rows.map((r) => ({ id: r.id, styleCode: r.styleCode, name: r.name, priceFen: r.priceFen, imageUrl: r.images[0]?.url ?? null }));
}

export type LookbookCustomer = { memberId: string; who: string; since: Date };

/** The guide's customers a lookbook may go to: members with an open binding to this guide in this brand. */
export async function lookbookCustomers(guide: LookbookGuide): Promise<LookbookCustomer[]> {
  const bindings = await db.guideBinding.findMany({
    where: { guideId: guide.staffId, brandId: guide.brandId, endedAt: null },
    orderBy: { lastTouchAt: "desc" },
    take: 500,
    select: { memberId: true, boundAt: true, member: { select: { phone: true, nickname: true } } },
  });
  const seen = new Set<string>();
  return bindings.flatMap((b) => {
    if (seen.has(b.memberId)) return [];
    seen.add(b.memberId);
    return [{ memberId: b.memberId, who: [b.member.nickname, b.member.phone ? maskPhone(b.member.phone) : ""].filter(Boolean).join(" ") || "—", since: b.boundAt }];
  });
}

/** Which of these members are this guide's customers now (open binding); the rest are refused by the caller. */
async function ownCustomers(guide: LookbookGuide, memberIds: string[]): Promise<Set<string>> {
  const rows = await db.guideBinding.findMany({
    where: { guideId: guide.staffId, brandId: guide.brandId, endedAt: null, memberId: { in: memberIds } },
    select: { memberId: true },
  });
  return new Set(rows.map((r) => r.memberId));
}

function refuseStrangers(memberIds: string[], own: Set<string>) {
  const strangers = memberIds.filter((m) => !own.has(m));
  if (strangers.length) {
    throw new LookbookRefused("not_your_customer", "只能发给自己的顾客 / You can only send to your own customers", { count: strangers.length });
  }
}

// ---- Writing and sending ---------------------------------------------------------------------------------

/**
 * Creates the lookbook and sends it. Everything is checked before anything is written: every product is the
 * brand's and on sale, every recipient is the guide's own customer (anyone else refuses the whole send, so a
 * guide never half-sends by mistake). One nested create writes the lookbook, items and recipients together.
 */
export async function createLookbook(guide: LookbookGuide, raw: LookbookInput, notifier: MemberNotifier = memberNotifier()): Promise<{ id: string; sent: number }> {
  const input = lookbookInput.parse(raw);
  const recipients = [...new Set(input.recipients)];
  const [products, own] = await Promise.all([
    db.product.findMany({ where: { id: { in: input.items.map((i) => i.productId) }, brandId: guide.brandId, active: true }, select: { id: true } }),
    ownCustomers(guide, recipients),
  ]);
  if (products.length !== input.items.length) throw new LookbookRefused("unknown_product", "有商品不存在或已下架 / A product is not on sale in this brand");
  refuseStrangers(recipients, own);
  const lookbook = await db.lookbook.create({
    data: {
      brandId: guide.brandId,
      authorId: guide.staffId,
      kind: "LOOKBOOK",
      publishedAt: new Date(),
      title: input.title,
      note: input.note,
      items: { create: input.items.map((item, sort) => ({ productId: item.productId, note: item.note, sort })) },
      recipients: { create: recipients.map((memberId) => ({ memberId })) },
      audience: { create: recipients.map((value) => ({ kind: "MEMBER" as const, value })) },
    },
    select: { id: true },
  });
  await notifyRecipients(notifier, guide, lookbook.id, input.title, recipients);
  return { id: lookbook.id, sent: recipients.length };
}

/** Sends one of the guide's lookbooks to more of their customers; those who already have it are skipped. */
export async function sendLookbook(guide: LookbookGuide, lookbookId: string, memberIds: string[], notifier: MemberNotifier = memberNotifier()): Promise<{ sent: number }> {
  const ids = [...new Set(z.array(id).min(1).max(MAX_RECIPIENTS).parse(memberIds))];
  const lookbook = await db.lookbook.findFirst({
    where: { id: lookbookId, authorId: guide.staffId, brandId: guide.brandId, kind: "LOOKBOOK" },
    select: { title: true, recipients: { where: { memberId: { in: ids } }, select: { memberId: true } } },
  });
  if (!lookbook) throw new LookbookRefused("not_found", "搭配不存在 / No such lookbook");
  refuseStrangers(ids, await ownCustomers(guide, ids));
  const already = new Set(lookbook.recipients.map((r) => r.memberId));
  const fresh = ids.filter((m) => !already.has(m));
  if (fresh.length) {
    await db.$transaction([
      db.lookbookRecipient.createMany({ data: fresh.map((memberId) => ({ lookbookId, memberId })) }),
      db.catalogAudience.deleteMany({ where: { lookbookId, kind: "MEMBER", value: { in: fresh } } }),
      db.catalogAudience.createMany({ data: fresh.map((value) => ({ lookbookId, kind: "MEMBER" as const, value })) }),
    ]);
  }
  await notifyRecipients(notifier, guide, lookbookId, lookbook.title, fresh);
  return { sent: fresh.length };
}

/**
 * One message per recipient, after the rows exist (the link must open). The notifier never fails for a
 * WeChat problem; an inbox write that fails is logged and the others still go out: the lookbook itself is
 * already in the member's reach, and the guide's list shows it unopened.
 */
async function notifyRecipients(notifier: MemberNotifier, guide: LookbookGuide, lookbookId: string, title: string, memberIds: string[]) {
  if (memberIds.length === 0) return;
  const [brand, staff] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: guide.brandId }, select: { slug: true } }),
    db.staff.findUniqueOrThrow({ where: { id: guide.staffId }, select: { name: true } }),
  ]);
  for (const memberId of memberIds) {
    try {
      await notifier.notify(memberId, guide.brandId, {
        kind: "LOOKBOOK",
        title: `${staff.name} 为你搭配：${title}`.slice(0, 120),
        body: "你的导购为你挑选了几件单品，点开看看 / Your guide picked a few pieces for you",
        link: `/${brand.slug}/lookbooks/${lookbookId}`,
      });
    } catch (error) {
      console.error(`[lookbooks] could not notify member ${memberId} of lookbook ${lookbookId}:`, error instanceof Error ? error.message : error);
    }
  }
}

// ---- Reading -------------------------------------------------------------------------------------------

export type LookbookSummary = { id: string; title: string; items: number; recipients: number; opened: number; createdAt: Date };

/** The guide's lookbooks, newest first, with how many recipients opened each. */
export async function guideLookbooks(guide: LookbookGuide, take = 50): Promise<LookbookSummary[]> {
  const rows = await db.lookbook.findMany({
    where: { authorId: guide.staffId, brandId: guide.brandId, kind: "LOOKBOOK" },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, createdAt: true, _count: { select: { items: true, recipients: true } } },
  });
  const opened = rows.length
    ? await db.lookbookRecipient.groupBy({ by: ["lookbookId"], where: { lookbookId: { in: rows.map((r) => r.id) }, openedAt: { not: null } }, _count: { _all: true } })
    : [];
  const openedBy = new Map(opened.map((o) => [o.lookbookId, o._count._all]));
  return rows.map((r) => ({ id: r.id, title: r.title, items: r._count.items, recipients: r._count.recipients, opened: openedBy.get(r.id) ?? 0, createdAt: r.createdAt }));
}

export type LookbookView = {
  id: string;
  title: string;
  note: string;
  guideName: string;
  guideId: string;
  sentAt: Date;
  /** Each product links through the guide's code (/s/<code>?to=<product>), so what the member buys from here credits the guide. */
  items: { styleCode: string; name: string; nameEn: string; priceFen: number; listPriceFen: number | null; imageUrl: string | null; note: string; href: string }[];
};

/** The guide's code, or null when they have none any more (left, or a brand admin without a store): plain links then. */
async function sceneCodeOrNull(guideId: string): Promise<string | null> {
  try {
    return await guideSceneCode(guideId);
  } catch (error) {
    if (error instanceof GuideSceneRefused) return null;
    throw error;
  }
}

/**
 * A recipient opens the lookbook: the view, and openedAt set the first time (later opens keep the first
 * instant). Whoever canSee (lib/dm/audience: its MEMBER rules, published) refuses, or a lookbook of another
 * brand, reads as null (the not-found page: "not for you" would confirm it exists). Products taken off sale
 * since are left out.
 */
export async function openLookbook(memberId: string, brandId: string, lookbookId: string, now: Date = new Date()): Promise<LookbookView | null> {
  const lb = await db.lookbook.findFirst({
    where: { id: lookbookId, brandId, kind: "LOOKBOOK" },
    select: {
      id: true,
      brandId: true,
      kind: true,
      status: true,
      startsAt: true,
      endsAt: true,
      title: true,
      note: true,
      authorId: true,
      author: { select: { name: true } },
      audience: { select: { kind: true, value: true } },
      items: { orderBy: { sort: "asc" }, select: { productId: true, note: true } },
      recipients: { where: { memberId }, select: { sentAt: true, openedAt: true } },
    },
  });
  if (!lb || !(await canSee(memberId, lb, now))) return null;
  const recipient = lb.recipients[0];
  if (recipient && !recipient.openedAt) await db.lookbookRecipient.updateMany({ where: { lookbookId, memberId, openedAt: null }, data: { openedAt: now } });
  const [products, brand, sceneCode] = await Promise.all([
    db.product.findMany({
      where: { id: { in: lb.items.map((i) => i.productId) }, brandId, active: true },
      select: { id: true, styleCode: true, name: true, nameEn: true, priceFen: true, listPriceFen: true, images: { select: { url: true }, orderBy: { sort: "asc" }, take: 1 } },
    }),
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { slug: true } }),
    sceneCodeOrNull(lb.authorId),
  ]);
  const hrefOf = (styleCode: string) => {
    const path = productPath(brand.slug, styleCode);
    return sceneCode ? guideShareUrl({ baseUrl: "", sceneCode, brandSlug: brand.slug, to: path }) : path;
  };
  const byId = new Map(products.map((p) => [p.id, p]));
  return {
    id: lb.id,
    title: lb.title,
    note: lb.note,
    guideName: lb.author.name,
    guideId: lb.authorId,
    sentAt: recipient?.sentAt ?? now,
    items: lb.items.flatMap((i) => {
      const p = byId.get(i.productId);
      return p ? [{ styleCode: p.styleCode, name: p.name, nameEn: p.nameEn, priceFen: p.priceFen, listPriceFen: p.listPriceFen, imageUrl: p.images[0]?.url ?? null, note: i.note, href: hrefOf(p.styleCode) }] : [];
    }),
  };
}
