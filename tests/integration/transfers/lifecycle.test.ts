import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { approveTransfer, cancelTransfer, proposeSources, receiveTransfer, refuseTransfer, requestTransfer, shipTransfer } from "@/lib/transfers/service";
import { SourceShort, TransferChangedMeanwhile, TransferRefused } from "@/lib/transfers/errors";
import { storeTransfers } from "@/lib/transfers/queries";
import { placeOrder } from "@/lib/orders/placement";
import { inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "../orders/fixtures";
import { inboxOf, ledgerOf, lumi, onHandFor, staff, transferOf } from "./helpers";

// Out-of-stock demand on a real database: BJ01 asks SH01 for a SKU; stock moves on both sides through the
// ledger; every refusal quotes the figures; a race with an order for the last unit has one winner.

async function joinLumi(memberId: string, brandId: string) {
  await db.memberBrand.create({ data: { memberId, brandId } });
}

describe("transfers", () => {
  it("life-cycle: requested → approved (reserved at the source) → shipped (left the source) → received (on hand at the target); the customer is told once", async () => {
    const { brand, sh01, bj01 } = await lumi();
    const sku = await newSku(brand.id);
    await stock(sh01.id, sku.id, onHandFor(sh01, 5));
    const member = await newMember();
    await joinLumi(member.id, brand.id);
    const [guide, manager, shGuide] = await Promise.all([staff("lumi.bj01.guide"), staff("lumi.sh01.manager"), staff("lumi.sh01.guide")]);
    // The customer is the requesting guide's own (only they can be told of the arrival).
    await db.guideBinding.create({ data: { brandId: brand.id, memberId: member.id, guideId: guide.staffId, source: "QR", boundAt: new Date(), lastTouchAt: new Date() } });

    const proposals = await proposeSources(brand.id, bj01.id, sku.id, 2);
    expect(proposals.map((p) => p.code)).toEqual(["SH01"]);
    expect(proposals[0]).toMatchObject({ sellable: 5, storeId: sh01.id });
    expect(proposals[0]!.distanceM).toBeGreaterThan(1_000_000); // Beijing → Shanghai

    const { id } = await requestTransfer(guide, { skuId: sku.id, quantity: 2, fromStoreId: sh01.id, memberId: member.id, note: "顾客要 M 码" });
    expect(await transferOf(id)).toMatchObject({ status: "REQUESTED", toStoreId: bj01.id, fromStoreId: sh01.id, memberId: member.id, requestedById: guide.staffId });
    expect((await storeTransfers(sh01.id, "outgoing")).map((t) => t.id)).toContain(id);
    expect((await storeTransfers(bj01.id, "incoming")).map((t) => t.id)).toContain(id);
    const before = onHandFor(sh01, 5);
    expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ onHand: before, reserved: 0 });

    await approveTransfer(manager, id);
    expect(await transferOf(id)).toMatchObject({ status: "APPROVED", approvedById: manager.staffId });
    expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ onHand: before, reserved: 2 });

    await shipTransfer(shGuide, id);
    expect((await transferOf(id)).status).toBe("SHIPPED");
    expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ onHand: before - 2, reserved: 0 });
    expect(await db.inventory.findUnique({ where: { storeId_skuId: { storeId: bj01.id, skuId: sku.id } } })).toBeNull();

    await receiveTransfer(guide, id);
    const done = await transferOf(id);
    expect(done).toMatchObject({ status: "RECEIVED" });
    expect(done.receivedAt).toBeInstanceOf(Date);
    expect(done.endedAt).toBeInstanceOf(Date);
    expect(await inventoryOf(bj01.id, sku.id)).toMatchObject({ onHand: 2, reserved: 0 });

    const ledger = await ledgerOf(id);
    expect(ledger.map((l) => [l.reason, l.storeId, l.onHandDelta, l.reservedDelta])).toEqual([
      ["RESERVE", sh01.id, 0, 2],
      ["TRANSFER_OUT", sh01.id, -2, -2],
      ["TRANSFER_IN", bj01.id, 2, 0],
    ]);
    expect(ledger.every((l) => l.actor.startsWith("staff:"))).toBe(true);
    expect(await ledgerMismatches()).toEqual([]);

    const inbox = await inboxOf(member.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ brandId: brand.id, kind: "transfer.arrived", readAt: null, link: `/lumi/checkout?sku=${sku.id}&qty=2&store=BJ01` });
    expect(inbox[0]!.title).toMatch(/^您要的 .+ 已到店 \/ Your .+ has arrived$/);

    // A second tap on "received" moves nothing and tells nobody again.
    await expect(receiveTransfer(guide, id)).rejects.toBeInstanceOf(TransferChangedMeanwhile);
    expect(await inboxOf(member.id)).toHaveLength(1);
    expect(await inventoryOf(bj01.id, sku.id)).toMatchObject({ onHand: 2 });
  });

  it("a source without the stock is refused with the current figures, at request and at approval", async () => {
    const { brand, sh01 } = await lumi();
    const sku = await newSku(brand.id);
    await stock(sh01.id, sku.id, onHandFor(sh01, 1));
    const guide = await staff("lumi.bj01.guide");
    const refused = await requestTransfer(guide, { skuId: sku.id, quantity: 2, fromStoreId: sh01.id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SourceShort);
    expect((refused as Error).message).toBe("来源门店仅有 1 件可调（需要 2 件） / The source store has only 1 unit to give (2 needed)");

    const none = await newSku(brand.id);
    const empty = await requestTransfer(guide, { skuId: none.id, quantity: 1, fromStoreId: sh01.id }).catch((e: unknown) => e);
    expect((empty as Error).message).toMatch(/^来源门店目前没有可调的库存/);
    expect(await proposeSources(brand.id, guide.storeId!, none.id, 1)).toEqual([]);

    // Asked while there was one; it went before approval: refused with what is left, nothing moved.
    const { id } = await requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id });
    const member = await newMember();
    await placeOrder(member.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: sh01.id, lines: [{ skuId: sku.id, quantity: 1 }] });
    const late = await approveTransfer(await staff("lumi.sh01.manager"), id).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(SourceShort);
    expect((late as Error).message).toMatch(/^来源门店目前没有可调的库存（需要 1 件）/);
    expect((await transferOf(id)).status).toBe("REQUESTED");
    expect(await ledgerOf(id)).toEqual([]);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("approval racing an order for the last unit: exactly one wins", async () => {
    const { brand, sh01 } = await lumi();
    const manager = await staff("lumi.sh01.manager");
    const guide = await staff("lumi.bj01.guide");
    for (let round = 0; round < 5; round++) {
      const sku = await newSku(brand.id);
      await stock(sh01.id, sku.id, onHandFor(sh01, 1));
      const { id } = await requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id });
      const member = await newMember();
      const [approval, order] = await Promise.allSettled([
        approveTransfer(manager, id),
        placeOrder(member.id, { brandId: brand.id, idempotencyKey: key(), fulfilment: "PICKUP", storeId: sh01.id, lines: [{ skuId: sku.id, quantity: 1 }] }),
      ]);
      expect([approval.status, order.status].filter((s) => s === "fulfilled")).toHaveLength(1);
      if (approval.status === "rejected") expect(approval.reason).toBeInstanceOf(SourceShort);
      expect((await transferOf(id)).status).toBe(approval.status === "fulfilled" ? "APPROVED" : "REQUESTED");
      expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ reserved: 1 });
    }
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("cancel after approval gives the reservation back; after shipping it is refused; refuse releases too", async () => {
    const { brand, sh01 } = await lumi();
    const sku = await newSku(brand.id);
    await stock(sh01.id, sku.id, onHandFor(sh01, 3));
    const [guide, manager, shGuide] = await Promise.all([staff("lumi.bj01.guide"), staff("lumi.sh01.manager"), staff("lumi.sh01.guide")]);

    const a = await requestTransfer(guide, { skuId: sku.id, quantity: 2, fromStoreId: sh01.id });
    await approveTransfer(manager, a.id);
    expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ reserved: 2 });
    await cancelTransfer(guide, a.id);
    expect(await transferOf(a.id)).toMatchObject({ status: "CANCELLED" });
    expect((await transferOf(a.id)).endedAt).toBeInstanceOf(Date);
    expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ reserved: 0 });
    expect((await ledgerOf(a.id)).map((l) => l.reason)).toEqual(["RESERVE", "RELEASE"]);
    await expect(cancelTransfer(guide, a.id)).rejects.toThrow(/cannot be cancelled/);

    const b = await requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id });
    await approveTransfer(manager, b.id);
    await refuseTransfer(manager, b.id);
    expect(await inventoryOf(sh01.id, sku.id)).toMatchObject({ reserved: 0 });

    const c = await requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id });
    await approveTransfer(manager, c.id);
    await shipTransfer(shGuide, c.id);
    await expect(cancelTransfer(guide, c.id)).rejects.toThrow(/cannot be cancelled/);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("who may do what: only the source approves and ships, only the target receives, other brands see nothing", async () => {
    const { brand, sh01, bj01 } = await lumi();
    const sku = await newSku(brand.id);
    await stock(sh01.id, sku.id, onHandFor(sh01, 2));
    const [guide, shGuide, manager, lumiAdmin, nordAdmin] = await Promise.all([staff("lumi.bj01.guide"), staff("lumi.sh01.guide"), staff("lumi.sh01.manager"), staff("lumi.admin"), staff("nord.admin")]);
    const { id } = await requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id });

    await expect(approveTransfer(guide, id)).rejects.toMatchObject({ code: "not_found" }); // the requester's guide
    await expect(approveTransfer(shGuide, id)).rejects.toMatchObject({ code: "not_found" }); // a guide, not the manager
    await expect(approveTransfer(nordAdmin, id)).rejects.toMatchObject({ code: "not_found" });
    await approveTransfer(lumiAdmin, id); // the brand's admin, any store
    await expect(shipTransfer(guide, id)).rejects.toMatchObject({ code: "not_found" });
    await shipTransfer(manager, id);
    await expect(receiveTransfer(shGuide, id)).rejects.toMatchObject({ code: "not_found" });
    await receiveTransfer(guide, id);
    expect(await inventoryOf(bj01.id, sku.id)).toMatchObject({ onHand: 1 });

    // Bad input changes nothing: own store as source, a zero quantity, another brand's member.
    await expect(requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: bj01.id })).rejects.toBeInstanceOf(TransferRefused);
    await expect(requestTransfer(guide, { skuId: sku.id, quantity: 0, fromStoreId: sh01.id })).rejects.toThrow(/至少 1 件/);
    const stranger = await newMember();
    await expect(requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id, memberId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
