import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listBrandMembers, MEMBER_MATCH_CAP, MEMBER_SORTS } from "@/lib/members/admin";
import { findOrCreateMemberByPhone } from "@/lib/members/identity";
import { memberSearchKeys } from "@/lib/members/search-keys";
import { membersContaining } from "@/lib/members/search";
import { repoRoot } from "../../setup/sqlite-files";
import { brandOf, listParams } from "./helpers";

// The console's partial member search reads MemberSearchKey (every suffix of phone and nickname). These pin that
// every way a member comes to exist writes the same keys, and that the search finds what "contains" promises.

const uid = () => Math.random().toString(36).slice(2, 10);
const randomPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const keysOf = async (memberId: string) => (await db.memberSearchKey.findMany({ where: { memberId }, select: { key: true } })).map((k) => k.key).sort();

beforeAll(() => {
  process.env.APP_SECRET ??= "integration-secret-integration-secret-0123";
});

describe("member search keys", () => {
  it("every seeded member has exactly the keys of its phone and nickname", async () => {
    const members = await db.member.findMany({ where: { id: { startsWith: "member_" } }, select: { id: true, phone: true, nickname: true, searchKeys: { select: { key: true } } } });
    expect(members.length).toBeGreaterThan(10);
    for (const m of members) expect(m.searchKeys.map((k) => k.key).sort()).toEqual(memberSearchKeys(m).sort());
  });

  it("the migration's backfill writes the keys the app writes (SQL substr/lower vs the app's suffixes)", () => {
    const dir = path.join(repoRoot, "prisma", "migrations");
    const migration = fs.readdirSync(dir).find((d) => d.endsWith("_member_search_keys"))!;
    const sql = fs.readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
    const members = [
      { id: "a", phone: "13812345678", nickname: "Ann 李" },
      { id: "b", phone: null, nickname: "猫😺CAT" },
      { id: "c", phone: "13833", nickname: "33" },
      { id: "d", phone: null, nickname: "" },
    ];
    const h = new Database(":memory:");
    try {
      h.exec(`CREATE TABLE "Member" ("id" TEXT PRIMARY KEY, "phone" TEXT, "nickname" TEXT NOT NULL DEFAULT '')`);
      const insert = h.prepare(`INSERT INTO "Member" ("id", "phone", "nickname") VALUES (?, ?, ?)`);
      for (const m of members) insert.run(m.id, m.phone, m.nickname);
      h.exec(sql);
      for (const m of members) {
        const sqlKeys = (h.prepare(`SELECT "key" FROM "MemberSearchKey" WHERE "memberId" = ?`).all(m.id) as { key: string }[]).map((r) => r.key).sort();
        expect(sqlKeys, m.id).toEqual(memberSearchKeys(m).sort());
      }
    } finally {
      h.close();
    }
  });

  it("a phone sign-in creates the member with the keys of the number", async () => {
    const phone = randomPhone();
    const { id } = await findOrCreateMemberByPhone(phone, "lumi");
    expect(await keysOf(id)).toEqual(memberSearchKeys({ phone }).sort());
    expect(await membersContaining(await brandOf("lumi"), phone.slice(4, 9), 501)).toContain(id);
  });

  it("two first sign-ins with the same number at once make one member with one set of keys", async () => {
    const phone = randomPhone();
    const [a, b] = await Promise.all([findOrCreateMemberByPhone(phone, "lumi"), findOrCreateMemberByPhone(phone, "lumi")]);
    expect(a.id).toBe(b.id);
    expect(await keysOf(a.id)).toEqual(memberSearchKeys({ phone }).sort());
  });

  it("a WeChat sign-in keys the nickname; a new nickname replaces the old one's keys", async () => {
    const { findOrCreateMemberByWechat } = await import("@/lib/members/wechat-identity");
    const lumi = await brandOf("lumi");
    const openId = `o-${uid()}`;
    const before = `Old${uid()}`;
    const after = `新名${uid()}`;
    const input = { appId: "wxaaaaaaaaaaaaaaaa", openId, isSnapshotUser: false };
    const { id } = await findOrCreateMemberByWechat({ ...input, profile: { nickname: before, avatarUrl: null } }, "lumi");
    expect(await membersContaining(lumi, before.toUpperCase(), 501)).toEqual([id]);
    await findOrCreateMemberByWechat({ ...input, profile: { nickname: after, avatarUrl: null } }, "lumi");
    expect(await keysOf(id)).toEqual(memberSearchKeys({ nickname: after }).sort());
    expect(await membersContaining(lumi, before, 501)).toEqual([]);
    expect(await membersContaining(lumi, after.slice(1), 501)).toEqual([id]);
  });
});

