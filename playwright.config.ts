import { defineConfig, devices } from "@playwright/test";

// docs/decisions/002-testing.md. The app under test is the production build (`next build` into
// .next-e2e + `next start`) on a fresh, seeded tests/.tmp/e2e.db: see tests/e2e/support/serve.mjs.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const CI = !!process.env.CI;

const iPhone = devices["iPhone 13"];
// WeChat's in-app browser on iOS: Safari's UA plus the MicroMessenger token the app sniffs.
const wechatUserAgent = `${iPhone.userAgent} MicroMessenger/8.0.50(0x1800323d) NetType/WIFI Language/zh_CN`;

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // Debian's Chromium: Playwright cannot download browsers on these machines (STACK.md).
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      // Shoppers: iPhone 13 screen, touch and DPR, driven by Chromium, inside WeChat.
      name: "wechat-iphone",
      testIgnore: [/\.desktop\.spec\.ts$/, /\/perf\//],
      use: {
        ...iPhone,
        defaultBrowserType: "chromium",
        userAgent: wechatUserAgent,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
      },
    },
    {
      // Admin and guide back office: *.desktop.spec.ts only.
      name: "desktop",
      testMatch: /\.desktop\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"] },
    },
    {
      // Lighthouse (tests/e2e/perf, decision 025): after the other projects, so its CPU timings are not
      // shared with two busy workers. `npm run lighthouse` runs it alone (--no-deps).
      name: "lighthouse",
      testMatch: /\/perf\/.*\.spec\.ts$/,
      dependencies: ["wechat-iphone", "desktop"],
    },
  ],
  webServer: {
    command: "node tests/e2e/support/serve.mjs",
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: !CI,
    timeout: 300_000, // includes `next build` on a 2-core machine
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
