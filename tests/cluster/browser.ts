// The admin console's forms are server actions posted by React: the tests use them as an admin does, in Debian's
// Chromium (the e2e setup, STACK.md "Browser tests"), signed in with a session cookie made on another instance.
import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll } from "vitest";

/** One Chromium for the calling test file: launched before its tests, closed after them. */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A page of `base`'s admin console opened with the session `cookie` (`name=value`); close its context when done. */
export async function consolePage(browser: Browser, base: string, cookie: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const at = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: base }]);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}
