import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

beforeAll(() => {
  process.env.APP_SECRET = "integration-secret-integration-secret-0123";
  delete process.env.WECHAT_TEMPLATE_ID; // the inbox-only notifier
});

describe("guide lookbooks", async () => {
  const { createLookbook, guideLookbooks, lookbookCustomers, openLookbook, searchLookbookProducts, sendLookbook } = await import("@/lib/lookbooks/service");
  const { LookbookRefused } = await import("@/lib/lookbooks/errors");
  const { guideSceneCode } = await import("@/lib/guides/scene");

  async function setup() {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
    const staff = await db.staff.findUniqueOrThrow({ where: { username: "lumi.sh01.guide" } });
    const otherGuide = await db.staff.findUniqueOrThrow({ where: { username: "lumi.bj01.guide" } });
    const guide = { staffId: staff.id, brandId: brand.id };
    const products = await db.product.findMany({ where: { brandId: brand.id, active: true }, orderBy: { styleCode: "asc" }, take: 3 });
    const member = async (boundTo: string | null, ended = false) => {
      const m = await db.member.create({ data: { phone: `136${String(crypto.randomInt(10_000_000, 99_999_999))}` } });
      if (boundTo) {
        const now = new Date();
        await db.guideBinding.create({ data: { brandId: brand.id, memberId: m.id, guideId: boundTo, source: "QR", boundAt: now, lastTouchAt: now, ...(ended ? { endedAt: now, endedReason: "test" } : {}) } });
      }
      return m.id;
    };
    return { brand, guide, staff, otherGuide, products, member };
  }

  it("finds the brand's products by style code or name for the picker", async () => {
    const { brand, products } = await setup();
    const found = await searchLookbookProducts(brand.id, products[0]!.styleCode.toLowerCase());
    expect(found.map((p) => p.id)).toContain(products[0]!.id);
    expect(await searchLookbookProducts(brand.id, "   ")).toEqual([]);
    const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
    expect((await searchLookbookProducts(nord.id, products[0]!.styleCode)).map((p) => p.id)).not.toContain(products[0]!.id);
  });

  it("is sent only to the guide's own customers: another guide's, an ended binding's or a stranger refuse the whole send", async () => {
    const { guide, otherGuide, products, member } = await setup();
    const mine = await member(guide.staffId);
    const theirs = await member(otherGuide.id);
    const ended = await member(guide.staffId, true);
    const stranger = await member(null);
    expect((await lookbookCustomers(guide)).map((c) => c.memberId)).toContain(mine);
    const before = await db.lookbook.count();
    for (const other of [theirs, ended, stranger]) {
      await expect(createLookbook(guide, { title: "秋日通勤", items: [{ productId: products[0]!.id }], recipients: [mine, other] })).rejects.toMatchObject({ code: "not_your_customer" });
    }
    expect(await db.lookbook.count()).toBe(before);

    const sent = await createLookbook(guide, { title: "秋日通勤", note: "适合上班", items: [{ productId: products[0]!.id, note: "M 码合适" }, { productId: products[1]!.id }], recipients: [mine, mine] });
    expect(sent.sent).toBe(1);
    const inbox = await db.inboxMessage.findMany({ where: { memberId: mine } });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: "LOOKBOOK", link: `/lumi/lookbooks/${sent.id}` });
    await expect(sendLookbook(guide, sent.id, [stranger])).rejects.toBeInstanceOf(LookbookRefused);
    // Another guide cannot send my lookbook, even to their own customer.
    await expect(sendLookbook({ staffId: otherGuide.id, brandId: guide.brandId }, sent.id, [theirs])).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses products of another brand or off sale, and bad input, writing nothing", async () => {
    const { guide, member } = await setup();
    const mine = await member(guide.staffId);
    const nordProduct = await db.product.findFirstOrThrow({ where: { brand: { slug: "nord" } } });
    await expect(createLookbook(guide, { title: "x", items: [{ productId: nordProduct.id }], recipients: [mine] })).rejects.toMatchObject({ code: "unknown_product" });
    await expect(createLookbook(guide, { title: "", items: [{ productId: nordProduct.id }], recipients: [mine] })).rejects.toThrow(/标题|title/);
    await expect(createLookbook(guide, { title: "x", items: [], recipients: [mine] })).rejects.toThrow(/至少|least/);
    const many = Array.from({ length: 21 }, (_, i) => ({ productId: `p${i}` }));
    await expect(createLookbook(guide, { title: "x", items: many, recipients: [mine] })).rejects.toThrow(/20/);
    expect(await db.lookbookRecipient.count({ where: { memberId: mine } })).toBe(0);
  });

  it("only a recipient opens it; the first open is recorded once; the guide's list counts opens", async () => {
    const { brand, guide, products, member } = await setup();
    const a = await member(guide.staffId);
    const b = await member(guide.staffId);
    const outsider = await member(guide.staffId);
    const { id } = await createLookbook(guide, { title: "周末约会", items: [{ productId: products[2]!.id, note: "配白色小包" }], recipients: [a, b] });

    expect(await openLookbook(outsider, brand.id, id)).toBeNull();
    const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
    expect(await openLookbook(a, nord.id, id)).toBeNull();
    expect(await openLookbook(a, brand.id, "nope")).toBeNull();

    const first = new Date("2026-11-20T08:00:00Z");
    const view = await openLookbook(a, brand.id, id, first);
    expect(view).toMatchObject({ title: "周末约会", guideName: expect.any(String), items: [{ styleCode: products[2]!.styleCode, note: "配白色小包", priceFen: products[2]!.priceFen }] });
    // Through the guide's code, so an order from here credits them.
    const code = await guideSceneCode(guide.staffId);
    expect(view!.items[0]!.href).toBe(`/s/${code}?to=${encodeURIComponent(`/lumi/p/${products[2]!.styleCode}`)}`);
    await openLookbook(a, brand.id, id, new Date("2026-11-21T08:00:00Z"));
    const row = await db.lookbookRecipient.findUniqueOrThrow({ where: { lookbookId_memberId: { lookbookId: id, memberId: a } } });
    expect(row.openedAt).toEqual(first);

    const list = await guideLookbooks(guide);
    expect(list.find((l) => l.id === id)).toMatchObject({ items: 1, recipients: 2, opened: 1 });
    // Sending again to one who has it adds nobody; a new customer of mine gets it.
    const c = await member(guide.staffId);
    expect(await sendLookbook(guide, id, [a, c])).toEqual({ sent: 1 });
    expect((await guideLookbooks(guide)).find((l) => l.id === id)).toMatchObject({ recipients: 3, opened: 1 });
  });

  it("a recipient the notifier fails for still has the lookbook; the others are told", async () => {
    const { brand, guide, products, member } = await setup();
    const a = await member(guide.staffId);
    const b = await member(guide.staffId);
    const told: string[] = [];
    const notifier = {
      async notify(memberId: string) {
        if (memberId === a) throw new Error("inbox down");
        told.push(memberId);
        return { inboxId: "x", wechat: "off" as const };
      },
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { id, sent } = await createLookbook(guide, { title: "通知失败也在", items: [{ productId: products[0]!.id }], recipients: [a, b] }, notifier);
      expect(sent).toBe(2);
      expect(told).toEqual([b]);
      expect(logged).toHaveBeenCalledOnce();
      expect(await openLookbook(a, brand.id, id)).not.toBeNull();
    } finally {
      logged.mockRestore();
    }
  });
});
