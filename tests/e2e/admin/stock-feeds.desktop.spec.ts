import crypto from "node:crypto";
import { read, writeDb } from "../support/e2e-db";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// The pilot's "all stock shows zero", end to end: an ERP count batch that would empty a store is held (202,
// nothing changed); the brand admin sees it on the held stock feeds page with the store's figures, confirms it,
// and the store's stock page shows the new figures with a ledger row naming the admin, the ERP batch and its key.
// The store is the spec's own (inactive, so no shop page shows it), with its own API key.

const stamp = () => new Date().toISOString().replace("Z", "+00:00");

function closingStore() {
  const code = `FE${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
  const prefix = `mck_${crypto.randomBytes(4).toString("hex")}`;
  const secret = `${prefix}_${crypto.randomBytes(24).toString("base64url")}`;
  const keyName = `e2e 闭店 ERP ${code}`;
  const skus = writeDb((h) => {
    const brandId = (h.prepare("SELECT id FROM Brand WHERE slug = 'lumi'").get() as { id: string }).id;
    const storeId = `e2e-store-${code}`;
    const now = stamp();
    h.prepare(
      `INSERT INTO Store (id, brandId, code, name, kind, city, address, lat, lng, opensAt, closesAt, active, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'DIRECT', '上海', '测试路 1 号', 31.2, 121.4, 600, 1320, 0, ?, ?)`,
    ).run(storeId, brandId, code, `闭店测试 ${code}`, now, now);
    h.prepare("INSERT INTO QrScene (id, code, brandId, kind, storeId, createdAt) VALUES (?, ?, ?, 'STORE', ?, ?)").run(`e2e-scene-${code}`, `fe${crypto.randomBytes(4).toString("hex")}`, brandId, storeId, now);
    const rows = h
      .prepare("SELECT k.id, k.gtin FROM Sku k JOIN Product p ON p.id = k.productId WHERE p.brandId = ? AND p.active = 1 ORDER BY k.gtin LIMIT 3 OFFSET 60")
      .all(brandId) as { id: string; gtin: string }[];
    for (const [i, s] of rows.entries()) {
      // Stocked as a receipt would be: inventory row and its ledger row (the ledger sums stay consistent).
      h.prepare("INSERT INTO Inventory (id, storeId, skuId, onHand, reserved, updatedAt) VALUES (?, ?, ?, ?, 0, ?)").run(`e2e-inv-${code}-${i}`, storeId, s.id, 2, now);
      h.prepare(
        "INSERT INTO StockLedger (id, storeId, skuId, reason, onHandDelta, reservedDelta, onHandAfter, reservedAfter, actor, reference, note, createdAt) VALUES (?, ?, ?, 'RECEIVE', 2, 0, 2, 0, 'system:e2e', 'e2e fixture', '', ?)",
      ).run(`e2e-led-${code}-${i}`, storeId, s.id, now);
    }
    h.prepare("INSERT INTO ApiKey (id, brandId, name, prefix, secretHash, rateLimit, createdBy, createdAt) VALUES (?, ?, ?, ?, ?, 600, 'system:e2e', ?)").run(
      `e2e-key-${code}`,
      brandId,
      keyName,
      prefix,
      crypto.createHash("sha256").update(secret).digest("hex"),
      now,
    );
    return rows;
  });
  return { code, storeId: `e2e-store-${code}`, skus, secret, prefix, keyName };
}

test("an ERP batch zeroing a store is held; the admin confirms it and the stock page shows the figures and who changed them", async ({ page, request }) => {
  const store = closingStore();
  const idem = `closing-${store.code}`;
  const send = () =>
    request.put("/api/v1/stock", {
      headers: { authorization: `Bearer ${store.secret}`, "Idempotency-Key": idem },
      data: { rows: store.skus.map((s) => ({ storeCode: store.code, gtin: s.gtin, quantity: 0 })) },
    });
  const held = await send();
  expect(held.status()).toBe(202);
  const body = (await held.json()) as { status: string; holdId: string; stores: { storeCode: string; unitsBefore: number; unitsAfter: number }[] };
  expect(body).toMatchObject({ status: "held", stores: [{ storeCode: store.code, unitsBefore: 6, unitsAfter: 0 }] });
  const units = () => read<{ n: number }>("SELECT SUM(onHand) AS n FROM Inventory WHERE storeId = ?", store.storeId).n;
  expect(units()).toBe(6);

  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-stockFeeds-link").click();
  await expect(page).toHaveURL(/\/admin\/stock-feeds/);
  const feed = page.locator(`[data-testid="stock-feed"][data-hold="${body.holdId}"]`);
  await expect(feed.getByTestId("stock-feed-status")).toContainText("Waiting");
  await expect(feed.getByTestId("stock-feed-sender")).toContainText(store.keyName);
  await expect(feed.getByTestId("stock-feed-reference")).toContainText(idem);
  const row = feed.getByTestId("stock-feed-store");
  await expect(row).toContainText(store.code);
  await expect(row.getByTestId("units-before")).toHaveText("6");
  await expect(row.getByTestId("units-after")).toHaveText("0");
  await expect(row.getByTestId("units-now")).toHaveText("6");

  page.on("dialog", (d) => void d.accept());
  await feed.getByTestId("stock-feed-confirm-submit").click();
  await expect(feed.getByTestId("stock-feed-status")).toContainText("Confirmed");
  await expect(feed.getByTestId("stock-feed-decided")).toContainText("lumi.admin");
  await expect(feed.getByTestId("stock-feed-confirm")).toHaveCount(0);
  expect(units()).toBe(0);
  // The ERP re-sending the same key gets the same answer, and nothing more happens.
  const replay = await send();
  expect(replay.status()).toBe(202);
  expect(((await replay.json()) as { holdId: string }).holdId).toBe(body.holdId);

  const gtin = store.skus[0]!.gtin;
  await page.goto(`/admin/inventory/${store.code}/${gtin}`);
  await expect(page.getByTestId("stock-onhand")).toHaveText("0");
  const newest = page.getByTestId("stock-ledger").locator("tbody tr").first();
  await expect(newest.getByTestId("ledger-reason")).toContainText("ERP");
  await expect(newest).toContainText("-2");
  await expect(newest.getByTestId("ledger-actor")).toContainText("lumi.admin");
  await expect(newest.getByTestId("ledger-reference")).toContainText(idem);
  await expect(newest.getByTestId("ledger-reference")).toContainText(store.keyName);
  await expect(newest.getByTestId("ledger-reference")).toContainText(store.prefix);
});

test("a CSV stock import zeroing a store is held for confirmation at apply; the admin rejects it and nothing changes", async ({ page }) => {
  const store = closingStore();
  const units = () => read<{ n: number }>("SELECT SUM(onHand) AS n FROM Inventory WHERE storeId = ?", store.storeId).n;
  const ledger = () => read<{ n: number }>("SELECT COUNT(*) AS n FROM StockLedger WHERE storeId = ?", store.storeId).n;
  const ledgerBefore = ledger();
  const file = `closing-${store.code}.csv`;
  await signIn(page, "lumi.admin", "/admin/imports");
  await page.getByTestId("import-kind").selectOption("STOCK");
  await page.getByTestId("import-file").setInputFiles({ name: file, mimeType: "text/csv", buffer: Buffer.from("storeCode,gtin,quantity\n" + store.skus.map((s) => `${store.code},${s.gtin},0`).join("\n") + "\n") });
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "READY");
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "HELD");
  await expect(page.getByTestId("import-status")).toContainText("Held for confirmation");
  expect(units()).toBe(6);

  await page.getByTestId("import-held-link").click();
  await expect(page).toHaveURL(/\/admin\/stock-feeds\?status=HELD/);
  const feed = page.getByTestId("stock-feed").filter({ hasText: file });
  await expect(feed.getByTestId("stock-feed-sender")).toContainText("lumi.admin");
  await expect(feed.getByTestId("units-before")).toHaveText("6");
  page.on("dialog", (d) => void d.accept());
  await feed.getByTestId("stock-feed-reject-submit").click();
  // The answer first (the decided feed leaves the held list or loses its forms): navigating at once could cancel
  // the action in flight, and did (a flaky run of 2026-12-07).
  await expect(feed.getByTestId("stock-feed-reject")).toHaveCount(0);
  await page.goto("/admin/stock-feeds?status=REJECTED");
  await expect(page.getByTestId("stock-feed").filter({ hasText: file }).getByTestId("stock-feed-status")).toContainText("Rejected");
  expect(units()).toBe(6);
  expect(ledger()).toBe(ledgerBefore);
});
