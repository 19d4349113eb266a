import crypto from "node:crypto";
import { read, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// The brand admin's stock and order pages on a desktop. The stock row is one no other spec reads (a LUMI store
// far down the list, a SKU in the middle of the catalogue), and it is put back through the same form at the end.

type Row = { storeId: string; code: string; skuId: string; gtin: string; styleCode: string; onHand: number; reserved: number; safetyStock: number };

function quietStockRow(): Row {
  return read<Row>(
    `SELECT s.id AS storeId, s.code, k.id AS skuId, k.gtin, p.styleCode, i.onHand, i.reserved, s.safetyStock
       FROM Inventory i JOIN Store s ON s.id = i.storeId JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId JOIN Brand b ON b.id = s.brandId
      WHERE b.slug = 'lumi' AND s.kind = 'DIRECT' AND s.active = 1 AND p.active = 1 AND i.reserved = 0 AND i.onHand - s.safetyStock >= 3
        AND s.code NOT IN ('SH01', 'SH02', 'BJ01', 'GZ01')
      ORDER BY s.code DESC, k.gtin ASC LIMIT 1 OFFSET 17`,
  );
}

const availabilityAt = async (request: import("@playwright/test").APIRequestContext, row: Row) => {
  const response = await request.get(`/api/shop/lumi/products/${row.styleCode}/availability?store=${row.code}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { stores: { code: string; levels: Record<string, string> }[] };
  return body.stores.find((s) => s.code === row.code)?.levels[row.skuId];
};

test("lumi.admin counts a store's stock down with a reason, sees the ledger row, and the shop's availability there changes", async ({ page, request }) => {
  const row = quietStockRow();
  expect(await availabilityAt(request, row)).toBe("in");
  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-inventory-link").click();
  await page.getByTestId("stock-store-picker").locator("select").selectOption(row.code);
  await page.getByTestId("stock-store-picker").getByRole("button").first().click();
  await page.getByRole("searchbox").fill(row.gtin);
  await page.getByRole("button", { name: /搜索|Search/ }).click();
  await page.getByTestId("stock-row-link").filter({ hasText: row.gtin }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/inventory/${row.code}/${row.gtin}$`));
  await expect(page.getByTestId("stock-onhand")).toHaveText(String(row.onHand));

  // Below zero: refused, nothing changed.
  await page.getByTestId("stock-adjust-value").fill(String(-(row.onHand + 1)));
  await page.getByTestId("stock-adjust-reason").fill("误操作测试");
  await page.getByTestId("stock-adjust-submit").click();
  await expect(page.getByTestId("stock-adjust-status")).toContainText("库存不能低于已预留数量或小于零");
  expect(read<{ onHand: number }>("SELECT onHand FROM Inventory WHERE storeId = ? AND skuId = ?", row.storeId, row.skuId).onHand).toBe(row.onHand);

  // Counted: nothing sellable left there (on hand = the store's safety stock).
  const reason = `盘点短缺 ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByTestId("stock-adjust-mode").selectOption("count");
  await page.getByTestId("stock-adjust-value").fill(String(row.safetyStock));
  await page.getByTestId("stock-adjust-reason").fill(reason);
  await page.getByTestId("stock-adjust-submit").click();
  await expect(page.getByTestId("stock-adjust-status")).toHaveText("已保存 / Saved");
  await expect(page.getByTestId("stock-onhand")).toHaveText(String(row.safetyStock));
  const newest = page.getByTestId("stock-ledger").locator("tbody tr").first();
  await expect(newest.getByTestId("ledger-note")).toHaveText(reason);
  await expect(newest.getByTestId("ledger-reason")).toHaveText("手工调整 / Adjustment");
  await expect(newest).toContainText(String(row.safetyStock - row.onHand));
  await expect(newest).toContainText("lumi.admin");
  const ledger = read<{ n: number }>("SELECT COUNT(*) AS n FROM StockLedger WHERE storeId = ? AND skuId = ? AND note = ?", row.storeId, row.skuId, reason);
  expect(ledger.n).toBe(1);
  await expect.poll(() => availabilityAt(request, row)).toBe("none");

  // Put back for the rest of the run, through the same form (another ledger row).
  await page.getByTestId("stock-adjust-mode").selectOption("count");
  await page.getByTestId("stock-adjust-value").fill(String(row.onHand));
  await page.getByTestId("stock-adjust-reason").fill("恢复测试数据");
  await page.getByTestId("stock-adjust-submit").click();
  await expect(page.getByTestId("stock-onhand")).toHaveText(String(row.onHand));
  await expect.poll(() => availabilityAt(request, row)).toBe("in");
});

test("the orders list finds an order by its number and opens it", async ({ page }) => {
  const number = `26${String(crypto.randomInt(0, 1e11)).padStart(11, "0")}`;
  writeDb((h) => {
    const brandId = (h.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string }).id;
    const storeId = (h.prepare("SELECT id FROM Store WHERE brandId = ? AND code = 'SH01'").get(brandId) as { id: string }).id;
    const memberId = `e2e-ord-${crypto.randomUUID().slice(0, 8)}`;
    const now = new Date().toISOString().replace("Z", "+00:00");
    h.prepare("INSERT INTO Member (id, phone, nickname, createdAt, updatedAt) VALUES (?, ?, '', ?, ?)").run(memberId, `135${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`, now, now);
    const orderId = crypto.randomUUID();
    h.prepare(
      `INSERT INTO "Order" (id, number, brandId, memberId, fulfilment, status, paymentMethod, storeId, itemsFen, totalFen, idempotencyKey, requestHash, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'PICKUP', 'CANCELLED', 'ONLINE', ?, 39900, 39900, ?, 'e2e', ?, ?)`,
    ).run(orderId, number, brandId, memberId, storeId, crypto.randomUUID(), now, now);
    h.prepare("INSERT INTO OrderEvent (id, orderId, fromStatus, toStatus, actor, note, createdAt) VALUES (?, ?, NULL, 'CANCELLED', 'system:e2e', 'e2e fixture', ?)").run(crypto.randomUUID(), orderId, now);
  });
  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-orders-link").click();
  await page.getByRole("searchbox").fill(number);
  await page.getByRole("button", { name: /搜索|Search/ }).click();
  const links = page.getByTestId("order-row-link");
  await expect(links).toHaveCount(1);
  await expect(links).toHaveText(number);
  await links.click();
  await expect(page.getByTestId("order-number")).toHaveText(number);
  await expect(page.getByTestId("order-events")).toContainText("e2e fixture");
});
