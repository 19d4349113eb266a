import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseListParams } from "@/lib/admin/list-params";
import { brandPayouts, monthStartInChina, PAYOUT_SORTS, payoutCsv, payoutDetail, storeTeam } from "@/lib/commission/queries";
import { createBrandPayout } from "@/lib/commission/settings";
import { reassignStoreCustomers } from "@/lib/commission/team";
import { newMember } from "../orders/fixtures";

// The manager's team figures and the payout read side, against ledger rows written here (and whatever other
// files left in the shared database: every figure must still equal the sum of its CommissionEntry rows).

const DAY = 86_400_000;

async function sh01(slug = "lumi") {
  return db.store.findFirstOrThrow({ where: { brand: { slug }, code: "SH01" } });
}

async function newGuide(store: { id: string; brandId: string }, name: string, active = true) {
  return db.staff.create({ data: { username: `q-${crypto.randomUUID()}`, name, passwordHash: "x", role: "GUIDE", brandId: store.brandId, storeId: store.id, active } });
}

const listOf = (raw: Record<string, string>, pageSize?: number) => parseListParams(raw, { sorts: PAYOUT_SORTS, defaultSort: "date", defaultDir: "desc", pageSize });

let seq = 0;
function entry(brandId: string, staffId: string, kind: "EARN" | "REVERSAL" | "PAYOUT", amountFen: number, createdAt: Date, extra: { baseFen?: number; status?: "PENDING" | "SETTLED" } = {}) {
  return db.commissionEntry.create({
    data: { brandId, staffId, kind, amountFen, baseFen: extra.baseFen ?? null, status: extra.status ?? "PENDING", level: 0, dedupeKey: `test:${crypto.randomUUID()}:${++seq}`, createdAt },
  });
}

describe("monthStartInChina", () => {
  it("is midnight of the first day in Shanghai, also when UTC is still in the previous month", () => {
    expect(monthStartInChina(new Date("2026-03-31T17:00:00Z")).toISOString()).toBe("2026-03-31T16:00:00.000Z"); // 1 April, 01:00 in Shanghai
    expect(monthStartInChina(new Date("2026-03-31T15:59:59Z")).toISOString()).toBe("2026-02-28T16:00:00.000Z");
  });
});

describe("storeTeam", () => {
  it("lists the store's guides (left ones too) with open customers and this month's orders, sales and net commission from the ledger", async () => {
    const store = await sh01();
    const now = new Date();
    const monthStart = monthStartInChina(now);
    const [a, gone] = [await newGuide(store, "测试导购甲"), await newGuide(store, "测试导购乙", false)];
    const [m1, m2, m3] = await Promise.all([newMember(), newMember(), newMember()]);
    await db.guideBinding.createMany({ data: [
      { brandId: store.brandId, memberId: m1.id, guideId: a.id, source: "QR", boundAt: now, lastTouchAt: now },
      { brandId: store.brandId, memberId: m2.id, guideId: a.id, source: "SHARE_LINK", boundAt: now, lastTouchAt: now },
      { brandId: store.brandId, memberId: m3.id, guideId: a.id, source: "QR", boundAt: now, lastTouchAt: now, endedAt: now, endedReason: "last_touch" },
    ] });
    await entry(store.brandId, a.id, "EARN", 900, now, { baseFen: 30000 });
    await entry(store.brandId, a.id, "EARN", 300, now, { baseFen: 10000, status: "SETTLED" });
    await entry(store.brandId, a.id, "REVERSAL", -150, now);
    await entry(store.brandId, a.id, "PAYOUT", -300, now, { status: "SETTLED" }); // a payout is not commission earned
    await entry(store.brandId, a.id, "EARN", 5000, new Date(monthStart.getTime() - 1000), { baseFen: 99900 }); // last month
    await entry(store.brandId, gone.id, "EARN", 60, now, { baseFen: 2000 });

    const team = await storeTeam(store.id, now);
    const mine = team.find((m) => m.staffId === a.id)!;
    expect(mine).toMatchObject({ name: "测试导购甲", active: true, openCustomers: 2, monthOrders: 2, monthSalesFen: 40000, monthCommissionFen: 1050 });
    expect(team.find((m) => m.staffId === gone.id)).toMatchObject({ active: false, monthOrders: 1, monthCommissionFen: 60 });
    // Only this store's selling staff; the active ones first.
    const members = await db.staff.findMany({ where: { storeId: store.id, role: { in: ["GUIDE", "STORE_MANAGER"] } }, select: { id: true } });
    expect(team.map((m) => m.staffId).sort()).toEqual(members.map((m) => m.id).sort());
    expect(team.findIndex((m) => !m.active)).toBeGreaterThan(team.findLastIndex((m) => m.active));

    // Every row equals the ledger's own sums (seeded and other files' rows included).
    for (const m of team) {
      const where = { staffId: m.staffId, createdAt: { gte: monthStart } };
      const [earn, reversal, open] = await Promise.all([
        db.commissionEntry.aggregate({ where: { ...where, kind: "EARN" }, _sum: { amountFen: true, baseFen: true }, _count: true }),
        db.commissionEntry.aggregate({ where: { ...where, kind: "REVERSAL" }, _sum: { amountFen: true } }),
        db.guideBinding.count({ where: { guideId: m.staffId, endedAt: null } }),
      ]);
      expect([m.monthOrders, m.monthSalesFen, m.monthCommissionFen, m.openCustomers]).toEqual([
        earn._count, earn._sum.baseFen ?? 0, (earn._sum.amountFen ?? 0) + (reversal._sum.amountFen ?? 0), open,
      ]);
    }
  });
});

