import { BRAND_CONSOLE, type ActionRows, type Outcome, type Route } from "./types";

// Access-matrix rows of this area (dashboards): one per page/route file, one per "use server" file.
export const routes: Route[] = [
  // The brand's dashboards: its brand admin and the group admin; another brand's admin naming LUMI is refused.
  { file: "app/[locale]/admin/dashboards/page.tsx", url: "/admin/dashboards?brand=lumi", expect: BRAND_CONSOLE },
  // A chart's CSV export: brand.manage of the brand named (JSON 401 without a session, 403 for anyone else).
  {
    file: "app/api/admin/dashboards/[chart]/route.ts",
    url: "/api/admin/dashboards/orders?brand=lumi&store=SH01",
    expect: { default: "forbidden", anonymous: "status 401" as Outcome, brandAdmin: "ok", admin: "ok" },
  },
];
export const actions: ActionRows = {};
