import { BRAND_CONSOLE, NOT_FOUND, type ActionRows, type Route } from "./types";

// Access-matrix rows of this area (admin-stock): one per page/route file, one per "use server" file.
// Detail pages name a GTIN / order number no brand has: the brand's admins get the not-found page (404), another
// brand's admin naming LUMI is refused before anything is looked up.
const DETAIL_NOT_FOUND = { ...BRAND_CONSOLE, brandAdmin: NOT_FOUND, admin: NOT_FOUND } as const;

export const routes: Route[] = [
  { file: "app/[locale]/admin/inventory/page.tsx", url: "/admin/inventory?brand=lumi&store=SH01", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/inventory/[storeCode]/[gtin]/page.tsx", url: "/admin/inventory/SH01/0000000000000?brand=lumi", expect: DETAIL_NOT_FOUND },
  { file: "app/[locale]/admin/transfers/page.tsx", url: "/admin/transfers?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/orders/page.tsx", url: "/admin/orders?brand=lumi&status=PAID", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/orders/[number]/page.tsx", url: "/admin/orders/2601010000000?brand=lumi", expect: DETAIL_NOT_FOUND },
  { file: "app/[locale]/admin/returns/page.tsx", url: "/admin/returns?brand=lumi", expect: BRAND_CONSOLE },
];

export const actions: ActionRows = {
  "app/[locale]/admin/inventory/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: adjust one SKU's stock in one of that brand's stores by a delta or to a count, with a reason; never below reserved; one ledger row; audited",
  "app/[locale]/admin/transfers/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: approve or refuse an open transfer of that brand (lib/transfers checks brand and status)",
  "app/[locale]/admin/returns/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: send a FAILED refund of that brand again (lib/orders checks brand and status; a double tap sends once)",
};
