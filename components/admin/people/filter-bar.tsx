import Link from "next/link";
import type { StoreChoice, StoreOption } from "@/lib/inventory/admin-queries";

export type FilterField =
  | { kind: "select"; name: string; label: string; value?: string; options: { value: string; label: string }[]; anyLabel: string }
  | { kind: "date"; name: string; label: string; value?: string }
  | { kind: "text"; name: string; label: string; value?: string };

/** The store filter: a drop-down of the brand's stores, or a store-code field for a chain (lib/inventory chooseStore). */
export function storeField(choice: StoreChoice, label: string, anyLabel: string, describe: (s: StoreOption) => string = (s) => `${s.code} ${s.name}`): FilterField {
  return choice.menu
    ? { kind: "select", name: "store", label, value: choice.store?.code, anyLabel, options: choice.menu.map((s) => ({ value: s.code, label: describe(s) })) }
    : { kind: "text", name: "store", label, value: choice.store?.code };
}

/**
 * A list's filters as a plain GET form (no script needed): the search, sort and brand ride along as hidden fields,
 * and paging starts again at 1. "Clear" keeps only the brand.
 */
export function FilterBar({ path, keep, fields, applyLabel, clearLabel, testId }: { path: string; keep: Record<string, string | undefined>; fields: FilterField[]; applyLabel: string; clearLabel: string; testId?: string }) {
  return (
    <form method="get" action={path} className="mb-3 flex flex-wrap items-end gap-3 text-sm" data-testid={testId}>
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {fields.map((f) => (
        <label key={f.name} className="text-xs text-gray-600">
          {f.label}
          {f.kind === "select" ? (
            <select name={f.name} defaultValue={f.value ?? ""} className="mt-1 block h-10 rounded-md border border-gray-300 bg-white px-2 text-sm">
              <option value="">{f.anyLabel}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input type={f.kind} name={f.name} defaultValue={f.value ?? ""} className="mt-1 block h-10 rounded-md border border-gray-300 px-2 text-sm" />
          )}
        </label>
      ))}
      <button type="submit" className="h-10 rounded-md border border-gray-400 px-4">{applyLabel}</button>
      <Link href={keep.brand ? `${path}?brand=${keep.brand}` : path} className="h-10 px-2 leading-10 text-gray-600 underline">{clearLabel}</Link>
    </form>
  );
}

/** Times in the console: Asia/Shanghai wall clock, 24 h. */
export function consoleTime(locale: string) {
  const f = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  return (d: Date | null | undefined) => (d ? f.format(d) : "—");
}
