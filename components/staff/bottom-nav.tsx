import Link from "next/link";

export type BottomNavItem = { key: string; href: string; text: string };

/**
 * A staff screen's bar at the bottom of the phone, in thumb reach: staff switch screens with the phone in one
 * hand and often goods in the other. One equal column per item; `current` is marked as the page.
 */
export function BottomNav({ items, current, label, small = false }: { items: BottomNavItem[]; current: string; label: string; small?: boolean }) {
  return (
    <nav aria-label={label} className="safe-bottom fixed inset-x-0 bottom-0 z-20 border-t border-gray-200 bg-white">
      <ul className="mx-auto grid max-w-screen-sm" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? "page" : undefined}
              className={`flex h-16 items-center justify-center px-1 text-center ${small ? "text-xs" : "text-sm"} leading-tight ${item.key === current ? "font-semibold text-black" : "text-gray-500"}`}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
