import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { confirmSandboxPayment, startPayment } from "@/lib/orders/payment";
import { handOver } from "@/lib/orders/fulfilment";
import { returnOrderLines } from "@/lib/orders/refunds";
import { pickupCodeFor } from "@/lib/orders/pickup-code";
import { bindShopperToGuide } from "@/lib/attribution/binding";
import { commissionBalance, createPayout, guideResultsByDay, settleDueCommission } from "@/lib/commission/ledger";
import { key, newMember, newSku, stock } from "../orders/fixtures";

// The commission ledger through real orders: a guide-bound customer referred by two levels of members buys,
// collects, returns part, returns the rest after a payout. Rates: the seed's defaults (guide 3 %, level 1
// 2 %, level 2 1 %, freeze 7 days).

const DAY = 86_400_000;

async function scenario() {
  const brand = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
  const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, code: "SH01" } });
  const guide = await db.staff.findFirstOrThrow({ where: { username: "nord.sh01.guide" } });
  const [l2, l1, buyer] = await Promise.all([newMember(), newMember(), newMember()]);
  await db.memberBrand.createMany({ data: [
    { memberId: l2.id, brandId: brand.id },
    { memberId: l1.id, brandId: brand.id, referrerId: l2.id },
    { memberId: buyer.id, brandId: brand.id, referrerId: l1.id, referrerL2Id: l2.id },
  ] });
  await bindShopperToGuide({ brandId: brand.id, memberId: buyer.id, guideId: guide.id, source: "QR" });
  const staff = { staffId: guide.id, brandId: brand.id, storeId: store.id };
  return { brand, store, guide, l1, l2, buyer, staff };
}

async function buyAndCollect(s: Awaited<ReturnType<typeof scenario>>, prices: number[], now: Date, beforeHandOver?: (orderId: string) => Promise<void>) {
  const skus = await Promise.all(prices.map((p) => newSku(s.brand.id, p)));
  for (const k of skus) await stock(s.store.id, k.id, 3);
  const placed = await placeOrder(s.buyer.id, { brandId: s.brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: s.store.id, lines: skus.map((k) => ({ skuId: k.id, quantity: 1 })) }, now);
  await startPayment(placed.number, s.buyer.id, { notifyUrl: "http://localhost/notify", now });
  await confirmSandboxPayment(placed.number, s.buyer.id, now);
  const lines = await db.orderLine.findMany({ where: { orderId: placed.orderId }, orderBy: { unitPriceFen: "desc" } });
  if (beforeHandOver) await beforeHandOver(placed.orderId);
  await handOver(s.staff, pickupCodeFor(placed.orderId), lines.map((l) => l.id), now);
  return { ...placed, lines };
}

const earnings = (orderId: string) => db.commissionEntry.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { level: "asc" }] });

