import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { catalogChanged, CatalogConflictError, CatalogFeedError, inChunks, planCatalogUpsert, type RowError } from "@/lib/catalog-feed/catalog";
import { planPrices } from "@/lib/catalog-feed/prices";
import { stockResolver } from "@/lib/catalog-feed/stock";
import { adjustStatements, isConstraintFailure, setStatements, stockChanged } from "@/lib/inventory/movements";
import { ErpError, refusals, type ErpIssue } from "./errors";
import type { ApiKeyPrincipal } from "./keys";
import { hashOf, idempotentBatch, moveKey, readReceipts, receiptStatement, type ErpAnswer } from "./receipts";
import type { productsBody, pricesBody, stockMovesBody, stockSetBody } from "./schemas";

// The ERP's writes: catalog rows, prices, stock counts and stock movements, each one batch transaction with its
// idempotency receipt (lib/erp/receipts.ts). Every stock change is a ledger row whose actor is "api-key:<id>".

export type ErpCall<B> = { key: ApiKeyPrincipal; body: B; idempotencyKey?: string; requestHash: string; requestId: string; now?: Date };

const rowIssues = (list: string, errors: RowError[]): ErpIssue[] => errors.map((e) => ({ path: `${list}.${e.row - 1}.${e.field}`, message: e.message }));

function feedRefusal(e: unknown): unknown {
  if (e instanceof CatalogFeedError) return refusals.rows(rowIssues("rows", e.errors));
  if (e instanceof CatalogConflictError) return refusals.conflict();
  return e;
}

/** One catalog batch (products or prices): planned by lib/catalog-feed, committed with its receipt, cache refreshed. */
function catalogBatch<B>(c: ErpCall<B>, plan: (now: Date) => Promise<{ statements: Prisma.PrismaPromise<unknown>[]; styleCodes: string[]; body: unknown }>): Promise<ErpAnswer> {
  const now = c.now ?? new Date();
  return idempotentBatch(
    c.key.brandId,
    c.idempotencyKey,
    c.requestHash,
    async () => {
      const p = await plan(now).catch((e) => Promise.reject(feedRefusal(e)));
      return { statements: p.statements, body: p.body, after: () => catalogChanged(c.key.brandId, p.styleCodes), refused: () => refusals.conflict() };
    },
    now,
  );
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

type Level = { onHand: number; reserved: number };
async function levelsOf(pairs: { storeId: string; skuId: string }[]): Promise<Map<string, Level>> {
  const rows = await inChunks(
    pairs.map((p) => p.skuId),
    (skuIds) => db.inventory.findMany({ where: { skuId: { in: skuIds }, storeId: { in: [...new Set(pairs.map((p) => p.storeId))] } }, select: { storeId: true, skuId: true, onHand: true, reserved: true } }),
  );
  return new Map(rows.map((r) => [`${r.storeId}\u0000${r.skuId}`, { onHand: r.onHand, reserved: r.reserved }]));
}
const pairKey = (p: { storeId: string; skuId: string }) => `${p.storeId}\u0000${p.skuId}`;

/** PUT /api/v1/stock: sets counted on-hand figures (ERP_SET), all rows or none; a figure equal to the current one writes nothing. */
export async function setStock(c: ErpCall<z.infer<typeof stockSetBody>>): Promise<ErpAnswer> {
  const now = c.now ?? new Date();
  return idempotentBatch(
    c.key.brandId,
    c.idempotencyKey,
    c.requestHash,
    async () => {
      const { counts, errors } = (await stockResolver(c.key.brandId)).resolve(c.body.rows, 1);
      if (errors.length) throw refusals.rows(rowIssues("rows", errors));
      const levels = await levelsOf(counts);
      const below = counts.filter((l) => l.onHand < (levels.get(pairKey(l))?.reserved ?? 0));
      if (below.length)
        throw refusals.rows(below.map((l) => ({ path: `rows.${l.row - 1}.quantity`, message: `低于已预留数量 ${levels.get(pairKey(l))!.reserved} / Below the ${levels.get(pairKey(l))!.reserved} unit(s) reserved for orders` })));
      const changed = counts.filter((l) => l.onHand !== (levels.get(pairKey(l))?.onHand ?? 0));
      const reference = c.idempotencyKey ? `erp:${c.idempotencyKey}` : `erp:request:${c.requestId}`;
      return {
        statements: setStatements(
          "ERP_SET",
          counts.map(({ storeId, skuId, onHand }) => ({ storeId, skuId, onHand })),
          { actor: c.key.actor, reference, now },
        ),
        body: { received: counts.length, changed: changed.length },
        after: () => stockChanged(changed),
        refused: (e) => (isConstraintFailure(e) ? refusals.conflict() : e),
      };
    },
    now,
  );
}

type Move = z.infer<typeof stockMovesBody>["movements"][number];
class MovesRaced extends Error {}

/**
 * POST /api/v1/stock/movements: on-hand += delta per movement (ERP_MOVE). Each movement carries its own key and is
 * applied once, ever: a re-sent batch applies only the movements not seen before and says which were already
 * applied; a known key with different content is refused (409). All new movements of a batch commit together.
 */
export async function moveStock(c: ErpCall<z.infer<typeof stockMovesBody>>): Promise<ErpAnswer> {
  const now = c.now ?? new Date();
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
      return await idempotentBatch(c.key.brandId, c.idempotencyKey, c.requestHash, () => planMoves(c, moves, resolved, now), now);
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
    else if (r.requestHash !== hashes[i]) conflicts.push({ path: `movements.${i}.key`, message: "此键已用于内容不同的移动 / This key was already used for a different movement" });
  });
  if (conflicts.length) throw refusals.idempotencyConflict(conflicts);

  // Checked here for field paths; the ledger's CHECK guards the same rule at commit.
  const levels = await levelsOf(fresh.map((i) => lines[i]!));
  const belowZero: ErpIssue[] = [];
  for (const i of fresh) {
    const l = lines[i]!;
    const level = levels.get(pairKey(l)) ?? { onHand: 0, reserved: 0 };
    const after = level.onHand + l.delta;
    if (after < level.reserved) belowZero.push({ path: `movements.${i}.delta`, message: `库存将低于 ${level.reserved}（现有 ${level.onHand}）/ On hand would fall below ${level.reserved} (now ${level.onHand})` });
    levels.set(pairKey(l), { ...level, onHand: after });
  }
  if (belowZero.length) throw refusals.rows(belowZero);

  const statements = fresh.flatMap((i) => [
    ...adjustStatements("ERP_MOVE", [lines[i]!], { actor: c.key.actor, reference: moves[i]!.key, note: moves[i]!.note, now }),
    receiptStatement(c.key.brandId, moveKey(moves[i]!.key), hashes[i]!, 200, { status: "applied" }, now),
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
