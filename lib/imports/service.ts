import "server-only";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ImportKind, ImportStatus } from "@/lib/generated/prisma/enums";
import { decide, type Principal } from "@/lib/auth/policy";
import { pageOf, type ListParams, type Page, countUpTo } from "@/lib/admin/list-params";
import type { RowError } from "@/lib/catalog-feed/stock";
import { exportCsvWebStream, exportFileName } from "./export";
import { IMPORT_KINDS } from "./formats";
import { applyImport, applyingNow, applyMessages, claimImportApply, createImportJob, IMPORT_LIMITS, ImportRefused, validateImport } from "./jobs";
import { busyJobs, readProgress } from "./progress";

// What the import and export routes call: who may (brand.manage of the job's or export's brand), then the work.
// Long work (reading a 100,000-row file, applying it) runs after the response is sent; the page polls the
// job's status every second.

export type Refusal = { status: 400 | 401 | 403 | 404 | 409 | 413; code: string; message: string };
const refusal = (status: Refusal["status"], code: string, message: string): Refusal => ({ status, code, message });
const NOT_FOUND = refusal(404, "not_found", "找不到该导入 / Import not found");

export const uploadMessages = {
  tooLarge: `文件超过 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB，请拆分后再上传 / The file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB: split it and upload the parts`,
  noFile: "请选择 CSV 文件 / Choose a CSV file",
  badKind: "请选择导入类型 / Choose what the file holds",
  unknownBrand: "品牌无效 / Unknown brand",
} as const;

async function brandFor(principal: Principal, slug: unknown): Promise<{ id: string; slug: string } | Refusal> {
  const auth = decide(principal, "brand.manage");
  if (auth !== "allow") return auth === "unauthenticated" ? refusal(401, "unauthenticated", "请先登录 / Please sign in") : refusal(403, "forbidden", "无权访问 / No access");
  const parsed = z.string().regex(/^[a-z0-9-]{1,40}$/).safeParse(slug);
  const where = parsed.success ? { slug: parsed.data } : principal.kind === "staff" && principal.brandId ? { id: principal.brandId } : null;
  const brand = where ? await db.brand.findUnique({ where, select: { id: true, slug: true } }) : null;
  if (!brand) return refusal(400, "bad_request", uploadMessages.unknownBrand);
  if (decide(principal, "brand.manage", { brandId: brand.id }) !== "allow") return refusal(403, "forbidden", "无权访问该品牌 / No access to this brand");
  return { id: brand.id, slug: brand.slug };
}

const isRefusal = (v: unknown): v is Refusal => typeof v === "object" && v !== null && "status" in v && "code" in v;

/** Before the body is read: not signed in, no console access, or a body declared larger than the limit. */
export function uploadGate(principal: Principal, declaredBytes: number | null): Refusal | null {
  const auth = decide(principal, "brand.manage");
  if (auth !== "allow") return auth === "unauthenticated" ? refusal(401, "unauthenticated", "请先登录 / Please sign in") : refusal(403, "forbidden", "无权访问 / No access");
  if (declaredBytes !== null && declaredBytes > IMPORT_LIMITS.maxBytes + 64 * 1024) return refusal(413, "too_large", uploadMessages.tooLarge);
  return null;
}

/** Checks who and what, creates the job and returns the dry run to run after the response. */
export async function startImportUpload(
  principal: Principal,
  form: { brand: unknown; kind: unknown; file: unknown },
): Promise<Refusal | { jobId: string; run: () => Promise<void> }> {
  const brand = await brandFor(principal, form.brand);
  if (isRefusal(brand)) return brand;
  const kind = z.enum(IMPORT_KINDS).safeParse(form.kind);
  if (!kind.success) return refusal(400, "bad_request", uploadMessages.badKind);
  const file = form.file;
  if (!(file instanceof Blob) || file.size === 0) return refusal(400, "bad_request", uploadMessages.noFile);
  if (file.size > IMPORT_LIMITS.maxBytes) return refusal(413, "too_large", uploadMessages.tooLarge);
  const fileName = typeof (file as File).name === "string" ? (file as File).name : "import.csv";
  const actor = principal.kind === "staff" ? `staff:${principal.staffId}` : "system";
  const jobId = await createImportJob({ brandId: brand.id, kind: kind.data, fileName, actor });
  busyJobs.add(jobId); // checking starts after the response; the page sees it as under way meanwhile
  const bytes = file.stream() as unknown as AsyncIterable<Uint8Array>;
  return {
    jobId,
    run: async () => {
      try {
        await validateImport(jobId, bytes, { bytesTotal: file.size });
      } finally {
        busyJobs.delete(jobId);
      }
    },
  };
}

