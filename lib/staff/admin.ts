import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { authorize, type Principal } from "@/lib/auth/policy";
import { assertAcceptablePassword, hashPassword, WeakPasswordError } from "@/lib/auth/password";
import { normalizeChinaMobile } from "@/lib/auth/phone";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/refusal";

// The brand console's staff: list, create, move (role or store), deactivate, reset a password. Everything is
// scoped to one brand (brand.manage of it); the console only makes brand roles (the group's admins are made
// elsewhere), and nobody changes their own account here so nobody locks themselves out of the console.
// A role/store change, deactivation or password reset ends the person's sessions (lib/auth/revocation.ts).
// A departing guide's open customer bindings stay as they are: lib/attribution treats a binding to an inactive
// guide as lapsed (no credit; the next guide's touch takes over as "guide_left"), and a manager can hand them
// to a colleague on the team page.

export const CONSOLE_ROLES = ["BRAND_ADMIN", "STORE_MANAGER", "GUIDE"] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];
export const STAFF_SORTS = ["name", "username", "role", "createdAt"] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

export class StaffAdminRefused extends Refusal {
  constructor(
    readonly code: "not_found" | "invalid" | "self" | "taken",
    message: string,
  ) {
    super(message);
  }
}

const notFound = () => new StaffAdminRefused("not_found", "员工不存在 / No such staff member");

export type StaffFilter = { role?: ConsoleRole | "ADMIN"; storeId?: string; active?: boolean };

/** One page of the brand's staff: search name/username/phone, filter role/store, sort. Count and page in two queries. */
export async function listBrandStaff(brandId: string, params: ListParams<StaffSort>, filter: StaffFilter = {}): Promise<Page<StaffRow>> {
  const where: Prisma.StaffWhereInput = {
    brandId,
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.storeId ? { storeId: filter.storeId } : {}),
    ...(filter.active !== undefined ? { active: filter.active } : {}),
    ...(params.q ? { OR: [{ name: { contains: params.q } }, { username: { contains: params.q.toLowerCase() } }, { phone: { contains: params.q } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.staff.count({ where, ...countUpTo({ [params.sort]: params.dir }) }),
    db.staff.findMany({
      where,
      select: staffRowSelect,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      skip: params.skip,
      take: params.take,
    }),
  ]);
  return pageOf(rows, total, params);
}

const staffRowSelect = {
  id: true,
  username: true,
  name: true,
  phone: true,
  role: true,
  active: true,
  createdAt: true,
  sessionsRevokedAt: true,
  store: { select: { id: true, code: true, name: true } },
} as const satisfies Prisma.StaffSelect;
export type StaffRow = Prisma.StaffGetPayload<{ select: typeof staffRowSelect }>;

/** One staff member of the brand, or null (another brand's staff reads as not found). */
export async function brandStaffMember(brandId: string, staffId: string) {
  const s = await db.staff.findUnique({ where: { id: staffId }, select: { ...staffRowSelect, brandId: true, _count: { select: { bindings: { where: { endedAt: null } } } } } });
  return s && s.brandId === brandId ? s : null;
}

/** The brand's active stores, for the role/store pickers. */
export async function brandStoreChoices(brandId: string) {
  return db.store.findMany({ where: { brandId, active: true, kind: { not: "WAREHOUSE" } }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}

const assignment = z
  .object({ role: z.enum(CONSOLE_ROLES, { error: "请选择角色 / Choose a role" }), storeId: z.string().trim().max(64).optional().transform((s) => s || null) })
  .refine((v) => (v.role === "BRAND_ADMIN" ? true : v.storeId !== null), { message: "店长和导购必须属于一家门店 / Managers and guides belong to one store" })
  .transform((v) => ({ role: v.role, storeId: v.role === "BRAND_ADMIN" ? null : v.storeId }));

export const newStaffInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "用户名为 3–40 位小写字母、数字、点、横线 / A username is 3–40 lowercase letters, digits, dots or dashes"),
  name: z.string().trim().min(1, "请填写姓名 / Enter a name").max(40, "姓名最多 40 字 / A name has at most 40 characters"),
  phone: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const phone = normalizeChinaMobile(s);
      if (!phone) ctx.addIssue({ code: "custom", message: "手机号格式不正确 / That is not a mainland mobile number" });
      return phone;
    }),
  password: z.string().max(200).optional().transform((s) => s || null),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new StaffAdminRefused("invalid", r.error.issues[0]!.message);
  return r.data;
}

/** A password nobody has to invent: 16 url-safe characters, always of at least two kinds. */
export function generatePassword(): string {
  for (;;) {
    const candidate = crypto.randomBytes(12).toString("base64url");
    try {
      assertAcceptablePassword(candidate);
      return candidate;
    } catch {
      // a rare single-class draw: draw again
    }
  }
}

function acceptable(password: string): void {
  try {
    assertAcceptablePassword(password);
  } catch (e) {
    if (e instanceof WeakPasswordError) throw new StaffAdminRefused("invalid", e.message);
    throw e;
  }
}

