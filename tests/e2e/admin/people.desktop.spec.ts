import crypto from "node:crypto";
import { memberSearchKeys } from "@/lib/members/search-keys";
import { read, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// The brand admin's member page on a desktop: find a member by the last digits of the phone, adjust their points with a reason (too large a
// deduction refused with nothing written), see the history row. The member is this spec's own.

const iso = () => new Date().toISOString().replace("Z", "+00:00");

function ownMember(points: number) {
  return writeDb((h) => {
    const brandId = (h.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string }).id;
    const memberId = `e2e-pts-${crypto.randomUUID().slice(0, 8)}`;
    const phone = `136${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;
    const memberBrandId = `e2e-mb-${crypto.randomUUID().slice(0, 8)}`;
    h.prepare("INSERT INTO Member (id, phone, nickname, createdAt, updatedAt) VALUES (?, ?, '积分演示', ?, ?)").run(memberId, phone, iso(), iso());
    h.prepare("INSERT INTO MemberBrand (id, memberId, brandId, tier, points, joinedAt) VALUES (?, ?, ?, 'VIP', ?, ?)").run(memberBrandId, memberId, brandId, points, iso());
    const key = h.prepare("INSERT INTO MemberSearchKey (key, memberId) VALUES (?, ?)");
    for (const k of memberSearchKeys({ phone, nickname: "积分演示" })) key.run(k, memberId);
    return { memberBrandId, phone };
  });
}

const pointsOf = (id: string) => read<{ points: number }>("SELECT points FROM MemberBrand WHERE id = ?", id).points;

test("lumi.admin adjusts a member's points with a reason and sees the history; too large a deduction is refused", async ({ page }) => {
  const { memberBrandId, phone } = ownMember(120);
  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-members-link").click();
  await expect(page).toHaveURL(/\/admin\/members$/);
  // The tail of the number, as a counter asks a shopper for ("尾号"): the partial search over MemberSearchKey.
  await page.getByRole("searchbox").fill(phone.slice(3));
  await page.getByRole("button", { name: /搜索|Search/ }).click();
  await expect(page.getByTestId("member-list").getByTestId("list-total")).toContainText("1");
  await page.getByTestId("member-row-link").filter({ hasText: phone }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/members/${memberBrandId}$`));
  await expect(page.getByTestId("member-points")).toHaveText("120");

  // Taking more than the balance: refused in the domain's words, nothing written.
  await page.getByTestId("points-delta").fill("-121");
  await page.getByTestId("points-reason").fill("兑换超额测试");
  await page.getByTestId("points-adjust-submit").click();
  await expect(page.getByTestId("points-adjust-status")).toHaveText("积分不能扣到负数（当前 120 分）/ Points cannot go below zero (balance 120)");
  expect(pointsOf(memberBrandId)).toBe(120);
  expect(read<{ n: number }>("SELECT COUNT(*) AS n FROM PointsEntry WHERE memberBrandId = ?", memberBrandId).n).toBe(0);

  await page.getByTestId("points-delta").fill("-20");
  await page.getByTestId("points-reason").fill("门店兑换礼品");
  await page.getByTestId("points-adjust-submit").click();
  await expect(page.getByTestId("points-adjust-status")).toHaveText("已保存 / Saved");
  await expect(page.getByTestId("member-points")).toHaveText("100");
  const history = page.getByTestId("points-history").locator("tbody tr");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("-20");
  await expect(history.first()).toContainText("100");
  await expect(history.first()).toContainText("门店兑换礼品");
  await expect(history.first()).toContainText("lumi.admin");
  expect(pointsOf(memberBrandId)).toBe(100);
});

test("NORD's admin cannot open a LUMI member, nor LUMI's member list", async ({ page }) => {
  const { memberBrandId } = ownMember(10);
  await signIn(page, "nord.admin", "/admin");
  expect((await page.goto(`/admin/members/${memberBrandId}`))?.status()).toBe(404);
  expect((await page.goto("/admin/members?brand=lumi"))?.status()).toBe(403);
});

test("lumi.admin creates a guide (password shown once), the guide signs in, and deactivating them ends that session", async ({ page, browser, baseURL }) => {
  const username = `e2e.guide.${crypto.randomUUID().slice(0, 6)}`;
  const sh01 = read<{ id: string }>("SELECT s.id FROM Store s JOIN Brand b ON b.id = s.brandId WHERE b.slug = 'lumi' AND s.code = 'SH01'");
  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-staff-link").click();
  await page.getByTestId("staff-new-link").click();
  await page.getByTestId("staff-username").fill(username);
  await page.getByTestId("staff-name").fill("临时导购");
  await page.getByTestId("staff-role").selectOption("GUIDE");
  await page.getByTestId("staff-store").selectOption(sh01.id);
  await page.getByTestId("staff-create-submit").click();
  await expect(page.getByTestId("staff-create-status")).toHaveText("已创建 / Created");
  const notice = (await page.getByTestId("staff-create-notice").textContent())!;
  const password = notice.split(": ").pop()!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(read<{ passwordHash: string }>("SELECT passwordHash FROM Staff WHERE username = ?", username).passwordHash).toMatch(/^scrypt\$/);

  // The new guide signs in with it, in a browser of their own.
  const guideContext = await browser.newContext({ baseURL });
  const guide = await guideContext.newPage();
  await guide.goto("/staff/sign-in?next=%2Fguide");
  await guide.getByLabel(/用户名或手机号/).fill(username);
  await guide.getByLabel(/^密码/).fill(password);
  await guide.getByRole("button", { name: /登录 Sign in/ }).click();
  await expect(guide).toHaveURL(/\/guide$/);

  // The admin finds them and deactivates them: their session ends at once.
  await page.goto(`/admin/staff?q=${username}`);
  await page.getByTestId("staff-row-link").filter({ hasText: "临时导购" }).click();
  await expect(page.getByTestId("staff-detail-status")).toHaveText("在职 / Active");
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("staff-deactivate-submit").click();
  await expect(page.getByTestId("staff-detail-status")).toHaveText("已离职 / Left");
  await guide.goto("/guide");
  await expect(guide).toHaveURL(/\/staff\/sign-in/);
  await guideContext.close();
});
