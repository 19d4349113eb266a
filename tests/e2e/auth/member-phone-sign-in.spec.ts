import path from "node:path";
import Database from "better-sqlite3";
import { devices } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// A shopper outside WeChat (plain iPhone Safari user agent) signs in with a code sent by SMS.
test.use({ userAgent: devices["iPhone 13"].userAgent });

function memberFavourites(phone: string): number {
  const db = new Database(path.join(process.cwd(), "tests", ".tmp", "e2e.db"), { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM Favourite f JOIN Member m ON m.id = f.memberId WHERE m.phone = ?").get(phone) as { n: number }).n;
  } finally {
    db.close();
  }
}

test("phone + one-time code signs a shopper in; a wrong code says how many tries are left; favourites move into the member", async ({ page }) => {
  const phone = "13712345678";
  // Favourite something first, anonymously.
  await page.goto("/lumi");
  await page.getByTestId("product-card").first().click();
  await page.getByTestId("favourite-button").click();
  await expect(page.getByTestId("favourite-button")).toHaveAttribute("aria-pressed", "true");

  await page.goto("/lumi/me");
  await page.getByRole("link", { name: "登录 / 注册" }).click();
  await expect(page).toHaveURL(/\/lumi\/sign-in$/);
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  const banner = page.getByTestId("dev-code-banner");
  await expect(banner).toContainText(/\d{6}/);
  const code = (await banner.locator("strong").textContent())!;
  await expect(page.getByRole("button", { name: /秒后重发/ })).toBeDisabled();

  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("验证码").fill(wrong);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByTestId("sign-in-message")).toContainText("还可再试 4 次");

  await page.getByLabel("验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/lumi\/me$/);
  await expect(page.getByTestId("member-card")).toContainText("137****5678");
  await expect(page.getByTestId("member-card")).toContainText("普通会员");
  expect(memberFavourites(phone)).toBe(1);
  await page.goto("/lumi/favourites");
  await expect(page.getByTestId("favourite-item")).toHaveCount(1);
  await expect(page.getByText("登录后收藏会同步到会员账户")).toHaveCount(0);
  await page.goto("/lumi/me");

  // The code was used up: signing in again with it fails.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录 / 注册" })).toBeVisible();
  await page.goto("/lumi/sign-in");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByTestId("sign-in-message")).toBeVisible();
  await expect(page).toHaveURL(/\/lumi\/sign-in$/);
});
