import { describe, expect, it } from "vitest";
import { upsertCatalogRows, type CatalogRow } from "@/lib/catalog-feed/catalog";
import { makeGtin13 } from "@/lib/catalog/gtin";
import { db } from "@/lib/db";
import { applyImport, dryRunImport, ImportRefused } from "@/lib/imports/jobs";
import { importStatus, startImportApply } from "@/lib/imports/service";
import { Refusal } from "@/lib/refusal";
import { expectConsoleError } from "../../setup/console-error";
import { bytesOf, csv, importFixture } from "./support";

// How imports stop. A prices file whose catalog changed between its dry run and its apply: the refused batch
// writes nothing, the job is FAILED with the refused rows numbered as in the file, and it cannot be resumed.
// A dry run that breaks on something unexpected shows a generic message (the cause is logged, not shown);
// csv-parse's and our own refusals keep their words. Test styles are inactive, sort just after the brand's
// first seeded style, and are deleted at the end.

const gtin = (n: number) => makeGtin13(`29800${String(Date.now() % 10_000_000).padStart(7, "0")}`.slice(0, 11) + String(n));

describe("an apply refused by the catalog feed", () => {
  it("marks the job FAILED with the file's rows, keeps earlier batches, writes nothing of the refused batch and cannot resume", async () => {
    const { brand, actor } = await importFixture(0);
    const category = await db.category.findFirstOrThrow({ where: { brandId: brand.id, products: { some: {} } } });
    const first = await db.product.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { styleCode: "asc" } });
    const stamp = Date.now() % 100_000;
    const [codeA, codeB, renamedB] = [`${first.styleCode}-FA${stamp}`, `${first.styleCode}-FB${stamp}`, `${first.styleCode}-FC${stamp}`];
    const [gA, gB] = [gtin(1), gtin(2)];
    const style = (styleCode: string, g: string): CatalogRow => ({ styleCode, name: "导入失败测试款", nameEn: "Failing import style", categorySlug: category.slug, priceFen: 10000, listPriceFen: 50000, active: false, gtin: g, colorCode: "01", colorName: "黑色", colorHex: "#000000", size: "M", sizeOrder: 1 });
    try {
      await upsertCatalogRows(brand.id, [style(codeA, gA), style(codeB, gB)], actor);
      // Rows 2–3 (batch 1): style A's price and its SKU's; rows 4–5 (batch 2): style B's.
      const file = csv("styleCode,gtin,priceFen,listPriceFen", [[codeA, "", 20000, ""], [codeA, gA, 21000, ""], [codeB, "", 30000, ""], [codeB, gB, 31000, ""]]);
      const checked = await dryRunImport({ brandId: brand.id, kind: "PRICES", fileName: "prices.csv", actor, source: bytesOf(file) });
      expect(checked).toMatchObject({ status: "READY", totalRows: 4, errorCount: 0 });

      // Meanwhile someone renames style B: the feed now refuses rows 4 and 5.
      const beforeB = await db.product.update({ where: { brandId_styleCode: { brandId: brand.id, styleCode: codeB } }, data: { styleCode: renamedB }, include: { skus: true } });

      const refused = await applyImport(checked.jobId, { batchRows: 2 }).catch((e: unknown) => e);
      if (!(refused instanceof ImportRefused)) throw refused;
      expect(refused).toBeInstanceOf(Refusal);
      const job = await db.importJob.findUniqueOrThrow({ where: { id: checked.jobId } });
      expect(job).toMatchObject({ status: "FAILED", appliedRows: 2, errorCount: 2 });
      expect(job.finishedAt).not.toBeNull();
      expect(JSON.parse(job.errors)).toEqual([
        { row: 4, field: "styleCode", message: `款号不存在 / Unknown style: ${codeB}` },
        { row: 5, field: "styleCode", message: `款号不存在 / Unknown style: ${codeB}` },
      ]);
      expect(refused.message).toContain("2 row(s) of this batch no longer pass it");

      // Batch 1 is in, nothing of batch 2.
      const a = await db.product.findUniqueOrThrow({ where: { brandId_styleCode: { brandId: brand.id, styleCode: codeA } }, include: { skus: true } });
      expect([a.priceFen, a.skus[0]!.priceFen]).toEqual([20000, 21000]);
      const b = await db.product.findUniqueOrThrow({ where: { id: beforeB.id }, include: { skus: true } });
      expect(b).toEqual(beforeB);

      // What the page polls shows the refused rows; a refused row stays refused: no resume (the page offers
      // none either: errorCount > 0).
      const admin = await db.staff.findFirstOrThrow({ where: { username: "lumi.admin" } });
      const principal = { kind: "staff", staffId: admin.id, role: admin.role, brandId: admin.brandId, storeId: admin.storeId } as const;
      expect(await importStatus(principal, checked.jobId)).toMatchObject({ status: "FAILED", appliedRows: 2, errorCount: 2, errors: JSON.parse(job.errors), busy: false });
      expect(await startImportApply(principal, checked.jobId)).toMatchObject({ status: 409, code: "not_ready" });
      await expect(applyImport(checked.jobId)).rejects.toBeInstanceOf(ImportRefused);
      expect(await db.importJob.findUniqueOrThrow({ where: { id: checked.jobId } })).toMatchObject({ status: "FAILED", appliedRows: 2 });
      expect(await db.product.findUniqueOrThrow({ where: { id: b.id }, include: { skus: true } })).toEqual(beforeB);
    } finally {
      await db.$transaction([
        db.sku.deleteMany({ where: { product: { brandId: brand.id, styleCode: { in: [codeA, codeB, renamedB] } } } }),
        db.product.deleteMany({ where: { brandId: brand.id, styleCode: { in: [codeA, codeB, renamedB] } } }),
      ]);
    }
  });
});

