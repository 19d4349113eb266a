// The demo data set, generated in memory: prisma/seed.ts only writes it. Everything here is pure and
// deterministic (faker seeded per generator, a fixed reference date, ids derived from stable keys).
import { generateBrands, type SeedBrand } from "./brands";
import { generateCatalog, type SeedImage, type SeedProduct, type SeedSku } from "./catalog";
import { generateCategories, type SeedCategory } from "./categories";
import { generateMembers, type SeedMember, type SeedMemberBrand } from "./members";
import { generateScenes, type SeedScene } from "./scenes";
import { generateStockPlan, type StockLine } from "./stock";
import { generateStores, type SeedStore } from "./stores";

export { REFERENCE_DATE, SEED, SEED_ACTOR } from "./constants";

export type SeedData = {
  brands: SeedBrand[];
  stores: SeedStore[];
  categories: SeedCategory[];
  products: SeedProduct[];
  skus: SeedSku[];
  images: SeedImage[];
  stock: StockLine[];
  members: SeedMember[];
  memberBrands: SeedMemberBrand[];
  scenes: SeedScene[];
};

export function generateSeedData(): SeedData {
  const brands = generateBrands();
  const stores = generateStores();
  const categories = generateCategories();
  const catalog = generateCatalog();
  const stock = generateStockPlan(stores, catalog);
  const { members, memberBrands } = generateMembers();
  const scenes = generateScenes(catalog.products, stores);
  return { brands, stores, categories, ...catalog, stock, members, memberBrands, scenes };
}
