import { BottomNav } from "./bottom-nav";

export type GuideNavItem = "me" | "customers" | "stock";

/**
 * The guide's own screens as a bar at the bottom of the phone, in thumb reach: a guide on the shop floor
 * has the phone in one hand and often a garment in the other.
 */
export function GuideNav({ current, labels }: { current: GuideNavItem; labels: { label: string; home: string; me: string; customers: string; stock: string } }) {
  const items: { key: GuideNavItem | "home"; href: string; text: string }[] = [
    { key: "home", href: "/guide", text: labels.home },
    { key: "me", href: "/guide/me", text: labels.me },
    { key: "customers", href: "/guide/customers", text: labels.customers },
    { key: "stock", href: "/guide/stock", text: labels.stock },
  ];
  return <BottomNav items={items} current={current} label={labels.label} />;
}
