import crypto from "node:crypto";
import { devices } from "@playwright/test";
import { query, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { addMemberCookie, staffSession } from "../support/sign-in";

// VIP DM catalogs (issue 6 §2): LUMI's brand admin builds a catalog for VIPs with two items, previews it as a VIP
// while it is still a draft, and publishes it;
// a VIP member sees it on the brand home and opens it; a NORMAL member and an anonymous visitor opening the same
// link get the polite not-for-you page, with none of the items. Members are made here (no seeded one is changed).

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

function insertMember(nickname: string, tier: "NORMAL" | "VIP"): { id: string; phone: string } {
  return writeDb((db) => {
    const id = `e2edm${crypto.randomBytes(6).toString("hex")}`;
    const phone = `133${String(crypto.randomInt(10_000_000, 99_999_999))}`;
    const now = iso(new Date());
    const brand = db.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string };
    db.prepare("INSERT INTO Member (id, phone, nickname, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(id, phone, nickname, now, now);
    db.prepare("INSERT INTO MemberBrand (id, memberId, brandId, tier, joinedAt) VALUES (?, ?, ?, ?, ?)").run(`mb_${id}`, id, brand.id, tier, now);
    return { id, phone };
  });
}

/** Two LUMI products on sale that no seeded DM catalog holds, so their names appear only through this catalog. */
function twoProducts(): { styleCode: string; name: string }[] {
  return query<{ styleCode: string; name: string }>(
    `SELECT p.styleCode, p.name FROM Product p JOIN Brand b ON b.id = p.brandId
     WHERE b.slug = 'lumi' AND p.active = 1 AND p.id NOT IN (SELECT productId FROM LookbookItem)
     ORDER BY p.styleCode DESC LIMIT 2 OFFSET 3`,
  );
}

test("admin builds a VIP DM catalog, previews it as a VIP while still a draft, and publishes it; a VIP sees it on the home page; a normal member and a visitor get the not-for-you page without the items", async ({ page, browser, baseURL }) => {
  const tag = crypto.randomBytes(3).toString("hex");
  const vip = insertMember(`VIP顾客${tag}`, "VIP");
  const normal = insertMember(`普通顾客${tag}`, "NORMAL");
  const products = twoProducts();
  expect(products).toHaveLength(2);
  const title = `冬季 VIP 目录 ${tag}`;
  const note = `VIP 优先试穿 ${tag}`;

  // ---- The admin builds it --------------------------------------------------------------------------------
  await staffSession(page, "lumi.admin", "/admin/dm");
  await page.getByTestId("dm-new").click();
  await expect(page).toHaveURL(/\/admin\/dm\/new$/);
  await page.getByTestId("dm-new-title").fill(title);
  await page.getByTestId("dm-create").click();
  await expect(page).toHaveURL(/\/admin\/dm\/(?!new$)[a-z0-9]+$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByTestId("dm-status")).toHaveText(/草稿/);

  // Publishing an empty draft is refused with the reason; it stays a draft.
  await page.getByTestId("dm-publish").click();
  await expect(page.getByTestId("dm-publish-status")).toContainText("还没有商品");
  await expect(page.getByTestId("dm-status")).toHaveText(/草稿/);

  // A cover picture (a 1×1 PNG), stored through lib/storage; a file that is not a picture is refused.
  await page.getByTestId("dm-cover-file").setInputFiles({ name: "note.txt", mimeType: "image/png", buffer: Buffer.from("not a picture") });
  await page.getByRole("button", { name: "上传封面 / Upload cover" }).click();
  await expect(page.getByTestId("dm-cover-status")).toContainText("JPEG");
  await page.getByTestId("dm-cover-file").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "上传封面 / Upload cover" }).click();
  await expect(page.getByTestId("dm-cover-image")).toHaveAttribute("src", /^\/api\/media\/catalogs\//);

  for (const p of products) {
    await page.getByTestId("dm-product-search").fill(p.styleCode);
    await page.getByRole("button", { name: "搜索 / Search", exact: true }).click();
    await page.getByRole("button", { name: `添加 / Add ${p.styleCode}` }).click();
    await expect(page.getByTestId("dm-builder-item").filter({ hasText: p.styleCode })).toHaveCount(1);
  }
  await expect(page.getByTestId("dm-builder-item")).toHaveCount(2);
  // The second goes first (up), and the first item gets a note.
  await page.getByRole("button", { name: `上移 / Up ${products[1]!.styleCode}` }).click();
  await expect(page.getByTestId("dm-builder-item").first()).toHaveAttribute("data-style", products[1]!.styleCode);
  const noteField = page.getByLabel(`单品说明 / Item note ${products[1]!.styleCode}`);
  await noteField.fill(note);
  await noteField.press("Enter");
  await expect(page.getByTestId("dm-items-status")).toHaveText(/已保存/);

  // No audience yet: refused, still a draft.
  await page.getByTestId("dm-publish").click();
  await expect(page.getByTestId("dm-publish-status")).toContainText("没有受众");
  await page.getByTestId("dm-tier-VIP").check();
  await page.getByTestId("dm-audience-save").click();
  await expect(page.getByTestId("dm-audience-status")).toHaveText(/已保存/);

  // Preview as the VIP BEFORE publishing: the catalog with its items, under a banner saying it is still a draft.
  await page.getByTestId("dm-preview-member").fill(vip.phone);
  await page.getByRole("button", { name: "预览 / Preview", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/dm/${id}/preview\\?`));
  await expect(page.getByTestId("dm-preview-state")).toHaveAttribute("data-state", "DRAFT");
  await expect(page.getByTestId("dm-preview-state")).toHaveText("草稿，尚未发布 / Draft, not published yet");
  await expect(page.getByTestId("dm-preview-frame").getByTestId("dm-item")).toHaveCount(2);
  await expect(page.getByTestId("dm-preview-frame").getByTestId("dm-item").first()).toContainText(note);
  // The VIP themself still gets the not-for-you page for the draft.
  const phone = { ...devices["iPhone 13"], defaultBrowserType: undefined, baseURL };
  const earlyContext = await browser.newContext(phone);
  await addMemberCookie(earlyContext, baseURL!, vip.id);
  const earlyPage = await earlyContext.newPage();
  await earlyPage.goto(`/lumi/dm/${id}`);
  await expect(earlyPage.getByTestId("dm-not-for-you")).toBeVisible();
  await expect(earlyPage.getByTestId("dm-item")).toHaveCount(0);
  await earlyContext.close();
  await page.goto(`/admin/dm/${id}`);
  await expect(page.getByTestId("dm-status")).toHaveText(/草稿/);

  await page.getByTestId("dm-publish").click();
  await expect(page.getByTestId("dm-status")).toHaveText(/已发布/);
  await expect(page.getByTestId("dm-unpublish")).toBeVisible();

  // Preview as the normal member: exactly their page, under a preview banner.
  await page.getByTestId("dm-preview-member").fill(normal.phone);
  await page.getByRole("button", { name: "预览 / Preview", exact: true }).click();
  await expect(page.getByTestId("dm-preview-banner")).toBeVisible();
  await expect(page.getByTestId("dm-preview-frame").getByTestId("dm-not-for-you")).toBeVisible();
  await expect(page.getByTestId("dm-preview-frame").getByTestId("dm-item")).toHaveCount(0);
  // Someone who is not a member of the brand cannot be previewed.
  await page.getByLabel("会员手机号或编号 / Member phone or id").fill("13000000000");
  await page.getByRole("button", { name: "预览 / Preview", exact: true }).click();
  await expect(page.getByTestId("dm-preview-unknown")).toBeVisible();
  // …and as the VIP: the catalog.
  await page.getByLabel("会员手机号或编号 / Member phone or id").fill(vip.id);
  await page.getByRole("button", { name: "预览 / Preview", exact: true }).click();
  await expect(page.getByTestId("dm-preview-state")).toHaveAttribute("data-state", "LIVE");
  await expect(page.getByTestId("dm-preview-frame").getByTestId("dm-item")).toHaveCount(2);

  // The list finds it by its title.
  await page.goto(`/admin/dm?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("dm-row-link")).toHaveText([title]);

  // ---- A VIP member: on the home page, then the catalog ---------------------------------------------------
  const vipContext = await browser.newContext(phone);
  await addMemberCookie(vipContext, baseURL!, vip.id);
  const vipPage = await vipContext.newPage();
  await vipPage.goto("/lumi");
  const card = vipPage.getByTestId("home-dm-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.click();
  await expect(vipPage).toHaveURL(new RegExp(`/lumi/dm/${id}$`));
  await expect(vipPage.getByTestId("dm-title")).toHaveText(title);
  await expect(vipPage.getByTestId("dm-catalog").locator("img").first()).toHaveAttribute("src", /^\/api\/media\/catalogs\//);
  await expect(vipPage.getByTestId("dm-item")).toHaveCount(2);
  await expect(vipPage.getByTestId("dm-item").first()).toHaveAttribute("data-style", products[1]!.styleCode);
  await expect(vipPage.getByTestId("dm-item").first()).toContainText(note);
  await expect(vipPage.getByTestId("dm-item").first()).toHaveAttribute("href", `/lumi/p/${products[1]!.styleCode}`);
  // The home page itself stays one cached page for everyone: served from the ISR cache, without the member's catalog.
  const homes = [await vipContext.request.get("/lumi"), await vipContext.request.get("/lumi")];
  expect(["HIT", "STALE"]).toContain(homes[1]!.headers()["x-nextjs-cache"]);
  expect(await homes[1]!.text()).not.toContain(title);
  await vipPage.goto("/lumi/dm");
  await expect(vipPage.getByTestId("dm-list-card").filter({ hasText: title })).toBeVisible();
  await vipContext.close();

  // ---- A NORMAL member: nothing on the home page; the link gives the not-for-you page --------------------
  const normalContext = await browser.newContext(phone);
  await addMemberCookie(normalContext, baseURL!, normal.id);
  const normalPage = await normalContext.newPage();
  await normalPage.goto(`/lumi/dm/${id}`);
  await expect(normalPage.getByTestId("dm-not-for-you")).toContainText("这份目录仅向");
  await expect(normalPage.getByTestId("dm-item")).toHaveCount(0);
  let html = await normalPage.content();
  for (const p of products) {
    expect(html).not.toContain(p.name);
    expect(html).not.toContain(p.styleCode);
  }
  expect(html).not.toContain(title);
  expect(html).not.toContain(note);
  await normalPage.goto("/lumi");
  await expect(normalPage.getByRole("heading", { level: 1 })).toBeVisible();
  await normalPage.waitForLoadState("networkidle");
  await expect(normalPage.getByText(title)).toHaveCount(0);
  await normalContext.close();

  // ---- Anonymous: the same polite page, with a sign-in / join path back to this link ----------------------
  const anonymous = await browser.newContext(phone);
  const anonPage = await anonymous.newPage();
  const response = await anonPage.goto(`/lumi/dm/${id}`);
  expect(response?.status()).toBe(200);
  await expect(anonPage).toHaveURL(new RegExp(`/lumi/dm/${id}$`)); // not redirected by the proxy
  await expect(anonPage.getByTestId("dm-not-for-you")).toBeVisible();
  await expect(anonPage.getByTestId("dm-sign-in")).toHaveAttribute("href", `/lumi/sign-in?next=${encodeURIComponent(`/lumi/dm/${id}`)}`);
  html = await anonPage.content();
  for (const p of products) expect(html).not.toContain(p.name);
  expect(html).not.toContain(title);
  // The home page's island has nothing to show a visitor.
  await anonPage.goto("/lumi");
  await anonPage.waitForLoadState("networkidle");
  await expect(anonPage.getByTestId("home-dm")).toHaveCount(0);
  await anonymous.close();
});
