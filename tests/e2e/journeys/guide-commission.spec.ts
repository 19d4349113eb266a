import crypto from "node:crypto";
import gcoord from "gcoord";
import { formatYuan } from "@/lib/money";
import { e2eDbFile, read } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { signInByPhone, staffSignIn } from "../support/sign-in";

// Issue 5's loop: a shopper scans NORD SH01's guide's QR (before signing in), signs in and orders for pickup;
// the guide sees the commission pending as soon as it is paid; the guide hands the order over (the freeze
// starts); the freeze elapses (the clock is injected: the settlement runs with "now" 8 days ahead against the
// e2e database) and it is settled.

test("scan a guide's QR → order → the guide's commission is pending → freeze elapsed → settled", async ({ page, browser, baseURL, geo }) => {
  const guideId = read<{ id: string }>("SELECT id FROM Staff WHERE username = 'nord.sh01.guide'").id;
  const store = read<{ id: string; lat: number; lng: number; safetyStock: number }>("SELECT s.id, s.lat, s.lng, s.safetyStock FROM Store s JOIN Brand b ON b.id = s.brandId WHERE b.slug = 'nord' AND s.code = 'SH01'");
  const sku = read<{ skuId: string; styleCode: string; colorCode: string; size: string; priceFen: number }>(
    `SELECT k.id AS skuId, p.styleCode, k.colorCode, k.size, COALESCE(k.priceFen, p.priceFen) AS priceFen FROM Inventory i JOIN Sku k ON k.id = i.skuId JOIN Product p ON p.id = k.productId
     WHERE i.storeId = ? AND p.active = 1 AND i.onHand - i.reserved - ? >= 3 ORDER BY k.gtin LIMIT 1`,
    store.id,
    store.safetyStock,
  );
  const expectedFen = Math.floor((sku.priceFen * 300) / 10_000); // NORD's guide rate: 3 %

  // The guide's own code, from their phone.
  const guideContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const guide = await guideContext.newPage();
  await staffSignIn(guide, "nord.sh01.guide", "/guide/me");
  const link = (await guide.getByTestId("guide-link").textContent())!.trim();
  const code = /\/s\/([a-z0-9]+)/.exec(link)![1]!;

  // The shopper scans it in the store, not signed in yet, then signs in by phone.
  const [longitude, latitude] = gcoord.transform([store.lng, store.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  await geo.grant({ latitude, longitude });
  await page.goto(`/s/${code}`);
  await expect(page).toHaveURL(/\/nord$/);
  const phone = `135${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  await signInByPhone(page, phone, "nord");
  const binding = read<{ guideId: string; source: string }>("SELECT b.guideId, b.source FROM GuideBinding b JOIN Member m ON m.id = b.memberId WHERE m.phone = ? AND b.endedAt IS NULL", phone);
  expect(binding).toEqual({ guideId, source: "QR" });

  // Buy now at SH01, pay in the sandbox.
  await page.goto(`/nord/p/${encodeURIComponent(sku.styleCode)}?color=${encodeURIComponent(sku.colorCode)}`);
  await page.getByRole("button", { name: sku.size, exact: true }).click();
  await page.getByTestId("buy-now").click();
  await expect(page.getByTestId("pickup-store").first()).toHaveAttribute("data-store", "SH01");
  await page.getByTestId("place-order").click();
  await page.getByTestId("pay-confirm").click();
  await expect(page).toHaveURL(/\/nord\/orders\/\d{13}$/);
  const number = page.url().split("/").pop()!;
  const pickupCode = (await page.getByTestId("pickup-code-text").textContent())!.trim();
  expect(read<{ guideId: string }>('SELECT guideId FROM "Order" WHERE number = ?', number).guideId).toBe(guideId);

  // Paid: the guide already sees the commission as pending (not yet frozen: the freeze starts at the hand-over).
  const earned = () => read<{ amountFen: number; status: string; frozenUntil: string | null }>("SELECT e.amountFen, e.status, e.availableAt AS frozenUntil FROM CommissionEntry e JOIN \"Order\" o ON o.id = e.orderId WHERE o.number = ? AND e.level = 0", number);
  expect(earned()).toEqual({ amountFen: expectedFen, status: "PENDING", frozenUntil: null });
  const pending = read<{ fen: number }>("SELECT SUM(amountFen) AS fen FROM CommissionEntry WHERE staffId = ? AND status = 'PENDING'", guideId).fen;
  await guide.goto("/guide/results");
  await expect(guide.getByTestId("results-pending")).toContainText(formatYuan(pending));

  // The guide hands it over: the order completes and the 7-day freeze starts.
  await guide.goto("/guide/hand-over");
  await guide.getByTestId("code-scanner-input").fill(pickupCode);
  await guide.getByRole("button", { name: /确认 OK/ }).click();
  await guide.getByRole("button", { name: /确认交付/ }).click();
  await expect(guide.getByTestId("hand-over-success")).toContainText(number);
  expect(earned()).toMatchObject({ amountFen: expectedFen, status: "PENDING", frozenUntil: expect.any(String) });

  // Eight days later (the freeze is 7): the clock is injected into the same settlement the sweeper runs.
  process.env.DATABASE_URL = `file:${e2eDbFile}`;
  const { settleDueCommission } = await import("@/lib/commission/ledger");
  await settleDueCommission(new Date(Date.now() + 8 * 86_400_000));
  expect(read<{ status: string }>("SELECT e.status FROM CommissionEntry e JOIN \"Order\" o ON o.id = e.orderId WHERE o.number = ? AND e.level = 0", number).status).toBe("SETTLED");
  const settled = read<{ fen: number }>("SELECT SUM(amountFen) AS fen FROM CommissionEntry WHERE staffId = ? AND status = 'SETTLED'", guideId).fen;
  await guide.goto("/guide/results");
  await expect(guide.getByTestId("results-settled")).toContainText(formatYuan(settled));
  await guideContext.close();
});
