import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AccessDenied } from "@/lib/auth/policy";
import { addMemberTag, adjustMemberPoints, brandMember, brandMemberTags, listBrandMembers, MEMBER_MATCH_CAP, MEMBER_SORTS, MemberAdminRefused, removeMemberTag, setMemberTier } from "@/lib/members/admin";
import { memberSearchKeys, searchKeysCreate } from "@/lib/members/search-keys";
import { brandOf, listParams, staffPrincipal } from "./helpers";

// Members in the console: points move with a reason in one guarded batch; tiers and tags are audited; another
// brand's admin reaches none of it. A member of this file's own (LUMI) so the shared seed stays as it was.

async function ownMember(points = 0) {
  const lumi = await brandOf("lumi");
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const m = await db.member.create({ data: { phone, nickname: "积分测试", ...searchKeysCreate({ phone, nickname: "积分测试" }) } });
  return db.memberBrand.create({ data: { memberId: m.id, brandId: lumi, points }, select: { id: true, memberId: true, brandId: true } });
}

describe("member points adjustment", () => {
  it("adds points with a reason: one entry with the balance after it, the balance updated, audited", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const mb = await ownMember(10);
    const { balance } = await adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "25", reason: "客诉补偿" });
    expect(balance).toBe(35);
    const entries = await db.pointsEntry.findMany({ where: { memberBrandId: mb.id } });
    expect(entries).toMatchObject([{ delta: 25, balanceAfter: 35, reason: "客诉补偿", actor: `staff:${admin.staffId}` }]);
    expect((await db.memberBrand.findUniqueOrThrow({ where: { id: mb.id } })).points).toBe(35);
    const log = await db.auditLog.findFirst({ where: { action: "member.points_adjusted", target: `member:${mb.memberId}` } });
    expect(log).toMatchObject({ brandId: mb.brandId, actor: `staff:${admin.staffId}` });
  });

  it("refuses to go below zero with a clear message and writes nothing", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const mb = await ownMember(5);
    const attempt = adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "-6", reason: "兑换礼品" });
    await expect(attempt).rejects.toBeInstanceOf(MemberAdminRefused);
    await expect(adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "-6", reason: "兑换礼品" })).rejects.toThrow("积分不能扣到负数（当前 5 分）/ Points cannot go below zero (balance 5)");
    expect(await db.pointsEntry.count({ where: { memberBrandId: mb.id } })).toBe(0);
    expect((await db.memberBrand.findUniqueOrThrow({ where: { id: mb.id } })).points).toBe(5);
    // Exactly to zero is fine.
    expect((await adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "-5", reason: "兑换礼品" })).balance).toBe(0);
  });

  it("requires a reason and a whole non-zero number", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const mb = await ownMember(5);
    await expect(adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "5", reason: " " })).rejects.toThrow("请填写调整原因 / Enter the reason for the adjustment");
    await expect(adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "0", reason: "测试原因" })).rejects.toThrow("积分变动不能为 0 / The change cannot be 0");
    await expect(adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "1.5", reason: "测试原因" })).rejects.toThrow("积分须为整数 / Points are whole numbers");
    expect(await db.pointsEntry.count({ where: { memberBrandId: mb.id } })).toBe(0);
  });

  it("concurrent adjustments never take the balance below zero", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const mb = await ownMember(10);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => adjustMemberPoints(admin, mb.brandId, mb.id, { delta: "-4", reason: "并发扣减" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const entries = await db.pointsEntry.findMany({ where: { memberBrandId: mb.id }, orderBy: { balanceAfter: "desc" } });
    expect(entries.map((e) => e.balanceAfter)).toEqual([6, 2]);
    expect((await db.memberBrand.findUniqueOrThrow({ where: { id: mb.id } })).points).toBe(2);
  });
});

