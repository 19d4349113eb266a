import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { read, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { addMemberCookie, staffSignIn } from "../support/sign-in";

// Out-of-stock demand end to end on phones: BJ01's guide records "my customer wants this size" (scan/type the
// style, tap the size, tap SH01) → SH01's manager approves (reserved at SH01) → SH01's guide ships → BJ01's
// guide receives → the customer's inbox has the arrival notice whose pick-up button opens checkout at BJ01.

const sqlNow = () => new Date().toISOString().replace("Z", "+00:00");

/** A LUMI SKU SH01 can give (after reservations and safety stock) that BJ01 cannot sell, among those with most to give. */
function demandedSku() {
  return read<{ skuId: string; styleCode: string; sellable: number; shId: string }>(
    `SELECT k.id AS skuId, p.styleCode, i.onHand - i.reserved - s.safetyStock AS sellable, s.id AS shId
     FROM Inventory i JOIN Store s ON s.id = i.storeId JOIN Brand b ON b.id = s.brandId JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId
     WHERE b.slug = 'lumi' AND s.code = 'SH01' AND p.active = 1 AND i.onHand - i.reserved - s.safetyStock >= 2
       AND NOT EXISTS (SELECT 1 FROM Inventory j JOIN Store t ON t.id = j.storeId WHERE t.brandId = b.id AND t.code = 'BJ01' AND j.skuId = k.id AND j.onHand - j.reserved - t.safetyStock > 0)
     ORDER BY sellable DESC, k.gtin LIMIT 1 OFFSET 6`, // the top ones are what the hand-over spec orders at SH01 meanwhile
  );
}

/** A new LUMI member bound to BJ01's guide (the guide's customer list is where the demand form picks from). */
function boundCustomer(): { id: string; phone: string } {
  return writeDb((db) => {
    const brand = db.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string };
    const guide = db.prepare("SELECT id FROM Staff WHERE username = 'lumi.bj01.guide'").get() as { id: string };
    const id = `e2etransfer${crypto.randomBytes(6).toString("hex")}`;
    const phone = `139${crypto.randomInt(10_000_000, 99_999_999)}`;
    const now = sqlNow();
    db.prepare("INSERT INTO Member (id, phone, nickname, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(id, phone, "调货顾客", now, now);
    db.prepare("INSERT INTO MemberBrand (id, memberId, brandId, joinedAt) VALUES (?, ?, ?, ?)").run(`mb-${id}`, id, brand.id, now);
    db.prepare("INSERT INTO GuideBinding (id, brandId, memberId, guideId, source, boundAt, lastTouchAt, endedReason) VALUES (?, ?, ?, ?, 'QR', ?, ?, '')").run(`gb-${id}`, brand.id, id, guide.id, now, now);
    return { id, phone };
  });
}

async function staffPage(browser: Browser, baseURL: string, login: string, next: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await staffSignIn(page, login, next);
  return page;
}

const inventory = (storeId: string, skuId: string) => read<{ onHand: number; reserved: number } | undefined>("SELECT onHand, reserved FROM Inventory WHERE storeId = ? AND skuId = ?", storeId, skuId);

test("guide records demand for a customer → SH01's manager approves → SH01 ships → BJ01 receives → the customer's inbox has the arrival notice", async ({ browser, baseURL }) => {
  const sku = demandedSku();
  expect(sku, "a LUMI SKU at SH01 that BJ01 lacks").toBeTruthy();
  const customer = boundCustomer();
  const before = inventory(sku.shId, sku.skuId)!;

  // BJ01's guide: type the style code, tap the size, pick the customer, tap SH01.
  const bj = await staffPage(browser, baseURL!, "lumi.bj01.guide", "/guide/demand");
  await bj.getByTestId("code-scanner-input").fill(sku.styleCode);
  await bj.getByRole("button", { name: /确认 OK/ }).click();
  await expect(bj.getByTestId("demand-style")).toBeVisible();
  await bj.locator(`[data-testid="demand-sku"][data-sku-id="${sku.skuId}"]`).click();
  await expect(bj.getByTestId("demand-sources")).toBeVisible();
  await bj.getByTestId("demand-customer").selectOption(customer.id);
  const sh01 = bj.locator('[data-testid="demand-source"][data-store-code="SH01"]');
  await expect(sh01).toContainText("可调");
  await sh01.click();
  await expect(bj.getByTestId("demand-requested")).toContainText("已提交调货申请");

  const { id } = read<{ id: string }>("SELECT id FROM Transfer WHERE skuId = ? AND memberId = ?", sku.skuId, customer.id);
  const card = (page: Page) => page.locator(`[data-testid="transfer"][data-transfer-id="${id}"]`);

  // SH01's manager approves: the unit is reserved at SH01.
  const manager = await staffPage(browser, baseURL!, "lumi.sh01.manager", "/guide/transfers");
  await expect(card(manager)).toHaveAttribute("data-status", "REQUESTED");
  await card(manager).getByTestId("transfer-approve").click();
  await expect(card(manager)).toHaveAttribute("data-status", "APPROVED");
  expect(inventory(sku.shId, sku.skuId)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });

  // SH01's guide ships it: it leaves SH01's stock.
  const shGuide = await staffPage(browser, baseURL!, "lumi.sh01.guide", "/guide/transfers");
  await expect(card(shGuide).getByTestId("transfer-approve")).toHaveCount(0); // a guide does not approve
  await card(shGuide).getByTestId("transfer-ship").click();
  await expect(card(shGuide)).toHaveAttribute("data-status", "SHIPPED");
  expect(inventory(sku.shId, sku.skuId)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });

  // BJ01's guide receives it, with the timeline complete.
  await bj.goto("/guide/transfers");
  await card(bj).getByTestId("transfer-receive").click();
  await expect(card(bj)).toHaveAttribute("data-status", "RECEIVED");
  await expect(card(bj).getByTestId("transfer-status")).toContainText("已到店");

  // The customer: an unread message on "me", the notice in the inbox, one tap to checkout at BJ01.
  const context = await browser.newContext({ baseURL });
  await addMemberCookie(context, baseURL!, customer.id);
  const shopper = await context.newPage();
  await shopper.goto("/lumi/me");
  await expect(shopper.getByTestId("my-inbox-link")).toContainText("1");
  await shopper.getByTestId("my-inbox-link").click();
  await expect(shopper).toHaveURL(/\/lumi\/inbox$/);
  const notice = shopper.locator('[data-testid="inbox-message"][data-kind="transfer.arrived"]');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("已到店");
  await expect(notice).toHaveAttribute("data-unread", "true");
  await expect(notice.getByTestId("inbox-deliver")).toBeVisible();
  await notice.getByTestId("inbox-pickup").click();
  await expect(shopper).toHaveURL(new RegExp(`/lumi/checkout\\?sku=${sku.skuId}&qty=1&store=BJ01$`));
  await shopper.goto("/lumi/inbox");
  await expect(shopper.locator('[data-testid="inbox-message"][data-kind="transfer.arrived"]')).not.toHaveAttribute("data-unread", "true");
});
