import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AccessDenied } from "@/lib/auth/policy";
import { verifyPassword } from "@/lib/auth/password";
import { isStillValid } from "@/lib/auth/revocation";
import { guideToCredit } from "@/lib/attribution/binding";
import { authenticateStaff } from "@/lib/auth/staff";
import { AUDIT_SORTS, listAuditEntries } from "@/lib/audit/admin-queries";
import {
  brandStaffMember,
  changeBrandStaffAssignment,
  createBrandStaff,
  deactivateBrandStaff,
  listBrandStaff,
  resetBrandStaffPassword,
  STAFF_SORTS,
} from "@/lib/staff/admin";
import { brandOf, listParams, sessionStartedSecondsAgo, staffPrincipal } from "./helpers";

// Staff in the console: a brand admin makes and moves their brand's people; each move ends the person's sessions;
// nobody edits their own account; another brand's staff are out of reach. Every person here is this file's own.

let n = 0;
const unique = () => `t${Date.now().toString(36)}${n++}`;

async function sh01() {
  return db.store.findFirstOrThrow({ where: { code: "SH01", brand: { slug: "lumi" } }, select: { id: true } });
}

async function newGuide(password?: string) {
  const admin = await staffPrincipal("lumi.admin");
  const lumi = await brandOf("lumi");
  const username = `guide.${unique()}`;
  const created = await createBrandStaff(admin, lumi, { username, name: "测试导购", role: "GUIDE", storeId: (await sh01()).id, ...(password ? { password } : {}) });
  return { ...created, username, lumi, admin };
}

