import { describe, expect, it } from "vitest";
import { isSessionExpired, LIFETIME } from "@/lib/auth/session-lifetime";

describe("session lifetime", () => {
  const t0 = 1_800_000_000;
  it("ends a staff session after 30 idle minutes or 12 hours in all", () => {
    expect(isSessionExpired({ kind: "staff", signedInAt: t0, lastSeenAt: t0 }, t0 + 29 * 60)).toBe(false);
    expect(isSessionExpired({ kind: "staff", signedInAt: t0, lastSeenAt: t0 }, t0 + 30 * 60)).toBe(true);
    // Active all day long still ends at 12 h.
    expect(isSessionExpired({ kind: "staff", signedInAt: t0, lastSeenAt: t0 + 12 * 3600 - 60 }, t0 + 12 * 3600)).toBe(true);
    expect(LIFETIME.staff).toEqual({ absoluteSeconds: 43_200, idleSeconds: 1_800 });
  });
  it("keeps a shopper signed in for 30 days, however rarely they come back", () => {
    expect(isSessionExpired({ kind: "member", signedInAt: t0, lastSeenAt: t0 }, t0 + 20 * 86_400)).toBe(false);
    expect(isSessionExpired({ kind: "member", signedInAt: t0, lastSeenAt: t0 + 29 * 86_400 }, t0 + 30 * 86_400)).toBe(true);
  });
});
