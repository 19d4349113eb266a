import { expect, test, SHANGHAI_NANJING_ROAD } from "../support/fixtures";
import { nearestStores, productWithPartialNearbyStock, scanCount } from "./catalog-data";

// The shopper's main path: scan a product's code in WeChat, pick colour and size, see which nearby
// stores have it, favourite it, find it again in favourites.
test("product short link → colour and size → nearest stores that have it → favourite", async ({ page, geo }) => {
  await geo.grant(SHANGHAI_NANJING_ROAD);
  const product = productWithPartialNearbyStock("lumi", SHANGHAI_NANJING_ROAD);
  const scansBefore = scanCount(product.sceneCode);

  await page.goto(`/s/${product.sceneCode}`);
  await expect(page).toHaveURL(new RegExp(`/lumi/p/${product.styleCode}\\?from=qr`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.name);
  await expect(page).toHaveTitle(new RegExp(product.name));
  expect(scanCount(product.sceneCode)).toBe(scansBefore + 1);

  await page.getByRole("button", { name: product.colorName, exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`^${product.size}( 售罄)?$`) }).click();

  // Rows are the nearest stores, nearest first, and with "only stores that have it" on, exactly those
  // among them that can sell this SKU.
  const grid = page.getByTestId("availability-grid");
  await expect(grid).toBeVisible();
  const expected = product.nearestCodes.filter((c) => product.storesWithIt.includes(c));
  await expect(page.getByTestId("store-row")).toHaveCount(expected.length);
  const shown = await page.getByTestId("store-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-store")));
  expect(shown).toEqual(expected);

  // Turning the filter off shows every nearby store in distance order, including those without it.
  await page.getByLabel("只看有货门店").uncheck();
  await expect(page.getByTestId("store-row")).toHaveCount(product.nearestCodes.length);
  const all = await page.getByTestId("store-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-store")));
  expect(all).toEqual(nearestStores("lumi", SHANGHAI_NANJING_ROAD).map((s) => s.code));

  const heart = page.getByTestId("favourite-button");
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "收藏" }).click();
  await expect(page).toHaveURL(/\/lumi\/favourites$/);
  const item = page.getByTestId("favourite-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(product.name);
  await expect(item).toContainText(`${product.colorName} · ${product.size}`);
  // Remembered with the nearest store that had the size.
  const nearestWithIt = nearestStores("lumi", SHANGHAI_NANJING_ROAD).find((s) => product.storesWithIt.includes(s.code))!;
  await expect(item).toContainText(nearestWithIt.mallName || nearestWithIt.name);

  // Favouriting again from the product page removes it.
  await item.click();
  await expect(page.getByTestId("favourite-button")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("favourite-button").click();
  await expect(page.getByTestId("favourite-button")).toHaveAttribute("aria-pressed", "false");
});