describe("partial member search", () => {
  it("finds a member by digits from the middle of the phone and by part of the nickname in any case, in this brand only", async () => {
    const lumi = await brandOf("lumi");
    const nord = await brandOf("nord");
    const phone = randomPhone();
    const nickname = `Search${uid()}`;
    const m = await db.member.create({ data: { phone, nickname, searchKeys: { createMany: { data: memberSearchKeys({ phone, nickname }).map((key) => ({ key })) } }, brands: { create: { brandId: lumi } } } });
    const found = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: phone.slice(3, 9) }));
    expect(found.rows.map((r) => r.member.id)).toContain(m.id);
    const byName = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: nickname.slice(2).toUpperCase() }));
    expect(byName.rows.map((r) => r.member.id)).toEqual([m.id]);
    expect((await listBrandMembers(nord, listParams(MEMBER_SORTS, { q: nickname }))).total).toBe(0);
  });

  it("filters a partial search by tier and tag, sorts it by points either way and pages it, in the database", async () => {
    const lumi = await brandOf("lumi");
    const word = `排序${uid()}`;
    const ids = Array.from({ length: 5 }, (_, i) => `sort_${i}_${uid()}`);
    for (const [i, id] of ids.entries()) {
      const nickname = `${word}${i}`;
      await db.member.create({
        data: { id, nickname, searchKeys: { createMany: { data: memberSearchKeys({ nickname }).map((key) => ({ key })) } }, brands: { create: { brandId: lumi, points: 100 * (i + 1), tier: i % 2 ? "VIP" : "NORMAL", ...(i < 2 ? { tags: { create: { tag: "排序标签", brandId: lumi } } } : {}) } } },
      });
    }
    try {
      const search = (raw: Record<string, string>, filter = {}) => listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: word, ...raw }, "joinedAt", 2), filter);
      const desc = await search({ sort: "points", dir: "desc" });
      expect(desc.rows.map((r) => r.points)).toEqual([500, 400]);
      expect(desc).toMatchObject({ total: 5, pages: 3, capped: false });
      expect((await search({ sort: "points", dir: "asc", page: "3" })).rows.map((r) => r.points)).toEqual([500]);
      expect((await search({ sort: "points", dir: "asc" }, { tier: "VIP" })).rows.map((r) => r.points)).toEqual([200, 400]);
      const tagged = await search({ sort: "points", dir: "asc" }, { tag: "排序标签" });
      expect(tagged.rows.map((r) => [r.points, r.tags.map((t) => t.tag)])).toEqual([[100, ["排序标签"]], [200, ["排序标签"]]]);
      expect(tagged.total).toBe(2);
    } finally {
      await db.member.deleteMany({ where: { id: { in: ids } } });
    }
  });

  it("counts a member whose many keys start with the search once, and stops at the limit", async () => {
    const lumi = await brandOf("lumi");
    const ids = Array.from({ length: 40 }, () => `rep_${uid()}`); // 40 × 26 keys: more than one read of 1,000
    for (const id of ids) {
      const nickname = `重复${"9".repeat(30)}`;
      await db.member.create({ data: { id, nickname, searchKeys: { createMany: { data: memberSearchKeys({ nickname }).map((key) => ({ key })) } }, brands: { create: { brandId: lumi } } } });
    }
    try {
      const all = await membersContaining(lumi, "99999", 501);
      expect(new Set(all).size).toBe(all.length);
      expect(ids.every((id) => all.includes(id))).toBe(true);
      expect(await membersContaining(lumi, "99999", 3)).toHaveLength(3);
    } finally {
      await db.member.deleteMany({ where: { id: { in: ids } } });
    }
  });

  it("says the search was cut when the key window fills before 500 members, and pages a filtered cut search by what the filter kept", async () => {
    const lumi = await brandOf("lumi");
    const nickname = "7".repeat(64); // 60 keys starting with "77777" each: 101 members fill the 6,000-key window
    const ids = Array.from({ length: 101 }, (_, i) => `win_${i}_${uid()}`);
    await db.member.createMany({ data: ids.map((id) => ({ id, nickname })) });
    await db.memberBrand.createMany({ data: ids.map((memberId, i) => ({ memberId, brandId: lumi, tier: i < 3 ? "SVIP" : "NORMAL" })) });
    await db.memberSearchKey.createMany({ data: ids.flatMap((memberId) => memberSearchKeys({ nickname }).map((key) => ({ key, memberId }))) });
    try {
      const all = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: "77777" }));
      expect(all).toMatchObject({ capped: true, total: MEMBER_MATCH_CAP });
      const svip = await listBrandMembers(lumi, listParams(MEMBER_SORTS, { q: "77777" }), { tier: "SVIP" });
      expect(svip.capped).toBe(true);
      expect(svip.pages).toBe(1);
      expect(svip.rows.every((r) => r.tier === "SVIP")).toBe(true);
      expect(svip.total).toBe(svip.rows.length);
    } finally {
      await db.member.deleteMany({ where: { id: { in: ids } } });
    }
  });
});
