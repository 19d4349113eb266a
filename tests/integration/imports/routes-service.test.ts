import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/policy";
import { IMPORT_LIMITS } from "@/lib/imports/jobs";
import { errorsCsvMessages, importErrorsCsv, importStatus, startExport, startImportApply, startImportUpload, uploadGate } from "@/lib/imports/service";
import { csv, importFixture, textOf } from "./support";

// What the upload, status, apply and export routes call: brand.manage of the brand named or of the job's brand
// (another brand's admin reads a job id as not found), the 20 MB limit, the whole upload → apply path, and the
// download of every bad row when there are more than the page shows.

async function staff(username: string): Promise<Principal> {
  const s = await db.staff.findFirstOrThrow({ where: { username } });
  return { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
}

describe("import routes' domain calls", () => {
  it("uploads, checks, applies and exports for the brand's admin; others are refused", async () => {
    const { store, skus } = await importFixture(2);
    const [lumiAdmin, nordAdmin, guide] = await Promise.all([staff("lumi.admin"), staff("nord.admin"), staff("lumi.sh01.guide")]);
    const file = new File([csv("storeCode,gtin,quantity", skus.map((s, i) => [store.code, s.gtin, 4 + i]))], "counts.csv", { type: "text/csv" });

    expect(uploadGate({ kind: "anonymous" }, null)).toMatchObject({ status: 401 });
    expect(uploadGate(guide, null)).toMatchObject({ status: 403 });
    expect(uploadGate(lumiAdmin, 21 * 1024 * 1024)).toMatchObject({ status: 413, message: "文件超过 20 MB，请拆分后再上传 / The file is larger than 20 MB: split it and upload the parts" });
    expect(await startImportUpload(nordAdmin, { brand: "lumi", kind: "STOCK", file })).toMatchObject({ status: 403 });
    expect(await startImportUpload(lumiAdmin, { brand: "lumi", kind: "SHOES", file })).toMatchObject({ status: 400 });
    expect(await startImportUpload(lumiAdmin, { brand: "lumi", kind: "STOCK", file: null })).toMatchObject({ status: 400 });

    const started = await startImportUpload(lumiAdmin, { brand: undefined, kind: "STOCK", file });
    if ("status" in started) throw new Error(started.message);
    expect(await importStatus(lumiAdmin, started.jobId)).toMatchObject({ status: "VALIDATING", busy: true });
    await started.run();
    expect(await importStatus(lumiAdmin, started.jobId)).toMatchObject({ status: "READY", totalRows: 2, errorCount: 0, percent: 100, busy: false });
    expect(await importStatus(nordAdmin, started.jobId)).toMatchObject({ status: 404 });
    expect(await startImportApply(nordAdmin, started.jobId)).toMatchObject({ status: 404 });

    const apply = await startImportApply(lumiAdmin, started.jobId);
    if ("status" in apply) throw new Error(apply.message);
    expect(await importStatus(lumiAdmin, started.jobId)).toMatchObject({ status: "APPLYING", busy: true });
    expect(await startImportApply(lumiAdmin, started.jobId)).toMatchObject({ status: 409 });
    await apply.run();
    expect(await importStatus(lumiAdmin, started.jobId)).toMatchObject({ status: "APPLIED", appliedRows: 2, percent: 100, busy: false });

    expect(await startExport(nordAdmin, { brand: "lumi", kind: "stock", store: store.code })).toMatchObject({ status: 403 });
    expect(await startExport(lumiAdmin, { brand: "lumi", kind: "stock", store: "NOPE" })).toMatchObject({ status: 404 });
    const out = await startExport(lumiAdmin, { brand: "lumi", kind: "stock", store: store.code });
    if ("status" in out) throw new Error(out.message);
    expect(out.fileName).toMatch(new RegExp(`^lumi-stock-${store.code}-\\d{8}\\.csv$`));
    const text = await textOf(out.body as unknown as AsyncIterable<Uint8Array>);
    for (const [i, s] of skus.entries()) expect(text).toContain(`${store.code},${s.gtin},${4 + i}\n`);
  });

  it("serves every bad row as a CSV (UTF-8 BOM) when the page shows only the first ones; others are refused", async () => {
    const { store, skus } = await importFixture(1);
    const [lumiAdmin, nordAdmin, guide] = await Promise.all([staff("lumi.admin"), staff("nord.admin"), staff("lumi.sh01.guide")]);
    const bad = IMPORT_LIMITS.errorsShown + 250;
    // One good row, then rows whose count is not a number ("x" and a quoted comma): one error each.
    const lines = [[store.code, skus[0]!.gtin, 1], ...Array.from({ length: bad }, (_, i) => [store.code, skus[0]!.gtin, i % 2 ? "x" : '"1,5"'])];
    const file = new File([csv("storeCode,gtin,quantity", lines)], "many-bad.csv", { type: "text/csv" });
    const started = await startImportUpload(lumiAdmin, { brand: "lumi", kind: "STOCK", file });
    if ("status" in started) throw new Error(started.message);
    await started.run();

    const view = await importStatus(lumiAdmin, started.jobId);
    if ("code" in view) throw new Error(view.message);
    expect(view).toMatchObject({ status: "INVALID", totalRows: bad + 1, errorCount: bad });
    expect(view.errors).toHaveLength(IMPORT_LIMITS.errorsShown);

    expect(await importErrorsCsv({ kind: "anonymous" }, started.jobId)).toMatchObject({ status: 401 });
    expect(await importErrorsCsv(guide, started.jobId)).toMatchObject({ status: 403 });
    expect(await importErrorsCsv(nordAdmin, started.jobId)).toMatchObject({ status: 404 });
    expect(await importErrorsCsv(lumiAdmin, "nosuchjob")).toMatchObject({ status: 404 });
    const out = await importErrorsCsv(lumiAdmin, started.jobId);
    if ("code" in out) throw new Error(out.message);
    expect(out.fileName).toBe(`import-${started.jobId}-errors.csv`);
    const text = await textOf(out.body as unknown as AsyncIterable<Uint8Array>);
    const message = "必须是 0 或正整数 / must be a whole number, 0 or more"; // quoted in the CSV: it holds a comma
    const expected = ["\uFEFFrow,field,message", ...Array.from({ length: bad }, (_, i) => `${i + 3},quantity,"${message}"`)];
    expect(text).toBe(expected.join("\n") + "\n");

    // Past the kept maximum (100,000: stood for here by a larger count on the job) the CSV says how many are missing.
    await db.importJob.update({ where: { id: started.jobId }, data: { errorCount: bad + 7 } });
    const capped = await importErrorsCsv(lumiAdmin, started.jobId);
    if ("code" in capped) throw new Error(capped.message);
    expect((await textOf(capped.body as unknown as AsyncIterable<Uint8Array>)).split("\n").at(-2)).toBe(`,,${errorsCsvMessages.notKept(7)}`);
  });
});
