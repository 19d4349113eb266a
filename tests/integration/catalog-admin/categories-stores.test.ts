import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { categoryForm, createCategory, deleteCategory, updateCategory } from "@/lib/catalog/manage-categories";
import { loadCategoryAdminTree } from "@/lib/catalog/admin-queries";
import { newStoreForm, storeForm } from "@/lib/stores/admin-input";
import { createStore, updateStore } from "@/lib/stores/manage";
import { listStores } from "@/lib/stores/admin-queries";
import { parseListParams } from "@/lib/admin/list-params";

// Categories (tree moves without cycles, delete only when empty, slugs unique per brand) and stores (edits,
// switches, another brand's store refused) against the seeded database; everything made here is removed after.

const ACTOR = "staff:catalog-admin-test" as const;
let lumi = "";
let nord = "";
const made: string[] = [];
const cat = (over: Record<string, string> = {}) => categoryForm.parse({ name: "测试", nameEn: "Test", slug: "it-test", parentId: "", sort: "0", ...over });

beforeAll(async () => {
  lumi = (await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } })).id;
  nord = (await db.brand.findUniqueOrThrow({ where: { slug: "nord" } })).id;
});

afterAll(async () => {
  // Children first.
  for (const id of made.reverse()) await db.category.deleteMany({ where: { id } });
  await db.store.deleteMany({ where: { brandId: lumi, code: "IT99" } });
  await db.auditLog.deleteMany({ where: { actor: ACTOR } });
});

describe("categories", () => {
  let top = "";
  let child = "";
  let grandchild = "";

  it("creates a small tree and lists it depth-first", async () => {
    for (const [slug, parent] of [["it-top", ""], ["it-child", "top"], ["it-grandchild", "child"]] as const) {
      const parentId = parent === "top" ? top : parent === "child" ? child : "";
      const r = await createCategory(lumi, cat({ slug, parentId }), ACTOR);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      made.push(r.id);
      if (slug === "it-top") top = r.id;
      else if (slug === "it-child") child = r.id;
      else grandchild = r.id;
    }
    const tree = (await loadCategoryAdminTree(lumi)).filter((n) => n.slug.startsWith("it-"));
    expect(tree.map((n) => [n.slug, n.depth])).toEqual([["it-top", 0], ["it-child", 1], ["it-grandchild", 2]]);
  });

  it("refuses moving a category under itself or its own descendant, changing nothing", async () => {
    const before = await db.category.findUniqueOrThrow({ where: { id: top } });
    const message = "不能移到自身或其子分类之下 / A category cannot move under itself or one of its own sub-categories";
    expect(await updateCategory(lumi, top, cat({ slug: "it-top", parentId: grandchild }), ACTOR)).toEqual({ ok: false, message });
    expect(await updateCategory(lumi, top, cat({ slug: "it-top", parentId: top }), ACTOR)).toEqual({ ok: false, message });
    expect(await db.category.findUniqueOrThrow({ where: { id: top } })).toEqual(before);
  });

  it("renames, re-slugs and moves a category; refuses a slug already used in the brand", async () => {
    expect(await updateCategory(lumi, grandchild, cat({ name: "孙", nameEn: "Grandchild", slug: "it-moved", parentId: top, sort: "5" }), ACTOR)).toEqual({ ok: true });
    expect(await db.category.findUniqueOrThrow({ where: { id: grandchild } })).toMatchObject({ name: "孙", nameEn: "Grandchild", slug: "it-moved", parentId: top, sort: 5 });
    const seeded = await db.category.findFirstOrThrow({ where: { brandId: lumi, id: { notIn: made } } });
    expect(await updateCategory(lumi, grandchild, cat({ slug: seeded.slug }), ACTOR)).toEqual({ ok: false, message: `标识 ${seeded.slug} 已被使用 / The slug ${seeded.slug} is already used` });
    // The same slug in another brand is fine: slugs are unique per brand.
    const twin = await createCategory(nord, cat({ slug: "it-top" }), ACTOR);
    expect(twin.ok).toBe(true);
    if (twin.ok) made.push(twin.id);
  });

  it("refuses slugs outside [a-z0-9-]", () => {
    for (const slug of ["Coats", "大衣", "a_b", "-a", ""]) expect(categoryForm.safeParse({ name: "x", nameEn: "x", slug, parentId: "", sort: "0" }).success).toBe(false);
  });

  it("refuses deleting a category that is not empty, with counts, and another brand's category", async () => {
    expect(await deleteCategory(lumi, top, ACTOR)).toEqual({ ok: false, message: "分类不为空（2 个子分类，0 个商品），请先移走 / The category is not empty (2 sub-categories, 0 styles): move them first" });
    const withStyles = await db.category.findFirstOrThrow({ where: { brandId: lumi, products: { some: {} } }, include: { _count: { select: { products: true } } } });
    expect(await deleteCategory(lumi, withStyles.id, ACTOR)).toMatchObject({ ok: false, message: expect.stringContaining(`${withStyles._count.products} 个商品`) });
    expect(await deleteCategory(nord, grandchild, ACTOR)).toEqual({ ok: false, message: "分类不存在 / Category not found" });
    expect(await db.category.count({ where: { id: { in: [top, withStyles.id, grandchild] } } })).toBe(3);
  });

  it("deletes empty categories", async () => {
    expect(await deleteCategory(lumi, grandchild, ACTOR)).toEqual({ ok: true });
    expect(await deleteCategory(lumi, child, ACTOR)).toEqual({ ok: true });
    expect(await db.category.count({ where: { id: { in: [child, grandchild] } } })).toBe(0);
  });
});

