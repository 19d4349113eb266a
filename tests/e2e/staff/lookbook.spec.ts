import crypto from "node:crypto";
import { query, read, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { addMemberCookie as signInAsMember, staffSignIn } from "../support/sign-in";

// A guide's personal lookbook (issue 5 §1): SH01's guide picks two products, adds a note, sends it to a
// customer bound to them; the customer opens it in one tap from the inbox (openedAt recorded, the guide's
// list counts it); another member opening the same address gets the not-found page.

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** A fresh LUMI member (bound to SH01's guide when asked): what scanning the guide's QR code leaves behind. */
function insertMember(nickname: string, boundToGuide: boolean): string {
  return writeDb((db) => {
    const id = `e2elb${crypto.randomBytes(6).toString("hex")}`;
    const now = iso(new Date());
    const brand = db.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string };
    const guide = db.prepare("SELECT id FROM Staff WHERE username = 'lumi.sh01.guide'").get() as { id: string };
    db.prepare("INSERT INTO Member (id, phone, nickname, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(id, `134${String(crypto.randomInt(10_000_000, 99_999_999))}`, nickname, now, now);
    db.prepare("INSERT INTO MemberBrand (id, memberId, brandId, joinedAt) VALUES (?, ?, ?, ?)").run(`mb_${id}`, id, brand.id, now);
    if (boundToGuide) {
      db.prepare("INSERT INTO GuideBinding (id, brandId, memberId, guideId, source, boundAt, lastTouchAt) VALUES (?, ?, ?, ?, 'QR', ?, ?)").run(`gb_${id}`, brand.id, id, guide.id, now, now);
    }
    return id;
  });
}

function styleCodes(n: number): string[] {
  return query<{ styleCode: string }>("SELECT p.styleCode FROM Product p JOIN Brand b ON b.id = p.brandId WHERE b.slug = 'lumi' AND p.active = 1 ORDER BY p.styleCode DESC LIMIT ?", n).map((r) => r.styleCode);
}

function openedAt(lookbookId: string, memberId: string): string | null {
  return read<{ openedAt: string | null }>("SELECT openedAt FROM LookbookRecipient WHERE lookbookId = ? AND memberId = ?", lookbookId, memberId).openedAt;
}

test("a guide sends a lookbook to their customer, who opens it in one tap; nobody else can", async ({ page, browser, baseURL, userAgent }) => {
  const tag = crypto.randomBytes(3).toString("hex");
  const customer = insertMember(`搭配顾客${tag}`, true);
  const stranger = insertMember(`路人${tag}`, false);
  const [first, second] = styleCodes(2) as [string, string];
  const title = `周末约会 ${tag}`;

  await staffSignIn(page, "lumi.sh01.guide", "/guide/lookbooks");
  await page.getByTestId("lookbook-new").click();
  await expect(page).toHaveURL(/\/guide\/lookbooks\/new$/);

  await page.getByLabel("标题").fill(title);
  await page.getByLabel("给顾客的话").fill("这周末降温，外套可以叠穿");
  for (const code of [first, second]) {
    await page.getByLabel("搜索款号或名称").fill(code);
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await page.getByTestId("lookbook-results").getByTestId("lookbook-add").first().click();
  }
  await expect(page.getByTestId("lookbook-picked")).toHaveCount(2);
  await page.getByLabel(`这件的推荐理由（可选） ${first}`).fill("M 码刚好");
  await page.getByTestId("lookbook-customer").filter({ hasText: `搭配顾客${tag}` }).locator("input").check();
  await page.getByTestId("lookbook-send").click();
  await expect(page).toHaveURL(/\/guide\/lookbooks\?sent=1$/);
  await expect(page.getByTestId("lookbook-sent")).toContainText("已发送给 1 位顾客");
  const row = page.getByTestId("lookbook-row").filter({ hasText: title });
  await expect(row).toContainText("2 件");
  await expect(row.getByTestId("lookbook-opened")).toHaveText("发给 1 人 · 0 人已看");
  const lookbookId = (await row.getAttribute("data-id"))!;

  // The customer: one tap on the inbox message opens the lookbook.
  const member = await browser.newContext({ baseURL, userAgent, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  try {
    await signInAsMember(member, baseURL!, customer);
    const mp = await member.newPage();
    await mp.goto("/lumi/inbox");
    const message = mp.getByTestId("inbox-message").filter({ hasText: title });
    await expect(message).toHaveAttribute("data-kind", "LOOKBOOK");
    await message.getByTestId("inbox-open").click();
    await expect(mp).toHaveURL(new RegExp(`/lumi/lookbooks/${lookbookId}$`));
    await expect(mp.getByTestId("lookbook-title")).toHaveText(title);
    await expect(mp.getByTestId("lookbook")).toContainText("这周末降温");
    const items = mp.getByTestId("lookbook-item");
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("M 码刚好");
    await expect(items.first()).toContainText("¥");
    // Through the guide's code: what the customer buys from here credits the guide.
    await expect(items.first()).toHaveAttribute("href", new RegExp(`^/s/[a-z0-9]+\\?to=%2Flumi%2Fp%2F${first}$`));
    expect(openedAt(lookbookId, customer)).not.toBeNull();
  } finally {
    await member.close();
  }
  await page.reload();
  await expect(page.getByTestId("lookbook-row").filter({ hasText: title }).getByTestId("lookbook-opened")).toHaveText("发给 1 人 · 1 人已看");

  // Someone who was not sent it: the not-found page, nothing of the lookbook.
  const other = await browser.newContext({ baseURL, userAgent, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  try {
    await signInAsMember(other, baseURL!, stranger);
    const op = await other.newPage();
    await op.goto(`/lumi/lookbooks/${lookbookId}`);
    await expect(op.getByText("页面不存在")).toBeVisible();
    await expect(op.getByText(title)).toHaveCount(0);
    expect(openedAt(lookbookId, customer)).not.toBeNull();
  } finally {
    await other.close();
  }
});
