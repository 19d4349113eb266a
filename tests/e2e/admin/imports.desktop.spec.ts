import { read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// The brand admin imports a stock count on a desktop: a file with a bad row shows that row and changes nothing;
// the fixed file passes the dry run, is applied with the progress bar reaching 100 %, and the store's new figure
// is what the stock export and the shop's availability show.

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, userAgent: undefined });

type Pair = { storeId: string; code: string; skuId: string; gtin: string; styleCode: string; onHand: number; reserved: number; safetyStock: number };

test("lumi.admin: a bad row is listed and nothing applied; the fixed file is applied to 100 % and the shop shows it", async ({ page }) => {
  // A LUMI shop store other specs leave alone, and a SKU it sells plenty of (level "in").
  const pair = read<Pair | undefined>(
    `SELECT s.id AS storeId, s.code, k.id AS skuId, k.gtin, p.styleCode, i.onHand, i.reserved, s.safetyStock
     FROM Inventory i JOIN Store s ON s.id = i.storeId JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId JOIN Brand b ON b.id = s.brandId
     WHERE b.slug = 'lumi' AND s.active = 1 AND s.code NOT IN ('SH01', 'SH02', 'BJ01') AND s.kind <> 'WAREHOUSE' AND p.active = 1
       AND i.reserved = 0 AND i.onHand - s.safetyStock >= 5
     ORDER BY s.code DESC, k.gtin DESC LIMIT 1`,
  );
  expect(pair, "a stocked SKU at a quiet LUMI store").toBeDefined();
  const p = pair!;
  const target = p.safetyStock; // nothing left to sell online: the shop shows the size as gone at this store
  const badGtin = p.gtin.slice(0, 12) + String((Number(p.gtin[12]) + 1) % 10);
  const onHand = () => read<{ onHand: number }>("SELECT onHand FROM Inventory WHERE storeId = ? AND skuId = ?", p.storeId, p.skuId).onHand;
  const ledgerRows = () => read<{ n: number }>("SELECT count(*) AS n FROM StockLedger WHERE storeId = ? AND skuId = ?", p.storeId, p.skuId).n;
  const ledgerBefore = ledgerRows();

  await signIn(page, "lumi.admin", "/admin/imports");
  const upload = async (name: string, rows: string[]) => {
    await page.getByTestId("import-kind").selectOption("STOCK");
    await page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from("\uFEFFstoreCode,gtin,quantity\n" + rows.join("\n") + "\n") });
    await page.getByTestId("import-submit").click();
  };

  // 1. One bad row (wrong check digit): listed with its row number; the good row is not applied either.
  await upload("stock-bad.csv", [`${p.code},${p.gtin},${target}`, `${p.code},${badGtin},5`]);
  await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "INVALID");
  await expect(page.getByTestId("import-error-row")).toHaveCount(1);
  await expect(page.getByTestId("import-error-row")).toContainText(["3"]);
  await expect(page.getByTestId("import-error-row")).toContainText(`GTIN 校验位错误或不是 13 位数字 / not a valid EAN-13 (13 digits, check digit): ${badGtin}`);
  await expect(page.getByTestId("import-apply")).toHaveCount(0);
  expect(onHand()).toBe(p.onHand);
  expect(ledgerRows()).toBe(ledgerBefore);

  // 2. The fixed file: dry run passes, apply, the bar reaches 100 %.
  await upload("stock-good.csv", [`${p.code},${p.gtin},${target}`]);
  await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "READY");
  expect(onHand()).toBe(p.onHand);
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "APPLIED");
  await expect(page.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("import-progress-text")).toContainText("100%");
  expect(onHand()).toBe(target);
  expect(ledgerRows()).toBe(ledgerBefore + 1);

  // 3. The history lists it; the store's stock export and the shop show the new figure.
  await page.reload();
  await expect(page.getByTestId("import-history")).toContainText("stock-good.csv");
  const csv = await (await page.request.get(`/api/admin/exports/stock?brand=lumi&store=${p.code}`)).text();
  expect(csv.split("\n")).toContain(`${p.code},${p.gtin},${target}`);
  const availability = await (await page.request.get(`/api/shop/lumi/products/${p.styleCode}/availability?store=${p.code}`)).json();
  const here = (availability.stores as { code: string; levels: Record<string, string> }[]).find((s) => s.code === p.code);
  expect(here?.levels[p.skuId]).toBe("none");
});
