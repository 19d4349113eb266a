import Link from "next/link";

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
  return (
    <nav aria-label={labels.label} className="safe-bottom fixed inset-x-0 bottom-0 z-20 border-t border-gray-200 bg-white">
      <ul className="mx-auto grid max-w-screen-sm grid-cols-4">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? "page" : undefined}
              className={`flex h-16 items-center justify-center px-1 text-center text-sm leading-tight ${item.key === current ? "font-semibold text-black" : "text-gray-500"}`}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
