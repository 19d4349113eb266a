import { db } from "@/lib/db";

/** A CSV's bytes as the stream the importer reads (split in small chunks, as an upload arrives). */
export async function* bytesOf(text: string, chunk = 97): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
}

export async function* fromStream(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const c of stream) yield typeof c === "string" ? Buffer.from(c) : c;
}

export async function textOf(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(parts).toString("utf8");
}

/** A store of LUMI that other test files leave alone, and SKUs it has never held (fresh ones on each call). */
export async function importFixture(count: number, storeCode = "SZ01") {
  const brand = await db.brand.findFirstOrThrow({ where: { slug: "lumi" } });
  const store = (await db.store.findFirst({ where: { brandId: brand.id, code: storeCode } })) ?? (await db.store.findFirstOrThrow({ where: { brandId: brand.id, code: { notIn: ["SH01", "BJ01", "GZ01"] } }, orderBy: { code: "desc" } }));
  const skus = await db.sku.findMany({ where: { product: { brandId: brand.id }, inventory: { none: { storeId: store.id } } }, orderBy: { gtin: "asc" }, take: count });
  if (skus.length < count) throw new Error(`fixture: only ${skus.length} SKUs free at ${store.code}`);
  const admin = await db.staff.findFirstOrThrow({ where: { username: "lumi.admin" } });
  return { brand, store, skus, actor: `staff:${admin.id}` };
}

export const csv = (header: string, rows: (string | number)[][]) => [header, ...rows.map((r) => r.join(","))].join("\n") + "\n";
