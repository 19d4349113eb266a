import type { Locale } from "./locales";

// One JSON file per namespace and locale, so each area owns its strings.
const NAMESPACES = ["common", "home", "catalog", "product", "stores", "favourites", "me", "errors", "cart", "checkout", "orders", "storeOps", "guide", "transfers", "inbox", "referral", "lookbooks", "commission", "admin", "adminCatalog", "adminPeople", "adminStock", "dm", "dashboards", "imports", "erp"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
