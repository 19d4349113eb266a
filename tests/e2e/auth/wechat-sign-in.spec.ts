import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// Shoppers inside WeChat (project wechat-iphone: the UA carries MicroMessenger) sign in with WeChat web
// OAuth against the fake WeChat on loopback (tests/e2e/support/wechat-fake.ts, started by serve.mjs).
// The real routes and provider run; only WeChat is fake. The fake has one "current user" and one clock,
// so these tests run one after another.
test.describe.configure({ mode: "serial" });

const FAKE = `http://127.0.0.1:${process.env.WECHAT_FAKE_PORT ?? 3190}`;
const run = Date.now().toString(36);

type FakeUser = { openId: string; unionId?: string; nickname: string; avatar: string };

async function holdPhone(request: APIRequestContext, user: FakeUser) {
  const res = await request.post(`${FAKE}/__test/sign-in-as`, { data: user });
  expect(res.status()).toBe(204);
}

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(path.join(process.cwd(), "tests", ".tmp", "e2e.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

/**
 * The first two hops of the flow with the page's own cookie jar (page.request shares it): our authorize
 * route (sets the browser's state-binding cookie) and WeChat's consent step. Returns the callback URL
 * WeChat would send the browser to, with a fresh code and our state, without visiting it yet.
 */
async function throughWechat(page: Page, brand: string): Promise<string> {
  const ours = await page.request.get(`/api/auth/wechat/authorize?brand=${brand}`, { maxRedirects: 0 });
  expect(ours.status()).toBe(302);
  const wechatUrl = ours.headers()["location"]!;
  expect(wechatUrl).toMatch(new RegExp(`^${FAKE}/connect/oauth2/authorize\\?appid=wx\\w+&redirect_uri=[^&]+&response_type=code&scope=snsapi_base&state=[0-9a-f]{64}\\d{10}[0-9a-f]{32}#wechat_redirect$`));
  const consent = await page.request.get(wechatUrl, { maxRedirects: 0 });
  expect(consent.status()).toBe(302);
  return consent.headers()["location"]!;
}

test("signs in silently with WeChat, favourites move in, and the same unionid lands on the same member in another brand", async ({ page, request }) => {
  const unionId = `u-${run}-a`;
  await holdPhone(request, { openId: `o-lumi-${run}-a`, unionId, nickname: "", avatar: "" });

  // Favourite something anonymously first.
  await page.goto("/lumi");
  await page.getByTestId("product-card").first().click();
  await page.getByTestId("favourite-button").click();
  await expect(page.getByTestId("favourite-button")).toHaveAttribute("aria-pressed", "true");

  await page.goto("/lumi/sign-in");
  // Inside WeChat the WeChat button comes first; the phone form stays available below it.
  await expect(page.getByLabel("手机号")).toBeVisible();
  await page.getByRole("link", { name: /微信一键登录/ }).click();
  await expect(page).toHaveURL(/\/lumi\/me$/);
  await expect(page.getByTestId("member-card")).toContainText("普通会员");

  const [lumi] = query<{ memberId: string; appId: string }>("SELECT memberId, appId FROM WechatIdentity WHERE openId = ?", `o-lumi-${run}-a`);
  expect(lumi).toBeTruthy();
  expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM Favourite WHERE memberId = ?", lumi!.memberId)[0]!.n).toBe(1);
  const audit = query<{ detail: string }>("SELECT detail FROM AuditLog WHERE action = 'member.sign_in' AND actor = ?", `member:${lumi!.memberId}`);
  expect(audit.map((a) => JSON.parse(a.detail).method)).toEqual(["wechat"]);

  // The same person through another brand's official account: another openid, the same unionid.
  await holdPhone(request, { openId: `o-nord-${run}-a`, unionId, nickname: "", avatar: "" });
  await page.goto("/nord/sign-in");
  await page.getByRole("link", { name: /微信一键登录/ }).click();
  await expect(page).toHaveURL(/\/nord\/me$/);
  await expect(page.getByTestId("member-card")).toContainText("普通会员");
  const [nord] = query<{ memberId: string }>("SELECT memberId FROM WechatIdentity WHERE openId = ?", `o-nord-${run}-a`);
  expect(nord!.memberId).toBe(lumi!.memberId);
  const brands = query<{ slug: string }>("SELECT b.slug FROM MemberBrand mb JOIN Brand b ON b.id = mb.brandId WHERE mb.memberId = ? ORDER BY b.slug", lumi!.memberId);
  expect(brands.map((b) => b.slug)).toEqual(["lumi", "nord"]);
});

test("with “use my WeChat nickname and avatar” the snsapi_userinfo scope is used and the nickname shows", async ({ page, request }) => {
  await holdPhone(request, { openId: `o-lumi-${run}-b`, nickname: "小蓝鲸", avatar: "https://thirdwx.qlogo.cn/mmopen/x/132" });
  await page.goto("/lumi/sign-in");
  await page.getByLabel(/使用我的微信昵称和头像/).check();
  await page.getByRole("link", { name: /微信一键登录/ }).click();
  await expect(page).toHaveURL(/\/lumi\/me$/);
  await expect(page.getByTestId("member-card")).toContainText("小蓝鲸");
  const [member] = query<{ nickname: string; avatarUrl: string }>(
    "SELECT m.nickname, m.avatarUrl FROM Member m JOIN WechatIdentity w ON w.memberId = m.id WHERE w.openId = ?",
    `o-lumi-${run}-b`,
  );
  expect(member).toEqual({ nickname: "小蓝鲸", avatarUrl: "https://thirdwx.qlogo.cn/mmopen/x/132" });
});

test("a replayed callback (same state, same browser) is refused with a clear message", async ({ page, request }) => {
  await holdPhone(request, { openId: `o-lumi-${run}-c`, nickname: "", avatar: "" });
  await page.goto("/lumi/sign-in");
  const callback = await throughWechat(page, "lumi");
  await page.goto(callback);
  await expect(page).toHaveURL(/\/lumi\/me$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录 / 注册" })).toBeVisible();

  // Replay: the very same callback URL from the very same browser (its binding cookie is still there).
  await page.goto(callback);
  await expect(page).toHaveURL(/\/lumi\/sign-in\?wechat_error=state_invalid$/);
  await expect(page.getByTestId("wechat-sign-in-message")).toContainText("登录请求已失效或已被使用");
  await page.goto("/lumi/me");
  await expect(page.getByRole("link", { name: "登录 / 注册" })).toBeVisible();

  // A forged state never gets as far as WeChat's token endpoint.
  await page.goto("/api/auth/wechat/callback?brand=lumi&code=abc&state=0000");
  await expect(page.getByTestId("wechat-sign-in-message")).toContainText("登录请求已失效或已被使用");
});

test("an expired code (WeChat's errcode 40029) shows WeChat's error as a message, not a stack", async ({ page, request }) => {
  await holdPhone(request, { openId: `o-lumi-${run}-d`, nickname: "", avatar: "" });
  await page.goto("/lumi/sign-in");
  const callback = await throughWechat(page, "lumi");
  // Six minutes pass between WeChat issuing the code and our server exchanging it (codes live five).
  expect((await request.post(`${FAKE}/__test/advance?ms=${6 * 60 * 1000}`)).status()).toBe(204);
  await page.goto(callback);
  await expect(page).toHaveURL(/\/lumi\/sign-in\?wechat_error=invalid_code$/);
  await expect(page.getByTestId("wechat-sign-in-message")).toContainText("微信授权码无效或已过期");
  await page.goto("/lumi/me");
  await expect(page.getByRole("link", { name: "登录 / 注册" })).toBeVisible();
  expect(query("SELECT id FROM WechatIdentity WHERE openId = ?", `o-lumi-${run}-d`)).toHaveLength(0);
});
