import { describe, expect, it } from "vitest";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { db } from "@/lib/db";
import { applyImport, dryRunImport, ImportRefused } from "@/lib/imports/jobs";
import { setStatements, stockStatements } from "@/lib/inventory/movements";
import { bytesOf, csv, importFixture } from "./support";

// Stock CSV: the dry run lists every bad row and writes nothing; a good file sets the counts with one ledger row
// per change; applying again changes nothing; an interrupted apply holds whole batches only and resumes.

const HEADER = "storeCode,gtin,quantity";
const dryRun = (brandId: string, actor: string, text: string) => dryRunImport({ brandId, kind: "STOCK", fileName: "stock.csv", actor, source: bytesOf(text) });
const inventoryOf = (storeId: string, skuIds: string[]) => db.inventory.findMany({ where: { storeId, skuId: { in: skuIds } }, orderBy: { skuId: "asc" } });
/** Every store's figures and every ledger row id: "nothing written" means both are exactly as before. */
const stockSnapshot = async () => ({
  inventory: await db.inventory.findMany({ select: { storeId: true, skuId: true, onHand: true, reserved: true }, orderBy: [{ storeId: "asc" }, { skuId: "asc" }] }),
  ledgerIds: (await db.stockLedger.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((l) => l.id),
});

describe("stock import", () => {
  it("lists exactly the bad rows (check digit, unknown store, negative count, duplicate) and writes nothing", async () => {
    const { brand, store, skus, actor } = await importFixture(3);
    const [a, b, c] = skus as [(typeof skus)[0], (typeof skus)[0], (typeof skus)[0]];
    const badDigit = a.gtin.slice(0, 12) + String((Number(a.gtin[12]) + 1) % 10);
    const before = await stockSnapshot();
    const result = await dryRun(
      brand.id,
      actor,
      csv(HEADER, [
        [store.code, a.gtin, 5],
        [store.code, badDigit, 1],
        ["ZZ99", b.gtin, 2],
        [store.code, b.gtin, -3],
        [store.code, a.gtin, 7],
        [store.code, c.gtin, "2.5"],
        [store.code, makeGtin13("200000000000"), 1],
      ]),
    );
    expect(result.status).toBe("INVALID");
    expect(result.totalRows).toBe(7);
    expect(result.errors).toEqual([
      { row: 3, field: "gtin", message: `GTIN 校验位错误或不是 13 位数字 / not a valid EAN-13 (13 digits, check digit): ${badDigit}` },
      { row: 4, field: "storeCode", message: "本品牌没有此门店代码 / no store of this brand has code ZZ99" },
      { row: 5, field: "quantity", message: "必须是 0 或正整数 / must be a whole number, 0 or more" },
      { row: 6, field: "gtin", message: "同一门店和 GTIN 重复（首次出现在第 2 行）/ the same store and GTIN again (first on row 2)" },
      { row: 7, field: "quantity", message: "必须是 0 或正整数 / must be a whole number, 0 or more" },
      { row: 8, field: "gtin", message: `本品牌没有此 GTIN 的 SKU / no SKU of this brand has GTIN ${makeGtin13("200000000000")}` },
    ]);
    expect(result.errorCount).toBe(6);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: result.jobId } });
    expect(job).toMatchObject({ status: "INVALID", errorCount: 6, appliedRows: 0 });
    expect(JSON.parse(job.errors)).toEqual(result.errors);
    expect(await db.importRow.count({ where: { jobId: result.jobId } })).toBe(0);
    expect(await stockSnapshot()).toEqual(before);
    await expect(applyImport(result.jobId)).rejects.toBeInstanceOf(ImportRefused);
    expect(await stockSnapshot()).toEqual(before);
  });

  it("refuses the whole file when a column header is missing", async () => {
    const { brand, store, skus, actor } = await importFixture(1);
    const before = await stockSnapshot();
    const result = await dryRun(brand.id, actor, csv("storeCode,gtin,qty", [[store.code, skus[0]!.gtin, 1]]));
    expect(result).toMatchObject({ status: "INVALID", errorCount: 1, errors: [{ row: 1, field: "quantity", message: "缺少列标题 / missing column header: quantity" }] });
    expect(await stockSnapshot()).toEqual(before);
  });

  it("refuses a count below what orders have reserved", async () => {
    const { brand, store, skus, actor } = await importFixture(1);
    const sku = skus[0]!;
    const ctx = { actor: "system:test", reference: "imports-fixture", now: new Date() };
    await db.$transaction([
      ...setStatements("ERP_SET", [{ storeId: store.id, skuId: sku.id, onHand: 5 }], ctx),
      ...stockStatements("RESERVE", [{ storeId: store.id, skuId: sku.id, quantity: 2 }], { ...ctx, safetyStock: false }),
    ]);
    try {
      const before = await stockSnapshot();
      const result = await dryRun(brand.id, actor, csv(HEADER, [[store.code, sku.gtin, 1]]));
      expect(result.errors).toEqual([{ row: 2, field: "quantity", message: "数量低于已预留的 2 件 / below the 2 units reserved for orders" }]);
      expect(await stockSnapshot()).toEqual(before);
    } finally {
      await db.$transaction(stockStatements("RELEASE", [{ storeId: store.id, skuId: sku.id, quantity: 2 }], ctx));
    }
  });

  it("applies a good file: inventory equals the file, one ledger row per change, none for an unchanged figure; again is a no-op", async () => {
    const { brand, store, skus, actor } = await importFixture(3);
    const [a, b, c] = skus as [(typeof skus)[0], (typeof skus)[0], (typeof skus)[0]];
    // c already holds 4: the file's 4 for it changes nothing.
    await db.$transaction(setStatements("ERP_SET", [{ storeId: store.id, skuId: c.id, onHand: 4 }], { actor: "system:test", reference: "imports-fixture", now: new Date() }));
    const text = "\uFEFF" + csv(HEADER, [[store.code, a.gtin, 9], [store.code, b.gtin, 0], [store.code, c.gtin, 4]]);
    const checked = await dryRun(brand.id, actor, text);
    expect(checked).toMatchObject({ status: "READY", totalRows: 3, errorCount: 0, errors: [] });
    const applied = await applyImport(checked.jobId);
    expect(applied).toMatchObject({ status: "APPLIED", totalRows: 3, appliedRows: 3, batches: 1 });
    const inv = await inventoryOf(store.id, [a.id, b.id, c.id]);
    expect(Object.fromEntries(inv.map((i) => [i.skuId, i.onHand]))).toEqual({ [a.id]: 9, [b.id]: 0, [c.id]: 4 });
    const ledger = await db.stockLedger.findMany({ where: { reference: `import:${checked.jobId}` } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ storeId: store.id, skuId: a.id, reason: "ERP_SET", onHandDelta: 9, onHandAfter: 9, reservedAfter: 0, actor });
    expect(await db.importRow.count({ where: { jobId: checked.jobId } })).toBe(0);

    // The same job again, and the same file as a new job: nothing changes, no ledger row.
    const ledgerCount = await db.stockLedger.count();
    expect(await applyImport(checked.jobId)).toMatchObject({ status: "APPLIED", batches: 0 });
    const again = await dryRun(brand.id, actor, text);
    expect(again.status).toBe("READY");
    await applyImport(again.jobId);
    expect(await db.stockLedger.count()).toBe(ledgerCount);
    expect((await inventoryOf(store.id, [a.id, b.id, c.id])).map((i) => i.onHand).sort()).toEqual([0, 4, 9]);
  });

  it("an apply interrupted between batches holds whole batches only and resumes from appliedRows", async () => {
    const { brand, store, skus, actor } = await importFixture(12);
    const text = csv(HEADER, skus.map((s, i) => [store.code, s.gtin, i + 1]));
    const checked = await dryRun(brand.id, actor, text);
    expect(checked.status).toBe("READY");
    const killed = new Error("killed");
    await expect(
      applyImport(checked.jobId, {
        batchRows: 5,
        afterBatch: (n) => {
          if (n >= 5) throw killed;
        },
      }),
    ).rejects.toBe(killed);
    // Stopped by an error in this process: FAILED gives the claim back at once (a SIGKILL leaves APPLYING: kill.test.ts).
    const job = await db.importJob.findUniqueOrThrow({ where: { id: checked.jobId } });
    expect(job).toMatchObject({ status: "FAILED", appliedRows: 5, errorCount: 0 });
    const held = await inventoryOf(store.id, skus.map((s) => s.id));
    expect(new Map(held.map((i) => [i.skuId, i.onHand]))).toEqual(new Map(skus.slice(0, 5).map((s, i) => [s.id, i + 1])));
    expect(await db.stockLedger.count({ where: { reference: `import:${checked.jobId}` } })).toBe(5);

    const resumed = await applyImport(checked.jobId, { batchRows: 5 });
    expect(resumed).toMatchObject({ status: "APPLIED", appliedRows: 12, batches: 2 });
    const all = await inventoryOf(store.id, skus.map((s) => s.id));
    expect(new Map(all.map((i) => [i.skuId, i.onHand]))).toEqual(new Map(skus.map((s, i) => [s.id, i + 1])));
    expect(await db.stockLedger.count({ where: { reference: `import:${checked.jobId}` } })).toBe(12);
  });

  it("reads a GB18030 file (Excel on Chinese Windows) like its UTF-8 twin", async () => {
    const { brand, store, skus, actor } = await importFixture(1);
    // "门店" in a trailing extra column makes the bytes GB18030-specific; extra columns are ignored.
    const text = csv("storeCode,gtin,quantity,备注", [[store.code, skus[0]!.gtin, 3, "门店盘点"]]);
    const gb = encodeGb18030(text);
    const result = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "gb.csv", actor, source: (async function* () { yield gb; })() });
    expect(result).toMatchObject({ status: "READY", totalRows: 1 });
    const row = await db.importRow.findFirstOrThrow({ where: { jobId: result.jobId } });
    expect(row).toMatchObject({ storeId: store.id, skuId: skus[0]!.id, quantity: 3 });
    await db.importJob.update({ where: { id: result.jobId }, data: { status: "FAILED", errorCount: 1 } });
    await db.importRow.deleteMany({ where: { jobId: result.jobId } });
  });
});

// GB18030 bytes of ASCII plus 备注 / 门店盘点 (a fixed table: Node has a GB18030 decoder but no encoder).
function encodeGb18030(text: string): Buffer {
  const table: Record<string, number[]> = { 备: [0xb1, 0xb8], 注: [0xd7, 0xa2], 门: [0xc3, 0xc5], 店: [0xb5, 0xea], 盘: [0xc5, 0xcc], 点: [0xb5, 0xe3] };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return Buffer.from(out);
}