describe("a dry run that stops", () => {
  const HEADER = "storeCode,gtin,quantity";
  async function* breaksAfterHeader(error: unknown): AsyncGenerator<Uint8Array> {
    yield Buffer.from(`${HEADER}\n`);
    throw error;
  }

  it("shows a generic message for an unexpected error and logs it with the job id", async () => {
    const { brand, actor } = await importFixture(0);
    const logged = expectConsoleError();
    const cause = new Error("SQLITE_IOERR: disk I/O error at /srv/internal/path");
    const result = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "broken.csv", actor, source: breaksAfterHeader(cause) });
    expect(result).toMatchObject({ status: "INVALID", errorCount: 1, errors: [{ row: 0, field: "file", message: "导入失败，请重试 / The import failed, please retry" }] });
    const job = await db.importJob.findUniqueOrThrow({ where: { id: result.jobId } });
    expect(job.errors).not.toContain("SQLITE_IOERR");
    expect(logged).toHaveBeenCalledWith(`[imports] job ${result.jobId}: the dry run failed`, cause);
  });

  it("keeps the words of a refusal and of csv-parse", async () => {
    const { brand, store, skus, actor } = await importFixture(1);
    class UploadStopped extends Refusal {
      readonly code = "upload_stopped";
    }
    const refusal = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "r.csv", actor, source: breaksAfterHeader(new UploadStopped("上传已中止 / The upload stopped")) });
    expect(refusal.errors).toEqual([{ row: 0, field: "file", message: "上传已中止 / The upload stopped" }]);

    const unclosed = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "q.csv", actor, source: bytesOf(`${HEADER}\n${store.code},"${skus[0]!.gtin},1\n`) });
    expect(unclosed).toMatchObject({ status: "INVALID", errorCount: 1 });
    expect(unclosed.errors[0]!.message).toMatch(/^无法读取 CSV 文件 \/ the CSV file cannot be read: Quote Not Closed/);
  });
});
