import { BRAND_CONSOLE, NOT_FOUND, type ActionRows, type Route } from "./types";

// Access-matrix rows of this area (admin-catalog): one per page/route file, one per "use server" file.
// Every page names the LUMI brand: its brand admin and the group admin; NORD's admin and store staff are refused.
export const routes: Route[] = [
  { file: "app/[locale]/admin/products/page.tsx", url: "/admin/products?brand=lumi&q=LM26&sort=price&dir=desc", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/products/new/page.tsx", url: "/admin/products/new?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/products/[id]/page.tsx", url: "/admin/products/prod_lumi_LM26W0001?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/categories/page.tsx", url: "/admin/categories?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/stores/page.tsx", url: "/admin/stores?brand=lumi&q=SH", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/stores/new/page.tsx", url: "/admin/stores/new?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/stores/[code]/page.tsx", url: "/admin/stores/SH01?brand=lumi", expect: BRAND_CONSOLE },
];

export const actions: ActionRows = {
  "app/[locale]/admin/products/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: create, edit, delete (only without orders or stock history) a style; add/edit SKUs; upload, colour, reorder, delete pictures; another brand's admin gets the no-access message, another brand's product, SKU or picture id reads as not found",
  "app/[locale]/admin/categories/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: create, rename, re-slug, re-sort, move (no cycles), delete (only when empty) a category; another brand's category id reads as not found",
  "app/[locale]/admin/stores/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: create a store, edit its details, hours, coordinates, switches, kind and safety stock; another brand's store id reads as not found",
};