describe("the commission ledger", () => {
  it("credits the bound guide and two referral levels when an order completes, frozen, then settled after the freeze", async () => {
    const s = await scenario();
    const now = new Date();
    let paidNotCollected: { amountFen: number; status: string; availableAt: Date | null }[] = [];
    const order = await buyAndCollect(s, [20000, 9900], now, async (orderId) => {
      paidNotCollected = await db.commissionEntry.findMany({ where: { orderId, level: 0 }, select: { amountFen: true, status: true, availableAt: true } });
    });
    // Pending as soon as the order is paid; the freeze has not started (it starts at the hand-over).
    expect(paidNotCollected).toEqual([{ amountFen: 897, status: "PENDING", availableAt: null }]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).guideId).toBe(s.guide.id);
    const rows = await earnings(order.orderId);
    expect(rows.map((r) => [r.level, r.kind, r.amountFen, r.status])).toEqual([
      [0, "EARN", 897, "PENDING"], // 3 % of ¥299
      [1, "EARN", 598, "PENDING"], // 2 %
      [2, "EARN", 299, "PENDING"], // 1 %
    ]);
    expect(rows[0]!.staffId).toBe(s.guide.id);
    expect([rows[1]!.memberId, rows[2]!.memberId]).toEqual([s.l1.id, s.l2.id]);
    // Completing again (a retried hand-over, the sweeper) pays nothing twice.
    const { recordOrderCommission } = await import("@/lib/commission/ledger");
    expect(await recordOrderCommission(order.orderId, now)).toBe(0);

    await settleDueCommission(new Date(now.getTime() + 6 * DAY));
    expect(await commissionBalance({ staffId: s.guide.id })).toMatchObject({ pendingFen: expect.any(Number) });
    expect((await earnings(order.orderId)).every((r) => r.status === "PENDING")).toBe(true);
    await settleDueCommission(new Date(now.getTime() + 7 * DAY + 1000));
    expect((await earnings(order.orderId)).every((r) => r.status === "SETTLED")).toBe(true);
    const days = await guideResultsByDay(s.guide.id, 30, new Date(now.getTime() + 8 * DAY));
    expect(days[0]).toMatchObject({ orders: expect.any(Number), settledFen: expect.any(Number) });
  });

  it("partial refund after settlement reverses pro rata at once; a refund after payout leaves a negative balance carried forward", async () => {
    const s = await scenario();
    const now = new Date();
    const order = await buyAndCollect(s, [20000, 9900], now);
    await settleDueCommission(new Date(now.getTime() + 8 * DAY));
    const guideBefore = await commissionBalance({ staffId: s.guide.id });

    // Return the ¥99 item: 9900 / 29900 of each earning comes back (897 → 297, 598 → 198, 299 → 99).
    const cheap = order.lines.find((l) => l.unitPriceFen === 9900)!;
    await returnOrderLines(s.staff, { orderId: order.orderId, lines: [{ orderLineId: cheap.id, quantity: 1 }], reason: "size" });
    const reversals = (await earnings(order.orderId)).filter((r) => r.kind === "REVERSAL");
    expect(reversals.map((r) => [r.level, r.amountFen, r.status])).toEqual([[0, -297, "SETTLED"], [1, -198, "SETTLED"], [2, -99, "SETTLED"]]);
    expect((await commissionBalance({ staffId: s.guide.id })).balanceFen).toBe(guideBefore.balanceFen - 297);

    // Finance pays every positive balance of the brand.
    const payout = await createPayout(s.brand.id, new Date(now.getTime() + 9 * DAY));
    const paidToGuide = payout.find((p) => p.staffId === s.guide.id)!;
    expect(paidToGuide.amountFen).toBeGreaterThanOrEqual(600);
    expect((await commissionBalance({ staffId: s.guide.id })).balanceFen).toBe(0);

    // The rest comes back after the payout: the guide owes 600, carried forward, not lost.
    const dear = order.lines.find((l) => l.unitPriceFen === 20000)!;
    await returnOrderLines(s.staff, { orderId: order.orderId, lines: [{ orderLineId: dear.id, quantity: 1 }], reason: "changed mind" });
    expect((await commissionBalance({ staffId: s.guide.id })).balanceFen).toBe(-600);
    expect((await commissionBalance({ memberId: s.l1.id })).balanceFen).toBe(-400);
    // Nothing is paid out while the balance is negative…
    expect((await createPayout(s.brand.id, new Date(now.getTime() + 10 * DAY))).find((p) => p.staffId === s.guide.id)).toBeUndefined();
    // …and the next settled earning pays the debt back first.
    const next = await buyAndCollect(s, [30000], new Date(now.getTime() + 10 * DAY));
    await settleDueCommission(new Date(now.getTime() + 18 * DAY));
    expect((await earnings(next.orderId))[0]!.amountFen).toBe(900);
    expect((await commissionBalance({ staffId: s.guide.id })).balanceFen).toBe(300);
  });

  it("caps each share per order, and freezes settlement while a refund is still under way", async () => {
    const s = await scenario();
    await db.brand.update({ where: { id: s.brand.id }, data: { commissionCapFen: 500 } });
    try {
      const now = new Date();
      const order = await buyAndCollect(s, [50000], now);
      expect((await earnings(order.orderId)).map((r) => r.amountFen)).toEqual([500, 500, 500]); // 1500, 1000, 500 capped at 500
      await db.refund.create({ data: { orderId: order.orderId, outRefundNo: `${order.number}RX`, amountFen: 0, storeId: s.store.id, actor: "test", status: "PENDING" } });
      await settleDueCommission(new Date(now.getTime() + 30 * DAY));
      expect((await earnings(order.orderId)).every((r) => r.status === "PENDING")).toBe(true);
    } finally {
      await db.brand.update({ where: { id: s.brand.id }, data: { commissionCapFen: 0 } });
    }
  });
});

describe("payouts", () => {
  it("two payouts started at once pay each balance once", async () => {
    const s = await scenario();
    const now = new Date();
    await buyAndCollect(s, [40000], now);
    await settleDueCommission(new Date(now.getTime() + 8 * DAY));
    const [a, b] = await Promise.all([createPayout(s.brand.id, new Date(now.getTime() + 9 * DAY)), createPayout(s.brand.id, new Date(now.getTime() + 9 * DAY))]);
    const toGuide = [...a, ...b].filter((r) => r.staffId === s.guide.id);
    expect(toGuide).toHaveLength(1);
    expect((await commissionBalance({ staffId: s.guide.id })).balanceFen).toBe(0);
    expect([...a, ...b].every((r) => !/^1\d{10}$/.test(r.name))).toBe(true); // never a full phone number
  });
});

describe("repairing commission", () => {
  it("a completed order whose earnings were never written gets them from the sweeper's repair step, once", async () => {
    const { repairMissingCommission } = await import("@/lib/orders/completion");
    const s = await scenario();
    const now = new Date();
    const order = await buyAndCollect(s, [12000], now);
    await db.commissionEntry.deleteMany({ where: { orderId: order.orderId } }); // as if the process died after the hand-over
    expect(await repairMissingCommission(now)).toBeGreaterThanOrEqual(1);
    expect((await earnings(order.orderId)).map((r) => r.amountFen)).toEqual([360, 240, 120]);
    await repairMissingCommission(now);
    expect(await earnings(order.orderId)).toHaveLength(3);
  });
});
