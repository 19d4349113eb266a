import crypto from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { appSecret } from "@/lib/security/app-secret";
import { pickupCodeFor } from "@/lib/orders/pickup-code";
import { query, read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { memberToken, staffSignIn as signIn } from "../support/sign-in";

// The store counter on a phone: a shopper's pickup order at LUMI SH01, paid at the mall's cashier, handed over
// by SH01's guide against the code; BJ01's guide typing the same code is told where it belongs. (The order is
// placed through POST /api/shop/orders as the member: the shop's checkout pages have their own specs.)

/** SH01 of LUMI, a LUMI member, and SKUs SH01 can sell right now (most sellable first). */
function fixtures(skus: number) {
  const store = read<{ id: string; name: string; code: string; safetyStock: number }>("SELECT s.id, s.name, s.code, s.safetyStock FROM Store s JOIN Brand b ON b.id = s.brandId WHERE b.slug = 'lumi' AND s.code = 'SH01'");
  // A seeded member no other spec orders for (other specs create members whose ids would sort first).
  const member = read<{ id: string }>("SELECT mb.memberId AS id FROM MemberBrand mb JOIN Brand b ON b.id = mb.brandId WHERE b.slug = 'lumi' AND mb.memberId = 'member_001'");
  const rows = query<{ id: string }>("SELECT i.skuId AS id FROM Inventory i WHERE i.storeId = ? AND i.onHand - i.reserved - ? >= 3 ORDER BY i.onHand - i.reserved DESC LIMIT ?", store.id, store.safetyStock, skus);
  expect(rows).toHaveLength(skus);
  return { store, member, skuIds: rows.map((r) => r.id) };
}

/** The member places a pickup order at SH01 to be paid at the mall's cashier; returns its number and pickup code. */
async function placeCashierOrder(request: APIRequestContext, baseURL: string, skus: number) {
  const { store, member, skuIds } = fixtures(skus);
  const token = await memberToken(member.id);
  const response = await request.post(`${baseURL}/api/shop/orders`, {
    headers: { cookie: `next-auth.session-token=${token}`, origin: baseURL },
    data: { brand: "lumi", idempotencyKey: crypto.randomUUID(), fulfilment: "PICKUP", paymentMethod: "MALL_CASHIER", storeId: store.id, lines: skuIds.map((skuId) => ({ skuId, quantity: 1 })) },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { number } = (await response.json()) as { number: string };
  const { id } = read<{ id: string }>("SELECT id FROM \"Order\" WHERE number = ?", number);
  return { number, code: pickupCodeFor(id, appSecret()), store };
}

const statusOf = (number: string) => read<{ status: string }>("SELECT status FROM \"Order\" WHERE number = ?", number).status;

async function typeCode(page: Page, code: string) {
  await page.getByTestId("code-scanner-input").fill(code);
  await page.getByRole("button", { name: /确认 OK/ }).click();
}

test("SH01's guide hands over a mall-cashier pickup: receipt, then the code; BJ01's guide is told where it belongs; a second use is refused", async ({ browser, request, baseURL }) => {
  const order = await placeCashierOrder(request, baseURL!, 1);

  const elsewhere = await browser.newContext({ baseURL });
  const bj = await elsewhere.newPage();
  await signIn(bj, "lumi.bj01.guide", "/guide/hand-over");
  await typeCode(bj, order.code);
  await expect(bj.getByTestId("hand-over-refusal")).toContainText(`该订单属于${order.store.name}（${order.store.code}）`);
  await elsewhere.close();
  expect(statusOf(order.number)).toBe("AWAITING_CASHIER");

  const counter = await browser.newContext({ baseURL });
  const page = await counter.newPage();
  await signIn(page, "lumi.sh01.guide", "/guide/hand-over");
  // Typed as a shopper reads it out: lower case with the dash.
  await typeCode(page, `${order.code.slice(0, 4)}-${order.code.slice(4)}`.toLowerCase());
  await expect(page.getByTestId("hand-over-refusal")).toContainText("请先在商场收银台付款");
  await page.getByLabel(/商场小票号/).fill("MC-E2E-0001");
  await page.getByRole("button", { name: /录入商场小票/ }).click();

  await expect(page.getByTestId("hand-over-order")).toContainText(order.number);
  await expect(page.getByRole("checkbox")).toBeChecked();
  await page.getByRole("button", { name: /确认交付/ }).click();
  await expect(page.getByTestId("hand-over-success")).toContainText(`订单 ${order.number} 已交付 1 件商品`);
  expect(statusOf(order.number)).toBe("COMPLETED");

  await page.getByRole("button", { name: /下一位/ }).click();
  await typeCode(page, order.code);
  await expect(page.getByTestId("hand-over-refusal")).toContainText("该取货码已使用");
  await counter.close();
});

test("the manager's day: receipt and 'ready' from the order queue, a partial hand-over refunds the missing item, the rest is returned at BJ01", async ({ browser, request, baseURL }) => {
  const order = await placeCashierOrder(request, baseURL!, 2);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "lumi.sh01.manager", "/guide");
  await page.getByTestId("store-tile").filter({ hasText: "待收银" }).click();
  await expect(page).toHaveURL(/\/guide\/orders\?tab=cashier$/);

  const card = page.getByTestId("order-card").filter({ hasText: order.number });
  await card.getByLabel(/商场小票号/).fill("x");
  await card.getByRole("button", { name: /录入商场小票/ }).click();
  await expect(card.getByTestId("order-action-error")).toContainText("请输入商场小票号");
  await card.getByLabel(/商场小票号/).fill("MC-E2E-0002");
  await card.getByRole("button", { name: /录入商场小票/ }).click();
  await expect(card).toHaveCount(0);

  await page.getByTestId("queue-prepare").click();
  const toPrepare = page.getByTestId("order-card").filter({ hasText: order.number });
  await toPrepare.getByRole("button", { name: /备好了/ }).click();
  await expect(toPrepare).toHaveCount(0);
  await page.getByTestId("queue-ready").click();
  await page.getByTestId("order-card").filter({ hasText: order.number }).getByRole("link", { name: /去交付/ }).click();
  await expect(page).toHaveURL(/\/guide\/hand-over$/);

  await typeCode(page, order.code);
  const boxes = page.getByRole("checkbox");
  await expect(boxes).toHaveCount(2);
  await boxes.nth(1).uncheck();
  await expect(page.getByText(/1 件商品未勾选，将退款/)).toBeVisible();
  await page.getByRole("button", { name: /确认交付/ }).click();
  await expect(page.getByTestId("hand-over-success")).toContainText("已交付 1 件商品");
  await expect(page.getByTestId("hand-over-refund")).toContainText("缺货商品已退款 ¥");
  expect(statusOf(order.number)).toBe("PARTIALLY_REFUNDED");
  await context.close();

  // Returned at another store of the brand.
  const bjContext = await browser.newContext({ baseURL });
  const bj = await bjContext.newPage();
  await signIn(bj, "lumi.bj01.guide", "/guide/returns");
  await bj.getByLabel(/订单号/).fill(order.number);
  await bj.getByRole("button", { name: /查找/ }).click();
  await expect(bj.getByTestId("return-order")).toContainText(order.number);
  await expect(bj.getByTestId("return-line")).toHaveCount(1);
  await bj.getByRole("button", { name: /确认退货/ }).click();
  await expect(bj.getByTestId("return-error")).toContainText("请选择退货数量");
  await bj.getByRole("button", { name: /^增加/ }).click();
  await bj.getByLabel(/退货原因/).fill("尺码不合适");
  await bj.getByRole("button", { name: /确认退货/ }).click();
  await expect(bj.getByTestId("return-success")).toContainText("已退款 ¥");
  await expect(bj.getByTestId("return-status")).toHaveText("已退款 / Refunded");
  expect(statusOf(order.number)).toBe("REFUNDED");
  await bjContext.close();
});
