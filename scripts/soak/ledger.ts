// The stock ledger must explain every quantity at the end of the soak (issue 7 point 5), checked in SQL on the
// database file, read-only:
//   - since the baseline (the seed + the order budget, taken before the traffic): for every store+SKU, the change of
//     onHand and reserved equals the sum of the ledger rows written since;
//   - over all rows: onHand and reserved equal the sum of all their ledger deltas (the seed wrote SEED rows from zero),
//     and the newest ledger row's after-values equal the row;
//   - no negative stock, nothing reserved beyond what is on hand;
//   - per order and store+SKU: RESERVE rows hold the ordered quantity, what is still reserved is what is neither sold
//     nor released, SELL rows took what was sold; paid orders are counted on their own.
import Database from "better-sqlite3";

export interface LedgerBaseline {
  /** StockLedger rows up to this rowid existed before the traffic. */
  lastLedgerRowid: number;
  /** "storeId|skuId" → quantities before the traffic. */
  inventory: Map<string, { onHand: number; reserved: number }>;
}

export function takeBaseline(dbFile: string): LedgerBaseline {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const lastLedgerRowid = (db.prepare("SELECT COALESCE(MAX(rowid), 0) AS n FROM StockLedger").get() as { n: number }).n;
    const inventory = new Map<string, { onHand: number; reserved: number }>();
    for (const row of db.prepare("SELECT storeId, skuId, onHand, reserved FROM Inventory").iterate() as Iterable<{ storeId: string; skuId: string; onHand: number; reserved: number }>) {
      inventory.set(`${row.storeId}|${row.skuId}`, { onHand: row.onHand, reserved: row.reserved });
    }
    return { lastLedgerRowid, inventory };
  } finally {
    db.close();
  }
}

export interface LedgerCheck {
  inventoryRows: number;
  ledgerRowsSinceBaseline: number;
  /** store+SKU rows whose change since the baseline is not the sum of the ledger rows since. */
  baselineMismatches: number;
  /** store+SKU rows whose quantities are not the sum of all their ledger rows (SQL over every row). */
  totalMismatches: number;
  /** store+SKU rows whose newest ledger row's onHandAfter/reservedAfter differ from the row. */
  afterValueMismatches: number;
  negativeRows: number;
  overReservedRows: number;
  orders: { checked: number; lineMismatches: number; paid: number; paidMismatches: number };
  totals: { onHand: number; reserved: number; ledgerOnHand: number; ledgerReserved: number };
  problems: string[];
  pass: boolean;
}

const TOTAL_MISMATCH_SQL = `
  SELECT i.storeId AS storeId, i.skuId AS skuId, i.onHand AS onHand, i.reserved AS reserved,
         COALESCE(l.onHand, 0) AS ledgerOnHand, COALESCE(l.reserved, 0) AS ledgerReserved
  FROM Inventory i
  LEFT JOIN (SELECT storeId, skuId, SUM(onHandDelta) AS onHand, SUM(reservedDelta) AS reserved FROM StockLedger GROUP BY storeId, skuId) l
    ON l.storeId = i.storeId AND l.skuId = i.skuId
  WHERE COALESCE(l.onHand, 0) <> i.onHand OR COALESCE(l.reserved, 0) <> i.reserved`;

// Ledger rows for a store+SKU with no inventory row would be stock nobody can see.
const ORPHAN_LEDGER_SQL = `
  SELECT COUNT(*) AS n FROM (SELECT DISTINCT storeId, skuId FROM StockLedger) l
  WHERE NOT EXISTS (SELECT 1 FROM Inventory i WHERE i.storeId = l.storeId AND i.skuId = l.skuId)`;

const AFTER_VALUES_SQL = `
  SELECT COUNT(*) AS n FROM Inventory i
  JOIN (SELECT storeId, skuId, onHandAfter, reservedAfter,
               ROW_NUMBER() OVER (PARTITION BY storeId, skuId ORDER BY rowid DESC) AS newest
        FROM StockLedger) l ON l.storeId = i.storeId AND l.skuId = i.skuId AND l.newest = 1
  WHERE l.onHandAfter <> i.onHand OR l.reservedAfter <> i.reserved`;

