import Link from "next/link";

export type ResultsNavItem = { key: string; href: string; text: string };

/**
 * The results and team screens' bar at the bottom of the phone, in thumb reach, like the counter's: a manager
 * checks the team between customers with the phone in one hand.
 */
export function ResultsNav({ items, current, label }: { items: ResultsNavItem[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className="safe-bottom fixed inset-x-0 bottom-0 z-20 border-t border-gray-200 bg-white">
      <ul className="mx-auto grid max-w-screen-sm" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
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
