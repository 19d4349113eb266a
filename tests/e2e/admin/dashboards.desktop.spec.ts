import crypto from "node:crypto";
import fs from "node:fs";
import { read, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// LUMI's admin on the dashboards: the headline card equals counts taken straight from the e2e database, the
// charts draw, the store filter changes the figures, and a chart's CSV downloads with the BOM and its header.
// The seed has no scans, favourites or orders, and other specs make theirs "now": this spec adds its own in a
// past period (early July 2025, Shanghai days) and looks only at that period.

test.use({ viewport: { width: 1400, height: 900 }, isMobile: false, hasTouch: false, userAgent: undefined });

const FROM = "2025-07-01";
const TO = "2025-07-10";
// The period in UTC, as Prisma stores DateTime here: Shanghai midnight is 16:00 UTC the day before.
const START = "2025-06-30T16:00:00.000+00:00";
const END = "2025-07-10T16:00:00.000+00:00";
const iso = (s: string) => new Date(s).toISOString().replace("Z", "+00:00");

type Ids = { brandId: string; sh01: string; bj01: string };

/** Scans, members who favourite and order at SH01 and BJ01, in the period (and one just outside it). */
function addActivity(): Ids {
  return writeDb((db) => {
    const run = crypto.randomUUID().slice(0, 8);
    const brandId = (db.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string }).id;
    const store = (code: string) => (db.prepare("SELECT id FROM Store WHERE brandId = ? AND code = ?").get(brandId, code) as { id: string }).id;
    const ids = { brandId, sh01: store("SH01"), bj01: store("BJ01") };
    const poster = (storeId: string) => (db.prepare("SELECT id FROM QrScene WHERE brandId = ? AND kind = 'STORE' AND storeId = ?").get(brandId, storeId) as { id: string }).id;
    const products = db.prepare("SELECT id FROM Product WHERE brandId = ? ORDER BY styleCode LIMIT 3").all(brandId) as { id: string }[];
    const sku = (db.prepare("SELECT s.id FROM Sku s JOIN Product p ON p.id = s.productId WHERE p.brandId = ? LIMIT 1").get(brandId) as { id: string }).id;
    const scan = db.prepare("INSERT INTO SceneScan (id, sceneId, inWechat, userAgent, createdAt) VALUES (?, ?, 1, 'e2e dashboards', ?)");
    for (const [storeId, when] of [
      [ids.sh01, "2025-07-02T03:00:00Z"],
      [ids.sh01, "2025-07-02T05:00:00Z"],
      [ids.sh01, "2025-07-05T05:00:00Z"],
      [ids.bj01, "2025-07-03T05:00:00Z"],
      [ids.sh01, "2025-07-10T16:30:00Z"], // the 11th in Shanghai: outside the period
    ] as const) {
      scan.run(`e2e-scan-${run}-${crypto.randomUUID().slice(0, 8)}`, poster(storeId), iso(when));
    }
    const member = (n: number) => {
      const id = `e2e-dash-${run}-${n}`;
      const now = iso("2025-07-01T02:00:00Z");
      db.prepare("INSERT INTO Member (id, nickname, createdAt, updatedAt) VALUES (?, '看板顾客', ?, ?)").run(id, now, now);
      db.prepare("INSERT INTO MemberBrand (id, memberId, brandId, joinedAt) VALUES (?, ?, ?, ?)").run(`mb-${id}`, id, brandId, now);
      return id;
    };
    const [m1, m2, m3] = [member(1), member(2), member(3)];
    const fav = db.prepare("INSERT INTO Favourite (id, memberId, productId, storeId, createdAt) VALUES (?, ?, ?, ?, ?)");
    fav.run(`e2e-fav-${run}-1`, m1, products[0]!.id, ids.sh01, iso("2025-07-02T06:00:00Z"));
    fav.run(`e2e-fav-${run}-2`, m1, products[1]!.id, ids.sh01, iso("2025-07-04T06:00:00Z"));
    fav.run(`e2e-fav-${run}-3`, m2, products[0]!.id, ids.bj01, iso("2025-07-03T06:00:00Z"));
    fav.run(`e2e-fav-${run}-4`, m3, products[2]!.id, null, iso("2025-07-06T06:00:00Z"));
    const order = db.prepare(
      `INSERT INTO "Order" (id, number, brandId, memberId, fulfilment, status, paymentMethod, storeId, itemsFen, totalFen, refundedFen, idempotencyKey, requestHash, paidAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, 'ONLINE', ?, ?, ?, ?, ?, 'e2e', ?, ?, ?)`,
    );
    const line = db.prepare("INSERT INTO OrderLine (id, orderId, skuId, storeId, quantity, unitPriceFen, styleCode, productName, colorName, size) VALUES (?, ?, ?, ?, 1, ?, 'T', '看板', '黑', 'M')");
    const addOrder = (memberId: string, fulfilment: string, status: string, storeId: string | null, lineStore: string, when: string, refundedFen = 0) => {
      const id = `e2e-order-${run}-${crypto.randomUUID().slice(0, 8)}`;
      const paid = status === "PLACED" || status === "CANCELLED" ? null : iso(when);
      order.run(id, `8${crypto.randomInt(100_000_000_000, 999_999_999_999)}`, brandId, memberId, fulfilment, status, storeId, 25_900, 25_900, refundedFen, crypto.randomUUID(), paid, iso(when), iso(when));
      line.run(`${id}-l`, id, sku, lineStore, 25_900);
    };
    addOrder(m1, "PICKUP", "COMPLETED", ids.sh01, ids.sh01, "2025-07-02T07:00:00Z");
    addOrder(m1, "COUNTER", "PAID", ids.sh01, ids.sh01, "2025-07-05T07:00:00Z");
    addOrder(m2, "PICKUP", "REFUNDED", ids.sh01, ids.sh01, "2025-07-05T08:00:00Z", 25_900);
    addOrder(m2, "DELIVERY", "SHIPPED", null, ids.bj01, "2025-07-03T07:00:00Z");
    addOrder(m3, "PICKUP", "PLACED", ids.bj01, ids.bj01, "2025-07-06T07:00:00Z");
    return ids;
  });
}

