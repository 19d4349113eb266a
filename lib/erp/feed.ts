import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { catalogChanged, CatalogConflictError, CatalogFeedError, inChunks, planCatalogUpsert, type RowError } from "@/lib/catalog-feed/catalog";
import { planPrices } from "@/lib/catalog-feed/prices";
import { stockResolver } from "@/lib/catalog-feed/stock";
import { adjustStatements, isConstraintFailure, setStatements, stockChanged, type StockCount } from "@/lib/inventory/movements";
import { NO_LEVEL, pairKey, pairLevels } from "@/lib/inventory/pair-levels";
import { holdStatement, pendingHoldOf, storesEmptiedByCounts, type HeldStore } from "@/lib/stock-feeds/holds";
import { countVerdict, MAX_CLOCK_AHEAD_MS } from "@/lib/stock-feeds/rules";
import { ErpError, refusals, type ErpIssue } from "./errors";
import type { ApiKeyPrincipal } from "./keys";
import { hashOf, idempotentBatch, moveKey, readReceipts, receiptStatement, type BatchPlan, type ErpAnswer } from "./receipts";
import type { productsBody, pricesBody, stockCountConflict, stockMovesBody, stockSetBody, stockSetHeld, stockSetResult } from "./schemas";

// The ERP's writes: catalog rows, prices, stock counts and stock movements, each one batch transaction with its
// idempotency receipt (lib/erp/receipts.ts). Every stock change is a ledger row whose actor is "api-key:<id>".

export type ErpCall<B> = { key: ApiKeyPrincipal; body: B; idempotencyKey?: string; requestHash: string; requestId: string; now?: Date };

const rowIssues = (list: string, errors: RowError[]): ErpIssue[] => errors.map((e) => ({ path: `${list}.${e.row - 1}.${e.field}`, message: e.message }));

function feedRefusal(e: unknown): unknown {
  if (e instanceof CatalogFeedError) return refusals.rows(rowIssues("rows", e.errors));
  if (e instanceof CatalogConflictError) return refusals.conflict();
  return e;
}

/** The call's batch under its Idempotency-Key (if any), planned at one instant. */
function batchOf<B>(c: ErpCall<B>, plan: (now: Date) => Promise<BatchPlan>): Promise<ErpAnswer> {
  const now = c.now ?? new Date();
  return idempotentBatch(c.key.brandId, c.idempotencyKey, c.requestHash, () => plan(now), now);
}

/** One catalog batch (products or prices): planned by lib/catalog-feed, committed with its receipt, cache refreshed. */
function catalogBatch<B>(c: ErpCall<B>, plan: (now: Date) => Promise<{ statements: Prisma.PrismaPromise<unknown>[]; styleCodes: string[]; body: unknown }>): Promise<ErpAnswer> {
  return batchOf(c, async (now) => {
    const p = await plan(now).catch((e) => Promise.reject(feedRefusal(e)));
    return { statements: p.statements, body: p.body, after: () => catalogChanged(c.key.brandId, p.styleCodes), refused: () => refusals.conflict() };
  });
}

/** PUT/POST /api/v1/products: upserts styles and SKUs, all rows or none. */
export function upsertProducts(c: ErpCall<z.infer<typeof productsBody>>): Promise<ErpAnswer> {
  return catalogBatch(c, async (now) => {
    const plan = await planCatalogUpsert(c.key.brandId, c.body.rows, now);
    return { ...plan, body: plan.counts };
  });
}

/** PUT/POST /api/v1/prices: style and SKU prices, all rows or none. */
export function updatePrices(c: ErpCall<z.infer<typeof pricesBody>>): Promise<ErpAnswer> {
  return catalogBatch(c, async () => {
    const plan = await planPrices(c.key.brandId, c.body.rows);
    return { ...plan, body: { updated: plan.updated } };
  });
}

type CountBody = z.infer<typeof stockSetBody>;
class CountsRaced extends Error {}

/**
 * PUT /api/v1/stock: sets counted on-hand figures (ERP_SET), all rows or none; a figure equal to the current one
 * writes nothing. Decision 024: a count older than the last count applied to its (store, SKU) is not applied and
 * is listed in `conflicts`; a batch that would (almost) empty a store is HELD (202, nothing applied) until a brand
 * admin confirms it on the console.
 */