describe("reassignStoreCustomers", () => {
  it("moves a guide's open customers to a colleague of the same store and audits it; another store's guide cannot be emptied into this store", async () => {
    const store = await sh01();
    const bj01 = await db.store.findFirstOrThrow({ where: { brandId: store.brandId, code: "BJ01" } });
    const [from, to, elsewhere] = [await newGuide(store, "离职导购"), await newGuide(store, "接手导购"), await newGuide(bj01, "北京导购")];
    const [m1, m2, m3] = await Promise.all([newMember(), newMember(), newMember()]);
    const now = new Date();
    await db.guideBinding.createMany({ data: [
      { brandId: store.brandId, memberId: m1.id, guideId: from.id, source: "QR", boundAt: now, lastTouchAt: now },
      { brandId: store.brandId, memberId: m2.id, guideId: from.id, source: "QR", boundAt: now, lastTouchAt: now },
      { brandId: store.brandId, memberId: m3.id, guideId: elsewhere.id, source: "QR", boundAt: now, lastTouchAt: now },
    ] });
    const here = { brandId: store.brandId, storeId: store.id };

    expect(await reassignStoreCustomers(here, elsewhere.id, to.id, "staff:test")).toEqual({ ok: false, message: "转出导购不是本店员工 / That guide is not staff of this store" });
    expect(await db.guideBinding.count({ where: { guideId: elsewhere.id, endedAt: null } })).toBe(1);
    expect(await reassignStoreCustomers(here, from.id, elsewhere.id, "staff:test")).toMatchObject({ ok: false });
    expect(await reassignStoreCustomers(here, from.id, from.id, "staff:test")).toMatchObject({ ok: false });

    expect(await reassignStoreCustomers(here, from.id, to.id, "staff:test", new Date(now.getTime() + 1000))).toEqual({ ok: true, moved: 2 });
    expect(await db.guideBinding.count({ where: { guideId: to.id, endedAt: null, source: "REASSIGNED" } })).toBe(2);
    expect(await db.guideBinding.count({ where: { guideId: from.id, endedAt: null } })).toBe(0);
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "customers.reassigned", target: `staff:${from.id}` } });
    expect(JSON.parse(row.detail)).toMatchObject({ toGuideId: to.id, moved: 2 });
    // Nothing left: a second run moves nobody.
    expect(await reassignStoreCustomers(here, from.id, to.id, "staff:test")).toEqual({ ok: true, moved: 0 });
  });
});

