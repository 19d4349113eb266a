import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PUT as setStock } from "@/app/api/v1/stock/route";
import { POST as moveStock } from "@/app/api/v1/stock/movements/route";
import { applyImport, dryRunImport, ImportRefused } from "@/lib/imports/jobs";
import { importStatus, startImportApply } from "@/lib/imports/service";
import { ledgerSources } from "@/lib/inventory/ledger-sources";
import { confirmHeldFeed, HoldRefused, listHeldFeeds, rejectHeldFeed } from "@/lib/stock-feeds/holds";
import { call, ledgerMismatches, newKey } from "../erp/support";
import { bytesOf, csv } from "../imports/support";
import { feedStore, figuresOf, ledgerCountOf } from "./support";

// The pilot's "all stock shows zero": a stock feed (ERP counts or a CSV stock import) that would empty a store is
// held — nothing changes — until a brand admin confirms it (applied as sent, the ledger naming the feed and the
// admin) or rejects it (discarded). Both decisions are audited. A normal partial feed is applied at once.

const zeroes = (code: string, skus: { gtin: string }[]) => ({ rows: skus.map((s) => ({ storeCode: code, gtin: s.gtin, quantity: 0 })) });
const stockCsv = (code: string, skus: { gtin: string }[], q: (i: number) => number) => csv("storeCode,gtin,quantity", skus.map((s, i) => [code, s.gtin, q(i)]));

