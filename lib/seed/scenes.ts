import { createHash } from "node:crypto";
import { REFERENCE_DATE } from "./constants";
import type { SeedProduct } from "./catalog";
import type { SeedStore } from "./stores";

export type SeedScene = {
  id: string;
  code: string;
  brandId: string;
  kind: "PRODUCT" | "STORE";
  productId: string | null;
  storeId: string | null;
  targetId: null;
  createdAt: Date;
};

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** 7 characters of [a-z0-9] from a hash of a stable id; `attempt` > 0 picks another window after a collision. */
export function sceneCodeFor(id: string, attempt = 0): string {
  const digest = createHash("sha256").update(`${id}#${attempt}`).digest();
  let code = "";
  for (let i = 0; i < 7; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return code;
}

/** Shops whose product tags carry their own code (a tag scanned there opens the product "in this store",
 * and the shopper can order at the counter): each brand's flagship, so the demo shows counter orders. */
export const TAGGED_STORE_CODES = new Set(["SH01"]);

/**
 * One PRODUCT scene per style (the code on its tag), one PRODUCT scene per style and tagged store (the
 * tag as printed for that store), and one STORE scene per shop (not warehouses).
 */
export function generateScenes(products: SeedProduct[], stores: SeedStore[]): SeedScene[] {
  const used = new Set<string>();
  const unique = (id: string) => {
    let attempt = 0;
    let code = sceneCodeFor(id);
    while (used.has(code)) code = sceneCodeFor(id, ++attempt);
    used.add(code);
    return code;
  };
  const out: SeedScene[] = [];
  for (const p of products) {
    const id = `scene_${p.id}`;
    out.push({ id, code: unique(id), brandId: p.brandId, kind: "PRODUCT", productId: p.id, storeId: null, targetId: null, createdAt: REFERENCE_DATE });
  }
  for (const s of stores) {
    if (s.kind === "WAREHOUSE") continue;
    const id = `scene_${s.id}`;
    out.push({ id, code: unique(id), brandId: s.brandId, kind: "STORE", productId: null, storeId: s.id, targetId: null, createdAt: REFERENCE_DATE });
  }
  // Last, so adding tagged stores never changes an existing code (collisions move the newcomer).
  for (const s of stores.filter((st) => TAGGED_STORE_CODES.has(st.code) && st.kind !== "WAREHOUSE")) {
    for (const p of products.filter((pr) => pr.brandId === s.brandId)) {
      const id = `scene_${p.id}_${s.id}`;
      out.push({ id, code: unique(id), brandId: p.brandId, kind: "PRODUCT", productId: p.id, storeId: s.id, targetId: null, createdAt: REFERENCE_DATE });
    }
  }
  return out;
}