const SINCE_SQL = `
  SELECT storeId, skuId, SUM(onHandDelta) AS onHand, SUM(reservedDelta) AS reserved, COUNT(*) AS n
  FROM StockLedger WHERE rowid > ? GROUP BY storeId, skuId`;

// Per order and store+SKU: what the order's lines say against what its ledger rows (reference order:<number>) did.
const ORDER_LINES_SQL = `
  WITH lines AS (
    SELECT o.number AS number, o.paidAt IS NOT NULL AS paid, l.storeId AS storeId, l.skuId AS skuId,
           SUM(l.quantity) AS quantity, SUM(l.soldQty) AS sold, SUM(l.releasedQty) AS released
    FROM "Order" o JOIN OrderLine l ON l.orderId = o.id
    GROUP BY o.id, l.storeId, l.skuId),
  moves AS (
    SELECT reference, storeId, skuId,
           SUM(CASE WHEN reason = 'RESERVE' THEN reservedDelta ELSE 0 END) AS reservedIn,
           SUM(reservedDelta) AS stillReserved,
           SUM(CASE WHEN reason = 'SELL' THEN -onHandDelta ELSE 0 END) AS soldOut
    FROM StockLedger WHERE reference LIKE 'order:%' GROUP BY reference, storeId, skuId)
  SELECT lines.number AS number, lines.paid AS paid, lines.storeId AS storeId, lines.skuId AS skuId, lines.quantity AS quantity,
         lines.sold AS sold, lines.released AS released,
         COALESCE(moves.reservedIn, 0) AS reservedIn, COALESCE(moves.stillReserved, 0) AS stillReserved, COALESCE(moves.soldOut, 0) AS soldOut
  FROM lines LEFT JOIN moves ON moves.reference = 'order:' || lines.number AND moves.storeId = lines.storeId AND moves.skuId = lines.skuId`;

type OrderLineRow = { number: string; paid: number; storeId: string; skuId: string; quantity: number; sold: number; released: number; reservedIn: number; stillReserved: number; soldOut: number };

/** The store+SKU rows of an order line whose ledger does not match the line; empty when it does. */
export function orderLineProblem(r: OrderLineRow): string | null {
  const wrong: string[] = [];
  if (r.reservedIn !== r.quantity) wrong.push(`reserved ${r.reservedIn} of ${r.quantity} ordered`);
  if (r.stillReserved !== r.quantity - r.sold - r.released) wrong.push(`still reserved ${r.stillReserved}, expected ${r.quantity - r.sold - r.released} (ordered − sold − released)`);
  if (r.soldOut !== r.sold) wrong.push(`SELL rows took ${r.soldOut}, the line sold ${r.sold}`);
  return wrong.length ? `order ${r.number}${r.paid ? " (paid)" : ""} ${r.storeId}/${r.skuId}: ${wrong.join("; ")}` : null;
}