describe("stores", () => {
  const form = { name: "LUMI 集成测试店", kind: "FRANCHISE", city: "上海", district: "静安区", address: "南京西路 1 号", mallName: "测试广场", phone: "021-1234 5678", lat: "31.2304", lng: "121.4737", opens: "10:00", closes: "22:00", pickupEnabled: true, deliveryEnabled: true, safetyStock: "1", active: true };

  it("creates a store and edits its hours, switches and safety stock, audited", async () => {
    const code = newStoreForm.parse({ code: "it99" }).code;
    const created = await createStore(lumi, code, storeForm.parse(form), ACTOR);
    expect(created).toMatchObject({ ok: true, code: "IT99" });
    if (!created.ok) return;
    expect(await createStore(lumi, "IT99", storeForm.parse(form), ACTOR)).toEqual({ ok: false, message: "门店编号 IT99 已存在 / Store code IT99 already exists" });
    expect(await updateStore(lumi, created.id, storeForm.parse({ ...form, closes: "01:30", pickupEnabled: false, safetyStock: "3", kind: "DIRECT" }), ACTOR)).toEqual({ ok: true });
    expect(await db.store.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ opensAt: 600, closesAt: 1530, pickupEnabled: false, deliveryEnabled: true, safetyStock: 3, kind: "DIRECT" });
    const trail = await db.auditLog.findMany({ where: { actor: ACTOR, action: "store.changed", target: `store:${created.id}` }, orderBy: { createdAt: "asc" } });
    expect(trail).toHaveLength(2);
    expect(JSON.parse(trail[1]!.detail).changed).toMatchObject({ pickupEnabled: { from: true, to: false }, closesAt: { from: 1320, to: 1530 } });
  });

  it("finds stores by code, name and city, sorted and paged on the server", async () => {
    const params = (q: string, sort = "code") => parseListParams({ q, sort }, { sorts: ["code", "name", "city", "kind"], defaultSort: "code" });
    expect((await listStores(lumi, params("it99"))).rows.map((s) => s.code)).toEqual(["IT99"]);
    expect((await listStores(lumi, params("集成测试"))).rows.map((s) => s.code)).toEqual(["IT99"]);
    const shanghai = await listStores(lumi, params("上海"));
    expect(shanghai.total).toBe(await db.store.count({ where: { brandId: lumi, OR: [{ city: { contains: "上海" } }, { name: { contains: "上海" } }, { mallName: { contains: "上海" } }] } }));
    expect(shanghai.rows.length).toBeLessThanOrEqual(20);
    const all = await listStores(nord, params(""));
    expect(all.rows.map((s) => s.code)).toEqual([...all.rows.map((s) => s.code)].sort());
  });

  it("refuses another brand's store, changing nothing", async () => {
    const nordStore = await db.store.findFirstOrThrow({ where: { brandId: nord } });
    expect(await updateStore(lumi, nordStore.id, storeForm.parse(form), ACTOR)).toEqual({ ok: false, message: "门店不存在 / Store not found" });
    expect(await db.store.findUniqueOrThrow({ where: { id: nordStore.id } })).toEqual(nordStore);
  });
});