export async function setStock(c: ErpCall<CountBody>): Promise<ErpAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await batchOf(c, (now) => planCounts(c, now));
    } catch (e) {
      // A newer count of one of these pairs committed between our plan and our commit: plan again (it is a conflict now).
      if (e instanceof CountsRaced && attempt < 3) continue;
      if (e instanceof CountsRaced) throw refusals.conflict();
      throw e;
    }
  }
}

async function planCounts(c: ErpCall<CountBody>, now: Date): Promise<BatchPlan> {
  const { counts, errors } = (await stockResolver(c.key.brandId)).resolve(c.body.rows, 1);
  const tooLate = c.body.rows.flatMap((r, i) =>
    r.countedAt && Date.parse(r.countedAt) > now.getTime() + MAX_CLOCK_AHEAD_MS ? [{ row: i + 1, field: "countedAt", message: erpMessages.countedAtAhead }] : [],
  );
  if (errors.length || tooLate.length) throw refusals.rows(rowIssues("rows", [...errors, ...tooLate].sort((a, b) => a.row - b.row)));
  const levels = await pairLevels(counts);
  const lines: (StockCount & { countedAt: Date; before: number })[] = [];
  const conflicts: z.infer<typeof stockCountConflict>[] = [];
  for (const l of counts) {
    const level = levels.get(pairKey(l)) ?? NO_LEVEL;
    const sent = c.body.rows[l.row - 1]!;
    const at = sent.countedAt ? new Date(sent.countedAt) : now;
    const verdict = countVerdict(at, l.onHand, { at: level.lastCountAt, onHand: level.lastCountOnHand });
    if (verdict === "stale")
      conflicts.push({
        path: `rows.${l.row - 1}`,
        storeCode: sent.storeCode.trim(),
        gtin: sent.gtin.trim(),
        countedAt: at.toISOString(),
        quantity: l.onHand,
        newerCountedAt: level.lastCountAt!.toISOString(),
        newerQuantity: level.lastCountOnHand,
      });
    if (verdict === "apply") lines.push({ storeId: l.storeId, skuId: l.skuId, onHand: l.onHand, countedAt: at, before: level.onHand });
  }
  const below = lines.filter((l) => l.onHand < (levels.get(pairKey(l))?.reserved ?? 0));
  if (below.length)
    throw refusals.rows(
      below.map((l) => {
        const reserved = levels.get(pairKey(l))!.reserved;
        const row = counts.find((x) => x.storeId === l.storeId && x.skuId === l.skuId)!.row;
        return { path: `rows.${row - 1}.quantity`, message: `低于已预留数量 ${reserved} / Below the ${reserved} unit(s) reserved for orders` };
      }),
    );

  const reference = c.idempotencyKey ? `erp:${c.idempotencyKey}` : `erp:request:${c.requestId}`;
  const emptied = await storesEmptiedByCounts(lines.map((l) => ({ storeId: l.storeId, before: l.before, after: l.onHand })));
  if (emptied.length) return heldPlan(c, reference, lines, emptied, conflicts, now);

  const changed = lines.filter((l) => l.onHand !== l.before);
  return {
    statements: lines.length ? setStatements("ERP_SET", lines.map(({ storeId, skuId, onHand, countedAt }) => ({ storeId, skuId, onHand, countedAt })), { actor: c.key.actor, reference, now }) : [],
    body: { status: "applied", received: counts.length, changed: changed.length, conflicts } satisfies z.infer<typeof stockSetResult>,
    after: () => stockChanged(changed),
    refused: async (e) => {
      const again = await pairLevels(lines);
      const overtaken = lines.some((l) => countVerdict(l.countedAt, l.onHand, { at: again.get(pairKey(l))?.lastCountAt ?? null, onHand: again.get(pairKey(l))?.lastCountOnHand ?? null }) !== "apply");
      if (overtaken) return new CountsRaced();
      return isConstraintFailure(e) ? refusals.conflict() : e;
    },
  };
}