describe("ERP stock counts that would empty a store", () => {
  it("are held (202, nothing changed), replayed by key, confirmed by an admin with a ledger naming feed and admin", async () => {
    const key = await newKey();
    const { store, skus, admin, adminActor } = await feedStore(4, 3);
    const figures = await figuresOf(store.id);
    const ledgerBefore = await ledgerCountOf(store.id);
    const idem = crypto.randomUUID();
    const held = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: zeroes(store.code, skus), headers: { "Idempotency-Key": idem } });
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({ status: "held", holdId: expect.any(String), received: 4, conflicts: [], stores: [{ storeCode: store.code, unitsBefore: 12, unitsAfter: 0, skusBefore: 4, skusAfter: 0 }] });
    expect(held.body.message).toMatch(/暂扣.*held/);
    expect(await figuresOf(store.id)).toEqual(figures);
    expect(await ledgerCountOf(store.id)).toBe(ledgerBefore);

    // The same key answers the same hold; no second hold.
    const replay = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: zeroes(store.code, skus), headers: { "Idempotency-Key": idem } });
    expect(replay).toMatchObject({ status: 202, body: held.body });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.stockFeedHold.count({ where: { reference: `erp:${idem}` } })).toBe(1);

    const listed = await listHeldFeeds(key.brandId, "HELD");
    const mine = listed.find((h) => h.id === held.body.holdId);
    expect(mine).toMatchObject({ source: "ERP", actor: `api-key:${key.id}`, rows: 4, stores: [{ code: store.code, unitsBefore: 12, unitsAfter: 0, unitsNow: 12 }] });

    const confirmed = await confirmHeldFeed(admin, held.body.holdId);
    expect(confirmed).toMatchObject({ applied: 4, skippedStale: 0 });
    expect(await figuresOf(store.id)).toEqual([0, 0, 0, 0]);
    const rows = await db.stockLedger.findMany({ where: { storeId: store.id, reason: "ERP_SET" } });
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r).toMatchObject({ actor: adminActor, reference: `hold:${held.body.holdId}`, onHandDelta: -3, onHandAfter: 0 });
      expect(r.note).toContain(`erp:${idem}`);
      expect(r.note).toContain(`api-key:${key.id}`);
    }
    // The console's ledger reads it as: the admin, confirming the ERP batch sent with this key.
    const sources = await ledgerSources(rows);
    expect(sources.actors.get(adminActor)).toMatchObject({ kind: "staff", username: "lumi.admin" });
    expect(sources.references.get(`hold:${held.body.holdId}`)).toEqual({ kind: "hold", holdId: held.body.holdId, feed: { kind: "erpBatch", key: idem }, sender: { kind: "apiKey", name: key.name, prefix: key.prefix } });
    expect(await db.auditLog.count({ where: { action: "stock_feed.confirmed", target: `hold:${held.body.holdId}`, actor: adminActor } })).toBe(1);

    // Decided once: a second confirmation or a rejection is refused and changes nothing.
    await expect(confirmHeldFeed(admin, held.body.holdId)).rejects.toBeInstanceOf(HoldRefused);
    await expect(rejectHeldFeed(admin, held.body.holdId)).rejects.toBeInstanceOf(HoldRefused);
    expect(await db.stockLedger.count({ where: { storeId: store.id, reason: "ERP_SET" } })).toBe(4);
    // Another brand's admin does not see it.
    const nord = await db.staff.findFirstOrThrow({ where: { username: "nord.admin" } });
    await expect(confirmHeldFeed({ staffId: nord.id, brandId: nord.brandId! }, held.body.holdId)).rejects.toBeInstanceOf(HoldRefused);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("a rejected hold changes nothing, ever; a resend without a key while it waits is the same hold", async () => {
    const key = await newKey();
    const { store, skus, admin, adminActor } = await feedStore(3, 2);
    const figures = await figuresOf(store.id);
    const ledgerBefore = await ledgerCountOf(store.id);
    const first = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: zeroes(store.code, skus) });
    const again = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: zeroes(store.code, skus) });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.holdId).toBe(first.body.holdId);
    await rejectHeldFeed(admin, first.body.holdId);
    expect(await db.stockFeedHold.findUniqueOrThrow({ where: { id: first.body.holdId } })).toMatchObject({ status: "REJECTED", decidedBy: adminActor });
    expect(await db.auditLog.count({ where: { action: "stock_feed.rejected", target: `hold:${first.body.holdId}` } })).toBe(1);
    await expect(confirmHeldFeed(admin, first.body.holdId)).rejects.toBeInstanceOf(HoldRefused);
    expect(await figuresOf(store.id)).toEqual(figures);
    expect(await ledgerCountOf(store.id)).toBe(ledgerBefore);
  });

  it("a normal partial feed is applied at once, and the ledger names the API key and the batch", async () => {
    const key = await newKey();
    const { store, skus } = await feedStore(4, 3);
    const idem = crypto.randomUUID();
    // Two of four SKUs counted out, one restocked: the store keeps stock, nothing is held.
    const body = { rows: [{ storeCode: store.code, gtin: skus[0]!.gtin, quantity: 0 }, { storeCode: store.code, gtin: skus[1]!.gtin, quantity: 0 }, { storeCode: store.code, gtin: skus[2]!.gtin, quantity: 8 }] };
    const applied = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body, headers: { "Idempotency-Key": idem } });
    expect(applied).toMatchObject({ status: 200, body: { status: "applied", received: 3, changed: 3, conflicts: [] } });
    expect(await db.stockFeedHold.count({ where: { reference: `erp:${idem}` } })).toBe(0);
    const rows = await db.stockLedger.findMany({ where: { storeId: store.id, reason: "ERP_SET" } });
    expect(rows.map((r) => [r.actor, r.reference])).toEqual(Array(3).fill([`api-key:${key.id}`, `erp:${idem}`]));
    const sources = await ledgerSources(rows);
    expect(sources.actors.get(`api-key:${key.id}`)).toEqual({ kind: "apiKey", name: key.name, prefix: key.prefix });
    expect(sources.references.get(`erp:${idem}`)).toEqual({ kind: "erpBatch", key: idem });

    // A movement's ledger row names the API key and the movement's key.
    const moveKey = crypto.randomUUID();
    await call(moveStock, "POST", "/api/v1/stock/movements", { secret: key.secret, body: { movements: [{ key: moveKey, storeCode: store.code, gtin: skus[3]!.gtin, delta: -1 }] } });
    expect(await db.stockLedger.findFirstOrThrow({ where: { storeId: store.id, reason: "ERP_MOVE" } })).toMatchObject({ actor: `api-key:${key.id}`, reference: moveKey });
  });

  it("confirming applies the counts as sent, except one a newer count overtook after the hold", async () => {
    const key = await newKey();
    const { store, skus, admin } = await feedStore(2, 5);
    const t0 = new Date(Date.now() - 60_000).toISOString();
    const held = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: skus.map((s) => ({ storeCode: store.code, gtin: s.gtin, quantity: 0, countedAt: t0 })) } });
    expect(held.status).toBe(202);
    // A newer count of the first SKU arrives meanwhile (a normal feed: the store keeps stock).
    const newer = await call(setStock, "PUT", "/api/v1/stock", { secret: key.secret, body: { rows: [{ storeCode: store.code, gtin: skus[0]!.gtin, quantity: 7 }] } });
    expect(newer.body).toMatchObject({ status: "applied", changed: 1 });
    expect(await confirmHeldFeed(admin, held.body.holdId)).toMatchObject({ applied: 1, skippedStale: 1 });
    const bySku = new Map((await db.inventory.findMany({ where: { storeId: store.id } })).map((i) => [i.skuId, i.onHand]));
    expect([bySku.get(skus[0]!.id), bySku.get(skus[1]!.id)]).toEqual([7, 0]);
  });
});

