import { read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { addMemberCookie, memberToken } from "../support/sign-in";

// A member's bag line over JSON: the owner changes it; another member, a bad quantity or a cross-site
// request is refused with a 4xx and the line is left as it was.

test("another member's bag line: 404 and unchanged; quantity 0: 400; the owner sets 2", async ({ page, context, request, baseURL }) => {
  const [owner, other] = ["member_019", "member_020"];
  await addMemberCookie(context, baseURL!, owner);
  const sku = read<{ styleCode: string; colorName: string; size: string }>(
    `SELECT p.styleCode, k.colorName, k.size FROM Sku k JOIN Product p ON p.id = k.productId JOIN Brand b ON b.id = p.brandId
     JOIN Inventory i ON i.skuId = k.id WHERE b.slug = 'lumi' AND p.active = 1 GROUP BY k.id HAVING SUM(i.onHand - i.reserved) >= 10 ORDER BY k.gtin LIMIT 1`,
  )!;
  await page.goto(`/lumi/p/${sku.styleCode}`);
  await page.getByRole("button", { name: sku.colorName, exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`^${sku.size.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) }).click();
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("add-to-cart-message")).toContainText("已加入购物袋");
  const line = read<{ id: string; quantity: number }>("SELECT id, quantity FROM CartLine WHERE memberId = ?", owner)!;
  expect(line.quantity).toBe(1);

  const url = `${baseURL}/api/shop/cart/lines/${line.id}`;
  const otherCookie = `next-auth.session-token=${await memberToken(other)}`;
  const asOther = { cookie: otherCookie, origin: baseURL! };
  const stolen = await request.patch(url, { headers: asOther, data: { brand: "lumi", quantity: 5 } });
  expect(stolen.status()).toBe(404);
  expect((await stolen.json()).error.message).toContain("找不到该商品");
  expect((await request.delete(`${url}?brand=lumi`, { headers: asOther })).status()).toBe(404);
  expect(read<{ quantity: number }>("SELECT quantity FROM CartLine WHERE id = ?", line.id)?.quantity).toBe(1);

  const ownerHeaders = { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; "), origin: baseURL! };
  const zero = await request.patch(url, { headers: ownerHeaders, data: { brand: "lumi", quantity: 0 } });
  expect(zero.status()).toBe(400);
  expect((await zero.json()).error.message).toContain("数量至少为 1");
  expect((await request.patch(url, { headers: { ...ownerHeaders, origin: "https://elsewhere.example" }, data: { brand: "lumi", quantity: 2 } })).status()).toBe(403);
  expect(read<{ quantity: number }>("SELECT quantity FROM CartLine WHERE id = ?", line.id)?.quantity).toBe(1);

  const set = await request.patch(url, { headers: ownerHeaders, data: { brand: "lumi", quantity: 2 } });
  expect(set.status()).toBe(200);
  expect(await set.json()).toEqual({ count: 2 });
  expect((await request.delete(`${url}?brand=lumi`, { headers: ownerHeaders })).status()).toBe(200);
  expect(read("SELECT id FROM CartLine WHERE id = ?", line.id)).toBeUndefined();
});
