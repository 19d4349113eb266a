import crypto from "node:crypto";
import fs from "node:fs";
import { writeDb as db } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSignIn as signIn } from "../support/sign-in";

// The brand admin's commission page on a desktop: change the guide rate (a total over 100 % refused with the
// rules' message), create a payout and download its CSV (UTF-8 BOM for Excel, the agreed header).

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, userAgent: undefined });

const guideRate = () => db((h) => (h.prepare("SELECT guideRateBps FROM Brand WHERE slug = 'lumi'").get() as { guideRateBps: number }).guideRateBps);

test("lumi.admin changes the guide rate, is refused over 100 %, creates a payout and downloads its CSV", async ({ page }) => {
  const before = guideRate();
  // A settled balance to pay: BJ01's guide (SH01's guide is the results spec's).
  const bj01 = db((h) => {
    const g = h.prepare("SELECT id, brandId FROM Staff WHERE username = 'lumi.bj01.guide'").get() as { id: string; brandId: string };
    h.prepare("INSERT INTO CommissionEntry (id, brandId, staffId, level, kind, amountFen, baseFen, status, dedupeKey, note, createdAt) VALUES (?, ?, ?, 0, 'EARN', 12345, 411500, 'SETTLED', ?, 'e2e', ?)")
      .run(crypto.randomUUID(), g.brandId, g.id, `e2e:${crypto.randomUUID()}`, new Date().toISOString().replace("Z", "+00:00"));
    return g;
  });

  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-commission-link").click();
  await expect(page).toHaveURL(/\/admin\/commission$/);
  await expect(page.getByTestId("commission-brand")).toHaveText("LUMI 露米");
  await expect(page.getByTestId("rules-guideRate")).toHaveValue((before / 100).toFixed(2));

  // Over 100 % in total: refused with the rules' own words, nothing written.
  await page.getByTestId("rules-guideRate").fill("60");
  await page.getByTestId("rules-level1").fill("40.01");
  await page.getByRole("button", { name: /保存佣金规则/ }).click();
  await expect(page.getByTestId("rules-status")).toHaveText("佣金比例合计不能超过 100% / Commission rates cannot add up to more than 100%");
  expect(guideRate()).toBe(before);

  await page.getByTestId("rules-level1").fill("2.00");
  await page.getByTestId("rules-guideRate").fill("3.75");
  await page.getByRole("button", { name: /保存佣金规则/ }).click();
  await expect(page.getByTestId("rules-status")).toHaveText("已保存 / Saved");
  expect(guideRate()).toBe(375);
  await page.reload();
  await expect(page.getByTestId("rules-guideRate")).toHaveValue("3.75");

  // A binding window of 0 days is refused.
  await page.getByTestId("binding-windowDays").fill("0");
  await page.getByRole("button", { name: /保存绑定规则/ }).click();
  await expect(page.getByTestId("binding-status")).toHaveText("绑定有效期为 1–365 天 / The binding window is 1–365 days");

  await page.getByTestId("payout-create").click();
  const created = page.getByTestId("payout-created");
  await expect(created).toBeVisible();
  const payoutId = await created.getAttribute("data-payout-id");
  expect(payoutId).toMatch(/^PO\d{8}-[0-9a-f]{6}$/);
  await expect(created.getByTestId("payout-row").filter({ hasText: "¥123.45" })).toHaveCount(1);
  await expect(page.locator(`[data-testid="payout-previous"][data-payout-id="${payoutId}"]`)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("payout-download").click()]);
  expect(download.suggestedFilename()).toBe(`${payoutId}.csv`);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("payout_id,beneficiary_type,beneficiary_id,name,amount_yuan,amount_fen");
  expect(lines.some((l) => l.startsWith(`${payoutId},staff,${bj01.id},`) && l.endsWith(",123.45,12345"))).toBe(true);

  // The payouts list is searched on the server: the payout id finds exactly that payout.
  const list = page.getByTestId("payout-list");
  await list.getByRole("searchbox").fill(payoutId!);
  await list.getByRole("button", { name: "搜索 / Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${payoutId}`));
  await expect(page.getByTestId("payout-list").getByTestId("payout-previous")).toHaveCount(1);
  await expect(page.getByTestId("payout-list").getByTestId("list-total")).toContainText("共 1 条");

  // The rate goes back for the other specs of this run.
  await page.getByTestId("rules-guideRate").fill((before / 100).toFixed(2));
  await page.getByRole("button", { name: /保存佣金规则/ }).click();
  await expect(page.getByTestId("rules-status")).toHaveText("已保存 / Saved");
  expect(guideRate()).toBe(before);
});

test("NORD's admin cannot open LUMI's commission page, nor download LUMI's payout", async ({ page }) => {
  await signIn(page, "nord.admin", "/admin");
  const response = await page.goto("/admin/commission?brand=lumi");
  expect(response?.status()).toBe(403);
  // A LUMI payout of this test's own (a member referrer earned ¥5 and was paid it), so it never waits on another spec.
  const payoutId = db((h) => {
    const brandId = (h.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string }).id;
    const memberId = `e2e-payee-${crypto.randomUUID().slice(0, 8)}`;
    const id = `PO-e2e-${crypto.randomUUID().slice(0, 8)}`;
    const now = new Date().toISOString().replace("Z", "+00:00");
    h.prepare("INSERT INTO Member (id, createdAt, updatedAt) VALUES (?, ?, ?)").run(memberId, now, now);
    const entry = h.prepare("INSERT INTO CommissionEntry (id, brandId, memberId, level, kind, amountFen, status, payoutId, dedupeKey, note, createdAt) VALUES (?, ?, ?, 1, ?, ?, 'SETTLED', ?, ?, 'e2e', ?)");
    entry.run(crypto.randomUUID(), brandId, memberId, "EARN", 500, null, `e2e:${crypto.randomUUID()}`, now);
    entry.run(crypto.randomUUID(), brandId, memberId, "PAYOUT", -500, id, `payout:${id}:${memberId}`, now);
    return id;
  });
  const csv = await page.request.get(`/api/admin/payouts/${payoutId}`);
  expect(csv.status()).toBe(404);
});