describe("payouts", () => {
  it("a payout's rows, the brand's list and the CSV (BOM, header, yuan with 2 decimals) all match the PAYOUT rows", async () => {
    const store = await sh01("nord");
    const guide = await newGuide(store, "结算, \"导购\"");
    const now = new Date(Date.now() + 60_000);
    await entry(store.brandId, guide.id, "EARN", 12345, new Date(now.getTime() - 10 * DAY), { baseFen: 411500, status: "SETTLED" });
    await entry(store.brandId, guide.id, "REVERSAL", -45, new Date(now.getTime() - 9 * DAY), { status: "SETTLED" });

    const rows = await createBrandPayout(store.brandId, "staff:test", now);
    const mine = rows.find((r) => r.staffId === guide.id)!;
    expect(mine.amountFen).toBe(12300);
    const payoutId = mine.payoutId;

    const detail = (await payoutDetail(payoutId))!;
    expect(detail.brandId).toBe(store.brandId);
    expect(detail.rows.map((r) => [r.staffId ?? r.memberId, r.amountFen]).sort()).toEqual(rows.map((r) => [r.staffId ?? r.memberId, r.amountFen]).sort());
    const sum = await db.commissionEntry.aggregate({ where: { payoutId, kind: "PAYOUT" }, _sum: { amountFen: true }, _count: true });
    const listed = (await brandPayouts(store.brandId, listOf({ q: payoutId }))).rows.find((p) => p.payoutId === payoutId)!;
    expect(listed).toMatchObject({ beneficiaries: sum._count, totalFen: -(sum._sum.amountFen ?? 0) });
    expect(await payoutDetail("PO-none")).toBeNull();

    const csv = payoutCsv(detail);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("payout_id,beneficiary_type,beneficiary_id,name,amount_yuan,amount_fen");
    expect(lines).toContain(`${payoutId},staff,${guide.id},"结算, ""导购""",123.00,12300`);
    expect(lines.at(-1)).toBe("");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "commission.payout_created", target: `payout:${payoutId}` } });
    expect(JSON.parse(audit.detail)).toMatchObject({ brandId: store.brandId, beneficiaries: rows.length });
    // Paid out: the balance is zero, so an immediate second payout leaves this guide out.
    expect((await createBrandPayout(store.brandId, "staff:test", new Date(now.getTime() + 1000))).find((r) => r.staffId === guide.id)).toBeUndefined();
  });

  it("neutralises a name that Excel would read as a formula", () => {
    const csv = payoutCsv({ payoutId: "PO1", brandId: "b", createdAt: new Date(), rows: [{ payoutId: "PO1", staffId: "s1", memberId: null, name: "=HYPERLINK(1)", amountFen: 5 }] });
    expect(csv).toContain("PO1,staff,s1,'=HYPERLINK(1),0.05,5");
  });
});

