import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import type { BrowserContext } from "@playwright/test";
import { appSecret } from "@/lib/security/app-secret";
import { expect, test } from "../support/fixtures";

// A member's bag line over JSON: the owner changes it; another member, a bad quantity or a cross-site
// request is refused with a 4xx and the line is left as it was.

const dbFile = path.join(process.cwd(), "tests", ".tmp", "e2e.db");
function read<T>(sql: string, ...args: unknown[]): T | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T | undefined;
  } finally {
    db.close();
  }
}

async function signInAs(context: BrowserContext, baseURL: string, memberId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({ token: { kind: "member", principalId: memberId, sub: memberId, signedInAt: now, lastSeenAt: now }, secret: appSecret() });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL }]);
  return `next-auth.session-token=${token}`;
}

test("another member's bag line: 404 and unchanged; quantity 0: 400; the owner sets 2", async ({ page, context, request, baseURL }) => {
  const [owner, other] = ["member_019", "member_020"];
  await signInAs(context, baseURL!, owner);
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
  const otherCookie = await (async () => {
    const now = Math.floor(Date.now() / 1000);
    return `next-auth.session-token=${await encode({ token: { kind: "member", principalId: other, sub: other, signedInAt: now, lastSeenAt: now }, secret: appSecret() })}`;
  })();
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
