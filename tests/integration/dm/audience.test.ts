import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { canSee, catalogState, catalogsFor, inAudience, type CatalogGate } from "@/lib/dm/audience";
import { openDmCatalog, previewDmCatalog } from "@/lib/dm/read";

// The DM audience matrix: each rule kind × each kind of member, on a real database. Every member and catalog
// here is made by this file; the one order is removed afterwards.

const NOW = new Date("2026-11-20T08:00:00Z");
const madeOrders: string[] = [];

afterAll(async () => {
  await db.order.deleteMany({ where: { id: { in: madeOrders } } });
});

async function fixture() {
  const lumi = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
  const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
  const admin = await db.staff.findUniqueOrThrow({ where: { username: "lumi.admin" } });
  const sh01 = await db.store.findUniqueOrThrow({ where: { brandId_code: { brandId: lumi.id, code: "SH01" } } });
  const bj01 = await db.store.findUniqueOrThrow({ where: { brandId_code: { brandId: lumi.id, code: "BJ01" } } });
  const sh01Guide = await db.staff.findUniqueOrThrow({ where: { username: "lumi.sh01.guide" } });
  const bj01Guide = await db.staff.findUniqueOrThrow({ where: { username: "lumi.bj01.guide" } });
  const tag = `dm-test-${crypto.randomBytes(3).toString("hex")}`;

  const member = async (brandId: string | null, tier: "NORMAL" | "VIP" | "SVIP" = "NORMAL", tags: string[] = []) => {
    const m = await db.member.create({ data: { phone: `137${String(crypto.randomInt(10_000_000, 99_999_999))}` } });
    if (brandId) await db.memberBrand.create({ data: { memberId: m.id, brandId, tier, tags: { create: tags.map((t) => ({ tag: t, brandId })) } } });
    return m.id;
  };
  const vip = await member(lumi.id, "VIP");
  const svip = await member(lumi.id, "SVIP");
  const normal = await member(lumi.id, "NORMAL");
  const tagged = await member(lumi.id, "NORMAL", [tag]);
  const untagged = await member(lumi.id, "NORMAL", ["something-else"]);
  const nordVip = await member(nord.id, "VIP", [tag]);
  // SH01's customers: one paid an order collected there, one is bound to its guide; others are BJ01's or ended.
  const orderCustomer = await member(lumi.id);
  const order = await db.order.create({
    data: {
      number: `99${crypto.randomInt(1e9, 9e9)}`,
      brandId: lumi.id,
      memberId: orderCustomer,
      fulfilment: "PICKUP",
      status: "COMPLETED",
      paymentMethod: "ONLINE",
      storeId: sh01.id,
      itemsFen: 100,
      totalFen: 100,
      idempotencyKey: crypto.randomUUID(),
      requestHash: "dm-test",
      paidAt: NOW,
      completedAt: NOW,
    },
  });
  madeOrders.push(order.id);
  const unpaidCustomer = await member(lumi.id);
  const unpaid = await db.order.create({
    data: { number: `98${crypto.randomInt(1e9, 9e9)}`, brandId: lumi.id, memberId: unpaidCustomer, fulfilment: "PICKUP", status: "CANCELLED", paymentMethod: "ONLINE", storeId: sh01.id, itemsFen: 100, totalFen: 100, idempotencyKey: crypto.randomUUID(), requestHash: "dm-test" },
  });
  madeOrders.push(unpaid.id);
  const bind = async (memberId: string, guideId: string, ended = false) =>
    db.guideBinding.create({ data: { brandId: lumi.id, memberId, guideId, source: "QR", boundAt: NOW, lastTouchAt: NOW, ...(ended ? { endedAt: NOW, endedReason: "test" } : {}) } });
  const boundCustomer = await member(lumi.id);
  await bind(boundCustomer, sh01Guide.id);
  const endedCustomer = await member(lumi.id);
  await bind(endedCustomer, sh01Guide.id, true);
  const otherStoreCustomer = await member(lumi.id);
  await bind(otherStoreCustomer, bj01Guide.id);

  const product = await db.product.findFirstOrThrow({ where: { brandId: lumi.id, active: true }, orderBy: { styleCode: "asc" } });
  const catalog = async (rules: { kind: "TIER" | "TAG" | "MEMBER" | "STORE"; value: string }[], extra: { status?: "DRAFT" | "PUBLISHED"; startsAt?: Date | null; endsAt?: Date | null } = {}) => {
    const c = await db.lookbook.create({
      data: {
        brandId: lumi.id,
        authorId: admin.id,
        kind: "DM",
        title: `DM ${crypto.randomBytes(3).toString("hex")}`,
        status: extra.status ?? "PUBLISHED",
        publishedAt: NOW,
        startsAt: extra.startsAt ?? null,
        endsAt: extra.endsAt ?? null,
        items: { create: [{ productId: product.id, note: "secret note", sort: 0 }] },
        audience: { create: rules },
      },
      select: { id: true, brandId: true, kind: true, status: true, startsAt: true, endsAt: true, audience: { select: { kind: true, value: true } } },
    });
    return c satisfies CatalogGate & { id: string };
  };
  return { lumi, nord, sh01, bj01, tag, product, catalog, members: { vip, svip, normal, tagged, untagged, nordVip, orderCustomer, unpaidCustomer, boundCustomer, endedCustomer, otherStoreCustomer } };
}

