import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { appSecret } from "@/lib/security/app-secret";
import { LIFETIME } from "@/lib/auth/session-lifetime";
import { expect, test } from "../support/fixtures";
import { NOT_FOUND, PUBLIC, type Outcome, type Route, type Who } from "./matrix/types";
import * as adminCatalog from "./matrix/admin-catalog";
import * as adminPeople from "./matrix/admin-people";
import * as adminStock from "./matrix/admin-stock";
import * as dm from "./matrix/dm";
import * as dashboards from "./matrix/dashboards";
import * as imports from "./matrix/imports";
import * as erp from "./matrix/erp";
import * as stockFeeds from "./matrix/stock-feeds";

const AREAS = [adminCatalog, adminPeople, adminStock, dm, dashboards, imports, erp, stockFeeds];

// The access matrix: every page and route of the app × every kind of principal → what they get.
// Generated from ROUTES below; a page or route file without a row fails the first test.

const EVERYONE: Who[] = ["anonymous", "member", "otherBrandMember", "guide", "otherStoreGuide", "manager", "otherBrandAdmin", "brandAdmin", "admin"];
/** Member-only shop pages: the proxy sends anyone without a member session to the brand's sign-in page. */
const MEMBER_ONLY = { default: "redirect", member: "ok", otherBrandMember: "ok" } as const;
const STORE_COUNTER = { default: "forbidden", anonymous: "signin", member: "signin", otherBrandMember: "signin", guide: "ok", otherStoreGuide: "ok", manager: "ok" } as const;
const CORE_ROUTES: Route[] = [
  { file: "app/[locale]/page.tsx", url: "/", expect: PUBLIC },
  { file: "app/[locale]/offline/page.tsx", url: "/offline", expect: PUBLIC },
  { file: "app/[locale]/[brand]/page.tsx", url: "/lumi", expect: PUBLIC },
  { file: "app/[locale]/[brand]/categories/page.tsx", url: "/lumi/categories", expect: PUBLIC },
  { file: "app/[locale]/[brand]/c/[slug]/[filters]/page.tsx", url: "/lumi/c/dresses?size=M", expect: PUBLIC },
  { file: "app/[locale]/[brand]/p/[style]/page.tsx", url: "/lumi/p/LM26W0001", expect: PUBLIC },
  { file: "app/[locale]/[brand]/search/page.tsx", url: "/lumi/search?q=T", expect: PUBLIC },
  { file: "app/[locale]/[brand]/stores/page.tsx", url: "/lumi/stores", expect: PUBLIC },
  { file: "app/[locale]/[brand]/stores/[code]/page.tsx", url: "/lumi/stores/SH01", expect: PUBLIC },
  { file: "app/api/shop/[brand]/stores/route.ts", url: "/api/shop/lumi/stores?city=%E4%B8%8A%E6%B5%B7", expect: PUBLIC },
  { file: "app/[locale]/[brand]/favourites/page.tsx", url: "/lumi/favourites", expect: PUBLIC },
  { file: "app/[locale]/[brand]/cart/page.tsx", url: "/lumi/cart", expect: PUBLIC },
  { file: "app/[locale]/[brand]/me/page.tsx", url: "/lumi/me", expect: PUBLIC },
  { file: "app/[locale]/[brand]/sign-in/page.tsx", url: "/lumi/sign-in", expect: PUBLIC },
  // A member's checkout, pay sheet and orders: members only (lib/auth/member-gate.ts redirects anyone else to
  // /lumi/sign-in?next=…). An order number that is not the member's own gets the not-found page, which arrives
  // after the shop's streamed loading shell with a 200 ("ok" here); tests/e2e/shop/orders.spec.ts asserts
  // that no content of another member's order is shown. The JSON status route answers with real statuses.
  { file: "app/[locale]/[brand]/checkout/page.tsx", url: "/lumi/checkout", expect: MEMBER_ONLY },
  { file: "app/[locale]/[brand]/orders/page.tsx", url: "/lumi/orders", expect: MEMBER_ONLY },
  { file: "app/[locale]/[brand]/orders/[number]/page.tsx", url: "/lumi/orders/2601010000000", expect: MEMBER_ONLY },
  { file: "app/[locale]/[brand]/pay/[number]/page.tsx", url: "/lumi/pay/2601010000000", expect: MEMBER_ONLY },
  { file: "app/api/shop/orders/[number]/status/route.ts", url: "/api/shop/orders/2601010000000/status", expect: { default: "forbidden", anonymous: "status 401" as Outcome, member: NOT_FOUND, otherBrandMember: NOT_FOUND } },
  { file: "app/[locale]/s/[code]/page.tsx", url: "/s/hs0tywt", expect: { default: "redirect" } },
  { file: "app/[locale]/staff/sign-in/page.tsx", url: "/staff/sign-in", expect: PUBLIC },
  {
    file: "app/[locale]/staff/page.tsx",
    url: "/staff",
    expect: { default: "redirect" },
  },
  {
    file: "app/[locale]/guide/page.tsx",
    url: "/guide",
    expect: { default: "ok", anonymous: "signin", member: "signin", otherBrandMember: "signin" },
  },
  // The store counter: staff who stand in a store, each at their own store (another store's guide sees their
  // own queue, not this one's); brand and group admins have no counter of their own.
  { file: "app/[locale]/guide/orders/page.tsx", url: "/guide/orders?tab=ready", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/hand-over/page.tsx", url: "/guide/hand-over", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/returns/page.tsx", url: "/guide/returns?number=2601010000000", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/holds/page.tsx", url: "/guide/holds", expect: STORE_COUNTER },
  // Out-of-stock demand asks for the staff member's own store (admins have none); the transfer list is any staff's
  // (a store's transfers in and out; a brand admin's open transfers of the brand).
  { file: "app/[locale]/guide/demand/page.tsx", url: "/guide/demand?code=LM26W0001", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/transfers/page.tsx", url: "/guide/transfers", expect: { default: "ok", anonymous: "signin", member: "signin", otherBrandMember: "signin" } },
  { file: "app/[locale]/[brand]/inbox/page.tsx", url: "/lumi/inbox", expect: MEMBER_ONLY },
  // Member referral and lookbooks (issue 5). /r/<code> always redirects (an unknown code to the home page).
  // The referral page and a lookbook are members only: the page sends anyone else to the brand's sign-in after
  // the shop's streamed loading shell (200, "ok" here) until lib/auth/member-gate.ts lists them; a lookbook id
  // that is not the member's own is the not-found page after that same shell (tests/e2e/staff/lookbook.spec.ts
  // asserts no content is shown).
  { file: "app/[locale]/r/[code]/route.ts", url: "/r/zz00zz00", expect: { default: "redirect" } },
  { file: "app/[locale]/[brand]/me/referrals/page.tsx", url: "/lumi/me/referrals", expect: MEMBER_ONLY },
  { file: "app/[locale]/[brand]/lookbooks/[id]/page.tsx", url: "/lumi/lookbooks/nosuchlookbook", expect: MEMBER_ONLY },
  // A guide's lookbooks: any staff member of a brand (their own lookbooks and customers); the group admin has no brand.
  { file: "app/[locale]/guide/lookbooks/page.tsx", url: "/guide/lookbooks", expect: { default: "ok", anonymous: "signin", member: "signin", otherBrandMember: "signin", admin: "forbidden" } },
  { file: "app/[locale]/guide/lookbooks/new/page.tsx", url: "/guide/lookbooks/new", expect: { default: "ok", anonymous: "signin", member: "signin", otherBrandMember: "signin", admin: "forbidden" } },
  // Promoters: brand admins (their own brand) and the group admin.
  {
    file: "app/[locale]/admin/promoters/page.tsx",
    url: "/admin/promoters",
    expect: { default: "ok", anonymous: "signin", member: "signin", otherBrandMember: "signin", guide: "forbidden", otherStoreGuide: "forbidden", manager: "forbidden" },
  },
  // Commission (issue 5): a guide's own results (staff who stand in a store); the manager's team (store.operate at
  // their store); the brand's commission page (another brand's admin naming this brand is refused) and payout CSVs
  // (another brand's payout id, like an unknown one, is 404).
  { file: "app/[locale]/guide/results/page.tsx", url: "/guide/results", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/team/page.tsx", url: "/guide/team", expect: { default: "forbidden", anonymous: "signin", member: "signin", otherBrandMember: "signin", manager: "ok" } },
  { file: "app/[locale]/admin/commission/page.tsx", url: "/admin/commission?brand=lumi", expect: { default: "forbidden", anonymous: "signin", member: "signin", otherBrandMember: "signin", brandAdmin: "ok", admin: "ok" } },
  { file: "app/api/admin/payouts/[payoutId]/route.ts", url: "/api/admin/payouts/PO-none", expect: { default: "forbidden", anonymous: "status 401" as Outcome, brandAdmin: NOT_FOUND, otherBrandAdmin: NOT_FOUND, admin: NOT_FOUND } },
  {
    file: "app/[locale]/admin/page.tsx",
    url: "/admin",
    expect: { default: "ok", anonymous: "signin", member: "signin", otherBrandMember: "signin", guide: "forbidden", otherStoreGuide: "forbidden", manager: "forbidden" },
  },
  { file: "app/api/health/route.ts", url: "/api/health", expect: PUBLIC },
  // Uploaded pictures are public (shop pages show them); a key that was never stored is a JSON 404 for anyone.
  { file: "app/api/media/[...key]/route.ts", url: `/api/media/products/${"0".repeat(64)}.png`, expect: { default: NOT_FOUND } },
  { file: "app/api/shop/[brand]/products/[style]/availability/route.ts", url: "/api/shop/lumi/products/LM26W0001/availability?store=SH01", expect: PUBLIC },
  { file: "app/api/qr/[code]/route.ts", url: "/api/qr/hs0tywt", expect: PUBLIC },
  { file: "app/api/qr/product/[brand]/[style]/route.ts", url: "/api/qr/product/lumi/LM26W0001", expect: PUBLIC },
  { file: "app/api/qr/store/[brand]/[code]/route.ts", url: "/api/qr/store/lumi/SH01", expect: PUBLIC },
  { file: "app/img/garment/[kind]/[color]/route.ts", url: "/img/garment/dress/C8102E", expect: PUBLIC },
  { file: "app/api/auth/[...nextauth]/route.ts", url: "/api/auth/providers", expect: PUBLIC },
  // WeChat web OAuth: off to WeChat with a signed state; back to the sign-in page (here: no code, "denied").
  { file: "app/api/auth/wechat/authorize/route.ts", url: "/api/auth/wechat/authorize?brand=lumi", expect: { default: "redirect" } },
  { file: "app/api/auth/wechat/callback/route.ts", url: "/api/auth/wechat/callback?brand=lumi", expect: { default: "redirect" } },
  // State-changing posts without our Origin are refused for everyone (CSRF).
  { file: "app/api/locale/route.ts", url: "/api/locale", method: "POST", expect: { default: "forbidden" } },
  { file: "app/api/auth/otp/route.ts", url: "/api/auth/otp", method: "POST", expect: { default: "forbidden" } },
  { file: "app/api/shop/orders/route.ts", url: "/api/shop/orders", method: "POST", expect: { default: "forbidden" } },
  // A guide's code: binds (or remembers) and goes on to the brand's shop, for everyone; an unknown code to "/".
  { file: "app/api/scenes/[code]/touch/route.ts", url: "/api/scenes/nosuchcode/touch", expect: { default: "redirect" } },
  { file: "app/api/shop/cart/lines/[line]/route.ts", url: "/api/shop/cart/lines/some-line", method: "PATCH", expect: { default: "forbidden" } },
  // WeChat Pay's notifications authenticate by signature, not session or Origin: an unsigned one is refused (400) for everyone.
  { file: "app/api/payments/wechatpay/notify/route.ts", url: "/api/payments/wechatpay/notify", method: "POST", expect: { default: "status 400" as Outcome } },
  // JS-SDK wx.config signature for a page of ours (url must be on this host; 400 otherwise): public, like the pages that use it.
  { file: "app/api/wechat/jssdk-config/route.ts", url: `/api/wechat/jssdk-config?url=${encodeURIComponent(`http://localhost:${process.env.E2E_PORT ?? 3100}/lumi`)}`, expect: PUBLIC },
  { file: "app/api/auth/sign-out-everywhere/route.ts", url: "/api/auth/sign-out-everywhere", method: "POST", expect: { default: "forbidden" } },
  // The guide's own workspace (my code, my customers, stock lookup) and poster: staff who stand in a store, each for
  // themselves (another store's guide gets their own code and customers); brand and group admins have no store.
  { file: "app/[locale]/guide/me/page.tsx", url: "/guide/me?q=T", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/customers/page.tsx", url: "/guide/customers", expect: STORE_COUNTER },
  { file: "app/[locale]/guide/stock/page.tsx", url: "/guide/stock?code=LM26W0001", expect: STORE_COUNTER },
  { file: "app/api/guide/poster/route.ts", url: "/api/guide/poster", expect: { default: "forbidden", anonymous: "status 401" as Outcome, guide: "ok", otherStoreGuide: "ok", manager: "ok" } },
];

// Server actions ("use server" files), with who may call them; their behaviour has its own specs.
const CORE_ACTIONS: Record<string, string> = {
  "components/shop/favourite-actions.ts": "anyone: toggles this device's favourites; a signed-in member's own favourites follow (session only, no ids taken)",
  "components/shop/checkout-actions.ts": "signed-in members, member.self: place an order for themselves (the session names the member; the form's idempotency key makes a double tap one order); anyone else is told to sign in",
  "components/shop/pay-actions.ts": "signed-in members, member.self: confirm the sandbox payment of their own order only (another's number is not found)",
  "components/shop/order-actions.ts": "signed-in members, member.self: cancel or mark received their own order, end their own try-on hold (another's number or hold id is not found)",
  "components/shop/try-on-actions.ts": "signed-in members, member.self: hold one unit at a store for themselves; anyone else gets a sign-in link",
  "components/shop/cart-actions.ts": "anyone: add, set quantity, remove in this device's bag (signed cookie); a signed-in member changes only their own lines (session only; another member's line id reads as not found)",
  "app/[locale]/guide/orders/actions.ts": "store staff (guide, manager) of a store, store.fulfil: ready, mall receipt, ship, cancel; only their own store's orders (the domain refuses another store's or brand's id); others get the sign-in/no-access message",
  "app/[locale]/guide/hand-over/actions.ts": "store staff of a store, store.fulfil: look a pickup code up and hand over, only at the order's own store; 30 tries a minute per staff account",
  "app/[locale]/guide/returns/actions.ts": "store staff of a store, store.fulfil: take back goods of any order of their own brand into their own store's stock",
  "app/[locale]/guide/holds/actions.ts": "store staff of a store, store.fulfil: release a try-on hold at their own store only",
  "app/[locale]/guide/team/actions.ts": "store managers, store.operate at their own store: reassign customers between two guides of that store (the domain refuses another store's guide, a departed receiver); others get the sign-in/no-access message",
  "app/[locale]/admin/commission/actions.ts": "brand admins and the group admin, brand.manage of the brand posted: save commission and binding rules, create a payout; another brand's admin gets the no-access message",
  "app/[locale]/guide/demand/actions.ts": "store staff of a store, guide.workspace: request a transfer TO their own store from another store of their brand (the source must have the stock; a customer must be a member of the brand)",
  "app/[locale]/guide/transfers/actions.ts": "staff, per step: approve/refuse store.operate at the SOURCE store (its manager; a brand admin any store of the brand), ship store.fulfil at the source, receive guide.workspace at the requesting store, cancel by the requester or its store's manager; another store's transfer id reads as not found",
  "app/[locale]/[brand]/inbox/actions.ts": "signed-in members, member.self: mark their own message read and follow its link (another member's message id is not found)",
  "app/[locale]/guide/lookbooks/actions.ts": "staff of a brand, guide.workspace: search their own brand's products; create a lookbook and send it only to their own customers (open binding to them; anyone else refuses the whole send); brand and guide from the session",
};

const ROUTES: Route[] = [...CORE_ROUTES, ...AREAS.flatMap((a) => a.routes)];
const ACTIONS: Record<string, string> = Object.assign({}, CORE_ACTIONS, ...AREAS.map((a) => a.actions));

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return serverActionFiles(p);
    return /\.tsx?$/.test(e.name) && /^["']use server["']/m.test(fs.readFileSync(p, "utf8")) ? [p.split(path.sep).join("/")] : [];
  });
}

test("every server action file says who may call it", () => {
  const files = ["app", "components", "lib"].flatMap((d) => serverActionFiles(d));
  expect(files.filter((f) => !(f in ACTIONS))).toEqual([]);
});

function routeFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return /^(page\.tsx|route\.ts)$/.test(e.name) ? [p.split(path.sep).join("/")] : [];
  });
}

