import { BRAND_CONSOLE, NOT_FOUND, type ActionRows, type Outcome, type Route } from "./types";

// Access-matrix rows of this area (imports): one per page/route file, one per "use server" file.
// Imports and exports are brand.manage of the brand named (or the job's brand): brand admins and the group admin.
// Uploads and "apply" are posts: without our Origin they are refused for everyone (CSRF) before anything else.
export const routes: Route[] = [
  { file: "app/[locale]/admin/imports/page.tsx", url: "/admin/imports?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/api/admin/imports/route.ts", url: "/api/admin/imports", method: "POST", expect: { default: "forbidden" } },
  { file: "app/api/admin/imports/[jobId]/route.ts", url: "/api/admin/imports/nosuchjob", expect: { default: "forbidden", anonymous: "status 401" as Outcome, brandAdmin: NOT_FOUND, otherBrandAdmin: NOT_FOUND, admin: NOT_FOUND } },
  { file: "app/api/admin/imports/[jobId]/errors.csv/route.ts", url: "/api/admin/imports/nosuchjob/errors.csv", expect: { default: "forbidden", anonymous: "status 401" as Outcome, brandAdmin: NOT_FOUND, otherBrandAdmin: NOT_FOUND, admin: NOT_FOUND } },
  { file: "app/api/admin/imports/[jobId]/apply/route.ts", url: "/api/admin/imports/nosuchjob/apply", method: "POST", expect: { default: "forbidden" } },
  { file: "app/api/admin/exports/[kind]/route.ts", url: "/api/admin/exports/stock?brand=lumi&store=SH01", expect: { default: "forbidden", anonymous: "status 401" as Outcome, brandAdmin: "ok", admin: "ok" } },
];
export const actions: ActionRows = {};
