import { BRAND_CONSOLE, type ActionRows, type Route } from "./types";

// Access-matrix rows of this area (stock-feeds, decision 024): one per page/route file, one per "use server" file.
export const routes: Route[] = [{ file: "app/[locale]/admin/stock-feeds/page.tsx", url: "/admin/stock-feeds?brand=lumi&status=HELD", expect: BRAND_CONSOLE }];

export const actions: ActionRows = {
  "app/[locale]/admin/stock-feeds/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: confirm (apply as sent, ledger by the admin naming the feed) or reject a held stock feed of that brand (lib/stock-feeds checks brand and that it is undecided; decided once; audited)",
};
