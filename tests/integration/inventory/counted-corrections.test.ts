import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adjustStatements, setStatements, stockStatements } from "@/lib/inventory/movements";

// Staff adjustments and outside counts (ERP/CSV) go through the same module as orders, with a ledger row each.
// A (store, SKU) pair that had no stock, brought to the figures through the module itself (other files check
// that ledger sums equal on-hand everywhere).
let used = 0;
async function freshRow(onHand: number, reserved: number) {
  const store = await db.store.findFirstOrThrow({ where: { code: "BJ01" } });
  const sku = await db.sku.findFirstOrThrow({ where: { inventory: { none: { storeId: store.id } }, product: { brandId: store.brandId } }, orderBy: { gtin: "desc" }, skip: used++ });
  const ctx = { actor: "system:test", reference: "fixture", now: new Date() };
  await db.$transaction([
    ...setStatements("ERP_SET", [{ storeId: store.id, skuId: sku.id, onHand }], ctx),
    ...(reserved ? stockStatements("RESERVE", [{ storeId: store.id, skuId: sku.id, quantity: reserved }], { ...ctx, safetyStock: false }) : []),
  ]);
  return db.inventory.findUniqueOrThrow({ where: { storeId_skuId: { storeId: store.id, skuId: sku.id } } });
}
const ledgerOf = (storeId: string, skuId: string, reference: string) => db.stockLedger.findMany({ where: { storeId, skuId, reference }, orderBy: { createdAt: "asc" } });
const now = () => new Date();

describe("counted corrections", () => {
  it("twenty adjustments and counts of one row at once: every ledger row follows the one before it", async () => {
    // On PostgreSQL each batch locks the row before its ledger row reads it (lockRows); without the lock two batches
    // read the same on-hand and the ledger's onHandAfter values repeat and stop adding up.
    const inv = await freshRow(50, 0);
    const row = { storeId: inv.storeId, skuId: inv.skuId };
    const ctx = (i: number) => ({ actor: "staff:test", reference: `race-${inv.id}`, note: String(i), now: now() });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction(i % 5 === 4 ? setStatements("ADJUST", [{ ...row, onHand: 40 + i }], ctx(i)) : adjustStatements("ADJUST", [{ ...row, delta: i % 2 ? 3 : -2 }], ctx(i))),
      ),
    );
    const ledger = await db.stockLedger.findMany({ where: { ...row }, orderBy: [{ createdAt: "asc" }] });
    const final = await db.inventory.findUniqueOrThrow({ where: { id: inv.id } });
    expect(final.onHand).toBe(ledger.reduce((sum, l) => sum + l.onHandDelta, 0));
    expect(ledger.filter((l) => l.reference === `race-${inv.id}`).length).toBeGreaterThanOrEqual(16); // a count equal to the figure writes nothing
    // A serial chain: each row starts where another ended, the first at 0 and the last ends at the final figure. As
    // multisets, starts + {final} = ends + {0}; two batches that read the same figure break it.
    const count = (values: number[]) => values.sort((x, y) => x - y).join(",");
    expect(count([...ledger.map((l) => l.onHandAfter - l.onHandDelta), final.onHand])).toBe(count([...ledger.map((l) => l.onHandAfter), 0]));
  });

  it("adjusts by a delta with one ledger row saying who and why", async () => {
    const inv = await freshRow(5, 2);
    await db.$transaction(adjustStatements("ADJUST", [{ storeId: inv.storeId, skuId: inv.skuId, delta: -3 }], { actor: "staff:test", reference: "adj-1", note: "盘点损耗", now: now() }));
    expect(await db.inventory.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ onHand: 2, reserved: 2 });
    const [row] = await ledgerOf(inv.storeId, inv.skuId, "adj-1");
    expect(row).toMatchObject({ reason: "ADJUST", onHandDelta: -3, onHandAfter: 2, reservedAfter: 2, actor: "staff:test", note: "盘点损耗" });
  });

  it("refuses an adjustment below what is reserved, changing nothing in the batch", async () => {
    const inv = await freshRow(5, 2);
    const other = await freshRow(4, 0);
    await expect(
      db.$transaction([
        ...adjustStatements("ADJUST", [{ storeId: other.storeId, skuId: other.skuId, delta: 1 }], { actor: "staff:test", reference: "adj-2", now: now() }),
        ...adjustStatements("ADJUST", [{ storeId: inv.storeId, skuId: inv.skuId, delta: -4 }], { actor: "staff:test", reference: "adj-2", now: now() }),
      ]),
    ).rejects.toThrow();
    expect(await db.inventory.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ onHand: 5, reserved: 2 });
    expect(await db.inventory.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ onHand: 4 });
    expect(await db.stockLedger.count({ where: { reference: "adj-2" } })).toBe(0);
  });

  it("sets a counted figure; the same count again writes nothing; a count below reserved is refused", async () => {
    const inv = await freshRow(5, 2);
    const set = (onHand: number, reference: string) => db.$transaction(setStatements("ERP_SET", [{ storeId: inv.storeId, skuId: inv.skuId, onHand }], { actor: "api-key:k1", reference, now: now() }));
    await set(9, "set-1");
    await set(9, "set-2");
    await expect(set(1, "set-3")).rejects.toThrow();
    expect(await db.inventory.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ onHand: 9, reserved: 2 });
    expect(await ledgerOf(inv.storeId, inv.skuId, "set-1")).toMatchObject([{ reason: "ERP_SET", onHandDelta: 4, onHandAfter: 9 }]);
    expect(await db.stockLedger.count({ where: { reference: { in: ["set-2", "set-3"] } } })).toBe(0);
  });

  it("sets stock of a SKU a store never held by creating its row", async () => {
    const store = await db.store.findFirstOrThrow({ where: { code: "GZ01" } });
    const sku = await db.sku.findFirstOrThrow({ where: { inventory: { none: { storeId: store.id } }, product: { brandId: store.brandId } }, orderBy: { gtin: "asc" } });
    await db.$transaction(setStatements("ERP_SET", [{ storeId: store.id, skuId: sku.id, onHand: 3 }], { actor: "api-key:k1", reference: "set-new", now: now() }));
    expect(await db.inventory.findUniqueOrThrow({ where: { storeId_skuId: { storeId: store.id, skuId: sku.id } } })).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await ledgerOf(store.id, sku.id, "set-new")).toMatchObject([{ onHandDelta: 3, onHandAfter: 3 }]);
  });
});