export type ImportStatusView = {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  appliedRows: number;
  errorCount: number;
  /** The first IMPORT_LIMITS.errorsShown bad rows; all of them are in GET /api/admin/imports/<id>/errors.csv. */
  errors: RowError[];
  /** 0–100 of the current phase: reading while VALIDATING, applied rows while APPLYING. */
  percent: number;
  /** True while some instance works on the job (an APPLYING job nobody works on can be resumed). */
  busy: boolean;
  createdAt: string;
  /** HELD (applying would empty a store, decision 024): the held feed an admin confirms or rejects on /admin/stock-feeds. */
  holdId: string | null;
};

async function jobFor(principal: Principal, jobId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(jobId)) return NOT_FOUND;
  const auth = decide(principal, "brand.manage");
  if (auth !== "allow") return auth === "unauthenticated" ? refusal(401, "unauthenticated", "请先登录 / Please sign in") : refusal(403, "forbidden", "无权访问 / No access");
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job || decide(principal, "brand.manage", { brandId: job.brandId }) !== "allow") return NOT_FOUND;
  return job;
}

export async function importStatus(principal: Principal, jobId: string): Promise<Refusal | ImportStatusView> {
  const job = await jobFor(principal, jobId);
  if (isRefusal(job)) return job;
  const reading = readProgress(job.id);
  const percent =
    job.status === "VALIDATING"
      ? reading && reading.bytesTotal > 0 ? Math.min(99, Math.floor((reading.bytesRead / reading.bytesTotal) * 100)) : 0
      : job.status === "APPLYING" || job.status === "FAILED"
        ? job.totalRows > 0 ? Math.floor((job.appliedRows / job.totalRows) * 100) : 0
        : 100;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.fileName,
    totalRows: job.totalRows,
    appliedRows: job.appliedRows,
    errorCount: job.errorCount,
    errors: (JSON.parse(job.errors) as RowError[]).slice(0, IMPORT_LIMITS.errorsShown),
    percent,
    busy: busyJobs.has(job.id) || applyingNow(job),
    createdAt: job.createdAt.toISOString(),
    holdId: job.status === "HELD" ? ((await db.stockFeedHold.findUnique({ where: { importJobId: job.id }, select: { id: true } }))?.id ?? null) : null,
  };
}

export const errorsCsvMessages = {
  notKept: (n: number) => `另有 ${n} 个错误未保存（最多保存 ${IMPORT_LIMITS.errorsKept} 个）：请先改正以上各行再重新检查 / ${n} more errors were not kept (at most ${IMPORT_LIMITS.errorsKept} are): fix the rows above and check the file again`,
} as const;

