import { db } from "@/lib/db";
import type { AudienceKind, CatalogKind, CatalogStatus, MemberTier } from "@/lib/generated/prisma/enums";

// Who sees a curated catalog (a brand's VIP DM catalog or a guide's lookbook): a member of the catalog's brand
// who matches ANY of its audience rules, while it is published and inside its window. No rule = nobody.
// STORE = the store's customers: a paid order collected there (pickup / counter) or an open binding to one of
// its guides (docs/decisions/018-dm-catalogs.md).

export const TIERS = ["NORMAL", "VIP", "SVIP"] as const satisfies readonly MemberTier[];

export type AudienceRule = { kind: AudienceKind; value: string };

/**
 * What the rules are evaluated against: one member as the catalog's brand knows them. tier null = not a member of
 * the brand (no tier, no tags): only a rule naming them (a guide's customer) or one of their stores can match.
 */
export type MemberFacts = { memberId: string; tier: MemberTier | null; tags: string[]; storeIds: string[] };

/** The part of a catalog the gate looks at. */
export type CatalogGate = {
  brandId: string;
  kind: CatalogKind;
  status: CatalogStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  audience: AudienceRule[];
};

export function ruleMatches(rule: AudienceRule, facts: MemberFacts): boolean {
  switch (rule.kind) {
    case "TIER":
      return facts.tier !== null && facts.tier === rule.value;
    case "TAG":
      return facts.tags.includes(rule.value);
    case "MEMBER":
      return facts.memberId === rule.value;
    case "STORE":
      return facts.storeIds.includes(rule.value);
  }
}

/** Any rule matching lets the member in; an empty audience lets nobody in. */
export function matchesAudience(rules: readonly AudienceRule[], facts: MemberFacts | null): boolean {
  return facts !== null && rules.some((r) => ruleMatches(r, facts));
}

/** Inside [startsAt, endsAt): the start instant is in, the end instant is out; null = open on that side. */
export function inWindow(c: { startsAt: Date | null; endsAt: Date | null }, now: Date): boolean {
  return (c.startsAt === null || c.startsAt <= now) && (c.endsAt === null || now < c.endsAt);
}

export function isLive(c: { status: CatalogStatus; startsAt: Date | null; endsAt: Date | null }, now: Date): boolean {
  return c.status === "PUBLISHED" && inWindow(c, now);
}

/** Where a catalog stands now: a draft, published but before its window, live (isLive), or past its window. */
export type CatalogState = "DRAFT" | "SCHEDULED" | "LIVE" | "ENDED";

export function catalogState(c: { status: CatalogStatus; startsAt: Date | null; endsAt: Date | null }, now: Date): CatalogState {
  if (c.status !== "PUBLISHED") return "DRAFT";
  if (inWindow(c, now)) return "LIVE";
  return c.startsAt !== null && now < c.startsAt ? "SCHEDULED" : "ENDED";
}

/** The member as the brand knows them: tier and tags of their membership, the brand's stores they are a customer of. */
export async function memberFacts(memberId: string, brandId: string): Promise<MemberFacts> {
  const [membership, orders, bindings] = await Promise.all([
    db.memberBrand.findUnique({ where: { memberId_brandId: { memberId, brandId } }, select: { tier: true, tags: { select: { tag: true } } } }),
    db.order.findMany({ where: { memberId, brandId, paidAt: { not: null }, storeId: { not: null } }, distinct: ["storeId"], select: { storeId: true } }),
    db.guideBinding.findMany({ where: { memberId, brandId, endedAt: null }, select: { guide: { select: { storeId: true } } } }),
  ]);
  const storeIds = new Set<string>();
  for (const o of orders) if (o.storeId) storeIds.add(o.storeId);
  for (const b of bindings) if (b.guide.storeId) storeIds.add(b.guide.storeId);
  return { memberId, tier: membership?.tier ?? null, tags: membership?.tags.map((t) => t.tag) ?? [], storeIds: [...storeIds] };
}

/**
 * Is this member (null = anonymous) in the catalog's audience, whatever its status and window? The one rule
 * evaluation: canSee adds "live now" to it; the admin's "preview as member X" asks only this, so a draft or a
 * catalog outside its window can be previewed (lib/dm/read.ts previewDmCatalog).
 */
export async function inAudience(memberId: string | null, catalog: Pick<CatalogGate, "brandId" | "audience">): Promise<boolean> {
  if (!memberId || catalog.audience.length === 0) return false;
  return matchesAudience(catalog.audience, await memberFacts(memberId, catalog.brandId));
}

/**
 * May this member (null = anonymous) see this catalog now? Published, inside its window, and the member of the
 * catalog's brand matching one of its rules. A draft is never visible to a member.
 */
export async function canSee(memberId: string | null, catalog: CatalogGate, now: Date = new Date()): Promise<boolean> {
  return isLive(catalog, now) && (await inAudience(memberId, catalog));
}

export type DmSummary = { id: string; title: string; note: string; coverUrl: string; items: number; startsAt: Date | null; endsAt: Date | null; publishedAt: Date | null };

/**
 * The brand's DM catalogs this member sees now, newest first: one query whose audience condition is the member's
 * own facts (their tier, tags, id, stores), so nothing is loaded for a catalog they cannot see. Anonymous: none.
 */
export async function catalogsFor(memberId: string | null, brandId: string, now: Date = new Date(), take = 20): Promise<DmSummary[]> {
  if (!memberId) return [];
  const facts = await memberFacts(memberId, brandId);
  const rows = await db.lookbook.findMany({
    where: {
      brandId,
      kind: "DM",
      status: "PUBLISHED",
      AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
      audience: {
        some: {
          OR: [
            { kind: "MEMBER" as const, value: facts.memberId },
            ...(facts.tier ? [{ kind: "TIER" as const, value: facts.tier }] : []),
            ...(facts.tags.length ? [{ kind: "TAG" as const, value: { in: facts.tags } }] : []),
            ...(facts.storeIds.length ? [{ kind: "STORE" as const, value: { in: facts.storeIds } }] : []),
          ],
        },
      },
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, title: true, note: true, coverUrl: true, startsAt: true, endsAt: true, publishedAt: true, _count: { select: { items: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, items: _count.items }));
}
