import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inChunks } from "@/lib/catalog-feed/catalog";
import { refusals } from "./errors";

// Idempotency of the ERP API (ErpReceipt). A receipt is written in the SAME batch transaction as the change it
// records, so its UNIQUE (brandId, key) makes "applied once" hold under concurrency: of two identical requests
// at once, one commits, the other's batch fails on the receipt and answers from the receipt it then reads.
// Only successful changes are receipted: a refused batch (422) may be corrected and sent again with the same key.

export type ErpAnswer = { status: number; body: unknown; replayed: boolean };

/** sha256 of a value with object keys sorted, so the same body always hashes the same. */
export function hashOf(value: unknown): string {
  return crypto.createHash("sha256").update(stable(value)).digest("hex");
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const batchKey = (idempotencyKey: string) => `batch:${idempotencyKey}`;
export const moveKey = (key: string) => `move:${key}`;

export function receiptStatement(brandId: string, key: string, requestHash: string, status: number, body: unknown, now: Date): Prisma.PrismaPromise<unknown> {
  return db.erpReceipt.create({ data: { brandId, key, requestHash, status, response: JSON.stringify(body), createdAt: now } });
}

export async function readReceipts(brandId: string, keys: string[]) {
  return inChunks(keys, (chunk) => db.erpReceipt.findMany({ where: { brandId, key: { in: chunk } }, select: { key: true, requestHash: true, status: true, response: true, createdAt: true } }));
}

/** The stored answer for the key when the body is the same; 409 when the key was used for another body; else null. */
export async function storedAnswer(brandId: string, key: string, requestHash: string): Promise<ErpAnswer | null> {
  const receipt = await db.erpReceipt.findUnique({ where: { brandId_key: { brandId, key } } });
  if (!receipt) return null;
  if (receipt.requestHash !== requestHash)
    throw refusals.idempotencyConflict([{ path: "Idempotency-Key", message: `此键已于 ${receipt.createdAt.toISOString()} 用于内容不同的请求 / This key was used at ${receipt.createdAt.toISOString()} for a request with another body` }]);
  return { status: receipt.status, body: JSON.parse(receipt.response), replayed: true };
}

export type BatchPlan = {
  statements: Prisma.PrismaPromise<unknown>[];
  body: unknown;
  /** Runs after commit (cache invalidation). */
  after?: () => void | Promise<void>;
  /** The answer's HTTP status (200 unless said: a held stock batch is 202). */
  status?: number;
  /** Maps a failed commit (a constraint met by a concurrent writer) to a refusal. */
  refused?: (error: unknown) => unknown | Promise<unknown>;
};

/**
 * One idempotent batch: answer from the receipt if the key was seen, else plan (checks; may refuse), commit the
 * plan's statements and the receipt together, and answer. Without a key the batch is simply applied.
 */
export async function idempotentBatch(brandId: string, idempotencyKey: string | undefined, requestHash: string, plan: () => Promise<BatchPlan>, now = new Date()): Promise<ErpAnswer> {
  const key = idempotencyKey ? batchKey(idempotencyKey) : null;
  if (key) {
    const stored = await storedAnswer(brandId, key, requestHash);
    if (stored) return stored;
  }
  const p = await plan();
  try {
    const receipt = key ? [receiptStatement(brandId, key, requestHash, p.status ?? 200, p.body, now)] : [];
    if (p.statements.length || receipt.length) await db.$transaction([...p.statements, ...receipt]);
  } catch (e) {
    // A concurrent twin committed first: its receipt is the answer.
    const stored = key ? await storedAnswer(brandId, key, requestHash) : null;
    if (stored) return stored;
    throw p.refused ? await p.refused(e) : e;
  }
  await p.after?.();
  return { status: p.status ?? 200, body: p.body, replayed: false };
}
