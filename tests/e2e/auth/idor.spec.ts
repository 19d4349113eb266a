import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { appSecret } from "@/lib/security/app-secret";
import { expect, test } from "../support/fixtures";

// IDOR: nothing a member can send names another member. Pages and actions take the member from the session only.
function twoMembers() {
  const db = new Database(path.join(process.cwd(), "tests", ".tmp", "e2e.db"), { readonly: true });
  try {
    return db.prepare("SELECT m.id, m.phone FROM Member m JOIN MemberBrand mb ON mb.memberId = m.id JOIN Brand b ON b.id = mb.brandId WHERE b.slug = 'lumi' AND m.phone IS NOT NULL ORDER BY m.id LIMIT 2").all() as { id: string; phone: string }[];
  } finally {
    db.close();
  }
}

test("member A sees only their own card, whatever id they put in the address", async ({ context, page, baseURL }) => {
  const [a, b] = twoMembers();
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({ token: { kind: "member", principalId: a!.id, sub: a!.id, signedInAt: now, lastSeenAt: now }, secret: appSecret() });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
  const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;
  for (const url of [`/lumi/me?member=${b!.id}`, `/lumi/me?memberId=${b!.id}`, `/lumi/favourites?member=${b!.id}`]) {
    await page.goto(url);
    if (url.includes("/me")) {
      await expect(page.getByTestId("member-card")).toContainText(masked(a!.phone));
      await expect(page.getByTestId("member-card")).not.toContainText(masked(b!.phone));
    }
    await expect(page.locator("body")).not.toContainText(masked(b!.phone));
  }
});
