import { BRAND_CONSOLE, PUBLIC, type ActionRows, type Route } from "./types";

// Access-matrix rows of this area (dm): one per page/route file, one per "use server" file.
// The shop's DM pages are NOT member-gated by the proxy: the polite not-for-you page (or a sign-in invitation) is
// the answer for anonymous visitors and other members too (200), and it never shows the items
// (tests/e2e/dm/dm-catalog.desktop.spec.ts, tests/integration/dm/audience.test.ts).
// dm_lumi_winter_vip is a seeded catalog (lib/seed/dm.ts); member_001 is the seeded demo member.
export const routes: Route[] = [
  { file: "app/[locale]/admin/dm/page.tsx", url: "/admin/dm?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/dm/new/page.tsx", url: "/admin/dm/new?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/dm/[id]/page.tsx", url: "/admin/dm/dm_lumi_winter_vip?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/[locale]/admin/dm/[id]/preview/page.tsx", url: "/admin/dm/dm_lumi_winter_vip/preview?brand=lumi&member=member_001", expect: BRAND_CONSOLE },
  { file: "app/[locale]/[brand]/dm/page.tsx", url: "/lumi/dm", expect: PUBLIC },
  { file: "app/[locale]/[brand]/dm/[id]/page.tsx", url: "/lumi/dm/dm_lumi_winter_vip", expect: PUBLIC },
  { file: "app/api/shop/[brand]/dm/route.ts", url: "/api/shop/lumi/dm", expect: PUBLIC },
];
export const actions: ActionRows = {
  "app/[locale]/admin/dm/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: create a DM draft, edit details, cover, items, audience, window, publish/unpublish, search the brand's products; another brand's admin gets the no-access message, another brand's catalog id is not found",
};
