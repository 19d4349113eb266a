import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDmItem, createDmDraft, moveDmItem, publishDm, removeDmItem, setDmAudience, setDmCover, setDmItemNote, setDmWindow, unpublishDm, updateDmDetails } from "@/lib/dm/builder";
import { DmRefused } from "@/lib/dm/errors";
import { dmForBuilder, findPreviewMember, listDmCatalogs, openDmCatalog } from "@/lib/dm/read";
import { parseListParams } from "@/lib/admin/list-params";
import { DM_SORTS } from "@/lib/dm/read";

// The DM builder on a real database: each refusal names its reason and changes nothing.

const NOW = new Date("2026-11-20T08:00:00Z");

async function setup() {
  const lumi = await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } });
  const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
  const staff = await db.staff.findUniqueOrThrow({ where: { username: "lumi.admin" } });
  const admin = { staffId: staff.id, brandId: lumi.id };
  const products = await db.product.findMany({ where: { brandId: lumi.id, active: true }, orderBy: { styleCode: "asc" }, take: 3 });
  const phone = `135${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  const member = await db.member.create({ data: { phone, brands: { create: { brandId: lumi.id, tier: "VIP" } } } });
  return { lumi, nord, admin, products, member, phone };
}

/** The catalog's rows as they are stored: equal snapshots = nothing changed. */
async function snapshot(id: string) {
  return db.lookbook.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { id: "asc" } }, audience: { orderBy: { id: "asc" } } } });
}

describe("DM catalog builder", () => {
  it("refuses to publish without items, then without an audience, then after its window, changing nothing each time", async () => {
    const { admin, products } = await setup();
    const { id } = await createDmDraft(admin, { title: "冬季 VIP 专享", note: "" });
    let before = await snapshot(id);
    await expect(publishDm(admin, id, NOW)).rejects.toMatchObject({ code: "no_items", message: expect.stringMatching(/商品.*product/) });
    expect(await snapshot(id)).toEqual(before);

    await addDmItem(admin, id, products[0]!.id, "新品");
    before = await snapshot(id);
    await expect(publishDm(admin, id, NOW)).rejects.toMatchObject({ code: "no_audience", message: expect.stringMatching(/受众.*audience/) });
    expect(await snapshot(id)).toEqual(before);

    await setDmAudience(admin, id, { tiers: ["VIP"] });
    await setDmWindow(admin, id, { startsAt: null, endsAt: new Date(NOW.getTime() - 1) }, new Date(NOW.getTime() - 10_000));
    before = await snapshot(id);
    await expect(publishDm(admin, id, NOW)).rejects.toMatchObject({ code: "window_over" });
    expect(await snapshot(id)).toEqual(before);

    await setDmWindow(admin, id, { startsAt: null, endsAt: null });
    await publishDm(admin, id, NOW);
    expect(await snapshot(id)).toMatchObject({ status: "PUBLISHED", publishedAt: NOW });
    // A second click publishes once: the first instant stays.
    await publishDm(admin, id, new Date(NOW.getTime() + 5000));
    expect((await snapshot(id)).publishedAt).toEqual(NOW);
    // Publishing is in the audit log, once, under the brand.
    expect(await db.auditLog.findMany({ where: { action: "dm.published", target: `lookbook:${id}` }, select: { actor: true, brandId: true } })).toEqual([{ actor: `staff:${admin.staffId}`, brandId: admin.brandId }]);
  });

  it("a published catalog keeps an item, an audience and a window ahead; unpublished it hides from members", async () => {
    const { admin, products, member, lumi } = await setup();
    const { id } = await createDmDraft(admin, { title: "已发布", note: "" });
    const { itemId } = await addDmItem(admin, id, products[0]!.id);
    await setDmAudience(admin, id, { members: [member.id] });
    await publishDm(admin, id, NOW);
    const before = await snapshot(id);
    await expect(removeDmItem(admin, id, itemId)).rejects.toMatchObject({ code: "published" });
    await expect(setDmAudience(admin, id, {})).rejects.toMatchObject({ code: "published" });
    await expect(setDmWindow(admin, id, { startsAt: null, endsAt: new Date(NOW.getTime() - 1) }, NOW)).rejects.toMatchObject({ code: "window_over" });
    expect(await snapshot(id)).toEqual(before);
    expect(await openDmCatalog(member.id, { id: lumi.id, slug: "lumi" }, id, NOW)).toMatchObject({ kind: "view" });
    await unpublishDm(admin, id);
    expect(await openDmCatalog(member.id, { id: lumi.id, slug: "lumi" }, id, NOW)).toEqual({ kind: "not_for_you" });
  });

  it("items: added once each, from the brand only, with notes, moved up and down", async () => {
    const { admin, products } = await setup();
    const { id } = await createDmDraft(admin, { title: "顺序", note: "" });
    const a = await addDmItem(admin, id, products[0]!.id);
    const b = await addDmItem(admin, id, products[1]!.id);
    const c = await addDmItem(admin, id, products[2]!.id);
    const before = await snapshot(id);
    await expect(addDmItem(admin, id, products[0]!.id)).rejects.toMatchObject({ code: "duplicate_product" });
    const nordProduct = await db.product.findFirstOrThrow({ where: { brand: { slug: "nord" } } });
    await expect(addDmItem(admin, id, nordProduct.id)).rejects.toMatchObject({ code: "unknown_product" });
    await expect(setDmItemNote(admin, id, a.itemId, "x".repeat(201))).rejects.toThrow(/200/);
    expect(await snapshot(id)).toEqual(before);

    await setDmItemNote(admin, id, b.itemId, "配腰带");
    await moveDmItem(admin, id, c.itemId, "up");
    await moveDmItem(admin, id, a.itemId, "up"); // already first: nothing
    const order = async () => (await dmForBuilder(admin.brandId, id))!.items.map((i) => i.itemId);
    expect(await order()).toEqual([a.itemId, c.itemId, b.itemId]);
    await moveDmItem(admin, id, a.itemId, "down");
    expect(await order()).toEqual([c.itemId, a.itemId, b.itemId]);
    expect((await dmForBuilder(admin.brandId, id))!.items.find((i) => i.itemId === b.itemId)!.note).toBe("配腰带");
    await removeDmItem(admin, id, a.itemId);
    expect(await order()).toEqual([c.itemId, b.itemId]);
  });

  it("audience: members by phone or id and stores by code, all of the brand, else refused naming them with nothing changed", async () => {
    const { admin, member, phone } = await setup();
    const { id } = await createDmDraft(admin, { title: "受众", note: "" });
    await setDmAudience(admin, id, { tiers: ["VIP", "SVIP"], tags: ["上海常客"], members: [phone], stores: ["sh01"] });
    const view = (await dmForBuilder(admin.brandId, id))!;
    expect(view.audience).toMatchObject({ tiers: ["VIP", "SVIP"], tags: ["上海常客"], members: [{ id: member.id }], stores: [{ code: "SH01" }] });
    const before = await snapshot(id);
    await expect(setDmAudience(admin, id, { members: [phone, "13000000000"] })).rejects.toMatchObject({ code: "unknown_member", message: expect.stringContaining("13000000000") });
    const nordOnly = await db.member.create({ data: { phone: `134${String(crypto.randomInt(10_000_000, 99_999_999))}`, brands: { create: { brandId: (await db.brand.findUniqueOrThrow({ where: { slug: "nord" } })).id } } } });
    await expect(setDmAudience(admin, id, { members: [nordOnly.id] })).rejects.toMatchObject({ code: "unknown_member" });
    await expect(setDmAudience(admin, id, { stores: ["ZZ99"] })).rejects.toMatchObject({ code: "unknown_store", message: expect.stringContaining("ZZ99") });
    await expect(setDmAudience(admin, id, { tiers: ["GOLD" as "VIP"] })).rejects.toBeInstanceOf(Error);
    expect(await snapshot(id)).toEqual(before);
  });

  it("another brand's admin cannot touch it; bad details and windows are refused", async () => {
    const { admin, nord } = await setup();
    const { id } = await createDmDraft(admin, { title: "品牌", note: "" });
    const nordAdmin = await db.staff.findUniqueOrThrow({ where: { username: "nord.admin" } });
    await expect(updateDmDetails({ staffId: nordAdmin.id, brandId: nord.id }, id, { title: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(publishDm({ staffId: nordAdmin.id, brandId: nord.id }, id)).rejects.toBeInstanceOf(DmRefused);
    await expect(createDmDraft(admin, { title: "  " })).rejects.toThrow(/标题|title/);
    await expect(setDmWindow(admin, id, { startsAt: NOW, endsAt: NOW })).rejects.toMatchObject({ code: "bad_window" });
    await expect(setDmCover(admin, id, Buffer.from("not a picture"))).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/JPEG/) });
    expect((await snapshot(id)).title).toBe("品牌");
  });

  it("the admin list searches, filters by status, sorts and pages on the server", async () => {
    const { admin } = await setup();
    const word = `列表${crypto.randomBytes(2).toString("hex")}`;
    for (const n of [1, 2, 3]) await createDmDraft(admin, { title: `${word}-${n}`, note: "" });
    const params = parseListParams({ q: word, sort: "title", dir: "desc" }, { sorts: DM_SORTS, defaultSort: "createdAt" });
    const page = await listDmCatalogs(admin.brandId, { ...params, pageSize: 2, take: 2 });
    expect(page.total).toBe(3);
    expect(page.pages).toBe(2);
    expect(page.rows.map((r) => r.title)).toEqual([`${word}-3`, `${word}-2`]);
    expect((await listDmCatalogs(admin.brandId, params, "PUBLISHED")).total).toBe(0);
    expect((await listDmCatalogs(admin.brandId, params, "DRAFT")).total).toBe(3);
  });

  it("preview finds a brand member by phone or id, nobody else", async () => {
    const { admin, member, phone, nord } = await setup();
    expect(await findPreviewMember(admin.brandId, phone)).toMatchObject({ id: member.id, tier: "VIP" });
    expect(await findPreviewMember(admin.brandId, member.id)).toMatchObject({ id: member.id });
    expect(await findPreviewMember(nord.id, member.id)).toBeNull();
    expect(await findPreviewMember(admin.brandId, "  ")).toBeNull();
  });
});
