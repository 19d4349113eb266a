import crypto from "node:crypto";
import fs from "node:fs";
import { withDb, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSignIn as signIn } from "../support/sign-in";

// The guide's own workspace on a phone (WeChat on an iPhone): my QR code and poster, sharing a product with
// my code attached through WeChat's JS-SDK (the JS-SDK script itself is a stand-in that records calls; the
// signature comes from our route against the fake WeChat), my customers, and the stock lookup.

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A stand-in for WeChat's jweixin script: wx.config succeeds, share data is recorded on window.__wxCalls. */
const FAKE_JWEIXIN = `
  window.__wxCalls = [];
  window.wx = {
    config: function (o) { window.__wxCalls.push(["config", o]); },
    ready: function (cb) { setTimeout(cb, 0); },
    error: function () {},
    updateAppMessageShareData: function (o) { window.__wxCalls.push(["appMessage", { title: o.title, desc: o.desc, link: o.link, imgUrl: o.imgUrl }]); o.success && o.success(); },
    updateTimelineShareData: function (o) { window.__wxCalls.push(["timeline", { title: o.title, link: o.link, imgUrl: o.imgUrl }]); o.success && o.success(); },
    scanQRCode: function () {}
  };`;

test("my code: the QR code of my link, a PNG poster download, and a product shared in WeChat with my code attached", async ({ page }) => {
  await page.route("https://res.wx.qq.com/**", (route) => route.fulfill({ contentType: "application/javascript", body: FAKE_JWEIXIN }));
  await signIn(page, "lumi.sh01.guide", "/guide");
  await page.getByTestId("guide-tile").filter({ hasText: "我的二维码" }).click();
  await expect(page).toHaveURL(/\/guide\/me$/);

  await expect(page.getByTestId("guide-qr").locator("svg")).toBeVisible();
  await expect(page.getByTestId("guide-store")).toContainText("LUMI 上海恒隆广场店");
  const link = (await page.getByTestId("guide-link").textContent())!.trim();
  const code = /\/s\/([a-z0-9]{7})$/.exec(link)?.[1];
  expect(code, link).toBeTruthy();
  const guideId = withDb((db) => (db.prepare("SELECT id FROM Staff WHERE username = 'lumi.sh01.guide'").get() as { id: string }).id);
  expect(withDb((db) => db.prepare("SELECT kind, targetId FROM QrScene WHERE code = ?").get(code))).toEqual({ kind: "GUIDE", targetId: guideId });

  // The poster: a real PNG, as a download.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("poster-download").click()]);
  expect(download.suggestedFilename()).toBe("poster.png");
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
  const poster = await page.request.get("/api/guide/poster");
  expect(poster.status()).toBe(200);
  expect(poster.headers()["content-type"]).toBe("image/png");

  // Share the first product: WeChat's share card is set to the product with my code attached.
  const product = page.getByTestId("share-product").first();
  const name = (await product.locator("p.font-medium").textContent())!.trim();
  const styleCode = (await product.getAttribute("data-style-code"))!;
  await product.getByRole("button", { name: /分享 \/ Share/ }).click();
  await expect(product.getByTestId("share-status")).toContainText("点右上角「···」");
  const shareUrl = `${new URL(link).origin}/s/${code}?to=${encodeURIComponent(`/lumi/p/${styleCode}`)}`;
  await expect(product.getByTestId("share-link")).toHaveValue(shareUrl);
  const calls = (await page.evaluate(() => (window as unknown as { __wxCalls: [string, Record<string, unknown>][] }).__wxCalls)) ?? [];
  const config = calls.find(([what]) => what === "config")?.[1];
  expect(config?.jsApiList).toEqual(expect.arrayContaining(["updateAppMessageShareData", "updateTimelineShareData"]));
  expect(config?.signature).toMatch(/^[0-9a-f]{40}$/);
  expect(calls.find(([what]) => what === "appMessage")?.[1]).toMatchObject({ link: shareUrl, title: expect.stringContaining(name) });
  expect(calls.find(([what]) => what === "timeline")?.[1]).toMatchObject({ link: shareUrl });
});

