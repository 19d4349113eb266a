import { expect, test } from "../support/fixtures";
import { countWithSize, leafCategoryWithProducts, skuByGtin } from "./catalog-data";

test("home shows the brand, categories and new arrivals with a bottom tab bar; no DM section for a visitor", async ({ page }) => {
  const response = await page.goto("/lumi");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/LUMI/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /LUMI/);
  expect(await page.getByTestId("product-card").count()).toBeGreaterThanOrEqual(8);
  // The members' DM catalogs are an island for signed-in members only (tests/e2e/dm).
  await expect(page.getByTestId("home-dm")).toHaveCount(0);
  const tabs = page.getByRole("navigation", { name: "主导航" });
  for (const name of ["首页", "分类", "收藏", "我的"]) await expect(tabs.getByRole("link", { name })).toBeVisible();
});

test("category listing filters by size and sorts by price; bad filters fall back to defaults", async ({ page }) => {
  const category = leafCategoryWithProducts("lumi");
  await page.goto(`/lumi/c/${category.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(category.name);
  await expect(page.getByText(`共 ${category.n} 件`)).toBeVisible();

  await page.goto(`/lumi/c/${category.slug}?size=M&sort=price_asc`);
  await expect(page.getByText(`共 ${countWithSize("lumi", category.slug, "M")} 件`)).toBeVisible();
  const prices = await page.getByTestId("product-card").evaluateAll((cards) =>
    cards.map((c) => Number(c.querySelector("span.text-brand")?.textContent?.replace(/[¥,]/g, ""))),
  );
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  const bad = await page.goto(`/lumi/c/${category.slug}?size=%3Cscript%3E&min=abc&page=-4&sort=drop`);
  expect(bad?.status()).toBe(200);
  await expect(page.getByText(`共 ${category.n} 件`)).toBeVisible();
});

test("search by GTIN opens the product with that colour and size chosen", async ({ page }) => {
  const sku = skuByGtin("lumi");
  await page.goto("/lumi");
  await page.getByRole("searchbox").fill(sku.gtin);
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/lumi/p/${sku.styleCode}\\?color=${sku.colorCode}&size=`));
  await expect(page.getByRole("button", { name: sku.colorName, exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: new RegExp(`^${sku.size}( 售罄)?$`) })).toHaveAttribute("aria-pressed", "true");
});

test("unknown brand, product, store and short code get a Chinese 404 with a way back", async ({ page }) => {
  for (const url of ["/nobrand", "/lumi/p/NOPE0000", "/lumi/stores/ZZ99", "/s/zzzzzz", "/lumi/c/no-such-category"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
  }
});

test("the interface switches to English and back", async ({ page }) => {
  await page.goto("/lumi/me");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Favourites" })).toBeVisible();
  await page.goto("/lumi");
  await expect(page.getByRole("heading", { name: "New arrivals" })).toBeVisible();
  await page.goto("/lumi/me");
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "新品上市" }).or(page.getByText("我的收藏"))).toBeVisible();
});

test("the language switch refuses a cross-site post", async ({ request }) => {
  const response = await request.post("/api/locale", { form: { locale: "en", back: "/lumi" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
});

test("works at 320 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const url of ["/lumi", "/lumi/stores", "/lumi/categories"]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});

test("pages carry security headers with a CSP that allows the WeChat JS-SDK host", async ({ request }) => {
  for (const url of ["/lumi", "/api/health", "/staff/sign-in"]) {
    const response = await request.get(url);
    const h = response.headers();
    expect(h["content-security-policy"], url).toContain("script-src 'self' 'unsafe-inline' https://res.wx.qq.com");
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["x-frame-options"], url).toBe("DENY");
  }
});
