import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "../support/fixtures";

const PASSWORD = "Demo-Staff-2026"; // lib/seed/staff.ts (development accounts)

function auditRows(action: string, target: string): number {
  const db = new Database(path.join(process.cwd(), "tests", ".tmp", "e2e.db"), { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM AuditLog WHERE action = ? AND target = ?").get(action, target) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function signIn(page: import("@playwright/test").Page, login: string, password = PASSWORD, next?: string) {
  await page.goto(next ? `/staff/sign-in?next=${encodeURIComponent(next)}` : "/staff/sign-in");
  await page.getByLabel(/用户名或手机号/).fill(login);
  await page.getByLabel(/^密码/).fill(password);
  await page.getByRole("button", { name: /登录 Sign in/ }).click();
}

const ROLES = [
  { login: "admin", lands: "/admin", shows: "集团管理员" },
  { login: "lumi.admin", lands: "/admin", shows: "品牌管理员 · LUMI 露米" },
  { login: "lumi.sh01.manager", lands: "/guide", shows: "店长 · LUMI 露米" },
  { login: "13900000005", lands: "/guide", shows: "李导购 · 导购" },
];

for (const role of ROLES) {
  test(`staff sign-in: ${role.login} lands on ${role.lands}`, async ({ page }) => {
    await signIn(page, role.login);
    await expect(page).toHaveURL(new RegExp(`${role.lands}$`));
    await expect(page.getByTestId("staff-identity")).toContainText(role.shows);
  });
}

test("a wrong password gets a message that says what to do, and reveals nothing", async ({ page }) => {
  await signIn(page, "lumi.bj01.guide", "Wrong-Password-1");
  await expect(page.getByTestId("sign-in-error")).toContainText("账号或密码不正确");
  const wrong = await page.getByTestId("sign-in-error").textContent();
  await signIn(page, "no.such.person", "Wrong-Password-1");
  await expect(page.getByTestId("sign-in-error")).toHaveText(wrong!);
  await expect(page).toHaveURL(/\/staff\/sign-in/);
});

test("signed-out visitors and forged cookies are sent to sign-in; a guide gets 403 on the console, logged", async ({ page, context, baseURL }) => {
  await page.goto("/guide");
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fguide/);

  await context.addCookies([{ name: "next-auth.session-token", value: "forged.token.value", url: baseURL! }]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fadmin/);

  await signIn(page, "lumi.bj01.guide", PASSWORD, "/guide");
  await expect(page).toHaveURL(/\/guide$/);
  const before = auditRows("access.denied", "/admin");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有权限访问此页面" })).toBeVisible();
  expect(auditRows("access.denied", "/admin")).toBe(before + 1);

  await page.goto("/guide");
  await page.getByRole("button", { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await page.goto("/guide");
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fguide/);
});

// nord.sh01.guide: an account no other spec signs in as, since this ends all its sessions.
test("sign out everywhere ends the same account's session on another device", async ({ browser, baseURL }) => {
  const phone = await browser.newContext({ baseURL });
  const tablet = await browser.newContext({ baseURL });
  const a = await phone.newPage();
  const b = await tablet.newPage();
  await signIn(a, "nord.sh01.guide");
  await expect(a).toHaveURL(/\/guide$/);
  await signIn(b, "nord.sh01.guide");
  await expect(b).toHaveURL(/\/guide$/);
  await a.getByRole("button", { name: /退出所有设备/ }).click();
  await expect(a).toHaveURL(/\/staff\/sign-in/);
  await b.goto("/guide");
  await expect(b).toHaveURL(/\/staff\/sign-in/);
  await phone.close();
  await tablet.close();
});
