import { describe, expect, it } from "vitest";
import { principalOf } from "@/lib/auth/principal";

describe("principal from a session token", () => {
  const now = 1_800_000_000;
  const staff = { kind: "staff", principalId: "s1", role: "GUIDE", brandId: "b", storeId: "st", signedInAt: now - 60, lastSeenAt: now - 60 };
  it("reads a live staff or member token", () => {
    expect(principalOf(staff, now)).toEqual({ kind: "staff", staffId: "s1", role: "GUIDE", brandId: "b", storeId: "st" });
    expect(principalOf({ kind: "member", principalId: "m1", signedInAt: now, lastSeenAt: now }, now)).toEqual({ kind: "member", memberId: "m1" });
  });
  it("treats missing, malformed, unknown-role and expired tokens as signed out", () => {
    for (const token of [null, undefined, {}, { ...staff, role: "ROOT" }, { ...staff, kind: "robot" }, { ...staff, signedInAt: "yesterday" }, { expired: true }]) {
      expect(principalOf(token as never, now)).toEqual({ kind: "anonymous" });
    }
    expect(principalOf({ ...staff, lastSeenAt: now - 31 * 60 }, now)).toEqual({ kind: "anonymous" });
  });
});
