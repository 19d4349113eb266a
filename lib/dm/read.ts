import { z } from "zod";
import { db } from "@/lib/db";
import { maskPhone, normalizeChinaMobile } from "@/lib/auth/phone";
import { pageOf, type ListParams, type Page } from "@/lib/admin/list-params";
import { productPath } from "@/lib/guides/share";
import type { CatalogStatus } from "@/lib/generated/prisma/enums";
import { canSee, catalogState, inAudience, TIERS, type AudienceRule, type CatalogState } from "./audience";

// Reading DM catalogs: the admin's list and builder, the member's view (through canSee), and the admin's
// "preview as member X": the member's view as it is (or will be) while the catalog is live, whatever its state now
// (through inAudience), so a draft can be checked before it is published.

export const DM_SORTS = ["createdAt", "title", "publishedAt", "endsAt"] as const;
export type DmSort = (typeof DM_SORTS)[number];

export type DmListRow = {
  id: string;
  title: string;
  status: CatalogStatus;
  items: number;
  rules: number;
  startsAt: Date | null;
  endsAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  author: string;
};

/** The brand's DM catalogs for the console: title search, a status filter, server sort and pages. */
export async function listDmCatalogs(brandId: string, params: ListParams<DmSort>, status?: CatalogStatus): Promise<Page<DmListRow>> {
  const where = { brandId, kind: "DM" as const, ...(status ? { status } : {}), ...(params.q ? { title: { contains: params.q } } : {}) };
  const [rows, total] = await Promise.all([
    db.lookbook.findMany({
      where,
      // Nullable dates (published, ends) sort their empty values last either way.
      orderBy: [params.sort === "publishedAt" || params.sort === "endsAt" ? { [params.sort]: { sort: params.dir, nulls: "last" as const } } : { [params.sort]: params.dir }, { id: "asc" as const }],
      skip: params.skip,
      take: params.take,
      select: {
        id: true,
        title: true,
        status: true,
        startsAt: true,
        endsAt: true,
        publishedAt: true,
        createdAt: true,
        author: { select: { name: true } },
        _count: { select: { items: true, audience: true } },
      },
    }),
    db.lookbook.count({ where }),
  ]);
  return pageOf(
    rows.map(({ _count, author, ...r }) => ({ ...r, items: _count.items, rules: _count.audience, author: author.name })),
    total,
    params,
  );
}

export type DmItemCard = { itemId: string; productId: string; styleCode: string; name: string; nameEn: string; priceFen: number; listPriceFen: number | null; imageUrl: string | null; note: string; href: string; onSale: boolean };

export type DmBuilderView = {
  id: string;
  title: string;
  note: string;
  coverUrl: string;
  status: CatalogStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  publishedAt: Date | null;
  items: DmItemCard[];
  audience: { tiers: string[]; tags: string[]; members: { id: string; who: string }[]; stores: { id: string; code: string; name: string }[] };
};

const productSelect = { id: true, styleCode: true, name: true, nameEn: true, priceFen: true, listPriceFen: true, active: true, images: { select: { url: true }, orderBy: { sort: "asc" as const }, take: 1 } };

async function itemCards(brandId: string, brandSlug: string, items: { id: string; productId: string; note: string }[]): Promise<DmItemCard[]> {
  const products = await db.product.findMany({ where: { id: { in: items.map((i) => i.productId) }, brandId }, select: productSelect });
  const byId = new Map(products.map((p) => [p.id, p]));
  return items.flatMap((i) => {
    const p = byId.get(i.productId);
    if (!p) return [];
    return [{ itemId: i.id, productId: p.id, styleCode: p.styleCode, name: p.name, nameEn: p.nameEn, priceFen: p.priceFen, listPriceFen: p.listPriceFen, imageUrl: p.images[0]?.url ?? null, note: i.note, href: productPath(brandSlug, p.styleCode), onSale: p.active }];
  });
}

