import zlib from "node:zlib";
import { read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// The brand admin's catalog console on a desktop: a price edit and an uploaded picture show in the shop at once
// (the cached product page is invalidated by tag), a list price below the price is refused with nothing written;
// a store's hours and pickup switch, with an out-of-China coordinate refused. Data isolation: the LAST LUMI style
// and the LAST LUMI shop by code, which no other spec uses.

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, userAgent: undefined });

/** A real 2×2 PNG (signature, IHDR, IDAT, IEND with CRCs) in a colour unlike any seeded garment. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  // A random colour: the file (named by its hash) is new on every run.
  const [r, g, b] = [Math.floor(Math.random() * 256), 0x7f, Math.floor(Math.random() * 256)];
  const row = Buffer.from([0, r, g, b, r, g, b]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(Buffer.concat([row, row]))), chunk("IEND", Buffer.alloc(0))]);
}

test("lumi.admin changes a style's price and uploads a picture; the shop shows both at once", async ({ page }) => {
  const style = read<{ id: string; styleCode: string; priceFen: number }>(
    "SELECT p.id, p.styleCode, p.priceFen FROM Product p JOIN Brand b ON b.id = p.brandId WHERE b.slug = 'lumi' AND p.active = 1 ORDER BY p.styleCode DESC LIMIT 1",
  );
  const priceOf = () => read<{ priceFen: number; listPriceFen: number | null }>("SELECT priceFen, listPriceFen FROM Product WHERE id = ?", style.id);
  // The shop page is cached first, so seeing the new price proves the write invalidated it.
  await page.goto(`/lumi/p/${style.styleCode}`);
  await expect(page.getByTestId("price")).toBeVisible();

  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-products-link").click();
  await expect(page).toHaveURL(/\/admin\/products$/);
  await page.getByRole("searchbox").fill(style.styleCode);
  await page.getByRole("button", { name: /搜索/ }).click();
  await expect(page.getByTestId("list-total")).toContainText("1");
  await page.getByTestId(`style-${style.styleCode}`).click();
  await expect(page).toHaveURL(new RegExp(`/admin/products/${style.id}$`));

  // A list price below the price: refused in both languages, nothing written.
  const before = priceOf();
  await page.getByTestId("style-price").fill("123.45");
  await page.getByTestId("style-listPrice").fill("100");
  await page.getByTestId("style-save").click();
  await expect(page.getByTestId("style-status")).toHaveText("原价不能低于售价 / The list price cannot be below the price");
  expect(priceOf()).toEqual(before);

  await page.getByTestId("style-listPrice").fill("199");
  await page.getByTestId("style-save").click();
  await expect(page.getByTestId("style-status")).toHaveText("已保存 / Saved");
  expect(priceOf()).toEqual({ priceFen: 12345, listPriceFen: 19900 });

  // A picture made here, uploaded, then moved to the front so it is the first the shopper sees.
  const items = page.getByTestId("image-item");
  const count = await items.count();
  await page.getByTestId("image-file").setInputFiles({ name: "swatch.png", mimeType: "image/png", buffer: tinyPng() });
  await page.getByTestId("image-upload-submit").click();
  await expect(page.getByTestId("image-upload-status")).toHaveText("已上传 / Uploaded");
  await expect(items).toHaveCount(count + 1);
  const url = (await items.last().getAttribute("data-url"))!;
  expect(url).toMatch(/^\/api\/media\/products\/[0-9a-f]{64}\.png$/);
  for (let i = 0; i < count; i++) {
    const ours = page.locator(`[data-testid="image-item"][data-url="${url}"]`);
    await ours.getByRole("button", { name: /前移/ }).click();
    await expect(items.nth(count - 1 - i)).toHaveAttribute("data-url", url);
  }
  await expect(items.first()).toHaveAttribute("data-url", url);

  await page.goto(`/lumi/p/${style.styleCode}`);
  await expect(page.getByTestId("price")).toHaveText("¥123.45");
  const first = page.locator("article img").first();
  await expect(first).toHaveAttribute("src", url);
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
});

test("lumi.admin changes a store's hours past midnight and turns pickup off; a coordinate outside China is refused", async ({ page }) => {
  const store = read<{ id: string; code: string; name: string }>(
    "SELECT s.id, s.code, s.name FROM Store s JOIN Brand b ON b.id = s.brandId WHERE b.slug = 'lumi' AND s.kind != 'WAREHOUSE' AND s.active = 1 ORDER BY s.code DESC LIMIT 1",
  );
  const row = () => read<{ opensAt: number; closesAt: number; pickupEnabled: number; lat: number }>("SELECT opensAt, closesAt, pickupEnabled, lat FROM Store WHERE id = ?", store.id);
  await page.goto(`/lumi/stores/${store.code}`);
  await expect(page.getByRole("heading", { name: store.name })).toBeVisible();

  await signIn(page, "lumi.admin", "/admin/stores");
  await page.getByRole("searchbox").fill(store.code);
  await page.getByRole("button", { name: /搜索/ }).click();
  await page.getByTestId(`store-${store.code}`).click();
  await expect(page).toHaveURL(new RegExp(`/admin/stores/${store.code}$`));

  const before = row();
  await page.getByTestId("store-lat").fill("1.3521"); // Singapore: not a GCJ-02 point
  await page.getByTestId("store-save").click();
  await expect(page.getByTestId("store-status")).toHaveText("纬度须在 3.8–53.6 之间（GCJ-02，中国境内） / Latitude must be 3.8–53.6 (GCJ-02, inside China)");
  expect(row()).toEqual(before);

  await page.getByTestId("store-lat").fill(String(before.lat));
  await page.getByTestId("store-opens").fill("10:00");
  await page.getByTestId("store-closes").fill("01:30");
  await page.getByTestId("store-pickup").uncheck();
  await page.getByTestId("store-save").click();
  await expect(page.getByTestId("store-status")).toHaveText("已保存 / Saved");
  expect(row()).toMatchObject({ opensAt: 600, closesAt: 1530, pickupEnabled: 0 });

  await page.goto(`/lumi/stores/${store.code}`);
  await expect(page.getByText("10:00–01:30 (次日)")).toBeVisible();
});

test("lumi.admin is refused a SKU with a wrong GTIN check digit and deleting a category that has styles; adds and deletes an empty category", async ({ page }) => {
  const style = read<{ id: string; skus: number }>(
    "SELECT p.id, (SELECT COUNT(*) FROM Sku s WHERE s.productId = p.id) AS skus FROM Product p JOIN Brand b ON b.id = p.brandId WHERE b.slug = 'lumi' AND p.active = 1 ORDER BY p.styleCode DESC LIMIT 1",
  );
  await signIn(page, "lumi.admin", `/admin/products/${style.id}`);
  const blank = page.getByTestId("sku-form-new");
  await blank.getByTestId("sku-gtin").fill("6901234567893");
  await blank.getByTestId("sku-colorCode").fill("ZZ");
  await blank.getByTestId("sku-colorName").fill("测试色");
  await blank.getByTestId("sku-size").fill("XXXL");
  await blank.getByTestId("sku-sizeOrder").fill("99");
  await blank.getByTestId("sku-save").click();
  await expect(page.getByTestId("sku-status-new")).toHaveText("GTIN 须为 13 位数字且校验位正确 / A GTIN is 13 digits with a valid check digit");
  expect(read<{ n: number }>("SELECT COUNT(*) AS n FROM Sku WHERE productId = ?", style.id).n).toBe(style.skus);

  const slug = `e2e-${Date.now().toString(36)}`;
  const full = read<{ slug: string; n: number }>(
    "SELECT c.slug, (SELECT COUNT(*) FROM Product p WHERE p.categoryId = c.id) AS n FROM Category c JOIN Brand b ON b.id = c.brandId WHERE b.slug = 'lumi' AND c.parentId IS NOT NULL AND EXISTS (SELECT 1 FROM Product p WHERE p.categoryId = c.id) AND NOT EXISTS (SELECT 1 FROM Category k WHERE k.parentId = c.id) ORDER BY c.slug LIMIT 1",
  );
  await page.goto("/admin/categories");
  page.on("dialog", (d) => void d.accept());
  await page.getByTestId(`category-${full.slug}`).getByTestId("category-delete").click();
  await expect(page.getByTestId(`category-delete-status-${full.slug}`)).toHaveText(`分类不为空（0 个子分类，${full.n} 个商品），请先移走 / The category is not empty (0 sub-categories, ${full.n} styles): move them first`);

  const add = page.getByTestId("category-new");
  await add.getByTestId("category-name").fill("测试分类");
  await add.getByTestId("category-nameEn").fill("Test category");
  await add.getByTestId("category-slug").fill(slug);
  await add.getByTestId("category-save").click();
  await expect(page.getByTestId("category-status-new")).toHaveText("已保存 / Saved");
  await expect(page.getByTestId(`category-${slug}`)).toBeVisible();
  await page.getByTestId(`category-${slug}`).getByTestId("category-delete").click();
  await expect(page.getByTestId(`category-${slug}`)).toHaveCount(0);
  expect(read<{ n: number }>("SELECT COUNT(*) AS n FROM Category WHERE slug = ?", slug).n).toBe(0);
});
