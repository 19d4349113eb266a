// Shared Playwright fixtures and helpers. Specs import from here, not from @playwright/test:
//   import { test, expect } from "./support/fixtures";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

/** WGS-84 degrees, as a phone's GPS reports them (the app converts to GCJ-02 itself). */
export interface Coordinates {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

/** Shanghai, Nanjing Road East (WGS-84): a default "shopper is here" position for specs. */
export const SHANGHAI_NANJING_ROAD: Coordinates = { latitude: 31.2353, longitude: 121.4797 };

/** The shopper allows location: the page's getCurrentPosition/watchPosition return `coords`. */
export async function grantGeolocation(context: BrowserContext, coords: Coordinates): Promise<void> {
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ accuracy: 30, ...coords });
}

/**
 * The shopper refuses location: getCurrentPosition/watchPosition call the error callback with
 * code 1 (PERMISSION_DENIED), asynchronously as browsers do. Headless Chromium would otherwise
 * leave an ungranted request pending, so the API is replaced by an init script. It applies to
 * pages loaded after this call (reload an open page); dispose() the result to undo it.
 */
export async function denyGeolocation(context: BrowserContext) {
  await context.clearPermissions();
  return context.addInitScript(() => {
    const denied = () => ({
      code: 1,
      message: "User denied Geolocation",
      PERMISSION_DENIED: 1,
      POSITION_UNAVAILABLE: 2,
      TIMEOUT: 3,
    });
    type ErrorCallback = ((error: ReturnType<typeof denied>) => void) | null | undefined;
    const geolocation = navigator.geolocation;
    if (!geolocation) return;
    let watchId = 0;
    Object.defineProperty(geolocation, "getCurrentPosition", {
      configurable: true,
      value: (_success: unknown, error?: ErrorCallback) => {
        setTimeout(() => error?.(denied()), 0);
      },
    });
    Object.defineProperty(geolocation, "watchPosition", {
      configurable: true,
      value: (_success: unknown, error?: ErrorCallback) => {
        setTimeout(() => error?.(denied()), 0);
        return ++watchId;
      },
    });
  });
}

/** True when the page believes it runs inside WeChat (the UA carries MicroMessenger). */
export async function isWeChatUserAgent(page: Page): Promise<boolean> {
  return /MicroMessenger\//.test(await page.evaluate(() => navigator.userAgent));
}

interface Fixtures {
  /** Location helpers bound to this test's browser context. */
  geo: {
    grant: (coords?: Coordinates) => Promise<void>;
    deny: () => Promise<void>;
  };
}

export const test = base.extend<Fixtures>({
  geo: async ({ context }, use) => {
    await use({
      grant: (coords = SHANGHAI_NANJING_ROAD) => grantGeolocation(context, coords),
      deny: async () => {
        await denyGeolocation(context);
      },
    });
  },
});

export { expect };