describe("member tier and tags", () => {
  it("changes the tier and adds/removes a tag, each audited once", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const mb = await ownMember();
    await setMemberTier(admin, mb.brandId, mb.id, "VIP");
    await addMemberTag(admin, mb.brandId, mb.id, " 爱买连衣裙 ");
    await addMemberTag(admin, mb.brandId, mb.id, "爱买连衣裙");
    expect(await brandMember(mb.brandId, mb.id)).toMatchObject({ tier: "VIP", tags: [{ tag: "爱买连衣裙" }] });
    await removeMemberTag(admin, mb.brandId, mb.id, "爱买连衣裙");
    expect((await brandMember(mb.brandId, mb.id))!.tags).toEqual([]);
    const actions = (await db.auditLog.findMany({ where: { target: `member:${mb.memberId}` }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["member.tier_changed", "member.tag_added", "member.tag_removed"]);
    await expect(setMemberTier(admin, mb.brandId, mb.id, "GOLD")).rejects.toThrow("请选择等级 / Choose a tier");
  });
});

describe("brand scope", () => {
  it("another brand's admin reaches no LUMI member, by brand or by id", async () => {
    const nord = await staffPrincipal("nord.admin");
    const nordBrand = await brandOf("nord");
    const mb = await ownMember(50);
    await expect(adjustMemberPoints(nord, mb.brandId, mb.id, { delta: "-50", reason: "越权测试" })).rejects.toBeInstanceOf(AccessDenied);
    await expect(adjustMemberPoints(nord, nordBrand, mb.id, { delta: "-50", reason: "越权测试" })).rejects.toThrow("会员不存在 / No such member");
    await expect(setMemberTier(nord, nordBrand, mb.id, "SVIP")).rejects.toThrow("会员不存在 / No such member");
    expect(await brandMember(nordBrand, mb.id)).toBeNull();
    expect((await db.memberBrand.findUniqueOrThrow({ where: { id: mb.id } })).points).toBe(50);
  });

  it("a guide cannot adjust points even in their own brand", async () => {
    const guide = await staffPrincipal("lumi.sh01.guide");
    const mb = await ownMember(5);
    await expect(adjustMemberPoints(guide, mb.brandId, mb.id, { delta: "5", reason: "越权测试" })).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe("member list", () => {
  it("searches by phone, filters by tier and tag, sorts by points, and pages", async () => {
    const admin = await staffPrincipal("lumi.admin");
    const lumi = await brandOf("lumi");
    const a = await ownMember(900001);
    const b = await ownMember(900002);
    await setMemberTier(admin, lumi, b.id, "SVIP");
    await addMemberTag(admin, lumi, b.id, "列表测试");
    const phoneOfA = (await db.member.findUniqueOrThrow({ where: { id: a.memberId } })).phone!;
    const byPhone = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: phoneOfA.slice(3) }));
    expect(byPhone.rows.map((r) => r.id)).toEqual([a.id]);
    const tagged = await listBrandMembers(lumi, listParams(MEMBER_SORTS), { tier: "SVIP", tag: "列表测试" });
    expect(tagged.rows.map((r) => r.id)).toEqual([b.id]);
    const top = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { sort: "points", dir: "desc" }, "joinedAt", 2));
    expect(top.rows.map((r) => r.points)).toEqual([900002, 900001]);
    expect(top.pageSize).toBe(2);
    const all = await db.memberBrand.count({ where: { brandId: lumi } });
    expect(top.total).toBe(all);
    const second = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { sort: "points", dir: "desc", page: "2" }, "joinedAt", 2));
    expect(second.rows[0]!.points).toBeLessThanOrEqual(900001);
    expect(second.rows.map((r) => r.id)).not.toContain(a.id);
    // NORD's list never shows LUMI's members.
    const nordList = await listBrandMembers(await brandOf("nord"), listParams(MEMBER_SORTS, { q: phoneOfA }));
    expect(nordList.total).toBe(0);
  });

  it("a partial search over more than MEMBER_MATCH_CAP members says so, shows only the brand's, and a brand's tags come from its own rows", async () => {
    const lumi = await brandOf("lumi");
    const nord = await brandOf("nord");
    const ids = Array.from({ length: MEMBER_MATCH_CAP + 1 }, (_, i) => `cap_member_${i}`);
    await db.member.createMany({ data: ids.map((id, i) => ({ id, nickname: `封顶搜索${i}` })) });
    await db.memberSearchKey.createMany({ data: ids.flatMap((memberId, i) => memberSearchKeys({ nickname: `封顶搜索${i}` }).map((key) => ({ key, memberId }))) });
    await db.memberBrand.createMany({ data: ids.map((memberId) => ({ memberId, brandId: lumi })) });
    await db.member.create({ data: { id: "cap_member_nord", nickname: "封顶搜索nord", ...searchKeysCreate({ nickname: "封顶搜索nord" }), brands: { create: { brandId: nord, tags: { create: { tag: "只在北欧", brandId: nord } } } } } });
    try {
      const found = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: "封顶搜索" }));
      expect(found).toMatchObject({ capped: true, total: MEMBER_MATCH_CAP, page: 1 });
      expect(found.rows).toHaveLength(20);
      expect(found.rows.every((r) => r.member.nickname.startsWith("封顶搜索") && r.member.id !== "cap_member_nord")).toBe(true);
      const narrow = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: "封顶搜索12" }));
      expect(narrow.capped).toBe(false);
      expect(narrow.rows.map((r) => r.member.nickname).sort()).toEqual(["封顶搜索12", ...Array.from({ length: 10 }, (_, i) => `封顶搜索12${i}`)].sort());
      expect(await brandMemberTags(nord)).toContain("只在北欧");
      expect(await brandMemberTags(lumi)).not.toContain("只在北欧");
    } finally {
      await db.member.deleteMany({ where: { id: { in: [...ids, "cap_member_nord"] } } });
    }
  });
});
