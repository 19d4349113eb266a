import { z } from "zod";

// Server-side paging, search and sort for every console list: the URL is the state (?q=&sort=&dir=&page=), so a
// list can be bookmarked, shared and reloaded, and works before any script has loaded.

export type ListParams<S extends string> = { q: string; sort: S; dir: "asc" | "desc"; page: number; pageSize: number; skip: number; take: number };

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Parses the list's query; anything unknown or malformed falls back to the defaults rather than failing. */
export function parseListParams<S extends string>(raw: RawSearchParams, options: { sorts: readonly [S, ...S[]]; defaultSort: S; defaultDir?: "asc" | "desc"; pageSize?: number }): ListParams<S> {
  const pageSize = options.pageSize ?? 20;
  const q = z.string().trim().max(100).catch("").parse(first(raw.q) ?? "");
  const sort = z.enum(options.sorts).catch(options.defaultSort).parse(first(raw.sort));
  const dir = z.enum(["asc", "desc"]).catch(options.defaultDir ?? "asc").parse(first(raw.dir));
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(raw.page) ?? 1);
  return { q, sort, dir, page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

/**
 * Lists count at most this many rows: an exact count of a chain's 300,000 orders is an index scan on every page
 * view (≈ 50–150 ms on SQLite, holding the one connection); past the cap the console says "10,000+" and pages on.
 */
export const COUNT_CAP = 10_000;
/**
 * Spread into a list's count: `count({ where, ...countUpTo({ createdAt: "desc" }) })`, with the list's first sort
 * key, so the capped count walks the list's own index (without one Prisma orders by id: a scan of every row).
 */
export function countUpTo<O>(orderBy: O): { take: number; orderBy: O } {
  return { take: COUNT_CAP + 1, orderBy };
}

/** `capped`: more rows than COUNT_CAP match; `total` then says COUNT_CAP and the pager still offers the next page. */
export type Page<T> = { rows: T[]; total: number; capped: boolean; page: number; pageSize: number; pages: number };

/** `cappedAt`: a list whose matches were cut short before counting (a partial search) says "more than cappedAt". */
export function pageOf<T>(rows: T[], counted: number, params: { page: number; pageSize: number }, cappedAt?: number): Page<T> {
  const capped = cappedAt !== undefined || counted > COUNT_CAP;
  const total = cappedAt ?? Math.min(counted, COUNT_CAP);
  const known = Math.max(1, Math.ceil(total / params.pageSize));
  // Past the count cap the next page exists as long as this one is full (a cut-short search has no more).
  const pages = capped && cappedAt === undefined ? Math.max(known, params.page + (rows.length === params.pageSize ? 1 : 0)) : known;
  return { rows, total, capped, page: params.page, pageSize: params.pageSize, pages };
}

/** The URL of the same list with some parameters changed (page reset to 1 unless it is what changes). */
export function listHref(path: string, current: Record<string, string | number | undefined>, change: Record<string, string | number | undefined>): string {
  const merged: Record<string, string | number | undefined> = { ...current, ...(("page" in change) ? {} : { page: undefined }), ...change };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "page" && Number(v) === 1)) query.set(k, String(v));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}
