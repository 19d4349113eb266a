import { z } from "zod";
import { db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import { isConstraintFailure } from "@/lib/inventory/movements";
import { invalidateCatalog } from "./cache-tags";
import type { Change } from "./manage";

// The brand's category tree in the console: create, rename (zh/en), slug (unique per brand), sort order, move
// under another parent (never under itself or its own descendants), delete only when empty.

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, message);

export const categoryForm = z.object({
  name: text(30, "请填写中文名（最多 30 字） / Enter the Chinese name (at most 30 characters)"),
  nameEn: text(40, "请填写英文名（最多 40 字） / Enter the English name (at most 40 characters)"),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "标识为 1–40 位小写字母、数字或连字符 / A slug is 1–40 lower-case letters, digits or hyphens"),
  parentId: z.string().max(64).transform((s) => (s === "" ? null : s)),
  sort: z.string().trim().regex(/^-?\d{1,4}$/, "排序为 -9999–9999 的整数 / The sort order is a whole number -9999–9999").transform(Number),
});
export type CategoryForm = z.infer<typeof categoryForm>;

function refreshShop(brandId: string): void {
  try {
    invalidateCatalog(brandId);
  } catch {
    // The write has committed; a failed refresh must not undo the answer (the cached reads' lifetime is the safety net).
  }
}

const refuse = (message: string) => ({ ok: false, message }) as const;
const slugTaken = (slug: string) => refuse(`标识 ${slug} 已被使用 / The slug ${slug} is already used`);

/** Null when the parent may hold `id` (or a new category when id is null); the refusal otherwise. */
async function parentRefusal(brandId: string, id: string | null, parentId: string | null): Promise<string | null> {
  if (parentId === null) return null;
  const all = await db.category.findMany({ where: { brandId }, select: { id: true, parentId: true } });
  const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
  if (!parentOf.has(parentId)) return "上级分类不存在 / Parent category not found";
  // Walk up from the new parent: meeting the category itself means it would sit under its own descendant.
  for (let at: string | null = parentId, steps = 0; at !== null && steps <= all.length; at = parentOf.get(at) ?? null, steps++) {
    if (at === id) return "不能移到自身或其子分类之下 / A category cannot move under itself or one of its own sub-categories";
  }
  return null;
}

export async function createCategory(brandId: string, input: CategoryForm, actor: AuditActor, now = new Date()): Promise<Change<{ id: string }>> {
  const parent = await parentRefusal(brandId, null, input.parentId);
  if (parent) return refuse(parent);
  if (await db.category.findUnique({ where: { brandId_slug: { brandId, slug: input.slug } }, select: { id: true } })) return slugTaken(input.slug);
  try {
    const c = await db.category.create({ data: { brandId, ...input }, select: { id: true } });
    await audit({ actor, action: "catalog.changed", target: `category:${c.id}`, detail: { op: "category.created", ...input } }, now);
    refreshShop(brandId);
    return { ok: true, id: c.id };
  } catch (error) {
    if (isConstraintFailure(error)) return slugTaken(input.slug);
    throw error;
  }
}

export async function updateCategory(brandId: string, id: string, input: CategoryForm, actor: AuditActor, now = new Date()): Promise<Change> {
  const before = await db.category.findFirst({ where: { id, brandId }, select: { name: true, nameEn: true, slug: true, parentId: true, sort: true } });
  if (!before) return refuse("分类不存在 / Category not found");
  const parent = await parentRefusal(brandId, id, input.parentId);
  if (parent) return refuse(parent);
  const holder = await db.category.findUnique({ where: { brandId_slug: { brandId, slug: input.slug } }, select: { id: true } });
  if (holder && holder.id !== id) return slugTaken(input.slug);
  try {
    await db.category.update({ where: { id }, data: input });
  } catch (error) {
    if (isConstraintFailure(error)) return slugTaken(input.slug);
    throw error;
  }
  await audit({ actor, action: "catalog.changed", target: `category:${id}`, detail: { op: "category.updated", before, after: input } }, now);
  refreshShop(brandId);
  return { ok: true };
}

/** Only an empty category goes: no sub-categories and no styles (active or not). */
export async function deleteCategory(brandId: string, id: string, actor: AuditActor, now = new Date()): Promise<Change> {
  const c = await db.category.findFirst({ where: { id, brandId }, select: { slug: true, _count: { select: { children: true, products: true } } } });
  if (!c) return refuse("分类不存在 / Category not found");
  const { children, products } = c._count;
  if (children > 0 || products > 0) {
    return refuse(`分类不为空（${children} 个子分类，${products} 个商品），请先移走 / The category is not empty (${children} sub-categories, ${products} styles): move them first`);
  }
  await db.category.delete({ where: { id } });
  await audit({ actor, action: "catalog.changed", target: `category:${id}`, detail: { op: "category.deleted", slug: c.slug } }, now);
  refreshShop(brandId);
  return { ok: true };
}
