import { BottomNav } from "./bottom-nav";

export type StoreNavItem = "orders" | "hand-over" | "returns" | "holds";

/**
 * The counter's four screens as a bar at the bottom of the phone, where the thumb is: staff switch
 * between them all day with one hand, often holding goods in the other.
 */
export function StoreNav({ current, labels }: { current: StoreNavItem; labels: { label: string; home: string; orders: string; handOver: string; returns: string; holds: string } }) {
  const items: { key: StoreNavItem | "home"; href: string; text: string }[] = [
    { key: "home", href: "/guide", text: labels.home },
    { key: "orders", href: "/guide/orders", text: labels.orders },
    { key: "hand-over", href: "/guide/hand-over", text: labels.handOver },
    { key: "returns", href: "/guide/returns", text: labels.returns },
    { key: "holds", href: "/guide/holds", text: labels.holds },
  ];
  return <BottomNav items={items} current={current} label={labels.label} small />;
}