/** The batch is held: the hold row (and the receipt, by idempotentBatch) is all that is written; answered 202. */
async function heldPlan(c: ErpCall<CountBody>, reference: string, lines: (StockCount & { countedAt: Date })[], emptied: HeldStore[], conflicts: z.infer<typeof stockCountConflict>[], now: Date): Promise<BatchPlan> {
  const stores = emptied.map((s) => ({ storeCode: s.code, unitsBefore: s.unitsBefore, unitsAfter: s.unitsAfter, skusBefore: s.skusBefore, skusAfter: s.skusAfter }));
  const answer = (holdId: string) => ({ status: "held", holdId, received: c.body.rows.length, message: erpMessages.held(stores.map((s) => s.storeCode)), stores, conflicts }) satisfies z.infer<typeof stockSetHeld>;
  // Sent again without an Idempotency-Key while it waits: the same hold, not a second one.
  const pending = await pendingHoldOf(c.key.brandId, c.requestHash);
  if (pending) return { statements: [], body: answer(pending.id), status: 202 };
  const hold = holdStatement({
    brandId: c.key.brandId,
    source: "ERP",
    actor: c.key.actor,
    reference,
    requestHash: c.requestHash,
    counts: lines.map((l) => ({ storeId: l.storeId, skuId: l.skuId, onHand: l.onHand, countedAt: l.countedAt.toISOString() })),
    rows: lines.length,
    stores: emptied,
    now,
  });
  return { statements: [hold.statement], body: answer(hold.id), status: 202 };
}

export const erpMessages = {
  countedAtAhead: "countedAt 晚于服务器时间超过 5 分钟 / countedAt is more than 5 minutes ahead of the server's clock",
  held: (codes: string[]) =>
    `该批次会清空门店 ${codes.join("、")} 的库存，已暂扣，未做任何修改；品牌管理员确认后按原样应用 / This batch would empty the stock of store(s) ${codes.join(", ")}: it is held and nothing was changed; it is applied as sent once a brand admin confirms it`,
} as const;

type Move = z.infer<typeof stockMovesBody>["movements"][number];
class MovesRaced extends Error {}

/**
 * POST /api/v1/stock/movements: on-hand += delta per movement (ERP_MOVE). Each movement carries its own key and is
 * applied once, ever: a re-sent batch applies only the movements not seen before and says which were already
 * applied; a known key with different content is refused (409). All new movements of a batch commit together.
 */
export async function moveStock(c: ErpCall<z.infer<typeof stockMovesBody>>): Promise<ErpAnswer> {
  const moves = c.body.movements;
  const firstOfKey = new Map<string, number>();
  const dupes: ErpIssue[] = [];
  moves.forEach((m, i) => {
    if (firstOfKey.has(m.key)) dupes.push({ path: `movements.${i}.key`, message: `与第 ${firstOfKey.get(m.key)} 条移动的键重复 / Same key as movement ${firstOfKey.get(m.key)}` });
    else firstOfKey.set(m.key, i);
  });
  if (dupes.length) throw new ErpError(400, "invalid_body", "移动的键在批次内重复 / Movement keys repeat within the batch", dupes);
  const resolved = await resolveMoves(c.key.brandId, moves);
  for (let attempt = 0; ; attempt++) {
    try {
      return await batchOf(c, (now) => planMoves(c, moves, resolved, now));
    } catch (e) {
      // Another request applied some of these movements meanwhile: plan again from the receipts.
      if (e instanceof MovesRaced && attempt < 3) continue;
      if (e instanceof MovesRaced) throw refusals.conflict();
      throw e;
    }
  }
}

async function resolveMoves(brandId: string, moves: Move[]) {
  const [stores, skus] = await Promise.all([
    db.store.findMany({ where: { brandId, code: { in: [...new Set(moves.map((m) => m.storeCode))] } }, select: { id: true, code: true } }),
    inChunks(
      moves.map((m) => m.gtin),
      (gtins) => db.sku.findMany({ where: { gtin: { in: gtins }, product: { brandId } }, select: { id: true, gtin: true } }),
    ),
  ]);
  const storeByCode = new Map(stores.map((s) => [s.code, s.id]));
  const skuByGtin = new Map(skus.map((s) => [s.gtin, s.id]));
  const issues: ErpIssue[] = [];
  const lines = moves.map((m, i) => {
    const storeId = storeByCode.get(m.storeCode);
    const skuId = skuByGtin.get(m.gtin);
    if (!storeId) issues.push({ path: `movements.${i}.storeCode`, message: `本品牌没有此门店代码 / No store of this brand has code ${m.storeCode}` });
    if (!skuId) issues.push({ path: `movements.${i}.gtin`, message: `本品牌没有此 GTIN 的 SKU / No SKU of this brand has GTIN ${m.gtin}` });
    return { storeId: storeId ?? "", skuId: skuId ?? "", delta: m.delta };
  });
  if (issues.length) throw refusals.rows(issues);
  return lines;
}

