import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateStaff } from "@/lib/auth/staff";
import { DEMO_STAFF_PASSWORD } from "@/lib/seed/staff";

describe("staff sign-in", () => {
  it("signs in by username or phone and records it", async () => {
    const byName = await authenticateStaff({ login: "lumi.sh01.guide", password: DEMO_STAFF_PASSWORD }, "10.0.0.1");
    expect(byName).toMatchObject({ ok: true, staff: { role: "GUIDE", brandId: "brand_lumi", storeId: "store_lumi_sh01" } });
    const byPhone = await authenticateStaff({ login: "13900000002", password: DEMO_STAFF_PASSWORD }, "10.0.0.1");
    expect(byPhone).toMatchObject({ ok: true, staff: { role: "BRAND_ADMIN" } });
    const log = await db.auditLog.findMany({ where: { action: "staff.sign_in", ip: "10.0.0.1" } });
    expect(log).toHaveLength(2);
  });

  it("gives the same answer for a wrong password and an unknown account, and logs both", async () => {
    const wrong = await authenticateStaff({ login: "lumi.admin", password: "nope-nope-nope" }, "10.0.0.2");
    const unknown = await authenticateStaff({ login: "nobody.here", password: "nope-nope-nope" }, "10.0.0.2");
    expect(wrong).toEqual(unknown);
    expect(wrong.ok).toBe(false);
    const failed = await db.auditLog.findMany({ where: { action: "staff.sign_in_failed", ip: "10.0.0.2" } });
    expect(failed.map((f) => JSON.parse(f.detail).reason).sort()).toEqual(["unknown_account", "wrong_password"]);
    expect(failed.every((f) => !f.detail.includes("nope"))).toBe(true);
  });

  it("refuses a disabled account with the same message", async () => {
    await db.staff.update({ where: { username: "nord.sh01.guide" }, data: { active: false } });
    const result = await authenticateStaff({ login: "nord.sh01.guide", password: DEMO_STAFF_PASSWORD }, "10.0.0.3");
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    await db.staff.update({ where: { username: "nord.sh01.guide" }, data: { active: true } });
  });

  it("stops guessing after 10 tries per account, even with the right password", async () => {
    for (let i = 0; i < 10; i++) await authenticateStaff({ login: "nord.admin", password: `guess-${i}-xxxx` }, `10.1.0.${i}`);
    const blocked = await authenticateStaff({ login: "nord.admin", password: DEMO_STAFF_PASSWORD }, "10.1.0.99");
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });
    expect(blocked.ok === false && blocked.message).toMatch(/分钟后再试/);
  });

  it("username and phone of one account share one counter", async () => {
    for (let i = 0; i < 10; i++) {
      await authenticateStaff({ login: i % 2 ? "lumi.sh01.manager" : "13900000004", password: `guess-${i}-yyyy` }, `10.2.0.${i}`);
    }
    expect(await authenticateStaff({ login: "13900000004", password: DEMO_STAFF_PASSWORD }, "10.2.0.50")).toMatchObject({ ok: false, code: "rate_limited" });
  });
});
