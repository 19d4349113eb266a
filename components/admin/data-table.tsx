import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listHref, type Page } from "@/lib/admin/list-params";

export type Column<T> = {
  key: string;
  label: string;
  /** The server sort key this header toggles; no sort key = not sortable. */
  sort?: string;
  align?: "left" | "right";
  cell: (row: T) => React.ReactNode;
};

type ListState = { q: string; sort: string; dir: "asc" | "desc" };

/**
 * A server-rendered list: search box (GET form), sortable headers (links), pager. No client script: the URL holds
 * the state. `extra` keeps other query parameters (brand, filters) on every link.
 */
export async function DataTable<T>({
  path,
  page,
  state,
  columns,
  rowKey,
  extra = {},
  searchLabel,
  testId,
  searchable = true,
}: {
  path: string;
  page: Page<T>;
  state: ListState;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  extra?: Record<string, string | undefined>;
  searchLabel?: string;
  testId?: string;
  /** false for a list with nothing to search (a history under a detail page): no search box. */
  searchable?: boolean;
}) {
  const t = await getTranslations("admin.list");
  const current = { ...extra, q: state.q || undefined, sort: state.sort, dir: state.dir, page: page.page };
  return (
    <section data-testid={testId}>
      {searchable ? <form method="get" action={path} role="search" className="mb-3 flex gap-2">
        {Object.entries(extra).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <input type="hidden" name="sort" value={state.sort} />
        <input type="hidden" name="dir" value={state.dir} />
        <input type="search" name="q" defaultValue={state.q} placeholder={searchLabel ?? t("search")} aria-label={searchLabel ?? t("search")} className="h-10 w-full max-w-sm rounded-md border border-gray-300 px-3 text-sm" />
        <button type="submit" className="h-10 rounded-md bg-black px-4 text-sm font-medium text-white">{t("searchButton")}</button>
      </form> : null}
      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-50 text-xs text-gray-600">
            <tr>
              {columns.map((c) => {
                const active = c.sort !== undefined && c.sort === state.sort;
                const nextDir = active && state.dir === "asc" ? "desc" : "asc";
                return (
                  <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${c.align === "right" ? "text-right" : ""}`} aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
                    {c.sort ? (
                      <Link href={listHref(path, current, { sort: c.sort, dir: nextDir })} className="underline-offset-2 hover:underline">
                        {c.label}
                        {active ? (state.dir === "asc" ? " ▲" : " ▼") : ""}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-gray-500">{t("empty")}</td>
              </tr>
            ) : (
              page.rows.map((row) => (
                <tr key={rowKey(row)} className="border-t border-gray-100">
                  {columns.map((c) => (
                    <td key={c.key} className={`px-3 py-2 align-top ${c.align === "right" ? "text-right tabular-nums" : ""}`}>{c.cell(row)}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("pages")} className="mt-3 flex items-center justify-between text-sm text-gray-600">
        <span data-testid="list-total">{page.capped ? t("summaryCapped", { total: page.total, page: page.page }) : t("summary", { total: page.total, page: page.page, pages: page.pages })}</span>
        <span className="flex gap-2">
          {page.page > 1 ? <Link rel="prev" href={listHref(path, current, { page: page.page - 1 })} className="rounded-md border border-gray-300 px-3 py-1">{t("prev")}</Link> : null}
          {page.page < page.pages ? <Link rel="next" href={listHref(path, current, { page: page.page + 1 })} className="rounded-md border border-gray-300 px-3 py-1">{t("next")}</Link> : null}
        </span>
      </nav>
    </section>
  );
}
