import { CsvError, parse } from "csv-parse";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ImportKind, ImportStatus } from "@/lib/generated/prisma/enums";
import { CatalogConflictError, CatalogFeedError, checkCatalogRows, upsertCatalogRows, type CatalogRow } from "@/lib/catalog-feed/catalog";
import { applyPrices, checkPriceRows, type PriceRow } from "@/lib/catalog-feed/prices";
import { stockResolver, type RowError, type StockResolver } from "@/lib/catalog-feed/stock";
import { bulkCountStatements, changedSkusOf, countsBelowReserved } from "@/lib/inventory/bulk-counts";
import { isConstraintFailure, stockChanged } from "@/lib/inventory/movements";
import { Refusal } from "@/lib/refusal";
import { confirmedNote, holdReference, holdStatement, storesEmptiedByImport } from "@/lib/stock-feeds/holds";
import { decodeCsv, type DecodeStats } from "./decode";
import { COLUMNS, CSV_ROW, messages, missingColumns } from "./formats";
import { busyJobs, clearReadProgress, setReadProgress } from "./progress";

// CSV imports: a DRY RUN reads the file as a stream (csv-parse), checks every row (zod, then the brand's stores,
// GTINs, categories… through lib/catalog-feed), lists every bad row and stages the good ones in ImportRow;
// only a file without a single bad row can be APPLIED, in all-or-nothing batches that advance
// ImportJob.appliedRows in the same transaction (stock), so a process killed halfway resumes where it stopped.
// Row numbers are the spreadsheet's: the header is row 1, the first data row is row 2.

export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 300_000,
  /** Rows per multi-row INSERT of staging rows: 5 variables a row stays under SQLite's old 999-variable limit. */
  stageChunk: 190,
  /** Staged rows written per transaction (and how often the job's row count moves). */
  stageFlush: 5_000,
  stockBatch: 5_000,
  catalogBatch: 500,
  /** Bad rows kept on the job (JSON, 10–20 MB at the very most) and downloadable as CSV; errorCount counts them all. */
  errorsKept: 100_000,
  /** Bad rows the status route (and so the page) returns; the rest are in the errors.csv download. */
  errorsShown: 1_000,
} as const;

export class ImportRefused extends Refusal {
  readonly code = "import_refused";
}

const FIRST_ROW = 2;
type Staged = { rowNo: number; storeId?: string; skuId?: string; quantity?: number; payload?: string };

export async function createImportJob(input: { brandId: string; kind: ImportKind; fileName: string; actor: string }): Promise<string> {
  const job = await db.importJob.create({
    data: { brandId: input.brandId, kind: input.kind, fileName: input.fileName.slice(0, 200) || "import.csv", fileSha256: "", actor: input.actor, status: "VALIDATING" },
    select: { id: true },
  });
  return job.id;
}

function stageStatements(jobId: string, rows: Staged[]): Prisma.PrismaPromise<number>[] {
  const out: Prisma.PrismaPromise<number>[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_LIMITS.stageChunk) {
    const values = rows
      .slice(i, i + IMPORT_LIMITS.stageChunk)
      .map((r) => Prisma.sql`(${jobId}, ${r.rowNo}, ${r.storeId ?? null}, ${r.skuId ?? null}, ${r.quantity ?? null}, ${r.payload ?? ""})`);
    out.push(db.$executeRaw`INSERT INTO "ImportRow" ("jobId", "rowNo", "storeId", "skuId", "quantity", "payload") VALUES ${Prisma.join(values)}`);
  }
  return out;
}

/** A row checker per kind: takes parsed rows with their row numbers, returns what to stage and the bad rows. */
type Checker = (rows: { rowNo: number; data: Record<string, unknown> }[]) => Promise<{ staged: Staged[]; errors: RowError[] }>;

function stockChecker(resolver: StockResolver): Checker {
  return async (rows) => {
    const staged: Staged[] = [];
    const errors: RowError[] = [];
    for (const r of rows) {
      const res = resolver.resolve([r.data as { storeCode: string; gtin: string; quantity: number }], r.rowNo);
      errors.push(...res.errors);
      for (const c of res.counts) staged.push({ rowNo: c.row, storeId: c.storeId, skuId: c.skuId, quantity: c.onHand });
    }
    return { staged, errors };
  };
}

