import crypto from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { signInByPhone } from "../support/sign-in";

// Member referral (issue 5 §4): member A copies their link from the member centre; a new shopper opens it,
// lands on the brand home and signs up by phone; A's referrals page lists them (level 1, masked).

const randomPhone = () => `135${String(crypto.randomInt(10_000_000, 99_999_999))}`;

function referrerOf(phone: string): string | null {
  const row = read<{ phone: string | null } | undefined>("SELECT r.phone FROM MemberBrand mb JOIN Member m ON m.id = mb.memberId JOIN Brand b ON b.id = mb.brandId LEFT JOIN Member r ON r.id = mb.referrerId WHERE m.phone = ? AND b.slug = 'lumi'", phone);
  return row?.phone ?? null;
}

/** A context of its own "behind a proxy" with its own client address, so OTP per-IP budgets of other specs don't mix. */
async function ownContext(browser: import("@playwright/test").Browser, baseURL: string, userAgent: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, userAgent, locale: "zh-CN", timezoneId: "Asia/Shanghai", extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${crypto.randomInt(1, 254)}` } });
}

test("a new shopper who opens a member's link and signs up becomes that member's level-1 referral", async ({ browser, baseURL, userAgent }) => {
  const phoneA = randomPhone();
  const phoneB = randomPhone();
  const a = await ownContext(browser, baseURL!, userAgent!);
  const b = await ownContext(browser, baseURL!, userAgent!);
  try {
    const pageA = await a.newPage();
    await signInByPhone(pageA, phoneA);
    await pageA.getByTestId("my-referrals-link").click();
    await expect(pageA).toHaveURL(/\/lumi\/me\/referrals$/);
    await expect(pageA.getByTestId("referral-qr").locator("svg")).toBeVisible();
    await expect(pageA.getByText("还没有好友通过你的链接加入")).toBeVisible();
    const link = (await pageA.getByTestId("referral-link").textContent())!.trim();
    expect(link).toMatch(/\/r\/[a-z0-9]{8}$/);

    const pageB = await b.newPage();
    await pageB.goto(new URL(link).pathname);
    await expect(pageB).toHaveURL(/\/lumi$/);
    expect((await b.cookies()).find((c) => c.name === "mc_ref")).toMatchObject({ httpOnly: true, path: "/" });
    await signInByPhone(pageB, phoneB);
    expect(referrerOf(phoneB)).toBe(phoneA);

    await pageA.reload();
    const item = pageA.getByTestId("referral-item");
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute("data-level", "1");
    await expect(item).toContainText(`${phoneB.slice(0, 3)}****${phoneB.slice(7)}`);
    await expect(item).toContainText("直接邀请");
    await expect(item).toContainText("完成订单 0 笔");
    await expect(pageA.getByTestId("earnings-pending")).toHaveText("¥0");
  } finally {
    await a.close();
    await b.close();
  }
});

test("an unknown referral code still opens the home page and sets nothing", async ({ page, context }) => {
  await page.goto("/r/zz00zz00");
  await expect(page).toHaveURL(/localhost:\d+\/$/);
  expect((await context.cookies()).find((c) => c.name === "mc_ref")).toBeUndefined();
});
