import { BRAND_CONSOLE, NOT_FOUND, type ActionRows, type Route } from "./types";

// Access-matrix rows of this area (admin-people): one per page/route file, one per "use server" file.
// Detail pages name an id no brand has: the brand's admins get the not-found page (404), another brand's admin
// naming LUMI is refused before anything is looked up.
const DETAIL_NOT_FOUND = { ...BRAND_CONSOLE, brandAdmin: NOT_FOUND, admin: NOT_FOUND } as const;

export const routes: Route[] = [
  { file: "app/[locale]/admin/staff/page.tsx", url: "/admin/staff?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/staff/new/page.tsx", url: "/admin/staff/new?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/staff/[id]/page.tsx", url: "/admin/staff/nosuchstaff?brand=lumi", expect: DETAIL_NOT_FOUND },
  { file: "app/[locale]/admin/members/page.tsx", url: "/admin/members?brand=lumi&tier=VIP", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/members/[id]/page.tsx", url: "/admin/members/nosuchmember?brand=lumi", expect: DETAIL_NOT_FOUND },
  { file: "app/[locale]/admin/audit/page.tsx", url: "/admin/audit?brand=lumi", expect: BRAND_CONSOLE },
];

export const actions: ActionRows = {
  "app/[locale]/admin/staff/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: create brand staff (brand roles only, the brand's own stores), change role/store, deactivate, reset a password (never their own account; another brand's staff id is not found); sessions of the person end; audited",
  "app/[locale]/admin/members/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: tier, tags, points adjustment with a reason (never below zero) of that brand's members only (another brand's member id is not found); audited",
};
