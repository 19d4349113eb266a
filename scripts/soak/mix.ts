// The soak's traffic mix: which action each virtual shopper takes next, and which page a browse opens.
// Pure and seeded, so a run is repeatable and the proportions are exact (tests/unit/soak/mix.test.ts).

export type ActionKind = "browse" | "favourite" | "order";

/** Shares of the mix (issue 7 point 5): browse 90 %, favourite 5 %, order 5 %, in whole slots of a block. */
export const MIX: Readonly<Record<ActionKind, number>> = { browse: 18, favourite: 1, order: 1 };

export type BrowsePage = "home" | "categories" | "category" | "product" | "availability" | "search" | "stores" | "store";

/**
 * What a browsing shopper opens, in slots of a block of 20: mostly product pages (what QR codes and shared links
 * open), then category lists, search, the store finder and store pages, the home page, and the stock island that
 * each product page fetches.
 */
export const BROWSE_MIX: Readonly<Record<BrowsePage, number>> = {
  product: 7,
  availability: 2,
  category: 3,
  categories: 1,
  search: 3,
  home: 1,
  stores: 1,
  store: 2,
};

/** mulberry32: a small seeded generator (the order bench uses the same one for its SKU schedule). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An endless sequence of picks in which every block of sum(weights) picks holds each choice exactly `weight` times,
 * shuffled within the block: the mix is exact over any whole number of blocks and never drifts by chance.
 */
export function blockSchedule<K extends string>(weights: Readonly<Record<K, number>>, random: () => number): () => K {
  const block: K[] = [];
  for (const [kind, n] of Object.entries(weights) as Array<[K, number]>) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`weight of ${kind} must be a whole number ≥ 0, got ${n}`);
    for (let i = 0; i < n; i++) block.push(kind);
  }
  if (block.length === 0) throw new Error("a schedule needs at least one positive weight");
  let queue: K[] = [];
  return () => {
    if (queue.length === 0) {
      queue = [...block];
      for (let i = queue.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [queue[i], queue[j]] = [queue[j]!, queue[i]!];
      }
    }
    return queue.pop()!;
  };
}

/** What the soak can open, read from the freshly seeded database (scripts/soak/catalog.ts). */
export interface Catalog {
  brands: Array<{
    slug: string;
    styleCodes: string[];
    categorySlugs: string[];
    storeCodes: string[];
    searchTerms: string[];
  }>;
}

function pick<T>(items: readonly T[], random: () => number): T {
  if (items.length === 0) throw new Error("nothing to pick from");
  return items[Math.floor(random() * items.length)]!;
}

/** The path a browse of kind `page` opens: a brand, then a product, category, store or search term at random. */
export function browsePath(catalog: Catalog, page: BrowsePage, random: () => number): string {
  const brand = pick(catalog.brands, random);
  const b = brand.slug;
  switch (page) {
    case "home":
      return `/${b}`;
    case "categories":
      return `/${b}/categories`;
    case "category":
      return `/${b}/c/${encodeURIComponent(pick(brand.categorySlugs, random))}`;
    case "product":
      return `/${b}/p/${encodeURIComponent(pick(brand.styleCodes, random))}`;
    case "availability":
      return `/api/shop/${b}/products/${encodeURIComponent(pick(brand.styleCodes, random))}/availability?store=${encodeURIComponent(pick(brand.storeCodes, random))}`;
    case "search":
      return `/${b}/search?q=${encodeURIComponent(pick(brand.searchTerms, random))}`;
    case "stores":
      return `/${b}/stores`;
    case "store":
      return `/${b}/stores/${encodeURIComponent(pick(brand.storeCodes, random))}`;
  }
}
