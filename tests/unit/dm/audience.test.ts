import { describe, expect, it } from "vitest";
import { inWindow, isLive, matchesAudience, ruleMatches, type MemberFacts } from "@/lib/dm/audience";

const vip: MemberFacts = { memberId: "m1", tier: "VIP", tags: ["上海常客"], storeIds: ["s1"] };
const stranger: MemberFacts = { memberId: "m2", tier: null, tags: [], storeIds: [] };

describe("audience rules", () => {
  it("each kind matches its own fact only", () => {
    expect(ruleMatches({ kind: "TIER", value: "VIP" }, vip)).toBe(true);
    expect(ruleMatches({ kind: "TIER", value: "SVIP" }, vip)).toBe(false);
    expect(ruleMatches({ kind: "TAG", value: "上海常客" }, vip)).toBe(true);
    expect(ruleMatches({ kind: "TAG", value: "其他" }, vip)).toBe(false);
    expect(ruleMatches({ kind: "MEMBER", value: "m1" }, vip)).toBe(true);
    expect(ruleMatches({ kind: "MEMBER", value: "m2" }, vip)).toBe(false);
    expect(ruleMatches({ kind: "STORE", value: "s1" }, vip)).toBe(true);
    expect(ruleMatches({ kind: "STORE", value: "s2" }, vip)).toBe(false);
  });

  it("someone outside the brand has no tier: only a rule naming them matches", () => {
    expect(ruleMatches({ kind: "TIER", value: "NORMAL" }, stranger)).toBe(false);
    expect(matchesAudience([{ kind: "MEMBER", value: "m2" }], stranger)).toBe(true);
  });

  it("any rule is enough; no rule or no member is nobody", () => {
    expect(matchesAudience([{ kind: "TIER", value: "SVIP" }, { kind: "STORE", value: "s1" }], vip)).toBe(true);
    expect(matchesAudience([], vip)).toBe(false);
    expect(matchesAudience([{ kind: "TIER", value: "VIP" }], null)).toBe(false);
  });

  it("the window includes its start and excludes its end; a draft is never live", () => {
    const t = new Date("2026-11-20T00:00:00Z");
    const later = new Date(t.getTime() + 1);
    expect(inWindow({ startsAt: null, endsAt: null }, t)).toBe(true);
    expect(inWindow({ startsAt: t, endsAt: null }, t)).toBe(true);
    expect(inWindow({ startsAt: later, endsAt: null }, t)).toBe(false);
    expect(inWindow({ startsAt: null, endsAt: t }, t)).toBe(false);
    expect(inWindow({ startsAt: null, endsAt: later }, t)).toBe(true);
    expect(isLive({ status: "DRAFT", startsAt: null, endsAt: null }, t)).toBe(false);
    expect(isLive({ status: "PUBLISHED", startsAt: null, endsAt: null }, t)).toBe(true);
  });
});
