import crypto from "node:crypto";
import { type Db, writeDb as write } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { STAFF_PASSWORD, staffSignIn as signIn } from "../support/sign-in";
import { hashPassword } from "@/lib/auth/password";

// A guide's results and the manager's team on a phone. Ledger rows are written straight into the e2e database
// (how orders create them has its own tests): a refund after payout leaves SH01's guide a negative settled
// balance, which the page calls "carried forward". A payout (another spec) never touches a negative balance.

const iso = (d = new Date()) => d.toISOString().replace("Z", "+00:00"); // how Prisma stores DateTime here

const staffOf = (db: Db, username: string) => db.prepare("SELECT id, brandId, storeId FROM Staff WHERE username = ?").get(username) as { id: string; brandId: string; storeId: string };

function ledger(db: Db, s: { id: string; brandId: string }, kind: "EARN" | "REVERSAL" | "PAYOUT", amountFen: number, status: "PENDING" | "SETTLED", baseFen: number | null = null) {
  db.prepare(`INSERT INTO CommissionEntry (id, brandId, staffId, level, kind, amountFen, baseFen, status, dedupeKey, note, createdAt) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 'e2e', ?)`)
    .run(crypto.randomUUID(), s.brandId, s.id, kind, amountFen, baseFen, status, `e2e:${crypto.randomUUID()}`, iso());
}

test("SH01's guide sees their balance (carried forward below zero), pending, reversed, paid out and today's row", async ({ page }) => {
  // A guide of SH01 of this spec's own: the demo guide hands orders over in other specs running meanwhile, and
  // their commission would move the figures under this spec's feet.
  const username = `e2e.guide.${crypto.randomUUID().slice(0, 8)}`;
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  const expected = write((db) => {
    const sh01 = staffOf(db, "lumi.sh01.guide");
    const now = iso();
    const id = crypto.randomUUID();
    db.prepare("INSERT INTO Staff (id, username, name, passwordHash, role, brandId, storeId, active, createdAt, updatedAt) VALUES (?, ?, '测试导购', ?, 'GUIDE', ?, ?, 1, ?, ?)")
      .run(id, username, passwordHash, sh01.brandId, sh01.storeId, now, now);
    const guide = { id, brandId: sh01.brandId };
    ledger(db, guide, "EARN", 1000, "SETTLED", 33400);
    ledger(db, guide, "PAYOUT", -1000, "SETTLED");
    ledger(db, guide, "REVERSAL", -300, "SETTLED");
    ledger(db, guide, "EARN", 450, "PENDING", 15000);
    // What the page must show, read back at once (other specs may have credited this guide too).
    return db
      .prepare(`SELECT SUM(CASE WHEN status = 'SETTLED' THEN amountFen ELSE 0 END) AS balance, SUM(CASE WHEN status = 'PENDING' THEN amountFen ELSE 0 END) AS pending FROM CommissionEntry WHERE staffId = ?`)
      .get(guide.id) as { balance: number; pending: number };
  });
  expect(expected.balance).toBeLessThan(0);

  await signIn(page, username, "/guide");
  await page.getByTestId("commission-tile").filter({ hasText: "我的业绩" }).click();
  await expect(page).toHaveURL(/\/guide\/results$/);
  await expect(page.getByRole("heading", { name: /我的业绩/ })).toBeVisible();
  const settled = page.getByTestId("results-settled");
  await expect(settled).toContainText("待抵扣 / Carried forward");
  await expect(settled).toContainText(`-¥${(-expected.balance / 100).toFixed(2).replace(/\.00$/, "")}`);
  await expect(page.getByTestId("results-pending")).toContainText(`¥${(expected.pending / 100).toFixed(2).replace(/\.00$/, "")}`);
  await expect(page.getByTestId("results-reversed")).toContainText("¥");
  await expect(page.getByTestId("results-paid-out")).toContainText("¥");
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  const row = page.locator(`[data-testid="results-day"][data-day="${today}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("订单");
  // A guide has no team page: the bottom bar does not offer it.
  await expect(page.getByRole("navigation", { name: /我的业绩/ }).getByRole("link", { name: /团队/ })).toHaveCount(0);
});

test("SH01's manager sees the store's guides and reassigns a departed guide's customer", async ({ page }) => {
  const departed = write((db) => {
    const guide = staffOf(db, "lumi.sh01.guide");
    const now = iso();
    const id = crypto.randomUUID();
    const name = `离职导购${id.slice(0, 4)}`;
    db.prepare("INSERT INTO Staff (id, username, name, passwordHash, role, brandId, storeId, active, createdAt, updatedAt) VALUES (?, ?, ?, 'x', 'GUIDE', ?, ?, 0, ?, ?)")
      .run(id, `e2e.left.${id.slice(0, 8)}`, name, guide.brandId, guide.storeId, now, now);
    const memberId = crypto.randomUUID();
    db.prepare("INSERT INTO Member (id, createdAt, updatedAt) VALUES (?, ?, ?)").run(memberId, now, now);
    db.prepare("INSERT INTO GuideBinding (id, brandId, memberId, guideId, source, boundAt, lastTouchAt) VALUES (?, ?, ?, ?, 'QR', ?, ?)").run(crypto.randomUUID(), guide.brandId, memberId, id, now, now);
    return { id, name, memberId };
  });

  await signIn(page, "lumi.sh01.manager", "/guide");
  await page.getByTestId("commission-tile").filter({ hasText: "门店团队" }).click();
  await expect(page).toHaveURL(/\/guide\/team$/);
  await expect(page.locator('[data-testid="team-member"][data-username="lumi.sh01.guide"]')).toBeVisible();
  const gone = page.locator(`[data-testid="team-member"][data-username^="e2e.left."]`).filter({ hasText: departed.name });
  await expect(gone).toContainText("已离职");
  await expect(gone.getByTestId("team-customers")).toHaveText("1");

  await page.getByTestId("reassign-from").selectOption(departed.id);
  const sh01Guide = await page.locator('[data-testid="team-member"][data-username="lumi.sh01.guide"] p').first().textContent();
  await page.getByTestId("reassign-to").selectOption({ label: sh01Guide!.trim() });
  await page.getByRole("button", { name: /^转移 \/ Reassign$/ }).click();
  await expect(page.getByTestId("reassign-result")).toHaveText("已转移 1 位客户 / 1 customers reassigned");
  await expect(gone.getByTestId("team-customers")).toHaveText("0");
  const binding = write((db) => db.prepare("SELECT g.username, b.source FROM GuideBinding b JOIN Staff g ON g.id = b.guideId WHERE b.memberId = ? AND b.endedAt IS NULL").get(departed.memberId)) as { username: string; source: string };
  expect(binding).toEqual({ username: "lumi.sh01.guide", source: "REASSIGNED" });
  await expect(page.getByTestId("team-transfers")).toHaveAttribute("href", "/guide/transfers");
});
