// Order placement for `npm run bench -- --matrix`: the same buyers, stock budget and load as scripts/bench/orders.ts,
// but set up and checked through a Prisma client built for the cell's database (SQLite or PostgreSQL), since
// orders.ts talks to a SQLite file with better-sqlite3.
import crypto from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { memberSearchKeys } from "../../lib/members/search-keys";
import { BenchError, sleep } from "./env";
import { ORDER_PLAN, type OrderLedger, orderPlanOf, type OrderSetup } from "./orders";

const BENCH_ACTOR = "system:bench";
const BENCH_REFERENCE = "bench:orders";

/**
 * `buyers` members bench_buyer_01… with their brand membership, and the plan's stock budgets at the brand's pickup
 * store with the least safety stock and the most inventory rows (ties by code): on hand set to reserved + safety
 * stock + budget, each change with its ADJUST ledger row, so the ledger still adds up.
 */
export async function prepareCellOrders(db: PrismaClient, label: string, brandSlug: string, buyers: number): Promise<OrderSetup> {
  const brand = await db.brand.findUnique({ where: { slug: brandSlug }, select: { id: true } });
  if (!brand) throw new BenchError(`orders: no brand "${brandSlug}" in ${label}`);
  const stores = await db.store.findMany({
    where: { brandId: brand.id, active: true, pickupEnabled: true, kind: { not: "WAREHOUSE" } },
    select: { id: true, code: true, name: true, safetyStock: true, _count: { select: { inventory: true } } },
  });
  stores.sort((a, b) => a.safetyStock - b.safetyStock || b._count.inventory - a._count.inventory || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const chosen = stores[0];
  if (!chosen) throw new BenchError(`orders: brand "${brandSlug}" has no pickup store in ${label}`);
  const store = { id: chosen.id, code: chosen.code, name: chosen.name, safetyStock: chosen.safetyStock };
  const wanted = ORDER_PLAN.hotBudgets.length + ORDER_PLAN.deepSkus;
  const rows = await db.inventory.findMany({
    where: { storeId: store.id, sku: { product: { active: true, brandId: brand.id } } },
    select: { skuId: true, onHand: true, reserved: true },
    orderBy: { skuId: "asc" },
    take: wanted,
  });
  const { skus, members } = orderPlanOf(rows, store.code, buyers);

  const writes = [];
  for (const sku of skus) {
    const onHand = sku.before.reserved + store.safetyStock + sku.budget;
    const delta = onHand - sku.before.onHand;
    if (delta === 0) continue;
    writes.push(db.inventory.update({ where: { storeId_skuId: { storeId: store.id, skuId: sku.skuId } }, data: { onHand } }));
    writes.push(
      db.stockLedger.create({
        data: {
          id: crypto.randomUUID(), storeId: store.id, skuId: sku.skuId, reason: "ADJUST", onHandDelta: delta, reservedDelta: 0,
          onHandAfter: onHand, reservedAfter: sku.before.reserved, actor: BENCH_ACTOR, reference: BENCH_REFERENCE,
          note: "stock budget of the order-placement benchmark",
        },
      }),
    );
  }
  writes.push(db.member.createMany({ data: members.map((id, i) => ({ id, nickname: `bench buyer ${i + 1}` })) }));
  writes.push(db.memberBrand.createMany({ data: members.map((id) => ({ id: `${id}_${brand.id}`, memberId: id, brandId: brand.id })) }));
  writes.push(
    db.memberSearchKey.createMany({
      data: members.flatMap((id, i) => memberSearchKeys({ nickname: `bench buyer ${i + 1}` }).map((key) => ({ key, memberId: id }))),
    }),
  );
  await db.$transaction(writes);
  return { dbFile: label, brand: { id: brand.id, slug: brandSlug }, store, members, skus };
}

/** Requests in flight when autocannon stopped still complete on the server: wait until the buyers' order count settles. */
export async function waitForCellQuiet(db: PrismaClient, setup: OrderSetup): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await db.order.count({ where: { memberId: { in: setup.members } } });
    if (n === last) return;
    last = n;
    await sleep(500);
  }
}

export interface CellIntegrity {
  /** Orders in the database with one of this run's idempotency keys. */
  ordersInDb: number;
  /** Of those, orders with their RESERVE rows in the ledger. */
  ordersWithReservation: number;
  /** 201s received (warm-up included) and those without an order in the database. */
  placed: number;
  missingOrders: number;
  /** Orders written for requests answered with something other than 201. */
  ordersForRefusals: number;
  /** Units in this run's orders, and the sum of their RESERVE ledger rows. */
  orderedUnits: number;
  reservedInLedger: number;
  /** SKUs of the plan whose reserved gain differs from the ledger's RESERVE rows of this run. */
  reservedMismatches: number;
  /** Units reserved beyond a SKU's budget, plus units reserved beyond on hand anywhere. */
  oversoldUnits: number;
  /** Inventory rows (whole database) whose ledger sums differ from onHand / reserved. */
  ledgerMismatches: number;
  inventoryRows: number;
  hotSoldOut: number;
  problems: string[];
}