/** Everything the builder page shows, or null when the id is not a DM catalog of this brand. */
export async function dmForBuilder(brandId: string, catalogId: string): Promise<DmBuilderView | null> {
  const c = await db.lookbook.findFirst({
    where: { id: catalogId, brandId, kind: "DM" },
    select: {
      id: true,
      title: true,
      note: true,
      coverUrl: true,
      status: true,
      startsAt: true,
      endsAt: true,
      publishedAt: true,
      brand: { select: { slug: true } },
      items: { orderBy: [{ sort: "asc" }, { id: "asc" }], select: { id: true, productId: true, note: true } },
      audience: { select: { kind: true, value: true } },
    },
  });
  if (!c) return null;
  const valuesOf = (kind: AudienceRule["kind"]) => c.audience.filter((r) => r.kind === kind).map((r) => r.value);
  const [items, members, stores] = await Promise.all([
    itemCards(brandId, c.brand.slug, c.items),
    db.member.findMany({ where: { id: { in: valuesOf("MEMBER") } }, select: { id: true, phone: true, nickname: true }, orderBy: { id: "asc" } }),
    db.store.findMany({ where: { id: { in: valuesOf("STORE") } }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    id: c.id,
    title: c.title,
    note: c.note,
    coverUrl: c.coverUrl,
    status: c.status,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    publishedAt: c.publishedAt,
    items,
    audience: {
      tiers: TIERS.filter((t) => valuesOf("TIER").includes(t)),
      tags: valuesOf("TAG").sort(),
      // The admin named them by phone: the full number is what they typed and what they can correct.
      members: members.map((m) => ({ id: m.id, who: [m.phone ?? m.id, m.nickname].filter(Boolean).join(" · ") })),
      stores,
    },
  };
}

export type DmShopView = { id: string; title: string; note: string; coverUrl: string; endsAt: Date | null; items: DmItemCard[] };

/** A DM catalog of this brand with what the gate and the shop page need; null = no such catalog (or a bad id). */
async function findDm(brandId: string, catalogId: string) {
  if (!z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).safeParse(catalogId).success) return null;
  return db.lookbook.findFirst({
    where: { id: catalogId, brandId, kind: "DM" },
    select: {
      id: true,
      brandId: true,
      kind: true,
      status: true,
      title: true,
      note: true,
      coverUrl: true,
      startsAt: true,
      endsAt: true,
      audience: { select: { kind: true, value: true } },
    },
  });
}

/** The member's page of a catalog: its items still on sale, in order. Only called once the gate has let them in. */
async function shopView(c: NonNullable<Awaited<ReturnType<typeof findDm>>>, brand: { id: string; slug: string }): Promise<DmShopView> {
  const items = await db.lookbookItem.findMany({ where: { lookbookId: c.id }, orderBy: [{ sort: "asc" }, { id: "asc" }], select: { id: true, productId: true, note: true } });
  const cards = (await itemCards(brand.id, brand.slug, items)).filter((i) => i.onSale);
  return { id: c.id, title: c.title, note: c.note, coverUrl: c.coverUrl, endsAt: c.endsAt, items: cards };
}

/**
 * What a member (null = anonymous) gets at /[brand]/dm/[id]: the catalog when canSee says so, else "not for
 * you" (never the items). null = no such DM catalog of this brand (the not-found page).
 */
export async function openDmCatalog(memberId: string | null, brand: { id: string; slug: string }, catalogId: string, now: Date = new Date()): Promise<{ kind: "view"; view: DmShopView } | { kind: "not_for_you" } | null> {
  const c = await findDm(brand.id, catalogId);
  if (!c) return null;
  if (!(await canSee(memberId, c, now))) return { kind: "not_for_you" };
  return { kind: "view", view: await shopView(c, brand) };
}

export type DmPreview = { state: CatalogState; startsAt: Date | null; endsAt: Date | null } & ({ kind: "view"; view: DmShopView } | { kind: "not_for_you" });

/**
 * "Preview as member X": the page this member gets while the catalog is live — the catalog if they are in its
 * audience, else the not-for-you page — whatever its state now (draft, scheduled, live, ended), which the admin
 * is told. For a live catalog it is exactly openDmCatalog's answer. null = no such DM catalog of this brand.
 */
export async function previewDmCatalog(memberId: string, brand: { id: string; slug: string }, catalogId: string, now: Date = new Date()): Promise<DmPreview | null> {
  const c = await findDm(brand.id, catalogId);
  if (!c) return null;
  const state = { state: catalogState(c, now), startsAt: c.startsAt, endsAt: c.endsAt };
  if (!(await inAudience(memberId, c))) return { ...state, kind: "not_for_you" };
  return { ...state, kind: "view", view: await shopView(c, brand) };
}

export type PreviewMember = { id: string; who: string; tier: string | null };

/** The member an admin previews as, by phone number or member id; only members of the brand. */
export async function findPreviewMember(brandId: string, phoneOrId: string): Promise<PreviewMember | null> {
  const q = phoneOrId.normalize("NFKC").trim().slice(0, 64);
  if (!q) return null;
  const phone = normalizeChinaMobile(q);
  const mb = await db.memberBrand.findFirst({
    where: { brandId, member: phone ? { phone } : { id: q } },
    select: { tier: true, member: { select: { id: true, phone: true, nickname: true } } },
  });
  if (!mb) return null;
  return { id: mb.member.id, who: [mb.member.nickname, mb.member.phone ? maskPhone(mb.member.phone) : ""].filter(Boolean).join(" ") || mb.member.id, tier: mb.tier };
}