async function storeOfBrand(brandId: string, storeId: string | null): Promise<void> {
  if (!storeId) return;
  const store = await db.store.findUnique({ where: { id: storeId }, select: { brandId: true } });
  if (!store || store.brandId !== brandId) throw new StaffAdminRefused("invalid", "门店不属于该品牌 / That store is not in this brand");
}

const actorOf = (p: Principal) => (p.kind === "staff" ? (`staff:${p.staffId}` as const) : ("anonymous" as const));

/** Creates a staff member of the brand. Returns the initial password when the console generated it (shown once). */
export async function createBrandStaff(actor: Principal, brandId: string, raw: unknown, now = new Date()): Promise<{ id: string; generatedPassword: string | null }> {
  authorize(actor, "brand.manage", { brandId });
  const input = parse(newStaffInput, raw);
  const place = parse(assignment, raw);
  await storeOfBrand(brandId, place.storeId);
  const generatedPassword = input.password ? null : generatePassword();
  const password = input.password ?? generatedPassword!;
  acceptable(password);
  const clash = await db.staff.findFirst({ where: { OR: [{ username: input.username }, ...(input.phone ? [{ phone: input.phone }] : [])] }, select: { username: true } });
  if (clash) {
    throw new StaffAdminRefused("taken", clash.username === input.username ? "用户名已被使用 / That username is taken" : "手机号已被其他员工使用 / That phone number belongs to another staff member");
  }
  let id: string;
  try {
    ({ id } = await db.staff.create({
      data: { username: input.username, name: input.name, phone: input.phone, passwordHash: await hashPassword(password), role: place.role, brandId, storeId: place.storeId, createdAt: now },
      select: { id: true },
    }));
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new StaffAdminRefused("taken", "用户名或手机号已被使用 / That username or phone number is taken");
    throw e;
  }
  await audit({ actor: actorOf(actor), action: "staff.created", target: `staff:${id}`, brandId, detail: { username: input.username, role: place.role, storeId: place.storeId } }, now);
  return { id, generatedPassword };
}

async function otherStaffOfBrand(actor: Principal, brandId: string, staffId: string) {
  authorize(actor, "brand.manage", { brandId });
  if (actor.kind === "staff" && actor.staffId === staffId) throw new StaffAdminRefused("self", "不能在这里修改自己的账号 / You cannot change your own account here");
  const current = await db.staff.findUnique({ where: { id: staffId }, select: { id: true, role: true, brandId: true, storeId: true, active: true } });
  // The group's admins have no brand: they are never "another staff member of this brand".
  if (!current || current.brandId !== brandId || current.role === "ADMIN") throw notFound();
  return current;
}

/** Moves a staff member to another role and/or store of the brand; their sessions end (they sign in again with the new reach). */
export async function changeBrandStaffAssignment(actor: Principal, brandId: string, staffId: string, raw: unknown, now = new Date()): Promise<void> {
  const current = await otherStaffOfBrand(actor, brandId, staffId);
  const next = parse(assignment, raw);
  await storeOfBrand(brandId, next.storeId);
  if (current.role === next.role && current.storeId === next.storeId) return;
  await db.staff.update({ where: { id: staffId }, data: { role: next.role, storeId: next.storeId, sessionsRevokedAt: now } });
  await audit({ actor: actorOf(actor), action: "staff.role_changed", target: `staff:${staffId}`, brandId, detail: { from: { role: current.role, storeId: current.storeId }, to: next } }, now);
}

/** A staff member leaves: the account is disabled and every session ends. Their bindings lapse as lib/attribution says. */
export async function deactivateBrandStaff(actor: Principal, brandId: string, staffId: string, now = new Date()): Promise<void> {
  const current = await otherStaffOfBrand(actor, brandId, staffId);
  if (!current.active) return;
  await db.staff.update({ where: { id: staffId }, data: { active: false, sessionsRevokedAt: now } });
  await audit({ actor: actorOf(actor), action: "staff.deactivated", target: `staff:${staffId}`, brandId, detail: { role: current.role, storeId: current.storeId } }, now);
}

/** A new password, set by the admin or generated (returned once); every session of the person ends. */
export async function resetBrandStaffPassword(actor: Principal, brandId: string, staffId: string, raw: unknown, now = new Date()): Promise<{ generatedPassword: string | null }> {
  await otherStaffOfBrand(actor, brandId, staffId);
  const { password: given } = parse(z.object({ password: z.string().max(200).optional().transform((s) => s || null) }), raw);
  const generatedPassword = given ? null : generatePassword();
  const password = given ?? generatedPassword!;
  acceptable(password);
  await db.staff.update({ where: { id: staffId }, data: { passwordHash: await hashPassword(password), sessionsRevokedAt: now } });
  await audit({ actor: actorOf(actor), action: "staff.password_reset", target: `staff:${staffId}`, brandId, detail: { generated: generatedPassword !== null } }, now);
  return { generatedPassword };
}

/** Display names of "staff:<id>" actors on a page of rows, in one query. */
export async function staffDisplayNames(actors: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => a.startsWith("staff:")).map((a) => a.slice(6)))];
  if (!ids.length) return new Map();
  const staff = await db.staff.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, username: true } });
  return new Map(staff.map((s) => [`staff:${s.id}`, `${s.name} (${s.username})`]));
}
