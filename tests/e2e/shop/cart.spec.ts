import path from "node:path";
import Database from "better-sqlite3";
import { formatYuan } from "@/lib/money";
import { expect, test, SHANGHAI_NANJING_ROAD } from "../support/fixtures";

// The bag: a signed-out shopper in WeChat picks a size, adds it, changes the quantity and removes it; and
// "Buy now" is a one-tap link carrying the chosen SKU and where the shopper is.

type Pick = { styleCode: string; name: string; skuId: string; colorName: string; size: string; unitFen: number };

/** A lumi SKU with plenty of sellable stock (so parallel specs placing orders cannot sell it out), from the e2e database. */
function sellableSku(): Pick {
  const db = new Database(path.join(process.cwd(), "tests", ".tmp", "e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT p.styleCode, p.name, k.id AS skuId, k.colorName, k.size, COALESCE(k.priceFen, p.priceFen) AS unitFen
         FROM Sku k JOIN Product p ON p.id = k.productId JOIN Brand b ON b.id = p.brandId
         JOIN Inventory i ON i.skuId = k.id JOIN Store s ON s.id = i.storeId AND s.active = 1
         WHERE b.slug = 'lumi' AND p.active = 1
         GROUP BY k.id HAVING SUM(i.onHand - i.reserved) >= 10
         ORDER BY p.styleCode DESC, k.colorCode, k.sizeOrder LIMIT 1`,
      )
      .get() as Pick;
  } finally {
    db.close();
  }
}

async function chooseSize(page: import("@playwright/test").Page, sku: Pick) {
  await page.getByRole("button", { name: sku.colorName, exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`^${sku.size.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) }).click();
}

test("pick a size → add to bag → the bag shows it priced → change quantity → remove → empty", async ({ page }) => {
  const sku = sellableSku();
  await page.goto(`/lumi/p/${sku.styleCode}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(sku.name);

  // Nothing to buy until a size is chosen.
  const add = page.getByTestId("add-to-cart");
  const buy = page.getByTestId("buy-now");
  await expect(add).toBeDisabled();
  expect(await buy.getAttribute("href")).toBeNull();
  await expect(page.getByText("请先选择尺码")).toBeVisible();

  await chooseSize(page, sku);
  await expect(add).toBeEnabled();
  await expect(buy).toHaveAttribute("href", `/lumi/checkout?sku=${sku.skuId}&qty=1`);

  await add.click();
  await expect(page.getByTestId("add-to-cart-message")).toContainText("已加入购物袋");
  await expect(page.getByTestId("bag-count")).toHaveText("1");

  await page.getByRole("link", { name: "查看购物袋" }).click();
  await expect(page).toHaveURL(/\/lumi\/cart$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("购物袋");
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute("data-sku", sku.skuId);
  await expect(line).toContainText(sku.name);
  await expect(line).toContainText(`${sku.colorName} · ${sku.size}`);
  await expect(page.getByTestId("line-total")).toHaveText(formatYuan(sku.unitFen));
  await expect(page.getByTestId("cart-total")).toHaveText(formatYuan(sku.unitFen));
  await expect(page.getByTestId("checkout-link")).toHaveAttribute("href", "/lumi/checkout?from=cart");

  await page.getByRole("button", { name: "增加一件" }).click();
  await expect(page.getByTestId("line-quantity")).toHaveText("2");
  await expect(page.getByTestId("cart-total")).toHaveText(formatYuan(sku.unitFen * 2));
  await expect(page.getByTestId("cart-count")).toHaveText("共 2 件");

  // The bag survives a reload (it is in the signed cookie, not the page).
  await page.reload();
  await expect(page.getByTestId("line-quantity")).toHaveText("2");

  await page.getByRole("button", { name: "减少一件" }).click();
  await expect(page.getByTestId("cart-total")).toHaveText(formatYuan(sku.unitFen));

  await page.getByTestId("remove-line").click();
  await expect(page.getByText("购物袋是空的")).toBeVisible();
  await expect(page.getByTestId("cart-line")).toHaveCount(0);
});

test("buy now carries the SKU, the shopper's position, and the store and scene of a scanned tag", async ({ page, geo }) => {
  await geo.grant(SHANGHAI_NANJING_ROAD);
  const sku = sellableSku();
  await page.goto(`/lumi/p/${sku.styleCode}?from=qr&store=SH01&scene=tagabc12`);
  await chooseSize(page, sku);
  await expect(page.getByTestId("buy-now")).toHaveAttribute("href", /&lat=.*&lng=/);
  const href = await page.getByTestId("buy-now").getAttribute("href");
  expect(href).toMatch(/^\/lumi\/checkout\?/);
  const q = new URL(href!, "http://x").searchParams;
  expect(q.get("sku")).toBe(sku.skuId);
  expect(q.get("qty")).toBe("1");
  expect(q.get("store")).toBe("SH01");
  expect(q.get("scene")).toBe("tagabc12");
  // GCJ-02, a little off the WGS-84 the phone reported (the island converts).
  expect(Number(q.get("lat"))).toBeCloseTo(SHANGHAI_NANJING_ROAD.latitude, 1);
  expect(Number(q.get("lng"))).toBeCloseTo(SHANGHAI_NANJING_ROAD.longitude, 1);

  // A scene code that is not one is ignored rather than passed on.
  await page.goto(`/lumi/p/${sku.styleCode}?scene=%3Cscript%3E`);
  await chooseSize(page, sku);
  await expect(page.getByTestId("buy-now")).not.toHaveAttribute("href", /scene=/);
});
