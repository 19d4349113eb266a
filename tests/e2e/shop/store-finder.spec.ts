import { expect, test } from "../support/fixtures";
import { nearestStores, shopperStores } from "./catalog-data";
import { NEAREST_STORES } from "@/lib/stores/finder";

const BEIJING_GUOMAO = { latitude: 39.9087, longitude: 116.4539 }; // WGS-84

test("store finder sorts stores by distance from the phone's position", async ({ page, geo }) => {
  await geo.grant(BEIJING_GUOMAO);
  await page.goto("/lumi/stores");
  // The page carries the cities only; the list comes once the shopper asks.
  await expect(page.getByTestId("store-hint")).toBeVisible();
  await expect(page.getByTestId("store-item")).toHaveCount(0);
  await page.getByTestId("use-location").click();
  const items = page.getByTestId("store-item");
  await expect(items.first().getByTestId("store-distance")).toContainText("最近");
  const expected = nearestStores("lumi", BEIJING_GUOMAO, NEAREST_STORES).map((s) => s.code);
  await expect(items).toHaveCount(expected.length);
  const shown = await items.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-store")));
  expect(shown).toEqual(expected);
  expect(shopperStores("lumi").find((s) => s.code === shown[0])!.city).toBe("北京");
  // Opening state and both map apps are offered for every store.
  await expect(items.first()).toContainText(/营业中|休息中/);
  await expect(items.first().getByRole("link", { name: "腾讯地图" })).toHaveAttribute("href", /apis\.map\.qq\.com\/uri\/v1\/marker/);
  await expect(items.first().getByRole("link", { name: "高德地图" })).toHaveAttribute("href", /uri\.amap\.com\/marker/);
});

test("store finder falls back to choosing a city when location is refused", async ({ page, geo }) => {
  await geo.deny();
  await page.goto("/lumi/stores");
  await page.getByTestId("use-location").click();
  await expect(page.getByRole("alert").filter({ hasText: "未获得定位权限" })).toBeVisible();
  await page.getByTestId("city-chooser").getByRole("button", { name: "上海" }).click();
  const shanghai = shopperStores("lumi").filter((s) => s.city === "上海").map((s) => s.code).sort();
  await expect(page.getByTestId("store-item")).toHaveCount(shanghai.length);
  const shown = await page.getByTestId("store-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-store")));
  expect([...shown].sort()).toEqual(shanghai);
  await expect(page.getByTestId("store-distance")).toHaveCount(0);
});

test("product page offers a city when location is refused", async ({ page, geo }) => {
  await geo.deny();
  await page.goto("/lumi");
  await page.getByTestId("product-card").first().click();
  await page.getByRole("button", { name: "定位查看附近门店" }).click();
  const refused = page.getByRole("alert").filter({ hasText: "无法获取您的位置" });
  await expect(refused).toBeVisible();
  await refused.getByRole("button", { name: "上海" }).click();
  await expect(page.getByTestId("availability-grid")).toBeVisible();
});

test("the store list answers a position or a city, and refuses anything else with a clear JSON message", async ({ request }) => {
  const city = await request.get("/api/shop/lumi/stores?city=%E5%8C%97%E4%BA%AC");
  expect(city.status()).toBe(200);
  const beijing = (await city.json()) as { stores: { code: string; city: string; distanceM: number | null }[] };
  expect(beijing.stores.map((s) => s.code).sort()).toEqual(shopperStores("lumi").filter((s) => s.city === "北京").map((s) => s.code).sort());
  const bad = await request.get("/api/shop/lumi/stores?lat=north");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringContaining("请提供位置") } });
  expect((await request.get("/api/shop/nobrand/stores?city=x")).status()).toBe(404);
});