function feedChecker(brandId: string, kind: "PRODUCTS" | "PRICES"): Checker {
  // The feed checks a batch against the database; repeats ACROSS batches are caught here.
  const seen = new Map<string, number>();
  return async (rows) => {
    const errors: RowError[] = [];
    const fresh: typeof rows = [];
    for (const r of rows) {
      const key = kind === "PRODUCTS" ? String(r.data.gtin) : `${String(r.data.styleCode)}\u0000${String(r.data.gtin ?? "")}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ row: r.rowNo, field: kind === "PRODUCTS" ? "gtin" : "styleCode", message: kind === "PRODUCTS" ? messages.duplicateGtin(first) : messages.duplicatePrice(first) });
        continue;
      }
      seen.set(key, r.rowNo);
      fresh.push(r);
    }
    if (fresh.length) {
      // The feed numbers rows from firstRowNo by position; map positions back to the file's row numbers.
      const found =
        kind === "PRODUCTS"
          ? await checkCatalogRows(brandId, fresh.map((r) => r.data as CatalogRow), 1)
          : await checkPriceRows(brandId, fresh.map((r) => r.data as PriceRow), 1);
      for (const e of found) errors.push({ ...e, row: fresh[e.row - 1]?.rowNo ?? e.row });
    }
    const bad = new Set(errors.map((e) => e.row));
    return { staged: fresh.filter((r) => !bad.has(r.rowNo)).map((r) => ({ rowNo: r.rowNo, payload: JSON.stringify(r.data) })), errors };
  };
}

export type ValidationResult = { jobId: string; status: "READY" | "INVALID"; totalRows: number; errorCount: number; errors: RowError[] };

function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

class WholeFileError extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.message);
  }
}

/** What the page shows when a dry run stops: csv-parse's and our refusals say why; anything else is logged, not shown. */
function stoppedDryRun(jobId: string, error: unknown): RowError {
  if (error instanceof WholeFileError) return error.rowError;
  if (error instanceof Refusal) return { row: 0, field: "file", message: error.message };
  if (error instanceof CsvError) return { row: 0, field: "file", message: messages.unreadable(error.message.slice(0, 200)) };
  console.error(`[imports] job ${jobId}: the dry run failed`, error);
  return { row: 0, field: "file", message: messages.failed };
}

/**
 * The dry run of a job created by createImportJob: reads `source` (bytes of a CSV) as a stream, records every bad
 * row and stages the good ones. READY when no row is bad; INVALID (staging dropped) otherwise.
 */
export async function validateImport(jobId: string, source: AsyncIterable<Uint8Array>, options: { bytesTotal?: number } = {}): Promise<ValidationResult> {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  if (job.status !== "VALIDATING") throw new ImportRefused("导入任务已校验 / this import was already checked");
  const kind = job.kind;
  busyJobs.add(jobId);
  const stats: Partial<DecodeStats> & { bytes: number } = { bytes: 0 };
  const errors: RowError[] = [];
  let errorCount = 0;
  const note = (list: RowError[]) => {
    errorCount += list.length;
    for (const e of list) if (errors.length < IMPORT_LIMITS.errorsKept * 2) errors.push(e);
  };
  const check: Checker = kind === "STOCK" ? stockChecker(await stockResolver(job.brandId)) : feedChecker(job.brandId, kind);
  const batchSize = kind === "STOCK" ? IMPORT_LIMITS.stageFlush : IMPORT_LIMITS.catalogBatch;
  let pending: { rowNo: number; data: Record<string, unknown> }[] = [];
  let stage: Staged[] = [];
  let rows = 0;

  const flushStage = async (final: boolean) => {
    if (pending.length) {
      const res = await check(pending);
      pending = [];
      note(res.errors);
      stage.push(...res.staged);
    }
    if (stage.length >= IMPORT_LIMITS.stageFlush || (final && stage.length)) {
      await db.$transaction([...stageStatements(jobId, stage), db.importJob.update({ where: { id: jobId }, data: { totalRows: rows } })]);
      stage = [];
    }
    if (options.bytesTotal) setReadProgress(jobId, stats.bytes, options.bytesTotal);
  };

  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    columns: (header: string[]) => {
      const missing = missingColumns(kind, header);
      if (missing.length) throw new WholeFileError({ row: 1, field: missing.join(","), message: missing.map(messages.missingColumn).join("; ") });
      return header.map((h) => h.trim());
    },
  });
  const feeding = (async () => {
    for await (const text of decodeCsv(source, stats)) {
      if (parser.destroyed) return; // the reader stopped (whole-file error): stop reading the upload too
      if (!parser.write(text)) await drainedOrClosed(parser);
    }
    parser.end();
  })().catch((error) => parser.destroy(error as Error));

  try {
    const schema = CSV_ROW[kind];
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      rows++;
      const rowNo = rows + 1;
      if (rows > IMPORT_LIMITS.maxRows) throw new WholeFileError({ row: rowNo, field: "file", message: messages.tooManyRows(IMPORT_LIMITS.maxRows) });
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        const byField = new Map<string, string>();
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "row");
          if (!byField.has(field)) byField.set(field, issue.message);
        }
        note([...byField].map(([field, message]) => ({ row: rowNo, field, message })));
      } else {
        pending.push({ rowNo, data: parsed.data as Record<string, unknown> });
        if (pending.length >= batchSize) await flushStage(false);
      }
    }
    await feeding;
    await flushStage(true);
    if (rows === 0) throw new WholeFileError({ row: 2, field: "file", message: messages.empty });
    if (kind === "STOCK") {
      const below = await countsBelowReserved(jobId, IMPORT_LIMITS.maxRows);
      note(below.map((b) => ({ row: Number(b.rowNo), field: "quantity", message: messages.belowReserved(Number(b.reserved)) })));
    }
  } catch (error) {
    errors.length = 0;
    errorCount = 1;
    errors.push(stoppedDryRun(jobId, error));
  } finally {
    parser.destroy();
    await feeding;
    busyJobs.delete(jobId);
    clearReadProgress(jobId);
  }

  errors.sort((a, b) => a.row - b.row);
  const kept = errors.slice(0, IMPORT_LIMITS.errorsKept);
  const status = errorCount > 0 ? "INVALID" : "READY";
  await db.$transaction([
    ...(status === "INVALID" ? [db.importRow.deleteMany({ where: { jobId } })] : []),
    db.importJob.update({
      where: { id: jobId },
      data: { status, totalRows: rows, errorCount, errors: JSON.stringify(kept), fileSha256: stats.sha256 ?? "", finishedAt: status === "INVALID" ? new Date() : null },
    }),
  ]);
  return { jobId, status, totalRows: rows, errorCount, errors: kept };
}

/** Creates the job and runs its dry run (scripts, tests and the bench; the upload route runs the two apart). */
export async function dryRunImport(input: { brandId: string; kind: ImportKind; fileName: string; actor: string; source: AsyncIterable<Uint8Array>; bytesTotal?: number }): Promise<ValidationResult> {
  const jobId = await createImportJob(input);
  return validateImport(jobId, input.source, { bytesTotal: input.bytesTotal });
}

/**
 * An APPLYING job whose row nobody touched for this long has lost its applier (a killed process): another caller,
 * on any instance, may resume it. The applier touches the row at least every APPLY_HEARTBEAT_MS.
 */
export const APPLY_STALE_MS = 60_000;
const APPLY_HEARTBEAT_MS = 15_000;

/**
 * Claims a job for applying in the database, so that a second "apply" sent to another instance is refused
 * (decision 032): ONE conditional UPDATE moves a READY or FAILED job, or an APPLYING one whose applier went
 * silent, to APPLYING. Concurrent claimers are serialised on the row and re-check the condition; only the one
 * whose UPDATE changed it applies.
 */
export async function claimImportApply(jobId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: {
      id: jobId,
      errorCount: 0,
      OR: [{ status: { in: ["READY", "FAILED"] } }, { status: "APPLYING", updatedAt: { lt: new Date(now.getTime() - APPLY_STALE_MS) } }],
    },
    data: { status: "APPLYING", updatedAt: now },
  });
  return count === 1;
}

/** Whether some instance is applying the job right now (it touched the row within APPLY_STALE_MS). */
export function applyingNow(job: { status: ImportStatus; updatedAt: Date }, now = new Date()): boolean {
  return job.status === "APPLYING" && now.getTime() - job.updatedAt.getTime() < APPLY_STALE_MS;
}

export type ApplyOptions = {
  /** Rows per batch transaction (default: 5,000 for stock, 500 for products and prices). */
  batchRows?: number;
  /** Called after each committed batch; tests throw here to stand for a process killed between batches. */
  afterBatch?: (appliedRows: number) => void | Promise<void>;
  /** The caller already claimed the job (claimImportApply) and put it in busyJobs (the apply route, so the page never sees it idle in between). */
  claimed?: boolean;
};

export type ApplyResult = { jobId: string; status: "APPLIED" | "HELD"; totalRows: number; appliedRows: number; batches: number; holdId?: string };

export const applyMessages = {
  notReady: "该导入未通过校验，不能应用 / this import did not pass its check and cannot be applied",
  busy: "该导入正在处理中 / this import is already being processed",
  held: "该导入会清空门店库存，已暂扣，请在「暂扣的库存数据」页确认或拒绝 / this import would empty a store's stock: it is held, confirm or reject it on the held stock feeds page",
  belowReserved: "应用时有数量低于已预留件数（订单在此期间预留了库存），本批未写入；请重新导入 / a count is now below the units reserved by orders placed since the check; this batch was not applied, import a fresh file",
  rowsRefused: (n: number) =>
    `校验后目录有变化，本批有 ${n} 行不再通过检查，本批未写入（之前的批次已写入）；请修改后重新导入 / the catalog changed since the check: ${n} row(s) of this batch no longer pass it, so this batch was not applied (earlier batches were); fix them and import the file again`,
} as const;

/** A products or prices batch the catalog feed refused at apply time: nothing of it was written. */
class BatchRefused extends Error {
  /** `final`: the rows themselves no longer pass (the job cannot be resumed); otherwise a race, "apply" again. */
  constructor(readonly rowErrors: RowError[], readonly final: boolean) {
    super(rowErrors[0]?.message ?? "batch refused");
  }
}

/** The feed numbers a batch's rows 1…n; the page and the CSV speak of the file's rows. */
function feedRefusal(error: unknown, batchRowNos: number[]): unknown {
  if (error instanceof CatalogFeedError) return new BatchRefused(error.errors.map((e) => ({ ...e, row: batchRowNos[e.row - 1] ?? e.row })), true);
  if (error instanceof CatalogConflictError) return new BatchRefused([{ row: batchRowNos[0] ?? 0, field: "", message: error.message }], false);
  return error;
}

/**
 * Applies a READY job in batches from ImportJob.appliedRows on; each stock batch is ONE transaction that sets the
 * counts and advances appliedRows. Re-running after an interruption resumes; an APPLIED job is a no-op.
 */
export async function applyImport(jobId: string, options: ApplyOptions = {}): Promise<ApplyResult> {
  const seen = await db.importJob.findUnique({ where: { id: jobId } });
  const refusal = !seen ? applyMessages.notReady : seen.status === "APPLIED" ? null : seen.status === "HELD" ? applyMessages.held : seen.errorCount > 0 || !["READY", "APPLYING", "FAILED"].includes(seen.status) ? applyMessages.notReady : undefined;
  if (refusal !== undefined) {
    if (options.claimed) busyJobs.delete(jobId);
    if (refusal === null) return { jobId, status: "APPLIED", totalRows: seen!.totalRows, appliedRows: seen!.appliedRows, batches: 0 };
    throw new ImportRefused(refusal);
  }
  if (!seen) throw new ImportRefused(applyMessages.notReady); // (narrowing only)
  if (!options.claimed && (busyJobs.has(jobId) || !(await claimImportApply(jobId)))) throw new ImportRefused(applyMessages.busy);
  // Read again once claimed: a previous applier may have moved appliedRows since the read above.
  const job = options.claimed ? seen : await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  busyJobs.add(jobId);
  // A batch may outlast APPLY_STALE_MS on a slow database; a missed beat is harmless (the next one, or the batch's
  // own appliedRows write, touches the row too).
  const heartbeat = setInterval(() => void db.importJob.updateMany({ where: { id: jobId, status: "APPLYING" }, data: { updatedAt: new Date() } }).catch(() => undefined), APPLY_HEARTBEAT_MS);
  heartbeat.unref?.();
  const batchRows = options.batchRows ?? (job.kind === "STOCK" ? IMPORT_LIMITS.stockBatch : IMPORT_LIMITS.catalogBatch);
  let applied = job.appliedRows;
  let batches = 0;
  try {
    const ledger = job.kind === "STOCK" ? await stockLedgerNames(job) : null;
    if (ledger && "held" in ledger) return { jobId, status: "HELD", totalRows: job.totalRows, appliedRows: 0, batches: 0, holdId: ledger.held };
    await db.importJob.update({ where: { id: jobId }, data: { status: "APPLYING", errors: "[]" } });
    while (applied < job.totalRows) {
      const upTo = Math.min(applied + batchRows, job.totalRows);
      const first = applied + FIRST_ROW;
      const last = upTo + FIRST_ROW - 1;
      const advance = db.importJob.update({ where: { id: jobId }, data: { appliedRows: upTo } });
      if (job.kind === "STOCK") {
        const skus = await changedSkusOf(jobId, first, last);
        const names = ledger && !("held" in ledger) ? ledger : { actor: job.actor, reference: `import:${jobId}`, note: "" };
        await db.$transaction([...bulkCountStatements({ jobId, firstRowNo: first, lastRowNo: last, reason: "ERP_SET", ...names, now: new Date() }), advance]);
        await stockChanged(skus.map((skuId) => ({ skuId })));
      } else {
        // The feed's upsert is its own batch transaction; it is idempotent, so a batch repeated after a kill
        // between the two writes changes nothing more.
        const staged = await db.importRow.findMany({ where: { jobId, rowNo: { gte: first, lte: last } }, orderBy: { rowNo: "asc" }, select: { rowNo: true, payload: true } });
        const rows = staged.map((s) => JSON.parse(s.payload) as unknown);
        try {
          if (job.kind === "PRODUCTS") await upsertCatalogRows(job.brandId, rows as CatalogRow[], job.actor);
          else await applyPrices(job.brandId, rows as PriceRow[], job.actor);
        } catch (error) {
          throw feedRefusal(error, staged.map((s) => s.rowNo));
        }
        await advance;
      }
      applied = upTo;
      batches++;
      await options.afterBatch?.(applied);
    }
    await db.$transaction([
      db.importRow.deleteMany({ where: { jobId } }),
      db.importJob.update({ where: { id: jobId }, data: { status: "APPLIED", finishedAt: new Date() } }),
    ]);
    return { jobId, status: "APPLIED", totalRows: job.totalRows, appliedRows: applied, batches };
  } catch (error) {
    if (error instanceof BatchRefused) {
      // A refused row stays refused: errorCount > 0 means "fix the file" (no resume); a race can be applied again.
      const rowErrors = error.rowErrors.slice(0, IMPORT_LIMITS.errorsKept);
      await db.importJob.update({ where: { id: jobId }, data: { status: "FAILED", errorCount: error.final ? error.rowErrors.length : 0, errors: JSON.stringify(rowErrors), finishedAt: error.final ? new Date() : null } });
      throw new ImportRefused(error.final ? applyMessages.rowsRefused(new Set(error.rowErrors.map((e) => e.row)).size) : error.message);
    }
    const message = isConstraintFailure(error) ? applyMessages.belowReserved : error instanceof ImportRefused ? error.message : null;
    if (message !== null) {
      await db.importJob.update({ where: { id: jobId }, data: { status: "FAILED", errors: JSON.stringify([{ row: applied + FIRST_ROW, field: "quantity", message }]) } });
      throw new ImportRefused(message);
    }
    // Stopped by anything else: FAILED (nothing wrong with the rows) gives the claim back at once, so "apply"
    // resumes from appliedRows. If even this write fails, the claim goes stale after APPLY_STALE_MS instead.
    await db.importJob.updateMany({ where: { id: jobId, status: "APPLYING" }, data: { status: "FAILED" } }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
    busyJobs.delete(jobId);
  }
}

/**
 * Who the ledger rows of a stock job name, or that the job is held (decision 024). Before its first batch, a job
 * that would empty a store is HELD (a StockFeedHold, nothing applied); a job whose hold an admin confirmed is
 * applied with the admin as actor and the hold as reference; any other job by its uploader and "import:<id>".
 */
async function stockLedgerNames(job: { id: string; brandId: string; actor: string; totalRows: number; appliedRows: number }): Promise<{ actor: string; reference: string; note: string } | { held: string }> {
  const hold = await db.stockFeedHold.findUnique({ where: { importJobId: job.id } });
  if (hold?.status === "CONFIRMED" && hold.decidedBy) return { actor: hold.decidedBy, reference: holdReference(hold.id), note: confirmedNote(hold) };
  if (hold?.status === "HELD") return { held: hold.id };
  if (job.appliedRows === 0) {
    const stores = await storesEmptiedByImport(job.id);
    if (stores.length) {
      const h = holdStatement({ brandId: job.brandId, source: "IMPORT", actor: job.actor, reference: `import:${job.id}`, importJobId: job.id, rows: job.totalRows, stores, now: new Date() });
      await db.$transaction([h.statement, db.importJob.update({ where: { id: job.id }, data: { status: "HELD" } })]);
      return { held: h.id };
    }
  }
  return { actor: job.actor, reference: `import:${job.id}`, note: "" };
}

/** After an admin confirmed a held import (lib/stock-feeds/holds.ts): applies it as usual. */
export async function startHeldImportApply(jobId: string): Promise<void> {
  try {
    await applyImport(jobId);
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
  }
}

export const KIND_COLUMNS = COLUMNS;
