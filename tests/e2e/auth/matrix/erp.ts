import { BRAND_CONSOLE, PUBLIC, type ActionRows, type Outcome, type Route } from "./types";

// Access-matrix rows of this area (erp): one per page/route file, one per "use server" file.
// The /api/v1 routes know no session: without an API key everyone (signed in or not) gets 401 JSON.
const API_KEY_ONLY = { default: "status 401" as Outcome };

export const routes: Route[] = [
  { file: "app/[locale]/admin/api-keys/page.tsx", url: "/admin/api-keys?brand=lumi", expect: BRAND_CONSOLE },
  { file: "app/api/v1/products/route.ts", url: "/api/v1/products", method: "POST", expect: API_KEY_ONLY },
  { file: "app/api/v1/prices/route.ts", url: "/api/v1/prices", method: "POST", expect: API_KEY_ONLY },
  { file: "app/api/v1/stock/route.ts", url: "/api/v1/stock", method: "POST", expect: API_KEY_ONLY },
  { file: "app/api/v1/stock/movements/route.ts", url: "/api/v1/stock/movements", method: "POST", expect: API_KEY_ONLY },
  { file: "app/api/v1/orders/route.ts", url: "/api/v1/orders", expect: API_KEY_ONLY },
  { file: "app/api/v1/openapi.json/route.ts", url: "/api/v1/openapi.json", expect: PUBLIC },
];
export const actions: ActionRows = {
  "app/[locale]/admin/api-keys/actions.ts":
    "brand admins and the group admin, brand.manage of the brand posted: create an API key for that brand (secret answered once) and revoke that brand's keys only (another brand's key id is not found); another brand's admin gets the no-access message",
};
