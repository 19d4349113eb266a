import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DETAIL_MAX_CHARS, audit, listAudit, serializeDetail } from "@/lib/audit/log";

// Tests share one database file: every actor id is unique to its test.
const uid = () => crypto.randomUUID().slice(0, 8);

describe("audit log", () => {
  it("writes a row with actor, action, target, ip and JSON detail", async () => {
    const staff = `staff:${uid()}` as const;
    const row = await audit({ actor: staff, action: "staff.role_changed", target: "staff:other", ip: "10.0.0.7", detail: { from: "GUIDE", to: "STORE_MANAGER" } });
    const stored = await db.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ actor: staff, action: "staff.role_changed", target: "staff:other", ip: "10.0.0.7" });
    expect(JSON.parse(stored.detail)).toEqual({ from: "GUIDE", to: "STORE_MANAGER" });
  });

  it("never stores passwords or codes, at any depth", async () => {
    const row = await audit({
      actor: "anonymous",
      action: "staff.sign_in_failed",
      target: "login:zhang.wei",
      detail: { password: "Hunter2!hunter2", reason: "bad_password", attempt: { code: "123456", otp: "654321", newPassword: "x", storeCode: "SH01" } },
    });
    expect(row.detail).not.toMatch(/Hunter2|123456|654321|"x"/);
    expect(JSON.parse(row.detail)).toEqual({
      password: "[redacted]",
      reason: "bad_password",
      attempt: { code: "[redacted]", otp: "[redacted]", newPassword: "[redacted]", storeCode: "SH01" },
    });
  });

  it("cuts detail to 2000 characters and leaves it empty when absent", async () => {
    const row = await audit({ actor: "system", action: "otp.rate_limited", detail: { blob: "字".repeat(5000) } });
    expect(row.detail).toHaveLength(DETAIL_MAX_CHARS);
    expect(row.detail.endsWith("…")).toBe(true);
    expect(serializeDetail(undefined)).toBe("");
    expect(serializeDetail("plain")).toBe('"plain"');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(serializeDetail(circular)).toMatch(/too deep|unserialisable/);
  });

  it("refuses unknown actions and malformed actors", async () => {
    await expect(audit({ actor: "system", action: "staff.deleted_everything" as never })).rejects.toThrow(/unknown audit action/);
    await expect(audit({ actor: "root" as never, action: "access.denied" })).rejects.toThrow(/malformed audit actor/);
  });

  it("lists newest first, filtered by actor prefix, action and time", async () => {
    const id = uid();
    const t = (minute: number) => new Date(Date.UTC(2031, 0, 1, 9, minute));
    await audit({ actor: `staff:${id}-a`, action: "staff.sign_in" }, t(1));
    await audit({ actor: `staff:${id}-a`, action: "access.denied", target: "/admin/staff" }, t(2));
    await audit({ actor: `staff:${id}-b`, action: "staff.sign_in" }, t(3));
    await audit({ actor: `member:${id}`, action: "member.sign_in" }, t(4));

    const mine = await listAudit({ actorPrefix: `staff:${id}`, take: 10 });
    expect(mine.map((r) => [r.actor, r.action])).toEqual([
      [`staff:${id}-b`, "staff.sign_in"],
      [`staff:${id}-a`, "access.denied"],
      [`staff:${id}-a`, "staff.sign_in"],
    ]);
    const signIns = await listAudit({ actorPrefix: `staff:${id}`, action: "staff.sign_in", take: 10 });
    expect(signIns).toHaveLength(2);
    const recent = await listAudit({ actorPrefix: `staff:${id}`, since: t(2), take: 10 });
    expect(recent).toHaveLength(2);
    const older = await listAudit({ actorPrefix: `staff:${id}`, before: t(2), take: 10 });
    expect(older.map((r) => r.action)).toEqual(["staff.sign_in"]);
    expect(await listAudit({ actorPrefix: `staff:${id}`, take: 1 })).toHaveLength(1);
  });
});
