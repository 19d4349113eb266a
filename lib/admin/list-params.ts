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

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pages: number };

export function pageOf<T>(rows: T[], total: number, params: { page: number; pageSize: number }): Page<T> {
  return { rows, total, page: params.page, pageSize: params.pageSize, pages: Math.max(1, Math.ceil(total / params.pageSize)) };
}

/** The URL of the same list with some parameters changed (page reset to 1 unless it is what changes). */
export function listHref(path: string, current: Record<string, string | number | undefined>, change: Record<string, string | number | undefined>): string {
  const merged: Record<string, string | number | undefined> = { ...current, ...(("page" in change) ? {} : { page: undefined }), ...change };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "page" && Number(v) === 1)) query.set(k, String(v));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}
