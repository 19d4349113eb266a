import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportCsv } from "@/lib/imports/export";
import { applyImport, dryRunImport } from "@/lib/imports/jobs";
import { bytesOf, csv, importFixture, textOf } from "./support";

// An export re-imports unchanged: the dry run passes, applying it writes no ledger row, and exporting again
// gives the same bytes.

describe("export → import round trip", () => {
  it("stock of one store", async () => {
    const { brand, store, skus, actor } = await importFixture(4);
    const seed = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "s.csv", actor, source: bytesOf(csv("storeCode,gtin,quantity", skus.map((s, i) => [store.code, s.gtin, i * 3]))) });
    await applyImport(seed.jobId);
    const first = await textOf(exportCsv({ brandId: brand.id, kind: "STOCK", storeId: store.id }));
    expect(first.startsWith("\uFEFFstoreCode,gtin,quantity\n")).toBe(true);
    expect(first.split("\n").length).toBeGreaterThan(4);
    const ledger = await db.stockLedger.count();
    const checked = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "export.csv", actor, source: bytesOf(first) });
    expect(checked).toMatchObject({ status: "READY", errorCount: 0 });
    await applyImport(checked.jobId);
    expect(await db.stockLedger.count()).toBe(ledger);
    expect(await textOf(exportCsv({ brandId: brand.id, kind: "STOCK", storeId: store.id }))).toBe(first);
  });

  it("products and prices of the whole brand", async () => {
    const { brand, actor } = await importFixture(0);
    for (const kind of ["PRODUCTS", "PRICES"] as const) {
      const first = await textOf(exportCsv({ brandId: brand.id, kind }));
      const checked = await dryRunImport({ brandId: brand.id, kind, fileName: `${kind}.csv`, actor, source: bytesOf(first, 64 * 1024) });
      expect(checked.errors).toEqual([]);
      expect(checked.status).toBe("READY");
      await applyImport(checked.jobId);
      const second = await textOf(exportCsv({ brandId: brand.id, kind }));
      const a = first.split("\n"), b = second.split("\n");
      const i = a.findIndex((l, k) => l !== b[k]);
      expect([i, a[i], b[i]]).toEqual([-1, undefined, undefined]);
    }
  });

  it("lists bad product and price rows with their row numbers", async () => {
    const { brand, actor } = await importFixture(0);
    const product = await db.product.findFirstOrThrow({ where: { brandId: brand.id }, include: { skus: { take: 1 } } });
    const prices = await dryRunImport({
      brandId: brand.id,
      kind: "PRICES",
      fileName: "p.csv",
      actor,
      source: bytesOf(csv("styleCode,gtin,priceFen,listPriceFen", [[product.styleCode, "", 100, ""], ["NOPE-1", "", 100, ""], [product.styleCode, "", "abc", ""], [product.styleCode, "", 200, ""]])),
    });
    expect(prices.status).toBe("INVALID");
    expect(prices.errors.map((e) => [e.row, e.field])).toEqual([[3, "styleCode"], [4, "priceFen"], [5, "styleCode"]]);
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ priceFen: product.priceFen });
  });
});
