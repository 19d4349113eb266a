import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/policy";
import { importStatus, startExport, startImportApply, startImportUpload, uploadGate } from "@/lib/imports/service";
import { csv, importFixture, textOf } from "./support";

// What the upload, status, apply and export routes call: brand.manage of the brand named or of the job's brand
// (another brand's admin reads a job id as not found), the 20 MB limit, and the whole upload → apply path.

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
});