export function checkLedger(dbFile: string, baseline: LedgerBaseline): LedgerCheck {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const note = (list: string[], max = 10): void => {
      for (const p of list.slice(0, max)) problems.push(p);
      if (list.length > max) problems.push(`… and ${list.length - max} more`);
    };

    const total = db.prepare(TOTAL_MISMATCH_SQL).all() as Array<{ storeId: string; skuId: string; onHand: number; reserved: number; ledgerOnHand: number; ledgerReserved: number }>;
    note(total.map((r) => `${r.storeId}/${r.skuId}: onHand ${r.onHand} reserved ${r.reserved}, the ledger adds up to ${r.ledgerOnHand}/${r.ledgerReserved}`));
    const orphans = (db.prepare(ORPHAN_LEDGER_SQL).get() as { n: number }).n;
    if (orphans > 0) problems.push(`${orphans} store+SKU pairs have ledger rows but no inventory row`);
    const afterValueMismatches = (db.prepare(AFTER_VALUES_SQL).get() as { n: number }).n;
    if (afterValueMismatches > 0) problems.push(`${afterValueMismatches} store+SKU rows differ from their newest ledger row's after-values`);

    const bad = db.prepare("SELECT SUM(onHand < 0 OR reserved < 0) AS negative, SUM(reserved > MAX(onHand, 0)) AS over, COUNT(*) AS rows FROM Inventory").get() as { negative: number | null; over: number | null; rows: number };
    if ((bad.negative ?? 0) > 0) problems.push(`${bad.negative} inventory rows with negative stock`);
    if ((bad.over ?? 0) > 0) problems.push(`${bad.over} inventory rows reserve more than is on hand`);

    const since = db.prepare(SINCE_SQL).all(baseline.lastLedgerRowid) as Array<{ storeId: string; skuId: string; onHand: number; reserved: number; n: number }>;
    const sinceByKey = new Map(since.map((r) => [`${r.storeId}|${r.skuId}`, r]));
    const baselineProblems: string[] = [];
    const now = db.prepare("SELECT storeId, skuId, onHand, reserved FROM Inventory").all() as Array<{ storeId: string; skuId: string; onHand: number; reserved: number }>;
    const seen = new Set<string>();
    for (const row of now) {
      const key = `${row.storeId}|${row.skuId}`;
      seen.add(key);
      const before = baseline.inventory.get(key) ?? { onHand: 0, reserved: 0 };
      const moved = sinceByKey.get(key) ?? { onHand: 0, reserved: 0 };
      if (row.onHand - before.onHand !== moved.onHand || row.reserved - before.reserved !== moved.reserved) {
        baselineProblems.push(
          `${key}: onHand ${before.onHand}→${row.onHand}, reserved ${before.reserved}→${row.reserved}; ledger rows since the baseline add ${moved.onHand}/${moved.reserved}`,
        );
      }
    }
    for (const key of baseline.inventory.keys()) if (!seen.has(key)) baselineProblems.push(`${key}: inventory row gone since the baseline`);
    note(baselineProblems);

    const lines = db.prepare(ORDER_LINES_SQL).all() as OrderLineRow[];
    const lineProblems = lines.map(orderLineProblem).filter((p): p is string => p !== null);
    note(lineProblems);
    const paidOrders = new Set(lines.filter((l) => l.paid).map((l) => l.number));
    const paidBad = new Set(lines.filter((l) => l.paid && orderLineProblem(l) !== null).map((l) => l.number));

    const sums = db
      .prepare(
        `SELECT (SELECT COALESCE(SUM(onHand), 0) FROM Inventory) AS onHand, (SELECT COALESCE(SUM(reserved), 0) FROM Inventory) AS reserved,
                (SELECT COALESCE(SUM(onHandDelta), 0) FROM StockLedger) AS ledgerOnHand, (SELECT COALESCE(SUM(reservedDelta), 0) FROM StockLedger) AS ledgerReserved`,
      )
      .get() as LedgerCheck["totals"];
    if (sums.onHand !== sums.ledgerOnHand || sums.reserved !== sums.ledgerReserved) {
      problems.push(`all rows: onHand ${sums.onHand} / reserved ${sums.reserved}, the whole ledger adds up to ${sums.ledgerOnHand} / ${sums.ledgerReserved}`);
    }

    return {
      inventoryRows: bad.rows,
      ledgerRowsSinceBaseline: since.reduce((s, r) => s + r.n, 0),
      baselineMismatches: baselineProblems.length,
      totalMismatches: total.length,
      afterValueMismatches,
      negativeRows: bad.negative ?? 0,
      overReservedRows: bad.over ?? 0,
      orders: { checked: new Set(lines.map((l) => l.number)).size, lineMismatches: lineProblems.length, paid: paidOrders.size, paidMismatches: paidBad.size },
      totals: sums,
      problems,
      pass: problems.length === 0,
    };
  } finally {
    db.close();
  }
}
