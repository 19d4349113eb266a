import { z } from "zod";
import type { RawSearchParams } from "./list-params";

// Console list filters from the URL: anything unknown or malformed is simply no filter (like parseListParams).

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function enumFilter<T extends string>(raw: RawSearchParams, name: string, values: readonly [T, ...T[]]): T | undefined {
  return z.enum(values).optional().catch(undefined).parse(first(raw[name]) || undefined);
}

export function textFilter(raw: RawSearchParams, name: string, max = 64): string | undefined {
  return z.string().trim().min(1).max(max).optional().catch(undefined).parse(first(raw[name]) || undefined);
}

/** A yyyy-mm-dd day as the UTC instant of its Shanghai midnight; `end` gives the next day's (an exclusive bound). */
export function dayFilter(raw: RawSearchParams, name: string, end = false): { text: string; at: Date } | undefined {
  const text = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined).parse(first(raw[name]) || undefined);
  if (!text) return undefined;
  const at = new Date(`${text}T00:00:00+08:00`);
  if (Number.isNaN(at.getTime())) return undefined;
  return { text, at: end ? new Date(at.getTime() + 86_400_000) : at };
}

/** The brand query parameter the group admin's links carry. */
export function brandParam(raw: RawSearchParams): string | undefined {
  return z.string().regex(/^[a-z0-9-]{1,40}$/).optional().catch(undefined).parse(first(raw.brand) || undefined);
}
