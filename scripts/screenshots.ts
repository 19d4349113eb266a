// Screenshots of the main shopper pages at 375 px (iPhone in WeChat) for docs/screenshots and the README.
//   npm run screenshots -- --base-url http://127.0.0.1:3000
// Runs against a server you started (npm start); uses Debian's Chromium.
import { chromium, devices } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const baseURL = flag("base-url", "http://127.0.0.1:3000");
const outDir = flag("out", "docs/screenshots");
const product = flag("product", "LM26W0001");
const category = flag("category", "dresses");

const pages: { name: string; url: string; prepare?: (page: import("@playwright/test").Page) => Promise<void> }[] = [
  { name: "home", url: "/lumi" },
  { name: "category", url: `/lumi/c/${category}?sort=price_asc` },
  {
    name: "product",
    url: `/lumi/p/${product}`,
    prepare: async (page) => {
      await page.getByRole("button", { name: /^(S|M)( 售罄)?$/ }).first().click();
      await page.getByTestId("availability-grid").waitFor();
    },
  },
  {
    name: "stores",
    url: "/lumi/stores",
    prepare: async (page) => {
      await page.getByTestId("use-location").click();
      await page.getByTestId("store-distance").first().waitFor();
    },
  },
  { name: "favourites", url: "/lumi/favourites" },
  { name: "nord-home", url: "/nord" },
  { name: "not-found", url: "/lumi/p/NOPE" },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const iphone = devices["iPhone 13"];
const context = await browser.newContext({
  ...iphone,
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  userAgent: `${iphone.userAgent} MicroMessenger/8.0.50`,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  geolocation: { latitude: 31.2353, longitude: 121.4797 },
  permissions: ["geolocation"],
  baseURL,
});
fs.mkdirSync(outDir, { recursive: true });
const page = await context.newPage();
for (const p of pages) {
  await page.goto(p.url);
  if (p.prepare) await p.prepare(page);
  await page.waitForLoadState("networkidle");
  const file = path.join(outDir, `${p.name}.png`);
  await page.screenshot({ path: file, fullPage: p.name === "product" });
  console.log(`${file}`);
}
await browser.close();
