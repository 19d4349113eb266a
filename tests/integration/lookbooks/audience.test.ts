import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

beforeAll(() => {
  process.env.APP_SECRET = "integration-secret-integration-secret-0123";
  delete process.env.WECHAT_TEMPLATE_ID; // the inbox-only notifier
});

// A guide's lookbook is a catalog like a DM catalog: its recipients are MEMBER audience rules, and opening it
// asks the same canSee (lib/dm/audience).
describe("lookbook audience", async () => {
  const { createLookbook, openLookbook, sendLookbook } = await import("@/lib/lookbooks/service");

  async function setup() {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
    const staff = await db.staff.findUniqueOrThrow({ where: { username: "lumi.sh01.guide" } });
    const product = await db.product.findFirstOrThrow({ where: { brandId: brand.id, active: true }, orderBy: { styleCode: "desc" } });
    const customer = async () => {
      const m = await db.member.create({ data: { phone: `132${String(crypto.randomInt(10_000_000, 99_999_999))}` } });
      const now = new Date();
      await db.guideBinding.create({ data: { brandId: brand.id, memberId: m.id, guideId: staff.id, source: "QR", boundAt: now, lastTouchAt: now } });
      return m.id;
    };
    return { brand, guide: { staffId: staff.id, brandId: brand.id }, product, customer };
  }

  it("writes one MEMBER rule per recipient, on creating and on sending again", async () => {
    const { guide, product, customer } = await setup();
    const [a, b] = [await customer(), await customer()];
    const { id } = await createLookbook(guide, { title: "受众", items: [{ productId: product.id }], recipients: [a] });
    const rules = async () => (await db.catalogAudience.findMany({ where: { lookbookId: id }, orderBy: { value: "asc" } })).map((r) => `${r.kind}:${r.value}`);
    expect(await rules()).toEqual([`MEMBER:${a}`]);
    await sendLookbook(guide, id, [a, b]);
    expect(await rules()).toEqual([`MEMBER:${a}`, `MEMBER:${b}`].sort());
  });

  it("opening asks canSee: a recipient without a rule, or a lookbook taken back to draft, reads as not found", async () => {
    const { brand, guide, product, customer } = await setup();
    const a = await customer();
    const { id } = await createLookbook(guide, { title: "门禁", items: [{ productId: product.id }], recipients: [a] });
    expect(await openLookbook(a, brand.id, id)).not.toBeNull();
    await db.lookbook.update({ where: { id }, data: { status: "DRAFT" } });
    expect(await openLookbook(a, brand.id, id)).toBeNull();
    await db.lookbook.update({ where: { id }, data: { status: "PUBLISHED" } });
    await db.catalogAudience.deleteMany({ where: { lookbookId: id } });
    expect(await openLookbook(a, brand.id, id)).toBeNull();
  });
});
