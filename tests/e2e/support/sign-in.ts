// Signing in from specs: staff with the development password, a shopper by phone with the code the development
// SMS sender shows, or a member session minted directly as a cookie (when signing in is not what is tested).
import { encode } from "next-auth/jwt";
import type { BrowserContext, Page } from "@playwright/test";
import { appSecret } from "@/lib/security/app-secret";
import { withDb } from "./e2e-db";
import { expect, test } from "./fixtures";

/** lib/seed/staff.ts (development accounts). */
export const STAFF_PASSWORD = "Demo-Staff-2026";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Signs a staff account in through /staff/sign-in and waits to land on `next`. */
export async function staffSignIn(page: Page, login: string, next: string) {
  await page.goto(`/staff/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/用户名或手机号/).fill(login);
  await page.getByLabel(/^密码/).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: /登录 Sign in/ }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(next)}$`));
}

/** Signs a shopper in (a new one signs up) the way a person does: phone number, then the code the dev banner shows. */
export async function signInByPhone(page: Page, phone: string, brand = "lumi") {
  await page.goto(`/${brand}/sign-in`);
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  const code = (await page.getByTestId("dev-code-banner").locator("strong").textContent())!;
  await page.getByLabel("验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${brand}/me$`));
}

/** A member's session token, as next-auth would set it after signing in now. */
export async function memberToken(memberId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return encode({ token: { kind: "member", principalId: memberId, sub: memberId, signedInAt: now, lastSeenAt: now }, secret: appSecret() });
}

/** Signs `memberId` in on `context` (the session cookie for `baseURL`); returns the token. */
export async function addMemberCookie(context: BrowserContext, baseURL: string, memberId: string): Promise<string> {
  const token = await memberToken(memberId);
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL }]);
  return token;
}

/**
 * Signs a staff account in by minting its session cookie (as next-auth would after the form), then opens `next`.
 * For specs where signing in is not what is tested: the form counts every attempt against the account's
 * 10-per-15-minutes limit (lib/auth/staff.ts), and the console specs together sign lumi.admin in more often.
 */
export async function staffSession(page: Page, login: string, next: string) {
  const staff = withDb((db) => db.prepare("SELECT id, role, brandId, storeId FROM Staff WHERE username = ?").get(login)) as { id: string; role: string; brandId: string | null; storeId: string | null } | undefined;
  if (!staff) throw new Error(`no staff account ${login} in the e2e database`);
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({ token: { kind: "staff", principalId: staff.id, sub: staff.id, role: staff.role, brandId: staff.brandId, storeId: staff.storeId, signedInAt: now, lastSeenAt: now }, secret: appSecret() });
  const origin = new URL(page.url().startsWith("http") ? page.url() : (test.info().project.use.baseURL ?? "http://localhost:3100")).origin;
  await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: origin }]);
  await page.goto(next);
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(next)}$`));
}
