import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_STAFF_PASSWORD } from "@/lib/seed/staff";

describe("staff accounts", () => {
  it("the seed has demo staff for every role, scoped to a brand and (for store roles) one of its stores", async () => {
    const staff = await db.staff.findMany({ include: { store: true } });
    expect(new Set(staff.map((s) => s.role))).toEqual(new Set(["ADMIN", "BRAND_ADMIN", "STORE_MANAGER", "GUIDE"]));
    for (const s of staff) {
      if (s.role === "ADMIN") expect([s.brandId, s.storeId]).toEqual([null, null]);
      if (s.role === "BRAND_ADMIN") expect(s.brandId).not.toBeNull();
      if (s.role === "GUIDE" || s.role === "STORE_MANAGER") expect(s.store?.brandId).toBe(s.brandId);
      expect(s.passwordHash).not.toContain(DEMO_STAFF_PASSWORD);
    }
    expect(await verifyPassword(DEMO_STAFF_PASSWORD, staff[0]!.passwordHash)).toBe(true);
  });

  it("create-admin makes an ADMIN, refuses a weak password and a taken username", () => {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const run = (password: string, ...args: string[]) =>
      spawnSync(process.execPath, [tsx, "scripts/create-admin.ts", ...args], { env: { ...process.env, ADMIN_PASSWORD: password }, encoding: "utf8" });
    expect(run("weak", "--username", "first.admin").status).toBe(2);
    const ok = run("First-Admin-2026", "--username", "first.admin", "--name", "首位管理员");
    expect(ok.status, ok.stderr).toBe(0);
    expect(run("First-Admin-2026", "--username", "first.admin").status).toBe(2);
  });

  it("the created admin is in the database with a hashed password", async () => {
    const admin = await db.staff.findUniqueOrThrow({ where: { username: "first.admin" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword("First-Admin-2026", admin.passwordHash)).toBe(true);
  });
});
