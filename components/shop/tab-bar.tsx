"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Tab = { href: string; label: string; icon: "home" | "grid" | "heart" | "user" };

const ICONS: Record<Tab["icon"], string> = {
  home: "M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z",
  grid: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
  heart: "M12 20s-7-4.35-7-10a4 4 0 0 1 7-2.65A4 4 0 0 1 19 10c0 5.65-7 10-7 10z",
  user: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0",
};

/** Bottom tab bar (home, categories, favourites, me); the only client code on most shop pages. */
export function TabBar({ tabs, label }: { tabs: Tab[]; label: string }) {
  const pathname = usePathname();
  const active = (href: string, i: number) => (i === 0 ? pathname === href : pathname.startsWith(href));
  return (
    <nav aria-label={label} className="safe-bottom fixed inset-x-0 bottom-0 z-40 border-t border-line bg-white/95 backdrop-blur">
      <ul className="mx-auto flex max-w-screen-sm">
        {tabs.map((tab, i) => {
          const on = active(tab.href, i);
          return (
            <li key={tab.href} className="flex-1">
              <Link
                href={tab.href}
                aria-current={on ? "page" : undefined}
                className={`flex h-14 flex-col items-center justify-center gap-0.5 text-[11px] ${on ? "text-brand" : "text-muted"}`}
              >
                <svg viewBox="0 0 24 24" width="22" height="22" fill={on ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
                  <path d={ICONS[tab.icon]} strokeLinejoin="round" strokeLinecap="round" />
                </svg>
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