test("my customers: a member bound to me shows with a masked phone and how they were bound; another guide's does not", async ({ page }) => {
  const phone = `136${crypto.randomInt(10_000_000, 99_999_999)}`;
  const otherPhone = `136${crypto.randomInt(10_000_000, 99_999_999)}`;
  writeDb((db) => {
    const staff = (u: string) => (db.prepare("SELECT id, brandId FROM Staff WHERE username = ?").get(u) as { id: string; brandId: string });
    const [mine, other] = [staff("lumi.sh01.guide"), staff("lumi.bj01.guide")];
    const now = new Date().toISOString();
    for (const [p, guide] of [[phone, mine], [otherPhone, other]] as const) {
      const memberId = `e2e_guide_${p}`;
      db.prepare("INSERT INTO Member (id, phone, nickname, avatarUrl, createdAt, updatedAt) VALUES (?, ?, '', '', ?, ?)").run(memberId, p, now, now);
      db.prepare("INSERT INTO GuideBinding (id, brandId, memberId, guideId, source, boundAt, lastTouchAt, endedReason) VALUES (?, ?, ?, ?, 'QR', ?, ?, '')").run(`e2e_binding_${p}`, guide.brandId, memberId, guide.id, now, now);
    }
  });
  await signIn(page, "lumi.sh01.guide", "/guide/customers");
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const row = page.getByTestId("customer").filter({ hasText: masked });
  await expect(row).toBeVisible();
  await expect(row).toContainText("扫我的码");
  await expect(page.getByText(`${otherPhone.slice(0, 3)}****${otherPhone.slice(7)}`)).toHaveCount(0);
  await expect(page.getByText(phone)).toHaveCount(0);
});

test("stock lookup: a typed GTIN shows my store (SH01) first with its exact sellable figure, then the others by distance; an unknown code says so", async ({ page }) => {
  // A SKU SH01 holds little of: the other specs' orders take SH01's best-stocked SKUs.
  const sku = withDb(
    (db) =>
      db
        .prepare(
          `SELECT k.gtin, i.onHand - i.reserved - s.safetyStock AS sellable FROM Inventory i JOIN Store s ON s.id = i.storeId JOIN Sku k ON k.id = i.skuId
           JOIN Brand b ON b.id = s.brandId WHERE b.slug = 'lumi' AND s.code = 'SH01' AND i.onHand - i.reserved - s.safetyStock BETWEEN 1 AND 2 ORDER BY k.gtin LIMIT 1`,
        )
        .get() as { gtin: string; sellable: number },
  );
  await signIn(page, "lumi.sh01.guide", "/guide/stock");
  await page.getByTestId("code-scanner-input").fill(sku.gtin);
  await page.getByRole("button", { name: /查询 \/ Look up/ }).click();
  await expect(page).toHaveURL(new RegExp(`/guide/stock\\?code=${sku.gtin}$`));
  const stores = page.getByTestId("stock-store");
  await expect(stores.first()).toHaveAttribute("data-store-code", "SH01");
  await expect(stores.first().getByTestId("stock-figure")).toHaveText(String(sku.sellable));
  await expect(page.getByTestId("stock-selected-sku")).toContainText(sku.gtin);
  const codes = await stores.evaluateAll((els) => els.map((e) => e.getAttribute("data-store-code")));
  // Shanghai's stores come before Beijing's, which are over 1000 km away.
  expect(codes.indexOf("SH02")).toBeLessThan(codes.indexOf("BJ01"));
  expect(codes.indexOf("SH02")).toBeGreaterThan(0);

  await page.getByTestId("code-scanner-input").fill("NOSUCHSTYLE9");
  await page.getByRole("button", { name: /查询 \/ Look up/ }).click();
  await expect(page.getByTestId("stock-message")).toContainText("没有找到「NOSUCHSTYLE9」");
});