export async function verifyCellOrders(db: PrismaClient, setup: OrderSetup, ledger: OrderLedger): Promise<CellIntegrity> {
  const orders = await db.order.findMany({
    where: { memberId: { in: setup.members } },
    select: { number: true, idempotencyKey: true, lines: { select: { skuId: true, storeId: true, quantity: true } } },
  });
  const ours = orders.filter((o) => ledger.sent.has(o.idempotencyKey));
  const byReference = new Map(ours.map((o) => [`order:${o.number}`, o]));
  const keys = new Set(ours.map((o) => o.idempotencyKey));
  let placed = 0;
  let missingOrders = 0;
  let ordersForRefusals = 0;
  for (const [key] of ledger.sent) {
    const answer = ledger.answered.get(key);
    if (answer?.status === 201) {
      placed += 1;
      if (!keys.has(key)) missingOrders += 1;
    } else if (answer && keys.has(key)) ordersForRefusals += 1;
  }

  const reserveRows = await db.stockLedger.findMany({
    where: { reason: "RESERVE", reference: { startsWith: "order:" }, storeId: setup.store.id },
    select: { reference: true, skuId: true, reservedDelta: true },
  });
  const ledgerBySku = new Map<string, number>();
  const reservedOrders = new Set<string>();
  let reservedInLedger = 0;
  for (const row of reserveRows) {
    if (!byReference.has(row.reference)) continue;
    reservedOrders.add(row.reference);
    reservedInLedger += row.reservedDelta;
    ledgerBySku.set(row.skuId, (ledgerBySku.get(row.skuId) ?? 0) + row.reservedDelta);
  }
  const orderedBySku = new Map<string, number>();
  let orderedUnits = 0;
  for (const o of ours) for (const l of o.lines) {
    orderedUnits += l.quantity;
    if (l.storeId === setup.store.id) orderedBySku.set(l.skuId, (orderedBySku.get(l.skuId) ?? 0) + l.quantity);
  }

  const problems: string[] = [];
  const now = await db.inventory.findMany({ where: { storeId: setup.store.id, skuId: { in: setup.skus.map((s) => s.skuId) } }, select: { skuId: true, onHand: true, reserved: true } });
  const nowBySku = new Map(now.map((r) => [r.skuId, r]));
  let oversoldUnits = 0;
  let reservedMismatches = 0;
  let hotSoldOut = 0;
  for (const sku of setup.skus) {
    const row = nowBySku.get(sku.skuId)!;
    const gain = row.reserved - sku.before.reserved;
    if (gain > sku.budget) {
      oversoldUnits += gain - sku.budget;
      problems.push(`${sku.skuId}: ${gain} units reserved, the budget was ${sku.budget} (OVERSOLD)`);
    }
    if (gain !== (ledgerBySku.get(sku.skuId) ?? 0) || gain !== (orderedBySku.get(sku.skuId) ?? 0)) {
      reservedMismatches += 1;
      problems.push(`${sku.skuId}: reserved grew by ${gain}, RESERVE rows ${ledgerBySku.get(sku.skuId) ?? 0}, ordered ${orderedBySku.get(sku.skuId) ?? 0}`);
    }
    if (sku.role === "hot" && row.onHand - row.reserved - setup.store.safetyStock <= 0) hotSoldOut += 1;
  }

  const inventory = await db.inventory.findMany({ select: { storeId: true, skuId: true, onHand: true, reserved: true } });
  const sums = await db.stockLedger.groupBy({ by: ["storeId", "skuId"], _sum: { onHandDelta: true, reservedDelta: true } });
  const sumOf = new Map(sums.map((s) => [`${s.storeId} ${s.skuId}`, s._sum]));
  let ledgerMismatches = 0;
  for (const row of inventory) {
    if (row.reserved > row.onHand || row.reserved < 0) oversoldUnits += Math.max(0, row.reserved - row.onHand);
    const sum = sumOf.get(`${row.storeId} ${row.skuId}`);
    if ((sum?.onHandDelta ?? 0) !== row.onHand || (sum?.reservedDelta ?? 0) !== row.reserved) ledgerMismatches += 1;
  }
  if (ledgerMismatches > 0) problems.push(`${ledgerMismatches} inventory rows whose ledger does not add up to onHand/reserved`);
  if (missingOrders > 0) problems.push(`${missingOrders} answers 201 without an order in the database`);
  if (ordersForRefusals > 0) problems.push(`${ordersForRefusals} orders written for refused requests`);
  if (reservedOrders.size !== ours.length) problems.push(`${ours.length} orders, ${reservedOrders.size} with RESERVE rows in the ledger`);
  if (reservedInLedger !== orderedUnits) problems.push(`RESERVE rows hold ${reservedInLedger} units, the orders ${orderedUnits}`);
  return {
    ordersInDb: ours.length,
    ordersWithReservation: reservedOrders.size,
    placed,
    missingOrders,
    ordersForRefusals,
    orderedUnits,
    reservedInLedger,
    reservedMismatches,
    oversoldUnits,
    ledgerMismatches,
    inventoryRows: inventory.length,
    hotSoldOut,
    problems,
  };
}