test("every page and route file has a row in the access matrix", () => {
  const listed = new Set(ROUTES.map((r) => r.file));
  expect(routeFiles().filter((f) => !listed.has(f))).toEqual([]);
});

function ids() {
  const db = new Database(path.join(process.cwd(), "tests", ".tmp", "e2e.db"), { readonly: true });
  try {
    const staff = (u: string) => db.prepare("SELECT id, role, brandId, storeId FROM Staff WHERE username = ?").get(u) as { id: string; role: string; brandId: string | null; storeId: string | null };
    const member = (brand: string) =>
      (db.prepare("SELECT mb.memberId AS id FROM MemberBrand mb JOIN Brand b ON b.id = mb.brandId WHERE b.slug = ? ORDER BY mb.memberId LIMIT 1").get(brand) as { id: string }).id;
    return {
      member: member("lumi"),
      otherBrandMember: member("nord"),
      guide: staff("lumi.sh01.guide"),
      otherStoreGuide: staff("lumi.bj01.guide"),
      manager: staff("lumi.sh01.manager"),
      otherBrandAdmin: staff("nord.admin"),
      brandAdmin: staff("lumi.admin"),
      admin: staff("admin"),
    };
  } finally {
    db.close();
  }
}

/** A session cookie as next-auth would issue it, minted with the app's own secret (the sign-in pages have their own tests). */
async function sessionCookie(who: Who): Promise<string | null> {
  if (who === "anonymous") return null;
  const now = Math.floor(Date.now() / 1000);
  const all = ids();
  const claims =
    who === "member" || who === "otherBrandMember"
      ? { kind: "member", principalId: all[who] }
      : { kind: "staff", principalId: all[who].id, role: all[who].role, brandId: all[who].brandId, storeId: all[who].storeId };
  return encode({ token: { ...claims, sub: claims.principalId, signedInAt: now, lastSeenAt: now }, secret: appSecret(), maxAge: LIFETIME.member.absoluteSeconds });
}

for (const who of EVERYONE) {
  test(`access matrix: ${who}`, async ({ request, baseURL }) => {
    const cookie = await sessionCookie(who);
    const headers: Record<string, string> = cookie ? { cookie: `next-auth.session-token=${cookie}` } : {};
    for (const route of ROUTES) {
      const expected = route.expect[who] ?? route.expect.default;
      const response =
        route.method && route.method !== "GET"
          ? await request.fetch(route.url, { method: route.method, headers: { ...headers, origin: "https://elsewhere.example" }, data: {}, maxRedirects: 0 })
          : await request.get(route.url, { headers, maxRedirects: 0 });
      const status = response.status();
      const location = response.headers()["location"] ?? "";
      const got: Outcome =
        status >= 200 && status < 300 ? "ok"
        : status === 403 ? "forbidden"
        : status >= 300 && status < 400 && location.includes("/staff/sign-in") && route.url !== "/staff" ? "signin"
        : status >= 300 && status < 400 ? "redirect"
        : (`status ${status}` as Outcome);
      expect(got, `${who} ${route.method ?? "GET"} ${route.url} (${baseURL})`).toBe(expected);
    }
  });
}
