import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bindShopperToGuide, guideToCredit, openBinding, reassignCustomers } from "@/lib/attribution/binding";
import { newMember } from "../orders/fixtures";

// Guides of one store of a brand, made for these tests (the seed has one guide per store).
async function guides(n: number, brandSlug = "lumi") {
  const store = await db.store.findFirstOrThrow({ where: { brand: { slug: brandSlug }, code: "SH01" } });
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.staff.create({ data: { username: `g-${crypto.randomUUID()}`, name: `导购${i}`, phone: `136${crypto.randomInt(10_000_000, 99_999_999)}`, passwordHash: "x", role: "GUIDE", brandId: store.brandId, storeId: store.id } }),
    ),
  );
}
const DAY = 86_400_000;
const t0 = new Date("2026-10-01T02:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const mode = (m: "FIRST_TOUCH" | "LAST_TOUCH" | "WINDOW") => db.brand.update({ where: { slug: "lumi" }, data: { bindingMode: m, bindingWindowDays: 30, bindingProtectionDays: 7 } });

afterEach(async () => {
  await db.brand.update({ where: { slug: "lumi" }, data: { bindingMode: "LAST_TOUCH" } });
});

describe("binding shoppers to guides on the database", () => {
  it("LAST_TOUCH: two guides in the window — protected for 7 days, then taken over; history kept; orders credit the guide in force", async () => {
    await mode("LAST_TOUCH");
    const [a, b] = await guides(2);
    const m = await newMember();
    const brandId = a!.brandId!;
    expect(await bindShopperToGuide({ brandId, memberId: m.id, guideId: a!.id, source: "QR" }, at(0))).toMatchObject({ outcome: "bound" });
    expect(await bindShopperToGuide({ brandId, memberId: m.id, guideId: b!.id, source: "SHARE_LINK" }, at(3))).toEqual({ outcome: "kept", reason: "protected", guideId: a!.id });
    expect(await guideToCredit(brandId, m.id, at(3))).toBe(a!.id);
    expect(await bindShopperToGuide({ brandId, memberId: m.id, guideId: b!.id, source: "SHARE_LINK" }, at(8))).toMatchObject({ outcome: "took_over" });
    expect(await guideToCredit(brandId, m.id, at(8))).toBe(b!.id);
    const history = await db.guideBinding.findMany({ where: { memberId: m.id }, orderBy: { boundAt: "asc" } });
    expect(history.map((h) => [h.guideId, h.source, h.endedAt !== null, h.endedReason])).toEqual([[a!.id, "QR", true, "last_touch"], [b!.id, "SHARE_LINK", false, ""]]);
  });

  it("FIRST_TOUCH keeps the first guide; WINDOW lapses after 30 days without a touch and credits nobody after", async () => {
    const [a, b] = await guides(2);
    const brandId = a!.brandId!;
    await mode("FIRST_TOUCH");
    const m1 = await newMember();
    await bindShopperToGuide({ brandId, memberId: m1.id, guideId: a!.id, source: "QR" }, at(0));
    expect(await bindShopperToGuide({ brandId, memberId: m1.id, guideId: b!.id, source: "QR" }, at(100))).toMatchObject({ outcome: "kept", reason: "first_touch" });

    await mode("WINDOW");
    const m2 = await newMember();
    await bindShopperToGuide({ brandId, memberId: m2.id, guideId: a!.id, source: "QR" }, at(0));
    expect(await bindShopperToGuide({ brandId, memberId: m2.id, guideId: b!.id, source: "QR" }, at(20))).toMatchObject({ outcome: "kept", reason: "window" });
    expect(await guideToCredit(brandId, m2.id, at(29))).toBe(a!.id);
    expect(await guideToCredit(brandId, m2.id, at(31))).toBeNull(); // expired: the order credits nobody
    expect(await bindShopperToGuide({ brandId, memberId: m2.id, guideId: b!.id, source: "QR" }, at(31))).toMatchObject({ outcome: "took_over" });
    expect(await guideToCredit(brandId, m2.id, at(31))).toBe(b!.id);
  });

  it("refuses self-binding, another brand's guide and a guide who left, binding nobody", async () => {
    const [a] = await guides(1);
    const [nordGuide] = await guides(1, "nord");
    const self = await newMember(a!.phone!);
    const m = await newMember();
    expect(await bindShopperToGuide({ brandId: a!.brandId!, memberId: self.id, guideId: a!.id, source: "QR" })).toEqual({ outcome: "refused", reason: "self" });
    expect(await bindShopperToGuide({ brandId: a!.brandId!, memberId: m.id, guideId: nordGuide!.id, source: "QR" })).toEqual({ outcome: "refused", reason: "other_brand" });
    await db.staff.update({ where: { id: a!.id }, data: { active: false } });
    expect(await bindShopperToGuide({ brandId: a!.brandId!, memberId: m.id, guideId: a!.id, source: "QR" })).toEqual({ outcome: "refused", reason: "inactive_guide" });
    expect(await db.guideBinding.count({ where: { memberId: { in: [self.id, m.id] } } })).toBe(0);
  });

  it("two guides' first touches at the same moment: one open binding", async () => {
    const [a, b] = await guides(2);
    const m = await newMember();
    const results = await Promise.all([a, b].map((g) => bindShopperToGuide({ brandId: g!.brandId!, memberId: m.id, guideId: g!.id, source: "QR" }, at(0))));
    expect(results.filter((r) => r.outcome === "bound")).toHaveLength(1);
    expect(await db.guideBinding.count({ where: { memberId: m.id, endedAt: null } })).toBe(1);
  });

  it("a guide who left credits nobody, and the next guide's touch takes the customer even under FIRST_TOUCH", async () => {
    await mode("FIRST_TOUCH");
    const [leaving, next] = await guides(2);
    const m = await newMember();
    const brandId = leaving!.brandId!;
    await bindShopperToGuide({ brandId, memberId: m.id, guideId: leaving!.id, source: "QR" }, at(0));
    await db.staff.update({ where: { id: leaving!.id }, data: { active: false } });
    expect(await guideToCredit(brandId, m.id, at(1))).toBeNull();
    expect(await bindShopperToGuide({ brandId, memberId: m.id, guideId: next!.id, source: "QR" }, at(2))).toMatchObject({ outcome: "took_over" });
    expect(await db.guideBinding.findFirst({ where: { memberId: m.id, guideId: leaving!.id } })).toMatchObject({ endedReason: "guide_left" });
  });

  it("a touch replayed from an old cookie never moves the binding's last touch backwards", async () => {
    await mode("WINDOW");
    const [a] = await guides(1);
    const m = await newMember();
    await bindShopperToGuide({ brandId: a!.brandId!, memberId: m.id, guideId: a!.id, source: "QR" }, at(0));
    await bindShopperToGuide({ brandId: a!.brandId!, memberId: m.id, guideId: a!.id, source: "QR" }, at(20));
    await bindShopperToGuide({ brandId: a!.brandId!, memberId: m.id, guideId: a!.id, source: "QR" }, at(5)); // the cookie again
    expect((await openBinding(a!.brandId!, m.id))!.lastTouchAt.toISOString()).toBe(at(20).toISOString());
  });

  it("a guide who leaves: the manager reassigns all their customers to a colleague of the store", async () => {
    const [leaving, staying] = await guides(2);
    const customers = await Promise.all([newMember(), newMember(), newMember()]);
    for (const c of customers) await bindShopperToGuide({ brandId: leaving!.brandId!, memberId: c.id, guideId: leaving!.id, source: "QR" }, at(0));
    expect(await reassignCustomers(leaving!.brandId!, leaving!.storeId!, leaving!.id, staying!.id, at(1))).toBe(3);
    for (const c of customers) expect(await openBinding(leaving!.brandId!, c.id)).toMatchObject({ guideId: staying!.id, source: "REASSIGNED" });
    expect(await db.guideBinding.count({ where: { guideId: leaving!.id, endedAt: null } })).toBe(0);
  });
});

describe("a guide's code opened by a shopper", () => {
  it("binds a signed-in member now; remembers the touch for a shopper who signs in later; another brand's or a departed guide binds nobody", async () => {
    const { guideCodeOpened, applyRememberedTouch } = await import("@/lib/attribution/binding");
    const { decodeGuideTouch, encodeGuideTouch } = await import("@/lib/attribution/guide-cookie");
    const [g] = await guides(1);
    const brand = await db.brand.findUniqueOrThrow({ where: { id: g!.brandId! } });
    const scene = { brandId: brand.id, brandSlug: brand.slug, guideId: g!.id };

    const signedIn = await newMember();
    expect(await guideCodeOpened(scene, { memberId: signedIn.id }, "QR")).toMatchObject({ outcome: { outcome: "bound" }, remember: false });
    expect(await openBinding(brand.id, signedIn.id)).toMatchObject({ guideId: g!.id, source: "QR" });

    const later = await newMember();
    expect(await guideCodeOpened(scene, null, "SHARE_LINK")).toEqual({ outcome: null, remember: true });
    const cookie = encodeGuideTouch({ b: brand.slug, g: g!.id, s: "SHARE_LINK", t: Math.floor(Date.now() / 1000) });
    expect(decodeGuideTouch(cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toBeNull(); // tampered
    expect(await applyRememberedTouch(later.id, decodeGuideTouch(cookie), "nord")).toBeNull(); // signing in to another brand
    expect(await applyRememberedTouch(later.id, decodeGuideTouch(cookie), brand.slug)).toMatchObject({ outcome: "bound" });
    expect(await openBinding(brand.id, later.id)).toMatchObject({ guideId: g!.id, source: "SHARE_LINK" });

    const warn = console.warn;
    const logged: string[] = [];
    console.warn = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
      expect(await guideCodeOpened({ brandId: nord.id, brandSlug: "nord", guideId: g!.id }, { memberId: later.id }, "QR")).toEqual({ outcome: null, remember: false });
      await db.staff.update({ where: { id: g!.id }, data: { active: false } });
      const third = await newMember();
      expect(await guideCodeOpened(scene, { memberId: third.id }, "QR")).toEqual({ outcome: null, remember: false });
      expect(await openBinding(brand.id, third.id)).toBeNull();
    } finally {
      console.warn = warn;
    }
    expect(logged.join("\n")).toMatch(/another brand's guide[\s\S]*no longer active/);
  });
});
