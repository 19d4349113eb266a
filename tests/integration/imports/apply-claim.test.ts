import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/policy";
import { APPLY_STALE_MS, applyImport, claimImportApply, dryRunImport, ImportRefused } from "@/lib/imports/jobs";
import { busyJobs } from "@/lib/imports/progress";
import { importStatus, startImportApply } from "@/lib/imports/service";
import { bytesOf, csv, importFixture } from "./support";

// "Apply" claimed in the database (decision 032): with several instances a second apply of the same job may reach
// another instance, whose memory (busyJobs) knows nothing of the first. The claim is one conditional UPDATE of the
// job's status; only the caller whose UPDATE changed the row applies. An APPLYING job whose applier went silent
// (killed) can be claimed again once it is stale.

async function staff(username: string): Promise<Principal> {
  const s = await db.staff.findFirstOrThrow({ where: { username } });
  return { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
}

/** A checked (READY) stock job of `rows` fresh SKUs at the fixture store. */
async function readyJob(rows: number) {
  const { brand, store, skus, actor } = await importFixture(rows);
  const text = csv("storeCode,gtin,quantity", skus.map((s, i) => [store.code, s.gtin, i + 3]));
  const checked = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "claim.csv", actor, source: bytesOf(text) });
  expect(checked.status).toBe("READY");
  return { jobId: checked.jobId, store, skus };
}

const ledgerOf = (jobId: string) => db.stockLedger.count({ where: { reference: `import:${jobId}` } });

afterEach(() => {
  vi.restoreAllMocks();
  busyJobs.clear();
});

describe("claiming an import's apply in the database", () => {
  it("claimers at once: exactly one gets the job", async () => {
    const { jobId } = await readyJob(2);
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimImportApply(jobId)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "APPLYING" });
    expect(await claimImportApply(jobId)).toBe(false);
  });

  it("two applies of one job at once, on two instances: one runs, the other gets the busy refusal", async () => {
    const { jobId, store, skus } = await readyJob(3);
    const admin = await staff("lumi.admin");
    // Neither instance's memory knows of the other's apply: only the database can tell them apart.
    vi.spyOn(busyJobs, "has").mockReturnValue(false);
    const [one, two] = await Promise.all([startImportApply(admin, jobId), startImportApply(admin, jobId)]);
    const started = [one, two].filter((r) => !("status" in r));
    const refused = [one, two].filter((r) => "status" in r);
    expect(started).toHaveLength(1);
    expect(refused).toEqual([{ status: 409, code: "busy", message: "该导入正在处理中 / This import is already being processed" }]);
    await (started[0] as { run: () => Promise<void> }).run();
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "APPLIED", appliedRows: 3 });
    expect(await ledgerOf(jobId)).toBe(3);
    const counts = await db.inventory.findMany({ where: { storeId: store.id, skuId: { in: skus.map((s) => s.id) } }, orderBy: { onHand: "asc" } });
    expect(counts.map((c) => c.onHand)).toEqual([3, 4, 5]);
  });

  it("another instance sees the job as busy and cannot start it, by the route or a script, while the first applies", async () => {
    const { jobId } = await readyJob(2);
    const admin = await staff("lumi.admin");
    const first = await startImportApply(admin, jobId);
    if ("status" in first) throw new Error(first.message);
    busyJobs.delete(jobId); // what the second instance's memory holds
    expect(await importStatus(admin, jobId)).toMatchObject({ status: "APPLYING", busy: true });
    expect(await startImportApply(admin, jobId)).toMatchObject({ status: 409, code: "busy" });
    await expect(applyImport(jobId)).rejects.toThrow(ImportRefused);
    expect(await ledgerOf(jobId)).toBe(0);
    await first.run();
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "APPLIED", appliedRows: 2 });
    expect(await ledgerOf(jobId)).toBe(2);
  });

  it("an APPLYING job nobody touched for APPLY_STALE_MS (its applier was killed) is resumed by another instance", async () => {
    const { jobId } = await readyJob(4);
    const admin = await staff("lumi.admin");
    const killed = new Date(Date.now() - 5_000);
    expect(await claimImportApply(jobId, killed)).toBe(true); // claimed, then the process died before its first batch
    expect(await importStatus(admin, jobId)).toMatchObject({ status: "APPLYING", busy: true });
    expect(await startImportApply(admin, jobId)).toMatchObject({ status: 409, code: "busy" });

    await db.importJob.update({ where: { id: jobId }, data: { updatedAt: new Date(Date.now() - APPLY_STALE_MS - 1_000) } });
    expect(await importStatus(admin, jobId)).toMatchObject({ status: "APPLYING", busy: false });
    const resumed = await startImportApply(admin, jobId);
    if ("status" in resumed) throw new Error(resumed.message);
    await resumed.run();
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "APPLIED", appliedRows: 4 });
    expect(await ledgerOf(jobId)).toBe(4);
  });

  it("a long apply keeps its claim fresh, so it never looks stale to another instance", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const { jobId } = await readyJob(2);
      let reached!: () => void;
      let release!: () => void;
      const atPause = new Promise<void>((resolve) => (reached = resolve));
      const paused = new Promise<void>((resolve) => (release = resolve));
      const applying = applyImport(jobId, { batchRows: 1, afterBatch: async (n) => { if (n === 1) { reached(); await paused; } } });
      await atPause;
      // As if the first batch had taken over a minute: without a heartbeat the claim would now look abandoned.
      const old = new Date(Date.now() - APPLY_STALE_MS - 1_000);
      await db.importJob.update({ where: { id: jobId }, data: { updatedAt: old } });
      await vi.advanceTimersByTimeAsync(15_000);
      for (let i = 0; i < 50 && (await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).updatedAt.getTime() === old.getTime(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await claimImportApply(jobId)).toBe(false);
      release();
      expect(await applying).toMatchObject({ status: "APPLIED", appliedRows: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("a job with bad rows, or already applied, is never claimed", async () => {
    const { jobId } = await readyJob(1);
    await db.importJob.update({ where: { id: jobId }, data: { status: "FAILED", errorCount: 1 } });
    expect(await claimImportApply(jobId)).toBe(false);
    await db.importJob.update({ where: { id: jobId }, data: { status: "APPLIED", errorCount: 0 } });
    expect(await claimImportApply(jobId)).toBe(false);
    await db.importRow.deleteMany({ where: { jobId } });
  });
});
