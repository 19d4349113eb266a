import { expect, test } from "./support/fixtures";

// Smoke test: the production build is up and reaches its database.
test("GET /api/health answers 200 with status ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ status: "ok", database: { reachable: true } });
});
