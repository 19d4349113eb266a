import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AccessDenied, type Principal } from "@/lib/auth/policy";
import { changeStaffRole, RoleChangeError } from "@/lib/auth/staff-roles";

async function principal(username: string): Promise<Principal> {
  const s = await db.staff.findUniqueOrThrow({ where: { username } });
  return { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
}

describe("staff role changes", () => {
  it("a brand admin promotes a guide in their brand; the change is audited and the guide's sessions end", async () => {
    const guide = await db.staff.create({ data: { username: "temp.guide.1", name: "临时导购", passwordHash: "x", role: "GUIDE", brandId: "brand_lumi", storeId: "store_lumi_sh01" } });
    await changeStaffRole(await principal("lumi.admin"), { staffId: guide.id, role: "STORE_MANAGER", brandId: "brand_lumi", storeId: "store_lumi_sh01" }, "10.9.0.1");
    const after = await db.staff.findUniqueOrThrow({ where: { id: guide.id } });
    expect(after.role).toBe("STORE_MANAGER");
    expect(after.sessionsRevokedAt).not.toBeNull();
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "staff.role_changed", target: `staff:${guide.id}` } });
    expect(JSON.parse(log.detail)).toMatchObject({ from: { role: "GUIDE" }, to: { role: "STORE_MANAGER" } });
  });

  it("refuses another brand's admin, a guide, and making an admin without being one — logged, nothing changed", async () => {
    const guide = await db.staff.create({ data: { username: "temp.guide.2", name: "临时导购", passwordHash: "x", role: "GUIDE", brandId: "brand_lumi", storeId: "store_lumi_sh01" } });
    const move = { staffId: guide.id, role: "STORE_MANAGER", brandId: "brand_lumi", storeId: "store_lumi_sh01" };
    await expect(changeStaffRole(await principal("nord.admin"), move)).rejects.toBeInstanceOf(AccessDenied);
    await expect(changeStaffRole(await principal("lumi.sh01.guide"), move)).rejects.toBeInstanceOf(AccessDenied);
    await expect(changeStaffRole(await principal("lumi.admin"), { staffId: guide.id, role: "ADMIN", brandId: null, storeId: null })).rejects.toBeInstanceOf(AccessDenied);
    expect((await db.staff.findUniqueOrThrow({ where: { id: guide.id } })).role).toBe("GUIDE");
    expect(await db.auditLog.count({ where: { action: "access.denied", target: `staff:${guide.id}` } })).toBe(3);
  });

  it("refuses inconsistent scopes with a clear message", async () => {
    const admin = await principal("admin");
    const guide = await db.staff.findUniqueOrThrow({ where: { username: "lumi.sh01.guide" } });
    await expect(changeStaffRole(admin, { staffId: guide.id, role: "GUIDE", brandId: "brand_lumi", storeId: null })).rejects.toThrow(/门店/);
    await expect(changeStaffRole(admin, { staffId: guide.id, role: "GUIDE", brandId: "brand_nord", storeId: "store_lumi_sh01" })).rejects.toBeInstanceOf(RoleChangeError);
    await expect(changeStaffRole(admin, { staffId: "nope", role: "GUIDE", brandId: "brand_lumi", storeId: "store_lumi_sh01" })).rejects.toMatchObject({ code: "not_found" });
  });
});