describe("CSV stock imports that would empty a store", () => {
  const dryRun = (brandId: string, actor: string, text: string) => dryRunImport({ brandId, kind: "STOCK", fileName: "closing.csv", actor, source: bytesOf(text) });

  it("are held at apply (nothing changed), cannot be applied again, and a confirmation applies them by the admin", async () => {
    const { brand, store, skus, admin, adminActor } = await feedStore(5, 2);
    const uploader = await db.staff.findFirstOrThrow({ where: { username: "admin" } });
    const figures = await figuresOf(store.id);
    const ledgerBefore = await ledgerCountOf(store.id);
    const checked = await dryRun(brand.id, `staff:${uploader.id}`, stockCsv(store.code, skus, () => 0));
    expect(checked.status).toBe("READY");
    const result = await applyImport(checked.jobId);
    expect(result).toMatchObject({ status: "HELD", appliedRows: 0, holdId: expect.any(String) });
    expect(await figuresOf(store.id)).toEqual(figures);
    expect(await ledgerCountOf(store.id)).toBe(ledgerBefore);
    const principal = { kind: "staff" as const, staffId: admin.staffId, role: "BRAND_ADMIN" as const, brandId: brand.id, storeId: null };
    const view = await importStatus(principal, checked.jobId);
    expect(view).toMatchObject({ status: "HELD", holdId: result.holdId });
    await expect(applyImport(checked.jobId)).rejects.toBeInstanceOf(ImportRefused);
    expect(await startImportApply(principal, checked.jobId)).toMatchObject({ status: 409, code: "held" });
    const listed = (await listHeldFeeds(brand.id, "HELD")).find((h) => h.id === result.holdId);
    expect(listed).toMatchObject({ source: "IMPORT", importFileName: "closing.csv", rows: 5, stores: [{ code: store.code, unitsBefore: 10, unitsAfter: 0, skusBefore: 5, skusAfter: 0 }] });

    const confirmed = await confirmHeldFeed(admin, result.holdId!);
    await confirmed.run!();
    expect((await db.importJob.findUniqueOrThrow({ where: { id: checked.jobId } })).status).toBe("APPLIED");
    expect(await figuresOf(store.id)).toEqual([0, 0, 0, 0, 0]);
    const rows = await db.stockLedger.findMany({ where: { storeId: store.id, reason: "ERP_SET" } });
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r).toMatchObject({ actor: adminActor, reference: `hold:${result.holdId}` });
      expect(r.note).toContain(`import:${checked.jobId}`);
      expect(r.note).toContain(`staff:${uploader.id}`);
    }
    const sources = await ledgerSources(rows);
    expect(sources.references.get(`hold:${result.holdId}`)).toMatchObject({ kind: "hold", feed: { kind: "import", jobId: checked.jobId, fileName: "closing.csv" }, sender: { kind: "staff", username: "admin" } });
    expect(await db.auditLog.count({ where: { action: "stock_feed.confirmed", target: `hold:${result.holdId}` } })).toBe(1);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it("a rejected held import is discarded (INVALID with the reason, staging dropped, nothing changed)", async () => {
    const { brand, store, skus, admin, adminActor } = await feedStore(3, 1);
    const figures = await figuresOf(store.id);
    const ledgerBefore = await ledgerCountOf(store.id);
    const checked = await dryRun(brand.id, adminActor, stockCsv(store.code, skus, () => 0));
    const held = await applyImport(checked.jobId);
    expect(held.status).toBe("HELD");
    await rejectHeldFeed(admin, held.holdId!);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: checked.jobId } });
    expect(job).toMatchObject({ status: "INVALID", errorCount: 1 });
    expect(job.errors).toContain("Rejected by an admin");
    expect(await db.importRow.count({ where: { jobId: checked.jobId } })).toBe(0);
    await expect(applyImport(checked.jobId)).rejects.toBeInstanceOf(ImportRefused);
    expect(await figuresOf(store.id)).toEqual(figures);
    expect(await ledgerCountOf(store.id)).toBe(ledgerBefore);
    expect(await db.auditLog.count({ where: { action: "stock_feed.rejected", target: `hold:${held.holdId}`, actor: adminActor } })).toBe(1);
  });

  it("a normal partial import is applied at once, its ledger naming the uploader and the job", async () => {
    const { brand, store, skus, adminActor } = await feedStore(4, 3);
    const checked = await dryRun(brand.id, adminActor, stockCsv(store.code, skus.slice(0, 2), (i) => i));
    const result = await applyImport(checked.jobId);
    expect(result.status).toBe("APPLIED");
    expect(await db.stockFeedHold.count({ where: { importJobId: checked.jobId } })).toBe(0);
    const rows = await db.stockLedger.findMany({ where: { storeId: store.id, reason: "ERP_SET" } });
    expect(rows.map((r) => [r.actor, r.reference])).toEqual(Array(2).fill([adminActor, `import:${checked.jobId}`]));
    const sources = await ledgerSources(rows);
    expect(sources.references.get(`import:${checked.jobId}`)).toEqual({ kind: "import", jobId: checked.jobId, fileName: "closing.csv" });
    expect(sources.actors.get(adminActor)).toMatchObject({ kind: "staff", username: "lumi.admin" });
  });
});
