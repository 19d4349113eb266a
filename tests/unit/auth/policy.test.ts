import { describe, expect, it } from "vitest";
import { AccessDenied, ANONYMOUS, authorize, decide, staffHome, type Capability, type Decision, type Principal, type Scope } from "@/lib/auth/policy";

// One table: who × what × where → decision. Every principal kind and role appears against every capability.
const lumi = "brand_lumi";
const nord = "brand_nord";
const sh01 = "store_lumi_sh01";
const bj01 = "store_lumi_bj01";

const P: Record<string, Principal> = {
  anonymous: ANONYMOUS,
  member: { kind: "member", memberId: "m1" },
  admin: { kind: "staff", staffId: "s0", role: "ADMIN", brandId: null, storeId: null },
  lumiAdmin: { kind: "staff", staffId: "s1", role: "BRAND_ADMIN", brandId: lumi, storeId: null },
  nordAdmin: { kind: "staff", staffId: "s2", role: "BRAND_ADMIN", brandId: nord, storeId: null },
  sh01Manager: { kind: "staff", staffId: "s3", role: "STORE_MANAGER", brandId: lumi, storeId: sh01 },
  sh01Guide: { kind: "staff", staffId: "s4", role: "GUIDE", brandId: lumi, storeId: sh01 },
  bj01Guide: { kind: "staff", staffId: "s5", role: "GUIDE", brandId: lumi, storeId: bj01 },
};

type Row = [principal: keyof typeof P, capability: Capability, scope: Scope, expected: Decision];
const sh01Scope = { brandId: lumi, storeId: sh01 };
const lumiScope = { brandId: lumi };
const MATRIX: Row[] = [
  // a member's own data
  ["anonymous", "member.self", { memberId: "m1" }, "unauthenticated"],
  ["member", "member.self", { memberId: "m1" }, "allow"],
  ["member", "member.self", { memberId: "m2" }, "forbidden"],
  ["admin", "member.self", { memberId: "m1" }, "forbidden"],
  // the guide workspace of store SH01
  ["anonymous", "guide.workspace", sh01Scope, "unauthenticated"],
  ["member", "guide.workspace", sh01Scope, "forbidden"],
  ["sh01Guide", "guide.workspace", sh01Scope, "allow"],
  ["bj01Guide", "guide.workspace", sh01Scope, "forbidden"],
  ["sh01Manager", "guide.workspace", sh01Scope, "allow"],
  ["lumiAdmin", "guide.workspace", sh01Scope, "allow"],
  ["nordAdmin", "guide.workspace", sh01Scope, "forbidden"],
  ["admin", "guide.workspace", sh01Scope, "allow"],
  // operating store SH01
  ["sh01Guide", "store.operate", sh01Scope, "forbidden"],
  ["sh01Manager", "store.operate", sh01Scope, "allow"],
  ["sh01Manager", "store.operate", { brandId: lumi, storeId: bj01 }, "forbidden"],
  ["lumiAdmin", "store.operate", sh01Scope, "allow"],
  ["nordAdmin", "store.operate", sh01Scope, "forbidden"],
  ["admin", "store.operate", sh01Scope, "allow"],
  // managing brand LUMI
  ["member", "brand.manage", lumiScope, "forbidden"],
  ["sh01Manager", "brand.manage", lumiScope, "forbidden"],
  ["lumiAdmin", "brand.manage", lumiScope, "allow"],
  ["lumiAdmin", "brand.manage", { brandId: nord }, "forbidden"],
  ["nordAdmin", "brand.manage", lumiScope, "forbidden"],
  ["admin", "brand.manage", lumiScope, "allow"],
  // the whole group
  ["lumiAdmin", "group.manage", {}, "forbidden"],
  ["admin", "group.manage", {}, "allow"],
  ["anonymous", "group.manage", {}, "unauthenticated"],
];

describe("access policy", () => {
  it.each(MATRIX)("%s × %s %j → %s", (who, capability, scope, expected) => {
    expect(decide(P[who]!, capability, scope)).toBe(expected);
  });

  it("the matrix covers every principal against every capability", () => {
    const capabilities: Capability[] = ["member.self", "guide.workspace", "store.operate", "brand.manage", "group.manage"];
    for (const c of capabilities) expect(MATRIX.some((r) => r[1] === c), c).toBe(true);
    for (const who of Object.keys(P)) expect(MATRIX.some((r) => r[0] === who), who).toBe(true);
  });

  it("authorize throws 401 for strangers and 403 for the wrong person", () => {
    expect(() => authorize(P.sh01Guide!, "guide.workspace", sh01Scope)).not.toThrow();
    const e401 = (() => { try { authorize(ANONYMOUS, "guide.workspace"); } catch (e) { return e; } })();
    const e403 = (() => { try { authorize(P.bj01Guide!, "guide.workspace", sh01Scope); } catch (e) { return e; } })();
    expect(e401).toBeInstanceOf(AccessDenied);
    expect((e401 as AccessDenied).status).toBe(401);
    expect((e403 as AccessDenied).status).toBe(403);
    expect((e403 as AccessDenied).message).toMatch(/没有权限/);
  });

  it("sends guides and managers to the guide workspace, admins to the console", () => {
    expect(staffHome("GUIDE")).toBe("/guide");
    expect(staffHome("STORE_MANAGER")).toBe("/guide");
    expect(staffHome("BRAND_ADMIN")).toBe("/admin");
    expect(staffHome("ADMIN")).toBe("/admin");
  });
});
