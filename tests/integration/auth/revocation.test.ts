import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isStillValid, revokeAllSessions } from "@/lib/auth/revocation";
import type { Principal } from "@/lib/auth/policy";

describe("session revocation", () => {
  it("sign out everywhere ends sessions that began before it, not later ones", async () => {
    const m = await db.member.create({ data: { phone: "13600000777" } });
    const me: Principal = { kind: "member", memberId: m.id };
    const t = Math.floor(Date.now() / 1000) - 100;
    expect(await isStillValid(me, t)).toBe(true);
    await revokeAllSessions(me, new Date((t + 50) * 1000));
    expect(await isStillValid(me, t)).toBe(false);
    expect(await isStillValid(me, t + 60)).toBe(true);
  });

  it("a disabled account, a changed role or store, or a deleted person ends staff sessions", async () => {
    const s = await db.staff.findUniqueOrThrow({ where: { username: "lumi.bj01.guide" } });
    const p: Principal = { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
    const t = Math.floor(Date.now() / 1000);
    expect(await isStillValid(p, t)).toBe(true);
    expect(await isStillValid({ ...p, role: "STORE_MANAGER" }, t)).toBe(false);
    expect(await isStillValid({ ...p, storeId: "store_lumi_sh01" }, t)).toBe(false);
    await db.staff.update({ where: { id: s.id }, data: { active: false } });
    expect(await isStillValid(p, t)).toBe(false);
    await db.staff.update({ where: { id: s.id }, data: { active: true } });
    expect(await isStillValid({ kind: "member", memberId: "no-such-member" }, t)).toBe(false);
  });
});