async function planMoves(c: ErpCall<unknown>, moves: Move[], lines: { storeId: string; skuId: string; delta: number }[], now: Date) {
  const hashes = moves.map((m) => hashOf({ storeCode: m.storeCode, gtin: m.gtin, delta: m.delta, note: m.note ?? "" }));
  const receipts = new Map((await readReceipts(c.key.brandId, moves.map((m) => moveKey(m.key)))).map((r) => [r.key, r]));
  const conflicts: ErpIssue[] = [];
  const fresh: number[] = [];
  moves.forEach((m, i) => {
    const r = receipts.get(moveKey(m.key));
    if (!r) fresh.push(i);
    else if (r.requestHash !== hashes[i]) conflicts.push(movementConflict(i, m.key, r));
  });
  if (conflicts.length) throw refusals.idempotencyConflict(conflicts);

  // Checked here for field paths; the ledger's CHECK guards the same rule at commit.
  const levels = await pairLevels(fresh.map((i) => lines[i]!));
  const belowZero: ErpIssue[] = [];
  for (const i of fresh) {
    const l = lines[i]!;
    const level = levels.get(pairKey(l)) ?? NO_LEVEL;
    const after = level.onHand + l.delta;
    if (after < level.reserved) belowZero.push({ path: `movements.${i}.delta`, message: `库存将低于 ${level.reserved}（现有 ${level.onHand}）/ On hand would fall below ${level.reserved} (now ${level.onHand})` });
    levels.set(pairKey(l), { ...level, onHand: after });
  }
  if (belowZero.length) throw refusals.rows(belowZero);

  const statements = fresh.flatMap((i) => [
    ...adjustStatements("ERP_MOVE", [lines[i]!], { actor: c.key.actor, reference: moves[i]!.key, note: moves[i]!.note, now }),
    receiptStatement(c.key.brandId, moveKey(moves[i]!.key), hashes[i]!, 200, { status: "applied", storeCode: moves[i]!.storeCode, gtin: moves[i]!.gtin, delta: moves[i]!.delta }, now),
  ]);
  const freshSet = new Set(fresh);
  return {
    statements,
    body: {
      applied: fresh.length,
      alreadyApplied: moves.length - fresh.length,
      movements: moves.map((m, i) => ({ key: m.key, status: freshSet.has(i) ? ("applied" as const) : ("already_applied" as const) })),
    },
    after: () => stockChanged(fresh.map((i) => lines[i]!)),
    refused: async (e: unknown) => {
      const now = await readReceipts(c.key.brandId, fresh.map((i) => moveKey(moves[i]!.key)));
      if (now.length) return new MovesRaced();
      return isConstraintFailure(e) ? refusals.conflict() : e;
    },
  };
}

/** A movement key already applied with other content: the issue names the key and, when the receipt kept it, what it was applied as. */
function movementConflict(i: number, key: string, receipt: { response: string; createdAt: Date }): ErpIssue {
  const was = JSON.parse(receipt.response) as { storeCode?: string; gtin?: string; delta?: number };
  const applied = was.storeCode && was.gtin && typeof was.delta === "number" ? { storeCode: was.storeCode, gtin: was.gtin, delta: was.delta, appliedAt: receipt.createdAt.toISOString() } : undefined;
  const what = applied ? `：${applied.storeCode} ${applied.gtin} ${applied.delta > 0 ? "+" : ""}${applied.delta}（${applied.appliedAt}）/ ` : " / ";
  const en = applied ? `: ${applied.storeCode} ${applied.gtin} ${applied.delta > 0 ? "+" : ""}${applied.delta} at ${applied.appliedAt}` : "";
  return { path: `movements.${i}.key`, key, ...(applied ? { applied } : {}), message: `键 ${key} 已用于另一笔移动${what}Key ${key} was already applied as a different movement${en}` };
}