/** Every bad row the job keeps as a CSV download (row, field, message; UTF-8 with BOM so Excel reads Chinese). */
export async function importErrorsCsv(principal: Principal, jobId: string): Promise<Refusal | { fileName: string; body: ReadableStream<Uint8Array> }> {
  const job = await jobFor(principal, jobId);
  if (isRefusal(job)) return job;
  const errors = JSON.parse(job.errors) as RowError[];
  const rows: (string | number)[][] = errors.map((e) => [e.row, e.field, e.message]);
  if (job.errorCount > errors.length) rows.push(["", "", errorsCsvMessages.notKept(job.errorCount - errors.length)]);
  const out = stringify({ bom: true, header: true, columns: ["row", "field", "message"] });
  Readable.from(rows).pipe(out);
  return { fileName: `import-${job.id}-errors.csv`, body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}

/** Checks the job may be applied now and returns the apply to run after the response. */
export async function startImportApply(principal: Principal, jobId: string): Promise<Refusal | { jobId: string; run: () => Promise<void> }> {
  const job = await jobFor(principal, jobId);
  if (isRefusal(job)) return job;
  if (job.status === "APPLIED") return { jobId, run: async () => {} };
  if (job.status === "HELD") return refusal(409, "held", applyMessages.held);
  if (job.errorCount > 0 || !["READY", "APPLYING", "FAILED"].includes(job.status)) return refusal(409, "not_ready", "该导入未通过校验，不能应用 / This import did not pass its check and cannot be applied");
  const busy = refusal(409, "busy", "该导入正在处理中 / This import is already being processed");
  if (busyJobs.has(jobId)) return busy; // this instance is on it: no need to ask the database
  // Claim the job now, in the database: a double click, or a second "apply" sent to another instance, cannot start
  // two appliers, and the page never sees it idle before it starts.
  busyJobs.add(jobId);
  let claimed = false;
  try {
    claimed = await claimImportApply(jobId);
  } finally {
    if (!claimed) busyJobs.delete(jobId);
  }
  if (!claimed) return busy;
  return {
    jobId,
    run: async () => {
      try {
        await applyImport(jobId, { claimed: true });
      } catch (error) {
        if (!(error instanceof ImportRefused)) throw error;
      }
    },
  };
}

/** A CSV download of the brand's products, prices or stock (one store's or all), in the import format. */
export async function startExport(principal: Principal, q: { brand: unknown; kind: unknown; store: unknown }): Promise<Refusal | { fileName: string; body: ReadableStream<Uint8Array> }> {
  const brand = await brandFor(principal, q.brand);
  if (isRefusal(brand)) return brand;
  const kind = z.enum(["products", "prices", "stock"]).safeParse(q.kind);
  if (!kind.success) return refusal(404, "not_found", "没有这种导出 / No such export");
  const upper = kind.data.toUpperCase() as ImportKind;
  let store: { id: string; code: string } | undefined;
  if (q.store !== null && q.store !== undefined && q.store !== "") {
    const code = z.string().max(40).safeParse(q.store);
    store = code.success ? ((await db.store.findFirst({ where: { brandId: brand.id, code: code.data }, select: { id: true, code: true } })) ?? undefined) : undefined;
    if (!store) return refusal(404, "not_found", "本品牌没有此门店 / No such store in this brand");
  }
  return { fileName: exportFileName(upper, brand.slug, store?.code), body: exportCsvWebStream({ brandId: brand.id, kind: upper, storeId: store?.id }) };
}

export type ImportListRow = { id: string; kind: ImportKind; status: ImportStatus; fileName: string; totalRows: number; appliedRows: number; errorCount: number; actor: string; createdAt: Date };
export const IMPORT_SORTS = ["createdAt", "fileName", "status", "totalRows"] as const;

/** The brand's import history, searched by file name, sorted and paged on the server. */
export async function listImports(brandId: string, p: ListParams<(typeof IMPORT_SORTS)[number]>): Promise<Page<ImportListRow>> {
  const where = { brandId, ...(p.q ? { fileName: { contains: p.q } } : {}) };
  const [rows, total] = await Promise.all([
    db.importJob.findMany({
      where,
      orderBy: [{ [p.sort]: p.dir }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
      select: { id: true, kind: true, status: true, fileName: true, totalRows: true, appliedRows: true, errorCount: true, actor: true, createdAt: true },
    }),
    db.importJob.count({ where, ...countUpTo({ [p.sort]: p.dir }) }),
  ]);
  return pageOf(rows, total, p);
}

/** The brand's stores for the per-store stock export. */
export function storesForExport(brandId: string) {
  return db.store.findMany({ where: { brandId }, orderBy: { code: "asc" }, select: { code: true, name: true } });
}
