import crypto from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { wgs84ToGcj02 } from "@/lib/stores/geo";
import { query, writeDb } from "../support/e2e-db";
import { expect, SHANGHAI_NANJING_ROAD, test } from "../support/fixtures";
import { addMemberCookie, memberToken, signInByPhone } from "../support/sign-in";

// Checkout as a signed-in member: ≤ 3 taps from a product page to a placed order (DESIGN.md §5), the sandbox
// pay sheet, delivery routed to a store, a counter order from a tag scanned in a mall store (paid at the
// mall's cashier), and an item sold out between opening checkout and placing the order.

const HERE = wgs84ToGcj02(SHANGHAI_NANJING_ROAD.latitude, SHANGHAI_NANJING_ROAD.longitude);

type StockedSku = { skuId: string; styleCode: string; colorCode: string; size: string; storeId: string; storeCode: string; storeName: string; mallName: string; sellable: number };

/** Lumi SKUs with at least `min` sellable (after safety stock) at a Shanghai pickup store; `offset` keeps specs apart. */
function stockedSkus(min: number, opts: { city?: string; safety?: boolean } = {}): StockedSku[] {
  return query<StockedSku>(
    `SELECT k.id AS skuId, p.styleCode, k.colorCode, k.size, s.id AS storeId, s.code AS storeCode, s.name AS storeName, s.mallName,
            i.onHand - i.reserved - ${opts.safety === false ? 0 : "s.safetyStock"} AS sellable
     FROM Inventory i JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId JOIN Store s ON s.id = i.storeId JOIN Brand b ON b.id = s.brandId
     WHERE b.slug = 'lumi' AND p.active = 1 AND s.active = 1 AND s.pickupEnabled = 1 AND s.kind != 'WAREHOUSE' AND s.city = ?
       AND i.onHand - i.reserved - ${opts.safety === false ? 0 : "s.safetyStock"} >= ?
     ORDER BY k.gtin, s.code`,
    opts.city ?? "上海",
    min,
  );
}

