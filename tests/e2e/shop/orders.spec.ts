import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import type { APIRequestContext } from "@playwright/test";
import { appSecret } from "@/lib/security/app-secret";
import { read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { memberToken } from "../support/sign-in";

// A member's orders: their list shows what they ordered; another member's order number shows the not-found
// page (never its content), on the order, pay and status addresses alike. Try-on holds are listed and ended.

/** A SKU SH02 can sell now, with its store. */
function stocked() {
  return read<{ skuId: string; storeId: string; storeCode: string; styleCode: string; colorCode: string; size: string; productName: string }>(
    `SELECT i.skuId, s.id AS storeId, s.code AS storeCode, p.styleCode, k.colorCode, k.size, p.name AS productName
     FROM Inventory i JOIN Store s ON s.id = i.storeId JOIN Brand b ON b.id = s.brandId JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId
     WHERE b.slug = 'lumi' AND s.code = 'SH02' AND p.active = 1 AND i.onHand - i.reserved - s.safetyStock >= 3 ORDER BY k.gtin DESC LIMIT 1`,
  );
}

async function placeOrder(request: APIRequestContext, baseURL: string, token: string) {
  const sku = stocked();
  const response = await request.post("/api/shop/orders", {
    headers: { cookie: `next-auth.session-token=${token}`, origin: baseURL },
    data: { brand: "lumi", idempotencyKey: crypto.randomUUID(), fulfilment: "PICKUP", paymentMethod: "MALL_CASHIER", storeId: sku.storeId, lines: [{ skuId: sku.skuId, quantity: 1 }] },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { ...sku, number: ((await response.json()) as { number: string }).number };
}

test("the order list shows the member's order; another member's order number is not found everywhere", async ({ page, context, baseURL, request, browser }) => {
  const owner = await memberToken("member_029");
  const order = await placeOrder(request, baseURL!, owner);

  await context.addCookies([{ name: "next-auth.session-token", value: owner, url: baseURL! }]);
  await page.goto("/lumi/me");
  await page.getByTestId("my-orders-link").click();
  await expect(page).toHaveURL(/\/lumi\/orders$/);
  const item = page.locator(`[data-testid="order-item"][data-number="${order.number}"]`);
  await expect(item).toContainText(order.productName);
  await expect(item.getByTestId("order-status")).toHaveText("待收银台付款");
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/lumi/orders/${order.number}$`));
  await expect(page.getByTestId("pickup-code-text")).toBeVisible();

  // Someone else, signed in, with the owner's order number.
  const stranger = await browser.newContext({ baseURL });
  try {
    await stranger.addCookies([{ name: "next-auth.session-token", value: await memberToken("member_030"), url: baseURL! }]);
    const other = await stranger.newPage();
    for (const url of [`/lumi/orders/${order.number}`, `/lumi/pay/${order.number}`]) {
      // The not-found page (streamed after the shop's loading shell, so the HTTP status is already 200).
      await other.goto(url);
      await expect(other.getByRole("heading", { name: "页面不存在" }), url).toBeVisible();
      await expect(other.locator("body")).not.toContainText(order.number);
      await expect(other.locator("body")).not.toContainText(order.productName);
      await expect(other.getByTestId("pickup-code")).toHaveCount(0);
    }
    const status = await other.request.get(`/api/shop/orders/${order.number}/status`);
    expect(status.status()).toBe(404);
    expect(await status.text()).not.toContain("AWAITING_CASHIER");
    await other.goto("/lumi/orders");
    await expect(other.locator(`[data-number="${order.number}"]`)).toHaveCount(0);
  } finally {
    await stranger.close();
  }
  const own = await page.request.get(`/api/shop/orders/${order.number}/status`);
  expect(await own.json()).toEqual({ status: "AWAITING_CASHIER" });
});

test("a member cancels an unpaid order; the order shows it and the timeline says when", async ({ page, context, baseURL, request }) => {
  const token = await memberToken("member_024");
  const order = await placeOrder(request, baseURL!, token);
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
  await page.goto(`/lumi/orders/${order.number}`);
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("cancel-order").click();
  await expect(page.getByTestId("order-status")).toHaveText("已取消");
  await expect(page.getByTestId("order-timeline")).toContainText("已取消");
  await expect(page.getByTestId("pickup-code")).toHaveCount(0);
  await expect(page.getByTestId("cancel-order")).toHaveCount(0);
});

test("hold to try on from the product page's stock grid, then end the hold from my orders", async ({ page, context, baseURL }) => {
  const sku = stocked();
  await context.addCookies([{ name: "next-auth.session-token", value: await memberToken("member_023"), url: baseURL! }]);
  await page.goto(`/lumi/p/${encodeURIComponent(sku.styleCode)}?color=${encodeURIComponent(sku.colorCode)}&store=${sku.storeCode}`);
  await page.getByRole("button", { name: sku.size, exact: true }).click();
  const row = page.locator(`[data-testid="store-row"][data-store="${sku.storeCode}"]`);
  await row.getByTestId("try-on-hold").click();
  await expect(row.getByTestId("try-on-held")).toContainText(/已为你预留至 \d{2}:\d{2} \/ Held for you until \d{2}:\d{2}/);

  await page.goto("/lumi/orders");
  const hold = page.getByTestId("hold-item").filter({ hasText: "保留至" }).first();
  await expect(hold).toBeVisible();
  await hold.getByTestId("cancel-hold").click();
  await expect(page.getByTestId("hold-item").first()).toContainText("已结束");
});

test("signed out, the try-on button and the checkout page lead to signing in", async ({ page }) => {
  const sku = stocked();
  await page.goto(`/lumi/p/${encodeURIComponent(sku.styleCode)}?color=${encodeURIComponent(sku.colorCode)}&store=${sku.storeCode}`);
  await page.getByRole("button", { name: sku.size, exact: true }).click();
  const row = page.locator(`[data-testid="store-row"][data-store="${sku.storeCode}"]`);
  await row.getByTestId("try-on-hold").click();
  await expect(row.getByRole("link", { name: "登录 / Sign in" })).toBeVisible();

  for (const url of [`/lumi/checkout?sku=${sku.skuId}&qty=1`, "/lumi/orders", "/lumi/orders/2601010000000", "/lumi/pay/2601010000000"]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(new RegExp(`/lumi/sign-in\\?next=${encodeURIComponent(url.split("?")[0]!).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  }
  const status = await page.request.get("/api/shop/orders/2601010000000/status");
  expect(status.status()).toBe(401);
});

test("staff signed in to the shop get the member sign-in page, not a member's orders", async ({ context, page, baseURL }) => {
  const staff = read<{ id: string; role: string; brandId: string; storeId: string }>("SELECT id, role, brandId, storeId FROM Staff WHERE username = 'lumi.sh01.guide'");
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({ token: { kind: "staff", principalId: staff.id, sub: staff.id, role: staff.role, brandId: staff.brandId, storeId: staff.storeId, signedInAt: now, lastSeenAt: now }, secret: appSecret() });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
  await page.goto("/lumi/orders");
  await expect(page).toHaveURL(/\/lumi\/sign-in\?next=/);
  expect((await page.request.get("/api/shop/orders/2601010000000/status")).status()).toBe(403);
});
