import { z } from "zod";
import { Refusal } from "@/lib/refusal";

// The dashboards' filters as the URL holds them (?city=&store=&store=&from=&to=: any number of store codes), and the
// period they stand for.
// Days are Shanghai calendar days (UTC+8, no daylight saving): a day D runs from D-1 16:00 UTC to D 16:00 UTC.

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The longest period one dashboard shows (a year and a day, so a leap year's "same day last year" fits). */
export const MAX_PERIOD_DAYS = 366;
/** The period shown when the URL names none: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

/** The Shanghai calendar day (YYYY-MM-DD) an instant falls on. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant a Shanghai day starts at. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD / Dates are written YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "不是有效日期 / Not a valid date");

/** A single query value: the first of repeated ones; an empty field counts as not given. */
const one = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
};

/** Every store code given (?store=SH01&store=BJ01, or one field "SH01,BJ01"), empty ones dropped. */
const many = (v: unknown) => {
  const values = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [])).map((x) => x.trim()).filter(Boolean);
  return values.length ? values : undefined;
};
/** The most store codes one query names (a brand has well under this many stores). */
export const MAX_STORES = 200;

export const dashboardQuery = z.object({
  city: z.preprocess(one, z.string().max(40, "城市名称过长 / The city name is too long").optional()),
  store: z.preprocess(
    many,
    z
      .array(z.string().regex(/^[A-Za-z0-9-]{1,20}$/, "门店编号无效 / Not a valid store code").transform((s) => s.toUpperCase()))
      .max(MAX_STORES, `最多选择 ${MAX_STORES} 个门店 / At most ${MAX_STORES} stores`)
      .transform((codes) => [...new Set(codes)])
      .optional(),
  ),
  from: z.preprocess(one, isoDay.optional()),
  to: z.preprocess(one, isoDay.optional()),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export type Period = {
  /** First and last Shanghai day shown, inclusive. */
  from: string;
  to: string;
  /** [start, end) in UTC. */
  start: Date;
  end: Date;
  /** Every day of the period, in order: the x axis of the day charts. */
  days: string[];
};

export class DashboardRefused extends Refusal {
  readonly code = "invalid_filter";
}

/** The period a query asks for (the last 30 days up to today by default); a reversed or over-long one is refused. */
export function periodOf(query: Pick<DashboardQuery, "from" | "to">, now = new Date()): Period {
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_PERIOD_DAYS - 1) : shanghaiDay(now));
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw new DashboardRefused("开始日期晚于结束日期 / The start date is after the end date");
  const length = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (length > MAX_PERIOD_DAYS) throw new DashboardRefused(`时间范围最长 ${MAX_PERIOD_DAYS} 天 / The period is at most ${MAX_PERIOD_DAYS} days`);
  const days = Array.from({ length }, (_, i) => addDays(from, i));
  return { from, to, start: shanghaiDayStart(from), end: shanghaiDayStart(addDays(to, 1)), days };
}

/** Parses the URL's filters: the query (city, store codes) and the period, or the first reason they are refused. */
export function parseDashboardQuery(raw: Record<string, unknown>, now = new Date()): { ok: true; query: DashboardQuery; period: Period } | { ok: false; message: string } {
  const parsed = dashboardQuery.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "筛选条件无效 / Invalid filters" };
  try {
    return { ok: true, query: parsed.data, period: periodOf(parsed.data, now) };
  } catch (error) {
    if (error instanceof DashboardRefused) return { ok: false, message: error.message };
    throw error;
  }
}