describe("DM audience matrix", async () => {
  const f = await fixture();
  const m = f.members;
  const everyone = { ...m, anonymous: null as string | null };
  type Who = keyof typeof everyone;

  async function whoSees(c: CatalogGate): Promise<Who[]> {
    const seen: Who[] = [];
    for (const [who, id] of Object.entries(everyone) as [Who, string | null][]) if (await canSee(id, c, NOW)) seen.push(who);
    return seen.sort();
  }

  it("TIER: members of that tier in the brand; not another tier, not another brand's member of that tier, not anonymous", async () => {
    expect(await whoSees(await f.catalog([{ kind: "TIER", value: "VIP" }]))).toEqual(["vip"]);
    expect(await whoSees(await f.catalog([{ kind: "TIER", value: "VIP" }, { kind: "TIER", value: "SVIP" }]))).toEqual(["svip", "vip"]);
  });

  it("TAG: members tagged so in the brand; untagged and another brand's member with the same tag are out", async () => {
    expect(await whoSees(await f.catalog([{ kind: "TAG", value: f.tag }]))).toEqual(["tagged"]);
  });

  it("MEMBER: the named member only", async () => {
    expect(await whoSees(await f.catalog([{ kind: "MEMBER", value: m.normal }]))).toEqual(["normal"]);
  });

  it("STORE: a paid order collected there or an open binding to its guide; not an unpaid order, an ended binding or another store's customer", async () => {
    expect(await whoSees(await f.catalog([{ kind: "STORE", value: f.sh01.id }]))).toEqual(["boundCustomer", "orderCustomer"]);
    expect(await whoSees(await f.catalog([{ kind: "STORE", value: f.bj01.id }]))).toEqual(["otherStoreCustomer"]);
  });

  it("any rule matching is enough", async () => {
    const c = await f.catalog([{ kind: "TIER", value: "SVIP" }, { kind: "TAG", value: f.tag }, { kind: "MEMBER", value: m.untagged }, { kind: "STORE", value: f.bj01.id }]);
    expect(await whoSees(c)).toEqual(["otherStoreCustomer", "svip", "tagged", "untagged"]);
  });

  it("no rule: nobody, not even the brand's VIPs", async () => {
    expect(await whoSees(await f.catalog([]))).toEqual([]);
  });

  it("the window: before its start and from its end on nobody sees it; a draft is seen by nobody", async () => {
    const vipRule = [{ kind: "TIER" as const, value: "VIP" }];
    const future = await f.catalog(vipRule, { startsAt: new Date(NOW.getTime() + 1000) });
    expect(await canSee(m.vip, future, NOW)).toBe(false);
    expect(await canSee(m.vip, future, new Date(NOW.getTime() + 1000))).toBe(true);
    const ending = await f.catalog(vipRule, { endsAt: new Date(NOW.getTime() + 1000) });
    expect(await canSee(m.vip, ending, NOW)).toBe(true);
    expect(await canSee(m.vip, ending, new Date(NOW.getTime() + 1000))).toBe(false);
    expect(await canSee(m.vip, await f.catalog(vipRule, { status: "DRAFT" }), NOW)).toBe(false);
  });

  it("catalogsFor lists exactly the live catalogs canSee allows, per member; anonymous gets none", async () => {
    const tagged = await f.catalog([{ kind: "TAG", value: f.tag }]);
    const store = await f.catalog([{ kind: "STORE", value: f.sh01.id }]);
    const draft = await f.catalog([{ kind: "TAG", value: f.tag }], { status: "DRAFT" });
    const over = await f.catalog([{ kind: "TAG", value: f.tag }], { endsAt: NOW });
    const ids = async (who: string | null) => (await catalogsFor(who, f.lumi.id, NOW, 500)).map((c) => c.id);
    expect(await ids(m.tagged)).toContain(tagged.id);
    expect(await ids(m.tagged)).not.toContain(draft.id);
    expect(await ids(m.tagged)).not.toContain(over.id);
    expect(await ids(m.tagged)).not.toContain(store.id);
    expect(await ids(m.boundCustomer)).toContain(store.id);
    expect(await ids(m.untagged)).not.toContain(tagged.id);
    expect(await ids(m.nordVip)).not.toContain(tagged.id);
    expect(await catalogsFor(null, f.lumi.id, NOW)).toEqual([]);
    // The same answer as canSee for every member and every catalog it lists.
    for (const who of Object.values(m)) {
      for (const c of await catalogsFor(who, f.lumi.id, NOW, 500)) {
        const gate = await db.lookbook.findUniqueOrThrow({ where: { id: c.id }, select: { brandId: true, kind: true, status: true, startsAt: true, endsAt: true, audience: { select: { kind: true, value: true } } } });
        expect(await canSee(who, gate, NOW)).toBe(true);
      }
    }
  });

  it("the member's page: the items for the audience; 'not for you' without the items for anyone else; another brand's link is not found", async () => {
    const c = await f.catalog([{ kind: "TIER", value: "VIP" }]);
    const brand = { id: f.lumi.id, slug: "lumi" };
    const seen = await openDmCatalog(m.vip, brand, c.id, NOW);
    expect(seen).toMatchObject({ kind: "view", view: { items: [{ styleCode: f.product.styleCode, note: "secret note", href: `/lumi/p/${f.product.styleCode}` }] } });
    for (const who of [m.normal, m.nordVip, null]) {
      const answer = await openDmCatalog(who, brand, c.id, NOW);
      expect(answer).toEqual({ kind: "not_for_you" });
      expect(JSON.stringify(answer)).not.toContain(f.product.styleCode);
    }
    expect(await openDmCatalog(m.vip, { id: f.nord.id, slug: "nord" }, c.id, NOW)).toBeNull();
    expect(await openDmCatalog(m.vip, brand, "../etc", NOW)).toBeNull();
  });

  it("preview as member X of a draft: the items for a member in the audience, with the state DRAFT; the not-for-you answer for one outside; members still cannot see it", async () => {
    const draft = await f.catalog([{ kind: "TIER", value: "VIP" }], { status: "DRAFT" });
    const brand = { id: f.lumi.id, slug: "lumi" };
    expect(await previewDmCatalog(m.vip, brand, draft.id, NOW)).toMatchObject({
      kind: "view",
      state: "DRAFT",
      view: { id: draft.id, items: [{ styleCode: f.product.styleCode, note: "secret note" }] },
    });
    const outside = await previewDmCatalog(m.normal, brand, draft.id, NOW);
    expect(outside).toEqual({ kind: "not_for_you", state: "DRAFT", startsAt: null, endsAt: null });
    expect(JSON.stringify(outside)).not.toContain(f.product.styleCode);
    // The member's own page of the draft is unchanged: not for them, nor for anyone.
    expect(await whoSees(draft)).toEqual([]);
    expect(await openDmCatalog(m.vip, brand, draft.id, NOW)).toEqual({ kind: "not_for_you" });
    // Another brand's id is not found in a preview either.
    expect(await previewDmCatalog(m.vip, { id: f.nord.id, slug: "nord" }, draft.id, NOW)).toBeNull();
  });

  it("preview outside the window says when it starts or ended; on a live catalog it is exactly the member's page", async () => {
    const brand = { id: f.lumi.id, slug: "lumi" };
    const later = new Date(NOW.getTime() + 86_400_000);
    const earlier = new Date(NOW.getTime() - 86_400_000);
    const scheduled = await f.catalog([{ kind: "TIER", value: "VIP" }], { startsAt: later });
    expect(await previewDmCatalog(m.vip, brand, scheduled.id, NOW)).toMatchObject({ kind: "view", state: "SCHEDULED", startsAt: later });
    const ended = await f.catalog([{ kind: "TIER", value: "VIP" }], { endsAt: NOW });
    expect(await previewDmCatalog(m.vip, brand, ended.id, NOW)).toMatchObject({ kind: "view", state: "ENDED", endsAt: NOW });
    expect(await previewDmCatalog(m.normal, brand, ended.id, NOW)).toMatchObject({ kind: "not_for_you", state: "ENDED" });
    expect(catalogState({ status: "DRAFT", startsAt: earlier, endsAt: later }, NOW)).toBe("DRAFT");
    expect(catalogState({ status: "PUBLISHED", startsAt: NOW, endsAt: later }, NOW)).toBe("LIVE");

    const live = await f.catalog([{ kind: "TIER", value: "VIP" }, { kind: "STORE", value: f.sh01.id }]);
    for (const who of Object.values(m)) {
      const { state, startsAt, endsAt, ...page } = (await previewDmCatalog(who, brand, live.id, NOW))!;
      expect({ state, startsAt, endsAt }).toEqual({ state: "LIVE", startsAt: null, endsAt: null });
      expect(page).toEqual(await openDmCatalog(who, brand, live.id, NOW));
      // canSee is inAudience plus "live now".
      expect(await canSee(who, live, NOW)).toBe(await inAudience(who, live));
    }
  });
});
