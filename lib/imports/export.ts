import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { db } from "@/lib/db";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { COLUMNS } from "./formats";

// CSV downloads in exactly the import formats (UTF-8 with BOM so Excel reads Chinese), read page by page
// (colours as lowercase #rrggbb, the form the catalog feed stores),
// and streamed: an export of a whole brand never sits in memory, and re-imports unchanged.

const PAGE = 2_000;

type Cells = (string | number)[];

async function* stockRows(brandId: string, storeId?: string): AsyncGenerator<Cells> {
  let after = "";
  for (;;) {
    const page = await db.inventory.findMany({
      where: { store: { brandId }, ...(storeId ? { storeId } : {}), sku: { product: { brandId } }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, onHand: true, store: { select: { code: true } }, sku: { select: { gtin: true } } },
    });
    for (const r of page) yield [r.store.code, r.sku.gtin, r.onHand];
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

async function* skuPages(brandId: string) {
  let after = "";
  for (;;) {
    const page = await db.sku.findMany({
      where: { product: { brandId }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true, gtin: true, colorCode: true, colorName: true, colorHex: true, size: true, sizeOrder: true, priceFen: true,
        product: { select: { styleCode: true, name: true, nameEn: true, priceFen: true, listPriceFen: true, season: true, description: true, active: true, category: { select: { slug: true } } } },
      },
    });
    yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

async function* productRows(brandId: string): AsyncGenerator<Cells> {
  for await (const page of skuPages(brandId)) {
    for (const s of page) {
      const p = s.product;
      yield [p.styleCode, p.name, p.nameEn, p.category.slug, p.priceFen, p.listPriceFen ?? "", p.season, p.description, p.active ? "true" : "false", s.gtin, s.colorCode, s.colorName, s.colorHex.toLowerCase(), s.size, s.sizeOrder, s.priceFen ?? ""];
    }
  }
}

async function* priceRows(brandId: string): AsyncGenerator<Cells> {
  // One row per style (its price and list price), then one per SKU that has a price of its own.
  let after = "";
  for (;;) {
    const page = await db.product.findMany({ where: { brandId, id: { gt: after } }, orderBy: { id: "asc" }, take: PAGE, select: { id: true, styleCode: true, priceFen: true, listPriceFen: true } });
    for (const p of page) yield [p.styleCode, "", p.priceFen, p.listPriceFen ?? ""];
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  for await (const page of skuPages(brandId)) {
    for (const s of page) if (s.priceFen !== null) yield [s.product.styleCode, s.gtin, s.priceFen, ""];
  }
}

export type ExportRequest = { brandId: string; kind: ImportKind; storeId?: string };

/** The CSV as a Node stream of bytes (UTF-8, BOM, header row = the import's columns). */
export function exportCsv(req: ExportRequest): Readable {
  const rows = req.kind === "STOCK" ? stockRows(req.brandId, req.storeId) : req.kind === "PRICES" ? priceRows(req.brandId) : productRows(req.brandId);
  const out = stringify({ bom: true, header: true, columns: [...COLUMNS[req.kind]] });
  Readable.from(rows).on("error", (e) => out.destroy(e)).pipe(out);
  return out;
}

/** The same CSV as a web stream for a Response body. */
export function exportCsvWebStream(req: ExportRequest): ReadableStream<Uint8Array> {
  return Readable.toWeb(exportCsv(req)) as ReadableStream<Uint8Array>;
}

export function exportFileName(kind: ImportKind, brandSlug: string, storeCode?: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `${brandSlug}-${kind.toLowerCase()}${storeCode ? `-${storeCode}` : ""}-${day}.csv`;
}
