import Link from "next/link";

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
  return (
    <nav aria-label={labels.label} className="safe-bottom fixed inset-x-0 bottom-0 z-20 border-t border-gray-200 bg-white">
      <ul className="mx-auto grid max-w-screen-sm grid-cols-5">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? "page" : undefined}
              className={`flex h-16 items-center justify-center px-1 text-center text-xs leading-tight ${item.key === current ? "font-semibold text-black" : "text-gray-500"}`}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