async function payInSandbox(page: Page) {
  await expect(page).toHaveURL(/\/lumi\/pay\/\d{13}$/);
  const sheet = page.getByTestId("pay-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("确认支付");
  await expect(sheet).toContainText("取消");
  await sheet.getByTestId("pay-confirm").click();
  await expect(page).toHaveURL(/\/lumi\/orders\/\d{13}$/);
}

test("a signed-in member orders from the product page in 3 taps, pays in the sandbox and gets a pickup QR", async ({ page, geo }) => {
  await geo.grant();
  await signInByPhone(page, `139${String(crypto.randomInt(10_000_000, 99_999_999))}`);
  const sku = stockedSkus(3)[0]!;
  await page.goto(`/lumi/p/${encodeURIComponent(sku.styleCode)}?color=${encodeURIComponent(sku.colorCode)}`);
  await expect(page.getByTestId("nearby-stock")).toBeVisible();

  let taps = 0;
  const tap = async (target: Locator) => {
    taps++;
    await target.click();
  };
  await tap(page.getByRole("button", { name: sku.size, exact: true }));
  await tap(page.getByTestId("buy-now"));
  await expect(page).toHaveURL(/\/lumi\/checkout\?/);
  await expect(page.getByTestId("pickup-store").first().locator("input")).toBeChecked();
  await tap(page.getByTestId("place-order"));
  await expect(page).toHaveURL(/\/lumi\/pay\/\d{13}$/);
  expect(taps).toBe(3);

  await payInSandbox(page);
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  await expect(page.getByTestId("pickup-qr").locator("svg")).toBeVisible();
  await expect(page.getByTestId("pickup-code-text")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId("order-timeline")).toContainText("支付成功");
  await expect(page.getByTestId("order-store")).toContainText("腾讯地图导航");
});

test("a delivery order is routed to a store that has it, and the order names the shipping store", async ({ page, context, baseURL }) => {
  await addMemberCookie(context, baseURL!, "member_025");
  const sku = stockedSkus(4)[1]!;
  await page.goto(`/lumi/checkout?sku=${sku.skuId}&qty=1&lat=${HERE.lat.toFixed(5)}&lng=${HERE.lng.toFixed(5)}`);
  await page.getByRole("radio", { name: /送货上门/ }).check();
  await expect(page.getByTestId("ship-from")).toContainText("发货");
  await page.getByLabel("详细地址").fill("上海市黄浦区南京东路 100 号 5 楼");
  await page.getByLabel("联系电话").fill("13912345678");
  await page.getByTestId("place-order").click();
  await payInSandbox(page);
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const number = page.url().split("/").pop()!;
  const [shipping] = query<{ name: string }>(`SELECT s.name FROM OrderLine l JOIN "Order" o ON o.id = l.orderId JOIN Store s ON s.id = l.storeId WHERE o.number = ?`, number);
  await expect(page.getByTestId("ship-from")).toContainText(shipping!.name);
  await expect(page.getByTestId("pickup-code")).toHaveCount(0);
});

test("a product tag scanned in a mall store: counter order, paid at the mall's cashier, the code shown", async ({ page, context, baseURL }) => {
  await addMemberCookie(context, baseURL!, "member_026");
  // The seed prints no per-store tags; this one is what a store's tag printer would create.
  const sku = stockedSkus(1, { safety: false }).find((s) => s.mallName)!;
  const code = `e2e${crypto.randomBytes(4).toString("hex")}`.slice(0, 12);
  const [scene] = query<{ brandId: string; productId: string }>(`SELECT p.brandId, p.id AS productId FROM Sku k JOIN Product p ON p.id = k.productId WHERE k.id = ?`, sku.skuId);
  writeDb((db) =>
    db.prepare(`INSERT INTO QrScene (id, code, brandId, kind, productId, storeId, createdAt) VALUES (?, ?, ?, 'PRODUCT', ?, ?, ?)`).run(
      `e2e-${code}`, code, scene!.brandId, scene!.productId, sku.storeId, new Date().toISOString().replace("Z", "+00:00"),
    ),
  );

  await page.goto(`/s/${code}`);
  await expect(page).toHaveURL(new RegExp(`/lumi/p/.*store=${sku.storeCode}`));
  await page.goto(`${page.url()}&color=${encodeURIComponent(sku.colorCode)}`);
  await page.getByRole("button", { name: sku.size, exact: true }).click();
  await expect(page.getByTestId("buy-now")).toHaveAttribute("href", new RegExp(`scene=${code}`));
  await page.getByTestId("buy-now").click();

  await expect(page.getByRole("radio", { name: /柜台取货/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /商场收银台付款/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /微信支付/ })).toHaveCount(0);
  await page.getByTestId("place-order").click();

  await expect(page).toHaveURL(/\/lumi\/orders\/\d{13}$/);
  await expect(page.getByTestId("order-status")).toHaveText("待收银台付款");
  await expect(page.getByTestId("pickup-code")).toContainText("收银台付款");
  await expect(page.getByTestId("pickup-code-text")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId("order-store")).toContainText(sku.mallName);
});

test("sold out between opening checkout and placing the order: the stores that still have it are offered", async ({ page, context, baseURL, request }) => {
  // A size another store also has, with a few pieces here that someone else is about to buy.
  const all = stockedSkus(1);
  const here = all.find((s) => s.sellable <= 5 && all.some((o) => o.skuId === s.skuId && o.storeId !== s.storeId && o.sellable >= 2))!;
  await addMemberCookie(context, baseURL!, "member_027");
  await page.goto(`/lumi/checkout?sku=${here.skuId}&qty=1&store=${here.storeCode}`);
  await expect(page.getByTestId("pickup-store").first()).toHaveAttribute("data-store", here.storeCode);

  const rival = await memberToken("member_028");
  const bought = await request.post("/api/shop/orders", {
    headers: { cookie: `next-auth.session-token=${rival}`, origin: baseURL! },
    data: { brand: "lumi", idempotencyKey: crypto.randomUUID(), fulfilment: "PICKUP", paymentMethod: "ONLINE", storeId: here.storeId, lines: [{ skuId: here.skuId, quantity: here.sellable }] },
  });
  expect(bought.status(), await bought.text()).toBe(201);

  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("checkout-error")).toContainText("刚刚售罄");
  const alternative = page.getByTestId("alternative-store").first();
  await expect(alternative).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/at \w+ \(|Error:|    at /);
  await alternative.click();
  await expect(page).toHaveURL(/store=/);
  await expect(page.getByTestId("pickup-store").first().locator("input")).toBeChecked();
  await page.getByTestId("place-order").click();
  await expect(page).toHaveURL(/\/lumi\/pay\/\d{13}$/);
});
