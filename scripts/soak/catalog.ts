// What the soak browses and favourites, read once (read-only) from the freshly seeded database.
import Database from "better-sqlite3";
import { BenchError } from "../bench/env";
import type { Catalog } from "./mix";

const SEARCH_TERMS_PER_BRAND = 60;

/** Search terms a shopper might type: words of the English names, the first two characters of the Chinese ones, style-code prefixes. */
export function searchTerms(products: Array<{ name: string; nameEn: string; styleCode: string }>, limit = SEARCH_TERMS_PER_BRAND): string[] {
  const terms = new Set<string>();
  for (const p of products) {
    for (const word of p.nameEn.toLowerCase().split(/[^a-z]+/)) if (word.length >= 4) terms.add(word);
    if (p.name.length >= 2) terms.add(p.name.slice(0, 2));
    terms.add(p.styleCode.slice(0, 6));
  }
  return [...terms].sort().slice(0, limit);
}

export function readCatalog(dbFile: string): Catalog {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const brands = db.prepare<[], { id: string; slug: string }>("SELECT id, slug FROM Brand ORDER BY slug").all();
    const catalog: Catalog = { brands: [] };
    for (const brand of brands) {
      const products = db
        .prepare<[string], { name: string; nameEn: string; styleCode: string }>("SELECT name, nameEn, styleCode FROM Product WHERE brandId = ? AND active = 1 ORDER BY styleCode")
        .all(brand.id);
      const categorySlugs = db
        .prepare<[string], { slug: string }>(
          "SELECT DISTINCT c.slug AS slug FROM Category c JOIN Product p ON p.categoryId = c.id AND p.active = 1 WHERE c.brandId = ? ORDER BY c.slug",
        )
        .all(brand.id)
        .map((r) => r.slug);
      const storeCodes = db
        .prepare<[string], { code: string }>("SELECT code FROM Store WHERE brandId = ? AND active = 1 AND kind <> 'WAREHOUSE' ORDER BY code")
        .all(brand.id)
        .map((r) => r.code);
      if (products.length === 0 || categorySlugs.length === 0 || storeCodes.length === 0) continue;
      catalog.brands.push({ slug: brand.slug, styleCodes: products.map((p) => p.styleCode), categorySlugs, storeCodes, searchTerms: searchTerms(products) });
    }
    if (catalog.brands.length === 0) throw new BenchError(`soak: ${dbFile} has no brand with active products, categories and stores (is it seeded?)`);
    return catalog;
  } finally {
    db.close();
  }
}

/** Members who favourite during the soak: the seed's members (member_001…), signed in with minted session cookies. */
export function favouriteMembers(dbFile: string, limit: number): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const ids = db.prepare<[number], { id: string }>("SELECT id FROM Member WHERE id LIKE 'member\\_%' ESCAPE '\\' ORDER BY id LIMIT ?").all(limit).map((r) => r.id);
    if (ids.length === 0) throw new BenchError(`soak: no seeded members (member_001…) in ${dbFile}`);
    return ids;
  } finally {
    db.close();
  }
}