describe("creating staff", () => {
  it("creates a guide with a generated password shown once, stored hashed, audited", async () => {
    const { id, generatedPassword, username, lumi, admin } = await newGuide();
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const s = await db.staff.findUniqueOrThrow({ where: { id } });
    expect(s).toMatchObject({ username, role: "GUIDE", brandId: lumi, active: true });
    expect(s.passwordHash).not.toContain(generatedPassword);
    expect(await verifyPassword(generatedPassword!, s.passwordHash)).toBe(true);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "staff.created", target: `staff:${id}` } });
    expect(log).toMatchObject({ brandId: lumi, actor: `staff:${admin.staffId}` });
    expect(log.detail).not.toContain(generatedPassword!);
  });

  it("takes the admin's password when it is strong enough, and refuses a weak one", async () => {
    const { id, generatedPassword } = await newGuide("Spring-Sale-2026");
    expect(generatedPassword).toBeNull();
    expect(await verifyPassword("Spring-Sale-2026", (await db.staff.findUniqueOrThrow({ where: { id } })).passwordHash)).toBe(true);
    await expect(newGuide("12345678901")).rejects.toThrow(/密码至少 10 位/);
  });

  it("refuses a taken username, a guide without a store, another brand's store and the ADMIN role", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const lumi = await brandOf("lumi");
    const store = await sh01();
    const nordStore = await db.store.findFirstOrThrow({ where: { brand: { slug: "nord" } }, select: { id: true } });
    const before = await db.staff.count();
    await expect(createBrandStaff(admin, lumi, { username: "lumi.sh01.guide", name: "重名", role: "GUIDE", storeId: store.id })).rejects.toThrow("用户名已被使用 / That username is taken");
    await expect(createBrandStaff(admin, lumi, { username: `g.${unique()}`, name: "无店", role: "GUIDE" })).rejects.toThrow("店长和导购必须属于一家门店 / Managers and guides belong to one store");
    await expect(createBrandStaff(admin, lumi, { username: `g.${unique()}`, name: "他店", role: "GUIDE", storeId: nordStore.id })).rejects.toThrow("门店不属于该品牌 / That store is not in this brand");
    await expect(createBrandStaff(admin, lumi, { username: `g.${unique()}`, name: "集团", role: "ADMIN" })).rejects.toThrow("请选择角色 / Choose a role");
    expect(await db.staff.count()).toBe(before);
  });

  it("another brand's admin cannot create staff in LUMI", async () => {
    const nord = await staffPrincipal("nord.admin");
    await expect(createBrandStaff(nord, await brandOf("lumi"), { username: `g.${unique()}`, name: "越权", role: "GUIDE", storeId: (await sh01()).id })).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe("changing staff", () => {
  it("a role/store change ends the person's sessions and is audited with the brand", async () => {
    const { id, lumi, admin } = await newGuide();
    const p = await staffPrincipal((await db.staff.findUniqueOrThrow({ where: { id } })).username);
    const signedInAt = sessionStartedSecondsAgo(5);
    expect(await isStillValid(p, signedInAt)).toBe(true);
    const bj01 = await db.store.findFirstOrThrow({ where: { code: "BJ01", brandId: lumi } });
    await changeBrandStaffAssignment(admin, lumi, id, { role: "STORE_MANAGER", storeId: bj01.id });
    expect(await db.staff.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "STORE_MANAGER", storeId: bj01.id });
    expect(await isStillValid(p, signedInAt)).toBe(false);
    // Even a session with the new role that began before the change has ended.
    expect(await isStillValid({ ...p, role: "STORE_MANAGER", storeId: bj01.id }, signedInAt)).toBe(false);
    expect(await db.auditLog.findFirst({ where: { action: "staff.role_changed", target: `staff:${id}`, brandId: lumi } })).not.toBeNull();
  });

  it("a password reset ends sessions too; the new password works", async () => {
    const { id, lumi, admin } = await newGuide();
    const p = await staffPrincipal((await db.staff.findUniqueOrThrow({ where: { id } })).username);
    const signedInAt = sessionStartedSecondsAgo(5);
    const { generatedPassword } = await resetBrandStaffPassword(admin, lumi, id, {});
    expect(await verifyPassword(generatedPassword!, (await db.staff.findUniqueOrThrow({ where: { id } })).passwordHash)).toBe(true);
    expect(await isStillValid(p, signedInAt)).toBe(false);
  });

  it("deactivating a guide ends their sessions; their open customer binding no longer credits them", async () => {
    const { id, lumi, admin } = await newGuide();
    const member = await db.member.create({ data: { phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` } });
    const now = new Date();
    await db.guideBinding.create({ data: { brandId: lumi, memberId: member.id, guideId: id, source: "QR", boundAt: now, lastTouchAt: now } });
    expect(await guideToCredit(lumi, member.id)).toBe(id);
    const p = await staffPrincipal((await db.staff.findUniqueOrThrow({ where: { id } })).username);
    const signedInAt = sessionStartedSecondsAgo(5);
    await deactivateBrandStaff(admin, lumi, id);
    expect(await db.staff.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false });
    expect(await isStillValid(p, signedInAt)).toBe(false);
    expect(await guideToCredit(lumi, member.id)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "staff.deactivated", target: `staff:${id}` } })).toBe(1);
  });

  it("nobody edits their own account here, and the group's admins are not a brand's staff", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const lumi = await brandOf("lumi");
    await expect(changeBrandStaffAssignment(admin, lumi, admin.staffId, { role: "GUIDE", storeId: (await sh01()).id })).rejects.toThrow("不能在这里修改自己的账号 / You cannot change your own account here");
    await expect(deactivateBrandStaff(admin, lumi, admin.staffId)).rejects.toThrow("不能在这里修改自己的账号 / You cannot change your own account here");
    const group = await staffPrincipal("admin");
    await expect(deactivateBrandStaff(admin, lumi, group.staffId)).rejects.toThrow("员工不存在 / No such staff member");
    expect(await db.staff.findUniqueOrThrow({ where: { id: admin.staffId } })).toMatchObject({ role: "BRAND_ADMIN", active: true });
  });

  it("another brand's admin reaches no LUMI staff member", async () => {
    const { id } = await newGuide();
    const nord = await staffPrincipal("nord.admin");
    const nordBrand = await brandOf("nord");
    await expect(deactivateBrandStaff(nord, nordBrand, id)).rejects.toThrow("员工不存在 / No such staff member");
    await expect(deactivateBrandStaff(nord, await brandOf("lumi"), id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await brandStaffMember(nordBrand, id)).toBeNull();
    expect((await db.staff.findUniqueOrThrow({ where: { id } })).active).toBe(true);
  });
});

describe("staff list", () => {
  it("searches name/username/phone, filters role and store, sorts and pages", async () => {
    const lumi = await brandOf("lumi");
    const { username } = await newGuide();
    const found = await listBrandStaff(lumi, listParams(STAFF_SORTS, { q: username }));
    expect(found.rows.map((r) => r.username)).toEqual([username]);
    const admins = await listBrandStaff(lumi, listParams(STAFF_SORTS), { role: "BRAND_ADMIN" });
    expect(admins.rows.every((r) => r.role === "BRAND_ADMIN")).toBe(true);
    expect(admins.rows.map((r) => r.username)).toContain("lumi.admin");
    const store = await sh01();
    const atSh01 = await listBrandStaff(lumi, listParams(STAFF_SORTS, { sort: "username", dir: "desc" }), { storeId: store.id });
    expect(atSh01.rows.every((r) => r.store?.id === store.id)).toBe(true);
    const names = atSh01.rows.map((r) => r.username);
    expect(names).toEqual([...names].sort().reverse());
    const paged = await listBrandStaff(lumi, listParams(STAFF_SORTS, { page: "2" }, "name", 1));
    expect(paged.rows).toHaveLength(1);
    expect(paged.total).toBe(await db.staff.count({ where: { brandId: lumi } }));
    const left = await listBrandStaff(lumi, listParams(STAFF_SORTS), { active: false });
    expect(left.total).toBe(await db.staff.count({ where: { brandId: lumi, active: false } }));
    expect(left.rows.every((r) => !r.active)).toBe(true);
    // NORD's list never shows LUMI's staff.
    expect((await listBrandStaff(await brandOf("nord"), listParams(STAFF_SORTS, { q: username }))).total).toBe(0);
  });
});

describe("audit scope of staff entries", () => {
  it("a brand's staff sign-ins and the console's changes are in that brand's audit log, not another's", async () => {
    const { id, username, lumi } = await newGuide("Spring-Sale-2026");
    expect(await authenticateStaff({ login: username, password: "Spring-Sale-2026" }, "203.0.113.9")).toMatchObject({ ok: true });
    const own = await listAuditEntries({ brandId: lumi }, listParams(AUDIT_SORTS, { q: `staff:${id}`, dir: "desc" }));
    expect(own.rows.map((r) => r.action).sort()).toEqual(["staff.created", "staff.sign_in"]);
    const other = await listAuditEntries({ brandId: await brandOf("nord") }, listParams(AUDIT_SORTS, { q: `staff:${id}` }));
    expect(other.total).toBe(0);
  });
});