/** The card's three figures computed here with SQL of this spec's own (null = the whole brand, else a set of stores). */
function expectedHeadline(ids: Ids, storeIds: string[] | null) {
  const set = storeIds ? storeIds.map((_, i) => `@store${i}`).join(", ") : "";
  const storeFav = storeIds ? `AND f.storeId IN (${set})` : "";
  const storeOrder = storeIds ? `AND (o.storeId IN (${set}) OR (o.storeId IS NULL AND o.id IN (SELECT orderId FROM OrderLine WHERE storeId IN (${set}))))` : "";
  const p = { brand: ids.brandId, start: START, end: END, ...Object.fromEntries((storeIds ?? []).map((id, i) => [`store${i}`, id])) };
  const favourites = read<{ n: number }>(`SELECT COUNT(*) AS n FROM Favourite f WHERE f.productId IN (SELECT id FROM Product WHERE brandId = @brand) AND f.createdAt >= @start AND f.createdAt < @end ${storeFav}`, p).n;
  const validOrders = read<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Order" o WHERE o.brandId = @brand AND o.createdAt >= @start AND o.createdAt < @end AND o.paidAt IS NOT NULL
       AND o.status NOT IN ('PLACED', 'AWAITING_CASHIER', 'CANCELLED', 'REFUNDED') ${storeOrder}`,
    p,
  ).n;
  const activeFollowers = read<{ n: number }>(
    `SELECT COUNT(DISTINCT memberId) AS n FROM (
       SELECT f.memberId FROM Favourite f WHERE f.productId IN (SELECT id FROM Product WHERE brandId = @brand) AND f.createdAt >= @start AND f.createdAt < @end ${storeFav}
       UNION ALL
       SELECT o.memberId FROM "Order" o WHERE o.brandId = @brand AND o.createdAt >= @start AND o.createdAt < @end ${storeOrder}
     ) WHERE memberId IN (SELECT memberId FROM MemberBrand WHERE brandId = @brand)`,
    p,
  ).n;
  return { activeFollowers, favourites, validOrders };
}

async function headlineOf(page: import("@playwright/test").Page) {
  const value = async (key: string) => Number(await page.getByTestId(`headline-${key}`).getAttribute("data-value"));
  return { activeFollowers: await value("activeFollowers"), favourites: await value("favourites"), validOrders: await value("validOrders") };
}

test("lumi.admin: the headline card equals the database, charts draw, the store filter changes the figures, a chart's CSV downloads", async ({ page }) => {
  const ids = addActivity();
  const whole = expectedHeadline(ids, null);
  const sh01 = expectedHeadline(ids, [ids.sh01]);
  const bj01 = expectedHeadline(ids, [ids.bj01]);
  const both = expectedHeadline(ids, [ids.sh01, ids.bj01]);
  // This spec's own rows make the figures non-trivial and different per store.
  expect(sh01.validOrders).toBeGreaterThanOrEqual(2);
  expect(sh01).not.toEqual(bj01);

  await signIn(page, "lumi.admin", "/admin");
  await expect(page.getByTestId("overview-headline").getByTestId("headline-card")).toBeVisible();
  await page.getByTestId("admin-dashboards-link").click();
  await expect(page).toHaveURL(/\/admin\/dashboards$/);
  // The default period: the last 30 days up to today (Shanghai).
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await expect(page.getByTestId("filter-to")).toHaveValue(today);

  await page.getByTestId("filter-from").fill(FROM);
  await page.getByTestId("filter-to").fill(TO);
  await page.getByTestId("filter-apply").click();
  await expect(page).toHaveURL(new RegExp(`from=${FROM}&to=${TO}`));
  expect(await headlineOf(page)).toEqual(whole);

  // Every chart draws an SVG.
  for (const chart of ["followers", "scans", "favourites", "orders", "fulfilment", "transfers", "store-conversion"]) {
    await expect(page.getByTestId(`chart-${chart}`).locator("svg.recharts-surface").first()).toBeVisible();
  }

  await page.getByTestId("filter-store").selectOption("SH01");
  await page.getByTestId("filter-apply").click();
  await expect(page).toHaveURL(/store=SH01/);
  expect(await headlineOf(page)).toEqual(sh01);
  await expect(page.getByTestId("store-conversion-table")).toContainText("SH01");

  // A set of stores: the multiple select submits store=SH01&store=BJ01; favourites add up, members count once.
  await page.getByTestId("filter-store").selectOption(["SH01", "BJ01"]);
  await page.getByTestId("filter-apply").click();
  await expect(page).toHaveURL(/store=BJ01&store=SH01/); // in the options' order (by code)
  expect(await headlineOf(page)).toEqual(both);
  expect(both.favourites).toBe(sh01.favourites + bj01.favourites);
  await expect(page.getByTestId("filter-store")).toHaveValues(["BJ01", "SH01"]);
  const setCsv = await page.request.get((await page.getByTestId("export-favourites").getAttribute("href"))!);
  expect(setCsv.status()).toBe(200);
  const setLines = (await setCsv.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(setLines.slice(1).reduce((sum, l) => sum + Number(l.split(",")[1]), 0)).toBe(both.favourites);

  await page.getByTestId("filter-store").selectOption("BJ01");
  await page.getByTestId("filter-apply").click();
  await expect(page).toHaveURL(/store=BJ01/);
  expect(await headlineOf(page)).toEqual(bj01);

  // The favourites chart's data for BJ01 as CSV: BOM, header, one line per day of the period.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-favourites").click()]);
  expect(download.suggestedFilename()).toBe(`lumi-favourites-${FROM}-${TO}.csv`);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("day,favourites");
  expect(lines).toHaveLength(1 + 10);
  expect(lines.slice(1).reduce((sum, l) => sum + Number(l.split(",")[1]), 0)).toBe(bj01.favourites);
});

test("a store of no such code is refused with the reason; NORD's admin cannot open LUMI's dashboards or exports", async ({ page }) => {
  await signIn(page, "lumi.admin", "/admin");
  await page.goto("/admin/dashboards?store=ZZ99");
  await expect(page.getByTestId("dashboard-refused")).toHaveText("该品牌没有这个门店 / This brand has no such store (ZZ99)");
  await expect(page.getByTestId("headline-card")).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "nord.admin", "/admin");
  expect((await page.goto("/admin/dashboards?brand=lumi"))?.status()).toBe(403);
  expect((await page.request.get("/api/admin/dashboards/orders?brand=lumi")).status()).toBe(403);
  expect((await page.request.get("/api/admin/dashboards/orders")).status()).toBe(200);
});