describe("the payouts list", () => {
  it("is grouped, paged, sorted by date or total and searched by payout id or beneficiary name in SQL", async () => {
    // Three payouts of this test's own in NORD (one of two beneficiaries), each with the run's tag in its id and
    // names: searching the tag lists exactly them, whatever other files left in the shared database.
    const tag = crypto.randomUUID().slice(0, 6);
    const store = await sh01("nord");
    const brand = { id: store.brandId };
    const [ann, bob] = [await newGuide(store, `安娜-${tag}`), await newGuide(store, `鲍勃-${tag}`)];
    const member = await newMember();
    await db.member.update({ where: { id: member.id }, data: { nickname: `会员-${tag}` } });
    const t0 = new Date("2025-03-01T02:00:00Z");
    const payout = async (id: string, at: Date, lines: { staffId?: string; memberId?: string; fen: number }[]) => {
      for (const l of lines) {
        await db.commissionEntry.create({
          data: { brandId: brand.id, staffId: l.staffId ?? null, memberId: l.memberId ?? null, kind: "PAYOUT", amountFen: -l.fen, status: "SETTLED", level: l.memberId ? 1 : 0, payoutId: id, dedupeKey: `payout:${id}:${l.staffId ?? l.memberId}`, createdAt: at },
        });
      }
    };
    const ids = { old: `PO20250301-${tag}`, mid: `PO20250302-${tag}`, new: `PO20250303-${tag}` };
    await payout(ids.old, t0, [{ staffId: ann.id, fen: 5_000 }, { memberId: member.id, fen: 700 }]);
    await payout(ids.mid, new Date(t0.getTime() + DAY), [{ staffId: bob.id, fen: 90_000 }]);
    await payout(ids.new, new Date(t0.getTime() + 2 * DAY), [{ staffId: ann.id, fen: 100 }]);
    const made = await db.commissionEntry.findMany({ where: { payoutId: { in: Object.values(ids) } }, select: { id: true } });
    const mine = (raw: Record<string, string>, pageSize?: number) => listOf({ q: tag, ...raw }, pageSize);

    try {
      const first = await brandPayouts(brand.id, mine({}, 2));
      expect(first).toMatchObject({ total: 3, page: 1, pages: 2, pageSize: 2 });
      expect(first.rows.map((p) => p.payoutId)).toEqual([ids.new, ids.mid]);
      const second = await brandPayouts(brand.id, mine({ page: "2" }, 2));
      expect(second.rows).toEqual([{ payoutId: ids.old, createdAt: t0, beneficiaries: 2, totalFen: 5_700 }]);

      expect((await brandPayouts(brand.id, mine({ sort: "date", dir: "asc" }))).rows.map((p) => p.payoutId)).toEqual([ids.old, ids.mid, ids.new]);
      expect((await brandPayouts(brand.id, mine({ sort: "amount", dir: "desc" }))).rows.map((p) => [p.payoutId, p.totalFen])).toEqual([[ids.mid, 90_000], [ids.old, 5_700], [ids.new, 100]]);
      expect((await brandPayouts(brand.id, mine({ sort: "amount", dir: "asc" }, 1))).rows.map((p) => p.payoutId)).toEqual([ids.new]);

      // Search: a payout id (any case), a guide's name, a member's nickname; the whole payout comes back.
      expect((await brandPayouts(brand.id, listOf({ q: ids.mid.toLowerCase() }))).rows.map((p) => p.payoutId)).toEqual([ids.mid]);
      const anns = await brandPayouts(brand.id, listOf({ q: `安娜-${tag}` }));
      expect(anns).toMatchObject({ total: 2 });
      expect(anns.rows.map((p) => [p.payoutId, p.beneficiaries])).toEqual([[ids.new, 1], [ids.old, 2]]);
      expect((await brandPayouts(brand.id, listOf({ q: `会员-${tag}` }))).rows.map((p) => p.payoutId)).toEqual([ids.old]);
      expect(await brandPayouts(brand.id, listOf({ q: `nobody-${tag}` }))).toMatchObject({ rows: [], total: 0, pages: 1 });
      // Another brand's payouts never appear, even when the search names them.
      expect((await brandPayouts((await sh01("lumi")).brandId, listOf({ q: tag }))).total).toBe(0);
      // Unsearched, the brand's whole list counts them too, newest first.
      const all = await brandPayouts(brand.id, listOf({}, 100_000));
      expect(all.rows.filter((p) => p.payoutId.endsWith(tag)).map((p) => p.payoutId)).toEqual([ids.new, ids.mid, ids.old]);
      expect(all.total).toBe((await db.commissionEntry.groupBy({ by: ["payoutId"], where: { brandId: brand.id, kind: "PAYOUT", payoutId: { not: null } } })).length);
    } finally {
      // Paid-out rows of guides of this test only: removing them leaves every other balance as it was.
      await db.commissionEntry.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
    }
  });
});
