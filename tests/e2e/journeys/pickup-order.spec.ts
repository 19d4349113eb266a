import crypto from "node:crypto";
import gcoord from "gcoord";
import type { Locator } from "@playwright/test";
import { read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { signInByPhone, staffSignIn } from "../support/sign-in";

// The whole O2O loop in one story: a shopper in WeChat opens a product, buys it for pickup in 3 taps, pays in
// the sandbox pay sheet, and shows the code at LUMI SH01; the store's guide signs in on their phone, types
// the code read off the shopper's screen, hands the goods over; the shopper's order page says completed and
// the store's stock went down by exactly what was sold.

/** SH01 of LUMI and a size it can sell (≥ 3 after safety stock), far down the list so other specs' picks stay theirs. */
function sh01AndASize() {
  const store = read<{ id: string; lat: number; lng: number; safetyStock: number }>("SELECT s.id, s.lat, s.lng, s.safetyStock FROM Store s JOIN Brand b ON b.id = s.brandId WHERE b.slug = 'lumi' AND s.code = 'SH01'");
  const sku = read<{ skuId: string; styleCode: string; colorCode: string; size: string }>(
    `SELECT k.id AS skuId, p.styleCode, k.colorCode, k.size FROM Inventory i JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId
     WHERE i.storeId = ? AND p.active = 1 AND i.onHand - i.reserved - ? >= 3 ORDER BY k.gtin DESC LIMIT 1`,
    store.id,
    store.safetyStock,
  );
  return { store, sku };
}

const stockAt = (storeId: string, skuId: string) => read<{ onHand: number; reserved: number }>("SELECT onHand, reserved FROM Inventory WHERE storeId = ? AND skuId = ?", storeId, skuId);

test("product → pickup order in 3 taps → sandbox pay → the store's guide scans the code → completed", async ({ page, browser, baseURL, geo }) => {
  const { store, sku } = sh01AndASize();
  // Standing in the mall at SH01 (the phone reports WGS-84; the store's coordinates are GCJ-02).
  const [longitude, latitude] = gcoord.transform([store.lng, store.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  await geo.grant({ latitude, longitude });
  await signInByPhone(page, `137${String(crypto.randomInt(10_000_000, 99_999_999))}`);
  const before = stockAt(store.id, sku.skuId);

  await page.goto(`/lumi/p/${encodeURIComponent(sku.styleCode)}?color=${encodeURIComponent(sku.colorCode)}`);
  await expect(page.getByTestId("nearby-stock")).toBeVisible();
  let taps = 0;
  const tap = async (target: Locator) => {
    taps++;
    await target.click();
  };
  await tap(page.getByRole("button", { name: sku.size, exact: true }));
  await tap(page.getByTestId("buy-now"));
  await expect(page.getByTestId("pickup-store").first()).toHaveAttribute("data-store", "SH01");
  await expect(page.getByTestId("pickup-store").first().locator("input")).toBeChecked();
  await tap(page.getByTestId("place-order"));
  await expect(page).toHaveURL(/\/lumi\/pay\/\d{13}$/);
  expect(taps).toBe(3);
  expect(stockAt(store.id, sku.skuId).reserved).toBe(before.reserved + 1);

  await page.getByTestId("pay-confirm").click();
  await expect(page).toHaveURL(/\/lumi\/orders\/\d{13}$/);
  const number = page.url().split("/").pop()!;
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const code = (await page.getByTestId("pickup-code-text").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // At the counter, on the guide's phone.
  const staff = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const counter = await staff.newPage();
  await staffSignIn(counter, "lumi.sh01.guide", "/guide/hand-over");
  await counter.getByTestId("code-scanner-input").fill(code);
  await counter.getByRole("button", { name: /确认 OK/ }).click();
  await expect(counter.getByTestId("hand-over-order")).toContainText(number);
  await counter.getByRole("button", { name: /确认交付/ }).click();
  await expect(counter.getByTestId("hand-over-success")).toContainText(number);
  await staff.close();

  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("已完成");
  await expect(page.getByTestId("pickup-qr")).toHaveCount(0); // a used code is no longer shown
  expect(stockAt(store.id, sku.skuId)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
});
