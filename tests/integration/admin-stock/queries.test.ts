import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { brandOrderDetail, listBrandOrders, listBrandRefunds, ORDER_SORTS, REFUND_SORTS } from "@/lib/orders/admin-queries";
import { listBrandTransfers, TRANSFER_SORTS } from "@/lib/transfers/admin-queries";
import { AUDIT_SORTS, listAuditEntries } from "@/lib/audit/admin-queries";
import { brandOf, key, newMember, newSku, stock } from "../orders/fixtures";
import { listParams } from "../admin-people/helpers";

// The console's order, refund, transfer and audit lists: brand-scoped, searched, filtered, sorted and paged on the
// server; another brand's order reads as not found.

async function lumiOrder() {
  const lumi = await brandOf("lumi");
  const store = await db.store.findUniqueOrThrow({ where: { brandId_code: { brandId: lumi.id, code: "SH01" } } });
  const sku = await newSku(lumi.id);
  await stock(store.id, sku.id, 3);
  const member = await newMember();
  const placed = await placeOrder(member.id, { brandId: lumi.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: store.id, lines: [{ skuId: sku.id, quantity: 1 }] });
  return { lumi, store, sku, member, placed };
}

describe("admin orders", () => {
  it("finds an order by its number or the member's phone; filters status, fulfilment, store and date", async () => {
    const { lumi, store, member, placed } = await lumiOrder();
    const byNumber = await listBrandOrders(lumi.id, listParams(ORDER_SORTS, { q: placed.number }));
    expect(byNumber.rows.map((r) => r.number)).toEqual([placed.number]);
    const byPhone = await listBrandOrders(lumi.id, listParams(ORDER_SORTS, { q: member.phone! }));
    expect(byPhone.rows.map((r) => r.number)).toEqual([placed.number]);
    const filtered = await listBrandOrders(lumi.id, listParams(ORDER_SORTS, { q: placed.number }), { status: "PLACED", fulfilment: "PICKUP", storeId: store.id, from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
    expect(filtered.total).toBe(1);
    expect((await listBrandOrders(lumi.id, listParams(ORDER_SORTS, { q: placed.number }), { status: "COMPLETED" })).total).toBe(0);
    expect((await listBrandOrders(lumi.id, listParams(ORDER_SORTS, { q: placed.number }), { from: new Date(Date.now() + 60_000) })).total).toBe(0);
    // NORD's list and detail never show it.
    const nord = await brandOf("nord");
    expect((await listBrandOrders(nord.id, listParams(ORDER_SORTS, { q: placed.number }))).total).toBe(0);
    expect(await brandOrderDetail(nord.id, placed.number)).toBeNull();
  });

  it("the detail has the lines and the timeline", async () => {
    const { lumi, sku, placed } = await lumiOrder();
    const detail = await brandOrderDetail(lumi.id, placed.number);
    expect(detail).toMatchObject({ number: placed.number, status: "PLACED", lines: [{ quantity: 1, sku: { gtin: sku.gtin } }] });
    expect(detail!.events.map((e) => e.toStatus)).toEqual(["PLACED"]);
  });

  it("sorts by total and pages with the brand's count", async () => {
    const lumi = await brandOf("lumi");
    const page = await listBrandOrders(lumi.id, listParams(ORDER_SORTS, { sort: "totalFen", dir: "desc" }, "createdAt", 3));
    expect(page.rows.map((r) => r.totalFen)).toEqual([...page.rows.map((r) => r.totalFen)].sort((a, b) => b - a));
    expect(page.total).toBe(await db.order.count({ where: { brandId: lumi.id } }));
  });
});

describe("admin refunds, transfers and audit", () => {
  it("refunds and transfers are the brand's only, with their filters", async () => {
    const lumi = await brandOf("lumi");
    const refunds = await listBrandRefunds(lumi.id, listParams(REFUND_SORTS), { status: "FAILED" });
    expect(refunds.total).toBe(await db.refund.count({ where: { order: { brandId: lumi.id }, status: "FAILED" } }));
    const open = await listBrandTransfers(lumi.id, listParams(TRANSFER_SORTS), { status: "REQUESTED" });
    expect(open.total).toBe(await db.transfer.count({ where: { brandId: lumi.id, status: "REQUESTED" } }));
    expect(open.rows.every((r) => r.brandId === lumi.id && r.status === "REQUESTED")).toBe(true);
  });

  it("a brand admin's audit log is their brand's rows; the group's is every row", async () => {
    const lumi = await brandOf("lumi");
    const nord = await brandOf("nord");
    await db.auditLog.createMany({
      data: [
        { actor: "system", action: "member.tier_changed", target: "member:audit-scope-lumi", brandId: lumi.id },
        { actor: "system", action: "member.tier_changed", target: "member:audit-scope-nord", brandId: nord.id },
      ],
    });
    const brandView = await listAuditEntries({ brandId: lumi.id }, listParams(AUDIT_SORTS, { q: "audit-scope", dir: "desc" }));
    expect(brandView.rows.map((r) => r.target)).toEqual(["member:audit-scope-lumi"]);
    const groupView = await listAuditEntries({ brandId: null }, listParams(AUDIT_SORTS, { q: "audit-scope", dir: "desc" }), { action: "member.tier_changed" });
    expect(groupView.rows.map((r) => r.target).sort()).toEqual(["member:audit-scope-lumi", "member:audit-scope-nord"]);
  });
});

describe("audit actor filter", () => {
  it("takes a staff username as well as staff:<id>", async () => {
    const lumi = await brandOf("lumi");
    const admin = await db.staff.findUniqueOrThrow({ where: { username: "lumi.admin" } });
    await db.auditLog.create({ data: { actor: `staff:${admin.id}`, action: "stock.adjusted", target: "store:audit-actor-test", brandId: lumi.id } });
    const byName = await listAuditEntries({ brandId: lumi.id }, listParams(AUDIT_SORTS, { q: "audit-actor-test" }), { actor: "lumi.admin" });
    const byId = await listAuditEntries({ brandId: lumi.id }, listParams(AUDIT_SORTS, { q: "audit-actor-test" }), { actor: `staff:${admin.id}` });
    expect(byName.rows.map((r) => r.target)).toEqual(["store:audit-actor-test"]);
    expect(byId.rows).toEqual(byName.rows);
    expect((await listAuditEntries({ brandId: lumi.id }, listParams(AUDIT_SORTS, { q: "audit-actor-test" }), { actor: "nord.admin" })).total).toBe(0);
  });
});
