import crypto from "node:crypto";
import { expect, test } from "../support/fixtures";
import { staffSession as signIn } from "../support/sign-in";

// The brand admin's API keys page: create a key (its secret shown once, with a warning and a copy button), an
// ERP request with it succeeds, revoke it (confirmed in place) and the same request gets 401 JSON.

test("lumi.admin creates an API key, uses it once, revokes it and it is refused", async ({ page }) => {
  const name = `e2e ERP ${crypto.randomBytes(3).toString("hex")}`;
  await signIn(page, "lumi.admin", "/admin");
  await page.getByTestId("admin-apiKeys-link").click();
  await expect(page).toHaveURL(/\/admin\/api-keys$/);

  await page.getByTestId("api-key-name").fill(name);
  await page.getByTestId("api-key-rate").fill("30");
  await page.getByTestId("api-key-create").click();
  const panel = page.getByTestId("api-key-secret-panel");
  await expect(panel).toContainText("只显示这一次");
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^mck_[0-9a-f]{8}_[A-Za-z0-9_-]{32}$/);
  await expect(page.getByTestId("api-key-copy")).toBeVisible();

  // The list shows the key by name and public prefix only.
  const row = page.getByTestId("api-keys-table").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(page.getByTestId("api-keys-table")).not.toContainText(secret);

  const orders = () => page.request.get("/api/v1/orders?limit=1", { headers: { authorization: `Bearer ${secret}` } });
  const ok = await orders();
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ orders: expect.any(Array) });

  // Gone after a reload: the secret is never shown again.
  await page.reload();
  await expect(page.getByTestId("api-key-secret-panel")).toHaveCount(0);

  await row.getByTestId("api-key-revoke").click();
  await row.getByTestId("api-key-revoke-confirm").click();
  await expect(row).toContainText("已吊销");
  const refused = await orders();
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
});
