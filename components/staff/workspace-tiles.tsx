import Link from "next/link";

/** A tile of the staff home: a label with a hint under it, or with a count of what waits (red when not zero). */
export type WorkspaceTile = { href: string; label: string; hint?: string; count?: number | null };

const HINT_SIZE = { sm: "text-sm", xs: "text-xs" } as const;

export function WorkspaceTiles({ tiles, testId, columns = 2, hintSize = "sm" }: { tiles: WorkspaceTile[]; testId: string; columns?: 1 | 2; hintSize?: keyof typeof HINT_SIZE }) {
  return (
    <ul className={`grid ${columns === 1 ? "grid-cols-1" : "grid-cols-2"} gap-3`}>
      {tiles.map((tile) => (
        <li key={tile.href}>
          <Link href={tile.href} className="flex h-20 flex-col justify-center rounded-2xl border border-gray-200 px-4" data-testid={testId}>
            {tile.hint !== undefined ? (
              <>
                <span className="text-lg font-semibold">{tile.label}</span>
                <span className={`${HINT_SIZE[hintSize]} text-gray-600`}>{tile.hint}</span>
              </>
            ) : (
              <>
                <span className="text-sm text-gray-600">{tile.label}</span>
                {tile.count !== null && tile.count !== undefined ? <span className={`text-2xl font-semibold ${tile.count ? "text-red-600" : "text-gray-400"}`}>{tile.count}</span> : null}
              </>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
